"""A headless Chromium driven by Selenium, with the checks every page of Alongside must pass.

`Browser.check(shot)` runs after every page load: structure (one h1, lang, skip link, main, title),
axe-core (WCAG 2.0/2.1 A and AA plus 2.2 AA) and a full-page screenshot. Problems found there are
collected (`Browser.problems`) so one run reports every page's faults; a journey step that cannot
go on raises `JourneyError` instead.
"""

import base64
import json
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe-selenium-python pastes options into the script as text, so they go in as a JSON string.
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
WIDE = (1280, 900)
NARROW = (320, 800)
NAV = '//nav[@aria-label="Main"]'
PAGE_LOAD_SECONDS = 20

# Structure checks, run in the page. Returns a list of problems (strings).
STRUCTURE_JS = """
const problems = [];
const lang = document.documentElement.getAttribute('lang');
if (lang !== 'en-GB') problems.push(`html lang is ${JSON.stringify(lang)}, expected "en-GB"`);
if (!document.title.trim()) problems.push('the title is empty');
const h1s = document.querySelectorAll('h1');
if (h1s.length !== 1) problems.push(`${h1s.length} <h1> elements, expected exactly one`);
const mains = document.querySelectorAll('main');
if (mains.length !== 1) problems.push(`${mains.length} <main> elements, expected exactly one`);
if (!document.getElementById('main')) problems.push('nothing has id="main" for the skip link');
const focusable = [...document.querySelectorAll(
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'
)].filter(e => !e.disabled && !e.closest('[hidden]'));
const first = focusable[0];
if (!first || first.tagName !== 'A' || first.getAttribute('href') !== '#main') {
  problems.push('the first focusable element is not a skip link to #main: ' +
                (first ? first.outerHTML.slice(0, 120) : 'nothing focusable'));
} else {
  first.focus();
  const r = first.getBoundingClientRect();
  const shown = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 &&
                r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  if (!shown) problems.push('the skip link is not visible when it has focus');
  first.blur();
}
return problems;
"""

# The outermost elements that make the page scroll sideways: their right edge passes the visible
# width and no box clips them. A box clips when its overflow is hidden, or when it scrolls and says so:
# role="region", tabindex="0" (so a keyboard can scroll it) and an accessible name with the word
# "scroll" in it (issue 18). A box that scrolls without saying so does not count, and is reported
# itself when its content is wider than it. An absolutely positioned box is clipped only by a box
# that is, or contains, its containing block (so a visually hidden span in a scrolling table wrapper
# that is not positioned still widens the page).
OVERFLOW_JS = """
const limit = document.documentElement.clientWidth;
const name = e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('aria-labelledby') || '')
  .split(/\\s+/).filter(Boolean).map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
const declared = e => e.getAttribute('role') === 'region' && e.getAttribute('tabindex') === '0' && /scroll/i.test(name(e));
const scrolls = style => style.overflowX === 'auto' || style.overflowX === 'scroll';
const clipped = e => {
  let position = getComputedStyle(e).position;
  if (position === 'fixed') return false;
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (position === 'absolute' && style.position === 'static') continue;
    if (style.overflowX !== 'visible' && (!scrolls(style) || declared(a))) return true;
    if (style.position === 'fixed') return false;
    if (style.position !== 'static') position = style.position;
  }
  return false;
};
const escapes = e => e !== document.body && e.getBoundingClientRect().right > limit + 0.5 && !clipped(e);
const all = [...document.body.querySelectorAll('*')];
const sticking = all
  .filter(e => escapes(e) && !escapes(e.parentElement))
  .map(e => `right edge at ${Math.round(e.getBoundingClientRect().right)} px: ${e.outerHTML.slice(0, 160)}`);
const hidden = all
  .filter(e => scrolls(getComputedStyle(e)) && e.scrollWidth > e.clientWidth + 1 && !declared(e))
  .map(e => `scrolls sideways (${e.scrollWidth} px in ${e.clientWidth} px) without saying so: ${e.outerHTML.slice(0, 160)}`);
return sticking.concat(hidden).slice(0, 6);
"""

# Pages of one kind share a template: /groups/12/meetings/3 and /groups/7/meetings/9 are checked at
# 320 px once (numbers, UUIDs and long tokens in the path stand for any).
PATH_PART = re.compile(r"^(\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[A-Za-z0-9_-]{20,})$")


def page_kind(url):
    parts = urlparse(url).path.split("/")
    return "/".join("*" if PATH_PART.match(part) else part for part in parts)


FOCUS_JS = """
const e = document.activeElement;
return e ? {tag: e.tagName, id: e.id, cls: e.className || ''} : null;
"""


