"""Real-browser journeys through Alongside, from first set-up to a member's first sign-in, then a group.

Needs a fresh server: ALONGSIDE_URL (http://127.0.0.1:PORT) and ALONGSIDE_SETUP_URL (the one-time
set-up link it printed). Screenshots go to ALONGSIDE_SCREENSHOTS. Run with `python test_journeys.py`
(or pytest); `run.sh` does all of that for you.

Every page load is checked by `Browser.check` (axe-core, one h1, lang, skip link, main, title).
"""

import os
import re
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from browser import NAV, Browser, exact_text


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    password: str


# Obviously fictional people.
ADA = Person("Ada Example", "ada.admin@example.org", "plum orchard lantern 42")
BO = Person("Bo Sample", "bo.member@example.org", "quiet river meadow 17")
BO_ROLE = "Expert by experience"
PUBLIC_PAGES = ["/accessibility", "/privacy"]


@dataclass(frozen=True)
class GroupPlan:
    name: str
    kind: str
    purpose: str
    status: str
    visibility: str


GROUP = GroupPlan("Example Leaders Group", "Leaders group", "Agrees the partnership's priorities and oversees its work.",
                  "Active", "Published: anyone can read it")
GROUP_FIELDS = ["name", "kind", "purpose", "status", "visibility"]
COMPOSITION = "Representation the group must have"
MEMBERS = "Members, current and past"
LEADERS_GROUP_SEATS = 9
LIVED_EXPERIENCE_SEAT = "Experts by experience and carers"
DROPPED_REQUIREMENT = "Employment services"
CHAIR_WARNING = "no expert by experience or carer is chair or co-chair"
ACCESS_DENIED = "You do not have access to this page"


