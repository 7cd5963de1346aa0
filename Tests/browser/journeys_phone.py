"""Browser journey for pages that fit a phone (issue 18), at 360 px: a table whose rows stack as label and value,
the compact menu (a <details>, so it works without JavaScript), and a form that reveals only the branch chosen.

Mixed into `Journey` in test_journeys.py; it starts and ends signed out, and relies only on the administrator and the
national roadmap that run.sh loads.
"""

from selenium.webdriver.common.by import By

from browser import NAV
from people import ADA

PHONE_WIDTH = 360

# Each body cell of the first stacked table: shown, inside the screen, with its column's heading drawn before it.
STACKED_JS = """
const table = document.querySelector('main table.table-stack');
if (!table) return {problems: ['no stacked table'], labels: []};
const problems = [];
const labels = [];
for (const cell of table.querySelectorAll('tbody tr:first-child > *')) {
  const r = cell.getBoundingClientRect();
  const label = cell.dataset.label || '';
  labels.push(label);
  if (r.width === 0 || r.height === 0) problems.push(`${label}: not shown`);
  if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) problems.push(`${label}: outside the screen (${r.left}-${r.right})`);
  const before = getComputedStyle(cell, '::before').content;
  if (before !== JSON.stringify(label)) problems.push(`${label}: drawn with ${before} before it`);
}
const head = table.querySelector('thead').getBoundingClientRect();
if (head.width > 1 || head.height > 1) problems.push('the column headings are still shown');
return {problems, labels};
"""


class PhoneJourney:
    def zzz_v_pages_that_fit_a_phone(self):
        b = self.b
        b.open("/sign-in", "zzz_v1 sign in")
        self.sign_in(ADA, "zzz_v2 home")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            self.phone_menu()
            self.phone_stacked_table()
            self.phone_conditional_form()
            self.sign_out("zzz_v9 signed out")
        finally:
            b.driver.set_window_size(1280, 900)

    def phone_menu(self):
        b = self.b
        b.open("/", "zzz_v3 home on a phone")
        menu = b.one(f'{NAV}//details[@class="nav-menu"]', "compact menu")
        summary = menu.find_element(By.TAG_NAME, "summary")
        b.require(summary.is_displayed() and summary.text.strip() == "Menu", "the compact menu's button is not shown")
        b.require(not b.has(f'{NAV}//ul[@class="nav-wide"]//a[normalize-space(.)="Groups"]') or
                  not b.driver.find_element(By.XPATH, f'{NAV}//ul[@class="nav-wide"]').is_displayed(),
                  "the full list of links is shown on a phone")
        b.require(b.nav_labels() == [], f"links are shown before the menu is opened: {b.nav_labels()}")
        header = b.driver.find_element(By.CSS_SELECTOR, ".site-header").rect["height"]
        b.require(header < 120, f"the closed header is {header} px tall on a phone")
        summary.click()
        b.require(menu.get_attribute("open") is not None, "the menu did not open")
        labels = b.nav_labels()
        b.require(labels[:3] == ["Home", "People", "Groups"],
                  f"an administrator's menu does not start with their most-used places: {labels}")
        b.require("Your account" in labels and "Roadmap" in labels, f"the menu leaves places out: {labels}")
        b.run_axe("zzz_v4 menu open")
        b.follow_nav("Roadmap", "zzz_v5 roadmap from the menu")
        self.expect_h1("Roadmap")

    def phone_stacked_table(self):
        b = self.b
        result = b.driver.execute_script(STACKED_JS)
        b.require(not result["problems"], f"the roadmap's stacked table at {PHONE_WIDTH} px: {result['problems']}")
        b.require("Waiting on" in result["labels"], f"the roadmap's table has no 'Waiting on' column: {result['labels']}")
        scroll, client = b.driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth]")
        b.require(scroll <= client, f"at {PHONE_WIDTH} px the roadmap scrolls sideways ({scroll} > {client})")

    def phone_conditional_form(self):
        b = self.b
        b.open("/organisations/new", "zzz_v6 register an organisation")
        size = b.one('//main//fieldset[legend[normalize-space(.)="Size, by annual income"]]', "size question")
        b.require(not size.is_displayed(), "the VCSE questions show before VCSE is chosen")
        b.choose("Local authority")
        b.require(not size.is_displayed(), "the VCSE questions show for a local authority")
        b.choose("Voluntary, community and social enterprise (VCSE)")
        b.require(size.is_displayed(), "choosing VCSE does not show its questions")
        b.fill("Name", "Lanternfish Phone Club")
        b.submit("zzz_v7 no size chosen", button="Save the organisation", status=422)
        self.expect_form_errors("zzz_v7 no size chosen", ["vcse_size"])
        size = b.one('//main//fieldset[legend[normalize-space(.)="Size, by annual income"]]', "size question")
        b.require(size.is_displayed(), "shown again with an error, the chosen branch is hidden")
        b.choose("Micro: annual income under £10,000")
        b.submit("zzz_v8 registered", button="Save the organisation")
        self.expect_h1("Lanternfish Phone Club")


PHONE_STEPS = [PhoneJourney.zzz_v_pages_that_fit_a_phone]