class JourneyError(AssertionError):
    """A step of the journey could not go on."""


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--log-level=3",
                     f"--window-size={WIDE[0]},{WIDE[1]}"):
        options.add_argument(argument)
    # The performance log carries each document's HTTP status, which WebDriver does not expose.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    driver.set_script_timeout(PAGE_LOAD_SECONDS)
    return driver


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def exact_text(text):
    """An XPath string literal for an exact, whitespace-normalised text match."""
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", '\"', ".join(f'"{part}"' for part in text.split('"')) + ")"


class Browser:
    def __init__(self, base_url, screenshots):
        self.base_url = base_url.rstrip("/")
        self.screenshots = Path(screenshots)
        self.screenshots.mkdir(parents=True, exist_ok=True)
        self.driver = make_driver()
        self.axe = Axe(self.driver)
        self.problems = []      # (page name, url, problem)
        self.pages_checked = 0
        self.kinds_narrowed = set()  # page kinds (page_kind) already checked at 320 px
        self.narrow_seconds = 0.0    # time spent on those checks
        self.status = None      # HTTP status of the last document loaded
        self.focus_on_load = None

    def close(self):
        self.driver.quit()

    # ---- assertions ---------------------------------------------------------------------------

    def require(self, condition, message):
        """A journey expectation: failing it stops the run."""
        if not condition:
            raise JourneyError(f"{message}\n    at {self.driver.current_url} (title {self.driver.title!r})")

    def note(self, condition, page, message):
        """A convention: failing it is reported at the end, and the journey goes on."""
        if not condition:
            self.problems.append((page, self.driver.current_url, message))

    # ---- navigation ---------------------------------------------------------------------------

    def url(self, path):
        return urljoin(self.base_url + "/", path)

    def path(self):
        parsed = urlparse(self.driver.current_url)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")

    def open(self, path, shot, status=200):
        self.driver.get(self.url(path))
        self.check(shot, status)

    def click_and_check(self, element, shot, status=200):
        # Waits for the old page's <html> to go. While Chromium swaps documents it sometimes answers with a
        # generic "Node ... does not belong to the document" error instead of a stale-element one: both mean
        # the old page has gone (see page_replaced).
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        try:
            WebDriverWait(self.driver, PAGE_LOAD_SECONDS).until(lambda _: page_replaced(old))
        except TimeoutException:
            raise JourneyError(f"clicking {element_label(element)!r} did not load a new page "
                               f"(still at {self.driver.current_url})") from None
        self.check(shot, status)

    def submit(self, shot, button=None, status=200):
        """Press the button with this text, or else the submit button of the one form in <main>."""
        element = (self.button(button) if button else
                   self.one('//main//form[.//button[@type="submit"]]', "form in <main>")
                       .find_element(By.XPATH, './/button[@type="submit"]'))
        self.click_and_check(element, shot, status)

    def follow(self, link_text, shot, within="//main", status=200):
        self.click_and_check(self.link(link_text, within), shot, status)

    def follow_nav(self, link_text, shot, status=200):
        self.follow(link_text, shot, within=NAV, status=status)

    # ---- checks after every page load ---------------------------------------------------------

    def check(self, shot, status=200):
        """Everything every page must pass, then a screenshot named after the step."""
        WebDriverWait(self.driver, PAGE_LOAD_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        self.pages_checked += 1
        self.focus_on_load = self.driver.execute_script(FOCUS_JS)
        self.status = self.document_status()
        if status is not None:
            self.note(self.status == status, shot, f"HTTP status {self.status}, expected {status}")
        for problem in self.driver.execute_script(STRUCTURE_JS):
            self.note(False, shot, problem)
        self.run_axe(shot)
        self.screenshot(shot)
        kind = page_kind(self.driver.current_url) + f" {self.status}"
        if kind not in self.kinds_narrowed:
            self.kinds_narrowed.add(kind)
            self.no_sideways_scrolling(shot)

    def no_sideways_scrolling(self, shot):
        """At 320 px wide nothing scrolls sideways except a box that says it scrolls (OVERFLOW_JS).
        Once per page kind. The viewport is narrowed by emulation, not by resizing the window, so clearing it puts
        the page back exactly as it was, whatever size a journey has set the window to."""
        started = time.monotonic()
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": NARROW[0], "height": NARROW[1], "deviceScaleFactor": 1, "mobile": False})
        try:
            self.require_narrow()
            self.note_overflow(shot)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            # The renderer applies the cleared size a moment later: wait for it, so the journey's next look at the
            # page (is the menu's link shown?) never sees the narrow layout.
            for _ in range(100):
                if self.driver.execute_script("return innerWidth") != NARROW[0]:
                    break
                time.sleep(0.02)
            self.narrow_seconds += time.monotonic() - started

    def require_narrow(self):
        inner = self.driver.execute_script("return innerWidth")
        self.require(inner == NARROW[0], f"could not make the window {NARROW[0]} px wide (it is {inner} px)")

    def note_overflow(self, shot):
        scroll, client, culprits = self.driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth, (function () {"
            + OVERFLOW_JS + "})()]")
        if scroll > client or culprits:
            lines = "".join(f"\n        {line}" for line in culprits)
            self.note(False, shot, f"at {NARROW[0]} px the page scrolls sideways: scrollWidth {scroll} px, "
                                   f"visible width {client} px; sticking out:{lines}")

    def document_status(self):
        """The status of the newest document response in Chromium's performance log."""
        status = None
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived" and message["params"].get("type") == "Document":
                status = message["params"]["response"]["status"]
        return status

    def run_axe(self, page):
        self.axe.inject()
        results = self.axe.run(options=AXE_OPTIONS)
        for violation in results["violations"]:
            nodes = "\n".join(
                f"        target {', '.join(map(str, node['target']))}\n          html {node['html']}"
                for node in violation["nodes"])
            self.note(False, page, f"axe {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}")

    def screenshot(self, shot):
        """A full-page PNG, so long pages are seen whole. Headless Chromium now and then answers
        "Unable to capture screenshot"; try again once, then report it and go on."""
        for attempt in (1, 2):
            try:
                return self.capture(shot)
            except WebDriverException as error:
                if attempt == 2:
                    print(f"    (no screenshot for {shot!r}: {error.msg})", flush=True)

    def capture(self, shot):
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        width, _ = self.window_size()
        # Capturing beyond the viewport lays the page out without a scroll bar, so the shot is
        # as wide as the window (content size leaves out the scroll bar's width).
        clip = {"x": 0, "y": 0, "width": max(size["width"], width), "height": max(size["height"], 1), "scale": 1}
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
        suffix = "" if width >= WIDE[0] else f"-{width}px"
        (self.screenshots / f"{slug(shot)}{suffix}.png").write_bytes(base64.b64decode(data))

    def window_size(self):
        return self.driver.execute_script("return [window.innerWidth, window.innerHeight]")

    # ---- reading the page ---------------------------------------------------------------------

    def one(self, xpath, what):
        found = self.driver.find_elements(By.XPATH, xpath)
        self.require(len(found) == 1, f"expected exactly one {what}, found {len(found)}")
        return found[0]

    def button(self, text):
        return self.one(f"//button[normalize-space(.)={exact_text(text)}]", f"button {text!r}")

    def link(self, text, within="//main"):
        if within == NAV:
            # The main navigation holds the full list (wide) and the compact menu (narrow): only one is shown.
            found = [a for a in self.driver.find_elements(By.XPATH, f"{NAV}//a[normalize-space(.)={exact_text(text)}]")
                     if a.is_displayed()]
            self.require(len(found) == 1, f"expected exactly one link {text!r} shown in the main navigation, found {len(found)}")
            return found[0]
        return self.one(f"{within}//a[normalize-space(.)={exact_text(text)}]", f"link {text!r}")

    def field(self, key):
        """A form control: "#id", or else the one a <label> with exactly this text points at."""
        if key.startswith("#"):
            found = self.driver.find_elements(By.ID, key[1:])
            self.require(len(found) == 1, f"expected one element with id {key}, found {len(found)}")
            return found[0]
        label = self.label(key)
        target = label.get_attribute("for")
        self.require(target, f"label {key!r} has no for attribute")
        try:
            return self.driver.find_element(By.ID, target)
        except NoSuchElementException:
            raise JourneyError(f"label {key!r} points at #{target}, which is not on the page") from None

    def label(self, text):
        return self.one(f"//label[normalize-space(.)={exact_text(text)}]", f"label {text!r}")

    def fill(self, key, value):
        element = self.field(key)
        element.clear()
        element.send_keys(value)

    def choose(self, label_text, ticked=True):
        """Pick a radio button, or tick or untick a checkbox, by clicking its label as a person would."""
        control = self.field(label_text)
        if control.is_selected() != ticked:
            label = self.label(label_text)
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
            label.click()
        self.require(control.is_selected() == ticked,
                     f"clicking the label did not {'choose' if ticked else 'untick'} {label_text!r}")

    def choose_value(self, name, value):
        """Pick the radio button (or tick the checkbox) with this name and value by clicking its label: for
        choices whose label text is not unique on the page, like "Yes" and "No"."""
        control = self.one(f"//main//input[@name={exact_text(name)}][@value={exact_text(value)}]", f"{name}={value} choice")
        if not control.is_selected():
            label = self.one(f"//label[@for={exact_text(control.get_attribute('id'))}]", f"label of {name}={value}")
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
            label.click()
        self.require(control.is_selected(), f"clicking the label did not choose {name}={value}")

    def set_value(self, key, value):
        """A date or time input: what Chromium takes from the keyboard depends on the locale (day or month
        first, 12 or 24 hours), so set the value as its picker would, with the events a picker fires."""
        element = self.field(key)
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "for (const kind of ['input', 'change']) arguments[0].dispatchEvent(new Event(kind, {bubbles: true}));",
            element, value)
        self.require(element.get_attribute("value") == value,
                     f"{key!r} did not take {value!r} (it holds {element.get_attribute('value')!r})")

    def select(self, key, visible_text):
        Select(self.field(key)).select_by_visible_text(visible_text)

    def selected(self, key):
        """The text of the option chosen in a <select>."""
        return Select(self.field(key)).first_selected_option.text.strip()

    def is_chosen(self, key):
        return self.field(key).is_selected()

    def value(self, key):
        return self.field(key).get_attribute("value")

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def title(self):
        return self.driver.title

    def main_text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def table_rows(self, caption=None):
        """The body rows of the table in <main> with this caption (or of its only table), each a list
        of cell texts, header cells included."""
        table = (f'//main//table[caption[normalize-space(.)={exact_text(caption)}]]' if caption
                 else "//main//table")
        self.one(table, f"table captioned {caption!r}" if caption else "table")
        return [[cell.text.strip() for cell in tr.find_elements(By.XPATH, "./th|./td")]
                for tr in self.driver.find_elements(By.XPATH, f"{table}/tbody/tr")]

    def has(self, xpath):
        return bool(self.driver.find_elements(By.XPATH, xpath))

    def nav_labels(self):
        return [a.text.strip() for a in self.driver.find_elements(By.XPATH, f"{NAV}//a") if a.is_displayed()]

    def error_summary_links(self, page):
        """Check the page is a form shown again with errors; return the summary's link targets."""
        self.require(self.title().startswith("Error: "), f"title should start with 'Error: ', is {self.title()!r}")
        summaries = self.driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        self.require(len(summaries) == 1, f"expected one .error-summary, found {len(summaries)}")
        summary = summaries[0]
        self.require("There is a problem" in summary.text, f"error summary says {summary.text!r}")
        focus = self.focus_on_load or {}
        self.note("error-summary" in focus.get("cls", ""), page,
                  f"focus is not on the error summary after the page loads (it is on {focus})")
        hrefs = [a.get_attribute("href") for a in summary.find_elements(By.TAG_NAME, "a")]
        fragments = ["#" + urlparse(h).fragment for h in hrefs]
        for fragment in fragments:
            self.note(self.driver.find_elements(By.CSS_SELECTOR, fragment), page,
                      f"error summary link {fragment} points at nothing on the page")
        return fragments

    def at_narrow_width(self, shot):
        """Re-check the current page at 320 px: no horizontal scrolling, and axe again."""
        self.driver.set_window_size(*NARROW)
        try:
            self.require_narrow()
            self.note_overflow(shot)
            self.run_axe(shot + f" at {NARROW[0]} px")
            self.screenshot(shot)
        finally:
            self.driver.set_window_size(*WIDE)

    def skip_link_by_keyboard(self, page):
        """From a fresh page load, Tab reaches the skip link first and Enter moves focus to main."""
        self.driver.refresh()
        WebDriverWait(self.driver, PAGE_LOAD_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        ActionChains(self.driver).send_keys(Keys.TAB).perform()
        focused = self.driver.switch_to.active_element
        self.note(focused.get_attribute("class") == "skip-link", page,
                  f"the first Tab lands on {element_label(focused)!r}, not the skip link")
        ActionChains(self.driver).send_keys(Keys.ENTER).perform()
        self.note(self.driver.switch_to.active_element.get_attribute("id") == "main", page,
                  "after following the skip link with Enter, focus is not on <main>")
        # The checks come last: they move focus themselves.
        self.check(page)


def element_label(element):
    return (element.text or element.get_attribute("value") or element.tag_name).strip()


def page_replaced(old_html):
    """True once the element from the previous page is no longer part of the current document."""
    try:
        old_html.is_enabled()
        return False
    except WebDriverException:
        # StaleElementReferenceException, or Chromium's mid-navigation inspector error: the page was replaced.
        return True