class Journey:
    def __init__(self, browser, setup_url):
        self.b = browser
        self.setup_url = setup_url
        self.bo_link = None
        self.group_path = None

    # ---- shared moves -------------------------------------------------------------------------

    def expect_home(self, person):
        b = self.b
        b.require(b.path() == "/", f"expected the home page, got {b.path()}")
        b.require(person.name in b.h1(), f"home page h1 {b.h1()!r} does not name {person.name}")
        b.require(b.driver.find_elements(By.XPATH, NAV), "the main navigation is missing")
        b.require("Home" in b.nav_labels(), f"no Home link in the navigation: {b.nav_labels()}")

    def expect_form_errors(self, shot, fields):
        """The form came back with an error summary linking to each of these fields."""
        links = self.b.error_summary_links(shot)
        for name in fields:
            self.b.require(f"#field-{name}" in links, f"no error summary link to #field-{name}: {links}")

    def sign_out(self, shot):
        self.b.submit(shot, button="Sign out")
        self.b.require(self.b.path().startswith("/sign-in"), f"signing out led to {self.b.path()}, not /sign-in")

    def sign_in(self, person, shot, password=None):
        b = self.b
        b.fill("Email address", person.email)
        b.fill("Password", password or person.password)
        b.submit(shot, button="Sign in", status=200 if password is None else 422)

    def set_password(self, password, shot, status=200):
        self.b.fill("#field-password", password)
        self.b.fill("#field-confirm_password", password)
        self.b.submit(shot, status=status)

    def expect_h1(self, text):
        self.b.require(self.b.h1() == text, f"h1 is {self.b.h1()!r}, expected {text!r}")

    def sign_in_again(self, person, prefix):
        self.b.open("/sign-in", f"{prefix} sign in")
        self.sign_in(person, f"{prefix} home")
        self.expect_home(person)

    def expect_composition(self, shot, seats, missing):
        """The group page lists `seats` requirements, `missing` of them tagged "Missing"; returns
        {requirement: who fills it}."""
        b = self.b
        self.expect_h1(GROUP.name)
        filled = {cells[0]: cells[1] for cells in b.table_rows(COMPOSITION)}
        b.require(len(filled) == seats, f"{len(filled)} requirements listed, expected {seats}: {list(filled)}")
        tags = b.driver.find_elements(By.XPATH, '//main//table//*[contains(@class, "tag")][normalize-space(.)="Missing"]')
        b.require(len(tags) == missing, f"{len(tags)} 'Missing' tags, expected {missing}")
        b.note(f"{missing} seats the group must have are missing." in b.main_text(), shot,
               f"the page does not say {missing} seats are missing")
        return filled

    def expect_chair_warning(self, shown):
        showing = CHAIR_WARNING in self.b.main_text()
        self.b.require(showing == shown, f"the lived-experience chair warning is {'missing' if shown else 'still shown'}")

    def member_row(self, name):
        rows = [cells for cells in self.b.table_rows(MEMBERS) if cells[0].startswith(name)]
        self.b.require(len(rows) == 1, f"expected one row for {name} in the members table, found {rows}")
        return rows[0]

    def visit_public_pages(self, prefix):
        for path in PUBLIC_PAGES:
            self.b.open(path, f"{prefix} {path.strip('/')}")
            self.b.require(self.b.h1(), f"{path} has an empty h1")

    # ---- the journey, in order ----------------------------------------------------------------

    def a_set_up_first_administrator(self):
        b = self.b
        b.driver.get(self.setup_url)
        b.check("a1 setup")
        b.fill("#field-name", ADA.name)
        b.fill("#field-email", ADA.email)
        b.fill("#field-password", "short")
        b.fill("#field-confirm_password", "short")
        b.submit("a2 setup password too short", status=422)
        self.expect_form_errors("a2 setup password too short", ["password"])
        b.require(b.value("#field-name") == ADA.name, f"name not kept: {b.value('#field-name')!r}")
        b.require(b.value("#field-email") == ADA.email, f"email not kept: {b.value('#field-email')!r}")
        self.set_password(ADA.password, "a3 home administrator")
        self.expect_home(ADA)

    def b_sign_out(self):
        self.sign_out("b1 sign in")
        self.b.skip_link_by_keyboard("b1 sign in")
        self.b.at_narrow_width("b1 sign in")

    def c_sign_in(self):
        b = self.b
        self.sign_in(ADA, "c1 sign in wrong password", password="not the password at all")
        self.expect_form_errors("c1 sign in wrong password", [])
        b.require(b.value("Email address") == ADA.email, "the email address typed was not kept")
        self.sign_in(ADA, "c2 home administrator")
        self.expect_home(ADA)
        b.at_narrow_width("c2 home administrator")

    def d_create_account(self):
        b = self.b
        b.follow_nav("People", "d1 people")
        b.follow("Create an account", "d2 create account")
        b.submit("d3 create account empty", status=422)
        self.expect_form_errors("d3 create account empty", ["name", "email", "role"])
        b.fill("#field-name", BO.name)
        b.fill("#field-email", BO.email)
        b.choose(BO_ROLE)
        b.submit("d4 person created")
        self.expect_h1(BO.name)
        link = b.field("#one-time-link")
        b.require(link.get_attribute("readonly") is not None, "#one-time-link is not readonly")
        self.bo_link = link.get_attribute("value")
        b.require(re.search(r"/set-password/[\w-]{20,}$", self.bo_link or ""),
                  f"#one-time-link does not hold a set-password link: {self.bo_link!r}")

    def e_audit_log(self):
        b = self.b
        b.follow_nav("Audit log", "e1 audit log")
        self.expect_audit_rows("e1 audit log", must_mention=BO.name)
        b.select("Kind of record", "Account")
        b.submit("e2 audit log accounts", button="Apply filters")
        b.require("kind=account" in b.path(), f"the filter is not in the address: {b.path()}")
        for cells in self.expect_audit_rows("e2 audit log accounts", must_mention=BO.name):
            b.require(cells[3].startswith("Account"), f"a non-account row is listed: {cells}")
        self.try_invalid_from_date()

    def expect_audit_rows(self, shot, must_mention):
        b = self.b
        caption = b.one("//main//table/caption", "table caption").text.strip()
        b.require(caption, "the audit table's caption is empty")
        rows = b.table_rows()
        b.require(rows, "the audit table has no rows")
        b.require(any(must_mention in " ".join(cells) for cells in rows), f"no audit row mentions {must_mention}")
        for cells in rows:
            b.note(re.match(r"\d{1,2} [A-Z][a-z]+ \d{4}", cells[0]), shot,
                   f"date not written like '3 March 2026': {cells[0]!r}")
        return rows

    def try_invalid_from_date(self):
        b = self.b
        date_input = b.field("From")
        date_input.send_keys("not a date")
        if date_input.get_attribute("value") == "":
            print("    (skipped typing an invalid date: Chromium's date input does not take free text;"
                  " checking the server with ?from=not-a-date instead)")
            b.open("/admin/audit?from=not-a-date", "e3 audit log invalid date", status=None)
        else:
            b.submit("e3 audit log invalid date", button="Apply filters", status=None)
        self.expect_form_errors("e3 audit log invalid date", ["from"])

    def f_change_password_wrongly(self):
        b = self.b
        b.follow_nav("Your account", "f1 your account")
        self.expect_h1("Your account")
        b.follow("Change your password", "f2 change password")
        b.fill("#field-current_password", "this is not my password")
        self.set_password("a brand new password 99", "f3 change password wrong current", status=422)
        self.expect_form_errors("f3 change password wrong current", ["current_password"])

    def g_public_pages_signed_in(self):
        self.visit_public_pages("g signed in")

    def h_member_first_sign_in(self):
        b = self.b
        self.sign_out("h1 sign in")
        b.driver.get(self.bo_link)
        b.check("h2 set password")
        self.set_password(BO.password, "h3 home member")
        self.expect_home(BO)
        self.expect_h1(f"Hello, {BO.name}")
        b.require("People" not in b.nav_labels(), f"a member sees People in the navigation: {b.nav_labels()}")
        b.open("/admin/users", "h4 people forbidden", status=403)
        self.expect_h1(ACCESS_DENIED)
        b.open("/there-is-no-such-page-here", "h5 page not found", status=404)
        self.expect_h1("Page not found")

    def i_one_time_link_used_up(self):
        b = self.b
        b.open("/", "i1 home member again")
        self.sign_out("i2 sign in")
        b.driver.get(self.bo_link)
        b.check("i3 used link", status=404)
        self.expect_h1("Page not found")
        self.visit_public_pages("i4 signed out")

    def j_create_group(self):
        b = self.b
        self.sign_in_again(ADA, "j1")
        b.follow_nav("Groups", "j2 groups")
        self.expect_h1("Groups")
        b.follow("Create a group", "j3 create group")
        b.submit("j4 create group empty", button="Create group", status=422)
        self.expect_form_errors("j4 create group empty", GROUP_FIELDS)
        b.fill("Name", GROUP.name)
        b.fill("Purpose", GROUP.purpose)
        for choice in (GROUP.kind, GROUP.status, GROUP.visibility):
            b.choose(choice)
        b.submit("j5 group created", button="Create group")
        match = re.fullmatch(r"/groups/\d+", b.path())
        b.require(match, f"creating the group led to {b.path()}, not /groups/ID")
        self.group_path = match.group(0)

    def k_group_composition(self):
        self.expect_composition("j5 group created", seats=LEADERS_GROUP_SEATS, missing=LEADERS_GROUP_SEATS)
        self.expect_chair_warning(shown=True)
        self.b.require(not self.b.has(f"//main//table[caption={exact_text(MEMBERS)}]"),
                       "a new group already has a members table")

    def l_add_member(self):
        b = self.b
        b.follow("Add a member", "l1 add member")
        b.require(re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.value("Joins on") or ""),
                  f"'Joins on' is not filled in with today: {b.value('Joins on')!r}")
        b.select("Person", BO.name)
        b.choose("Co-chair")
        b.select("Represents", "A named under-served community")
        b.submit("l2 add member no community", button="Add member", status=422)
        self.expect_form_errors("l2 add member no community", ["community"])
        b.require(b.selected("Person") == BO.name, f"the person chosen was not kept: {b.selected('Person')!r}")
        b.require(b.is_chosen("#field-seat-co_chair"), "the Co-chair seat chosen was not kept")
        b.require(b.selected("Represents") == "A named under-served community",
                  f"what they represent was not kept: {b.selected('Represents')!r}")
        b.select("Represents", BO_ROLE)
        b.submit("l3 group with member", button="Add member")
        filled = self.expect_composition("l3 group with member", seats=LEADERS_GROUP_SEATS, missing=LEADERS_GROUP_SEATS - 1)
        b.require(filled[LIVED_EXPERIENCE_SEAT] == BO.name,
                  f"{LIVED_EXPERIENCE_SEAT!r} is filled by {filled[LIVED_EXPERIENCE_SEAT]!r}, not {BO.name}")
        self.expect_chair_warning(shown=False)
        row = self.member_row(BO.name)
        b.require(row[:3] == [BO.name, "Co-chair", BO_ROLE], f"Bo's row in the members table reads {row}")
        b.at_narrow_width("l3 group with member")

    def m_change_requirements(self):
        b = self.b
        b.follow("Change the group's details", "m1 change group")
        self.expect_h1(f"Change {GROUP.name}")
        b.choose(DROPPED_REQUIREMENT, ticked=False)
        b.submit("m2 group changed", button="Save changes")
        filled = self.expect_composition("m2 group changed", seats=LEADERS_GROUP_SEATS - 1, missing=LEADERS_GROUP_SEATS - 2)
        b.require(DROPPED_REQUIREMENT not in filled, f"{DROPPED_REQUIREMENT!r} is still required")
        b.require(filled[LIVED_EXPERIENCE_SEAT] == BO.name, f"Bo no longer fills {LIVED_EXPERIENCE_SEAT!r}")

    def n_end_membership(self):
        b = self.b
        b.click_and_check(b.button(f"End membership of {BO.name}"), "n1 membership ended")
        self.expect_h1(GROUP.name)
        row = self.member_row(BO.name)
        b.note(row[0] == f"{BO.name} (not current)", "n1 membership ended",
               f"the ended membership's row reads {row[0]!r}, not '{BO.name} (not current)'")
        b.require(not b.has('//main//button[starts-with(normalize-space(.), "End membership")]'),
                  "an ended membership can still be ended")

    def o_published_group_signed_out(self):
        b = self.b
        self.sign_out("o1 sign in")
        b.open(f"/published{self.group_path}", "o2 published group")
        self.expect_h1(GROUP.name)
        b.require(b.table_rows(COMPOSITION), "the public page has no representation table")
        for link in ("Add a member", "Change the group's details"):
            b.require(not b.has(f"//main//a[normalize-space(.)={exact_text(link)}]"), f"the public page offers {link!r}")

    def p_member_cannot_create_groups(self):
        b = self.b
        self.sign_in_again(BO, "p1")
        b.follow_nav("Groups", "p2 groups member")
        b.require(not b.has('//main//a[normalize-space(.)="Create a group"]'), "a member is offered 'Create a group'")
        b.require(b.has(f"//main//a[normalize-space(.)={exact_text(GROUP.name)}]"), f"{GROUP.name} is not listed")
        b.open("/groups/new", "p3 create group forbidden", status=403)
        self.expect_h1(ACCESS_DENIED)

    STEPS = [
        a_set_up_first_administrator, b_sign_out, c_sign_in, d_create_account, e_audit_log,
        f_change_password_wrongly, g_public_pages_signed_in, h_member_first_sign_in, i_one_time_link_used_up,
        j_create_group, k_group_composition, l_add_member, m_change_requirements, n_end_membership,
        o_published_group_signed_out, p_member_cannot_create_groups,
    ]


def report_problems(problems):
    print(f"\n{len(problems)} problem(s) found on pages:")
    for page, url, problem in problems:
        print(f"\n  [{page}] {url}\n    {problem}")


def run(base_url, setup_url, screenshots):
    """Run the journey; return a list of failure descriptions (empty when all is well)."""
    browser = Browser(base_url, screenshots)
    journey = Journey(browser, setup_url)
    failures = []
    try:
        for step in Journey.STEPS:
            started = time.monotonic()
            print(f"- {step.__name__.replace('_', ' ', 1)}", flush=True)
            try:
                step(journey)
            except Exception as error:  # noqa: BLE001 — report any failure, with the page it happened on
                failures.append(f"{step.__name__}: {error}")
                traceback.print_exc()
                browser.screenshot(f"FAILED {step.__name__}")
                break
            print(f"    ok ({time.monotonic() - started:.1f} s)", flush=True)
    finally:
        browser.close()
    if browser.problems:
        report_problems(browser.problems)
        failures += [f"[{page}] {problem.splitlines()[0]}" for page, _, problem in browser.problems]
    print(f"\n{browser.pages_checked} page loads checked; screenshots in {screenshots}")
    return failures


def settings():
    base_url = os.environ.get("ALONGSIDE_URL")
    setup_url = os.environ.get("ALONGSIDE_SETUP_URL")
    if not base_url or not setup_url:
        raise SystemExit("Set ALONGSIDE_URL and ALONGSIDE_SETUP_URL (run.sh does this).")
    screenshots = os.environ.get("ALONGSIDE_SCREENSHOTS") or os.path.join(tempfile.gettempdir(), "alongside-screenshots")
    return base_url, setup_url, screenshots


def test_journeys():
    """For pytest: the whole journey is one test, since each step builds on the one before."""
    failures = run(*settings())
    assert not failures, "\n".join(failures)


def main():
    failures = run(*settings())
    if failures:
        print(f"\nFAILED: {len(failures)} failure(s)")
        for failure in failures:
            print(f"  {failure}")
        return 1
    print("\nPASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
