"""Real-browser journeys through Alongside, from first set-up to a member's first sign-in, then a group,
its terms of reference adopted by a decision, and its meetings with attendance, quorum and actions.

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

# Terms of reference adopted by a decision, then meetings held under them. The server's clock is real time,
# so meetings are planned well ahead and the overdue action is due well before today.
CY = Person("Cy Placeholder", "cy.member@example.org", "")  # never signs in
CY_SECTOR = "Voluntary, community and social enterprise (VCSE)"
TERMS_TEXT = {
    "Scope and approach": "Agrees the partnership's priorities, co-produced with experts by experience.",
    "Attendance": "Members attend or send their named deputy.",
    "Ways of working": "Plain words, papers a week ahead, and everyone heard.",
}
TERMS_QUORUM_SHARE = "50"
DECISION_TITLE = "Adopt the terms of reference"
DECISION_QUESTION = "Should the group adopt version 1 of its terms of reference?"
DECISION_REASONS = "The group drafted them together and no one objected."
ADOPT_VERSION_1 = "Yes: adopt version 1"
MEETING_DAY = "2026-12-03"
MEETING_PURPOSE = "Agree the winter priorities."
MEETING_ADDRESS = "Example Community Hall, 1 Sample Street"
MEETING_JOINING = "The video link is sent the day before."
AGENDA = ["Winter pressures", "Peer support funding"]
DECLARED_INTEREST = "Volunteers with a peer support charity that could apply."
ACTION_WHAT = "Share the peer support funding criteria"
ACTION_DUE = "2026-11-01"
SERIES = {"day": "2027-01-07", "start": "10:00", "end": "12:00", "count": 3}
UPCOMING = "Meetings coming up, soonest first"


class Journey:
    def __init__(self, browser, setup_url):
        self.b = browser
        self.setup_url = setup_url
        self.bo_link = None
        self.group_path = None
        self.meeting_path = None

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

    def open_group_page(self, link_text, shot):
        """From the group's page, follow one of its links (Terms of reference, Decisions, Meetings)."""
        self.b.open(self.group_path, f"{shot} group")
        self.b.follow(link_text, shot)

    def expect_terms_status(self, status):
        tag = self.b.one('//main//p[contains(., "Status:")]/span[contains(@class, "tag")]', "status tag").text.strip()
        self.b.require(tag == status, f"the terms version's status is {tag!r}, not {status!r}")

    def fill_decision(self):
        """Everything the decision form needs except its title."""
        b = self.b
        b.fill("The question decided", DECISION_QUESTION)
        b.choose_value("method", "consent")
        b.fill("Members of the group", "2")
        b.fill("Members present (or taking part, between meetings)", "2")
        b.choose_value("lived_experience_present", "yes")
        b.fill("Objections (consent only)", "0")
        b.fill("Reasons", DECISION_REASONS)
        b.select("Does this decision adopt proposed terms of reference?", ADOPT_VERSION_1)

    def fill_meeting(self, day, start, end, purpose=None):
        b = self.b
        b.set_value("Date", day)
        b.set_value("Start time", start)
        b.set_value("End time", end)
        if purpose is not None:
            b.fill("Purpose", purpose)

    def summary_value(self, label):
        """The value of one row of the page's summary list (<dt>label</dt><dd>value</dd>)."""
        return self.b.one(f"//main//dl//dt[normalize-space(.)={exact_text(label)}]/following-sibling::dd",
                          f"summary row {label!r}").text.strip()

    def choose_attendance(self, member, value):
        """On the attendance page, the choice `value` in the radio group whose legend is the member's name."""
        b = self.b
        control = b.one(f"//main//fieldset[legend[normalize-space(.)={exact_text(member)}]]//input[@value={exact_text(value)}]",
                        f"attendance choice {value!r} for {member}")
        b.choose_value(control.get_attribute("name"), value)

    def action_rows(self):
        if not self.b.has("//main//table"):
            return []
        return [cells for cells in self.b.table_rows("Actions, soonest due first") if cells[0].startswith(ACTION_WHAT)]

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

    def q_draft_terms(self):
        b = self.b
        self.sign_out("q1 sign in")
        self.sign_in_again(ADA, "q2")
        self.open_group_page("Terms of reference", "q3 terms")
        self.expect_h1("Terms of reference")
        b.submit("q4 edit draft", button="Start a new draft")
        b.require(re.fullmatch(rf"{self.group_path}/terms/1/edit", b.path()), f"starting a draft led to {b.path()}")
        for label, text in TERMS_TEXT.items():
            b.fill(label, text)
        b.choose_value("deputies_allowed", "yes")
        b.choose_value("decision_method", "consent")
        b.choose_value("quorum_kind", "share")
        b.fill("Quorum", TERMS_QUORUM_SHARE)
        b.choose_value("quorum_needs_lived_experience", "yes")
        b.submit("q5 draft saved", button="Save draft")
        b.require(b.path() == f"{self.group_path}/terms/1", f"saving the draft led to {b.path()}")
        self.expect_terms_status("Draft")
        text = b.main_text()
        for paragraph in TERMS_TEXT.values():
            b.require(paragraph in text, f"the saved draft does not show {paragraph!r}")

    def r_propose_terms(self):
        b = self.b
        b.submit("r1 terms proposed", button="Propose this version to the group")
        self.expect_terms_status("Proposed")
        b.require(not b.has('//main//button[normalize-space(.)="Propose this version to the group"]'),
                  "a proposed version can still be proposed")

    def s_decision_without_title(self):
        b = self.b
        self.open_group_page("Decisions", "s1 decisions")
        b.follow("Record a decision", "s2 record decision")
        self.fill_decision()
        b.submit("s3 decision no title", button="Record decision", status=422)
        self.expect_form_errors("s3 decision no title", ["title"])
        b.require(b.value("The question decided") == DECISION_QUESTION, "the question typed was not kept")
        b.require(b.is_chosen("#field-method-consent"), "the method chosen (consent) was not kept")
        b.require(b.value("Members present (or taking part, between meetings)") == "2", "members present was not kept")
        b.require(b.value("Objections (consent only)") == "0", "the objections typed were not kept")
        b.require(b.selected("Does this decision adopt proposed terms of reference?") == ADOPT_VERSION_1,
                  "the terms version to adopt was not kept")

    def t_decision_adopts_terms(self):
        b = self.b
        b.fill("Title", DECISION_TITLE)
        b.submit("t1 decision recorded", button="Record decision")
        b.require(re.fullmatch(rf"{self.group_path}/decisions/\d+", b.path()), f"recording the decision led to {b.path()}")
        self.expect_h1(DECISION_TITLE)
        for label, expected in (("Outcome", "Agreed"), ("Objections", "0"), ("Quorum", "Met"),
                                ("Adopts", "Version 1 of the terms of reference")):
            b.require(self.summary_value(label) == expected, f"{label!r} reads {self.summary_value(label)!r}, not {expected!r}")
        b.require("Not valid under the terms of reference" not in b.main_text(), "the decision is marked not valid")
        self.open_group_page("Terms of reference", "t2 terms")
        rows = b.table_rows("Versions")
        b.require(rows and rows[0][:2] == ["Version 1", "Adopted"], f"the versions table reads {rows}")
        b.follow("Version 1", "t3 terms adopted")
        self.expect_terms_status("Adopted")

    def u_members_with_deputy(self):
        b = self.b
        b.follow_nav("People", "u1 people")
        b.follow("Create an account", "u2 create account")
        b.fill("#field-name", CY.name)
        b.fill("#field-email", CY.email)
        b.choose("Member")
        b.submit("u3 person created")
        self.expect_h1(CY.name)
        b.open(self.group_path, "u4 group")
        b.follow("Add a member", "u5 add member")
        b.select("Person", BO.name)
        b.choose("Co-chair")
        b.select("Represents", BO_ROLE)
        b.select("Deputy (optional)", ADA.name)
        b.submit("u6 group with member and deputy", button="Add member")
        b.follow("Add a member", "u7 add member")
        b.select("Person", CY.name)
        b.choose("Member")
        b.select("Represents", CY_SECTOR)
        b.submit("u8 group with two members", button="Add member")
        self.expect_h1(GROUP.name)
        current = {cells[0]: cells for cells in b.table_rows(MEMBERS) if "(not current)" not in cells[0]}
        b.require(sorted(current) == sorted([BO.name, CY.name]), f"the current members are {list(current)}")
        b.require(current[BO.name][4] == ADA.name, f"{BO.name}'s deputy reads {current[BO.name][4]!r}, not {ADA.name}")

    def v_plan_meeting(self):
        b = self.b
        self.open_group_page("Meetings", "v1 meetings")
        b.follow("Plan a meeting or a series", "v2 plan meeting")
        self.fill_meeting(MEETING_DAY, "14:00", "16:00")
        b.choose("Meeting")
        b.choose("Hybrid: in person and by video")
        b.fill("Address (in person or hybrid)", MEETING_ADDRESS)
        b.fill("How to join by video (video or hybrid)", MEETING_JOINING)
        b.choose("Step-free access")
        b.choose("Hearing loop")
        b.choose("Private: members and staff only")
        b.submit("v3 plan meeting no purpose", button="Plan", status=422)
        self.expect_form_errors("v3 plan meeting no purpose", ["purpose"])
        b.require(b.value("Date") == MEETING_DAY, f"the date was not kept: {b.value('Date')!r}")
        b.require(b.value("Start time") == "14:00", f"the start time was not kept: {b.value('Start time')!r}")
        b.require(b.value("Address (in person or hybrid)") == MEETING_ADDRESS, "the address was not kept")
        for choice in ("Hybrid: in person and by video", "Step-free access", "Hearing loop", "Private: members and staff only"):
            b.require(b.is_chosen(choice), f"{choice!r} was not kept")
        b.require(not b.is_chosen("Interpreter"), "an access arrangement not chosen is ticked")
        b.fill("Purpose", MEETING_PURPOSE)
        b.submit("v4 meeting planned", button="Plan")
        match = re.fullmatch(rf"{self.group_path}/meetings/\d+", b.path())
        b.require(match, f"planning the meeting led to {b.path()}")
        self.meeting_path = match.group(0)
        self.expect_h1("Meeting: 3 December 2026")
        b.require(self.summary_value("Purpose") == MEETING_PURPOSE, f"the purpose reads {self.summary_value('Purpose')!r}")
        b.require(self.summary_value("Address") == MEETING_ADDRESS, f"the address reads {self.summary_value('Address')!r}")
        for arrangement in ("Step-free access", "Hearing loop"):
            b.require(b.has(f"//main//h2[.='Access']/following-sibling::ul[1]/li[normalize-space(.)={exact_text(arrangement)}]"),
                      f"{arrangement!r} is not listed under Access")
        b.require(b.link("Add to your calendar (.ics file)").get_attribute("href"), "the calendar link has no address")

    def w_agenda(self):
        b = self.b
        for number, title in enumerate(AGENDA, start=1):
            b.fill("Title", title)
            b.submit(f"w{number} agenda item added", button="Add agenda item")
            b.require(b.path() == self.meeting_path, f"adding an agenda item led to {b.path()}")
        items = [h.text.strip() for h in b.driver.find_elements(By.XPATH, '//main//h2[@id="agenda"]/following-sibling::ol[1]/li/h3')]
        b.require(items == AGENDA, f"the agenda reads {items}, not {AGENDA}")

    def x_attendance_and_quorum(self):
        b = self.b
        b.require("Attendance has not been recorded." in b.main_text(), "attendance is shown before it is recorded")
        b.follow("Record attendance", "x1 record attendance")
        self.expect_h1("Record attendance")
        self.choose_attendance(BO.name, "deputy")
        b.label(f"Sent their deputy, {ADA.name}")  # the choice names the deputy
        self.choose_attendance(CY.name, "apologies")
        b.require(not b.has(f"//main//fieldset[legend[normalize-space(.)={exact_text(CY.name)}]]//input[@value='deputy']"),
                  f"{CY.name}, who has no deputy, is offered 'Sent their deputy'")
        b.submit("x2 attendance recorded", button="Save attendance")
        b.require(b.path() == self.meeting_path, f"saving attendance led to {b.path()}")
        box = b.one('//main//h2[@id="attendance"]/following-sibling::div[1]', "quorum box").text
        b.require(box.startswith("Quorate."), f"the quorum box reads {box!r}")
        b.require("1 of 2 members counted towards quorum; version 1 of the terms of reference in force on the day needs 1" in box
                  and "an expert by experience or carer was present" in box, f"the quorum box reads {box!r}")
        b.require(self.summary_value(BO.name) == f"Sent their deputy, {ADA.name}", f"{BO.name}'s attendance reads {self.summary_value(BO.name)!r}")
        b.require(self.summary_value(CY.name) == "Apologies", f"{CY.name}'s attendance reads {self.summary_value(CY.name)!r}")

    def y_declaration_and_minutes(self):
        b = self.b
        b.select("Agenda item", f"2. {AGENDA[1]}")
        b.select("Who declared it", CY.name)
        b.fill("The interest", DECLARED_INTEREST)
        b.choose("No, they stepped out")
        b.submit("y1 declaration recorded", button="Record declaration")
        expected = f"{CY.name}: {DECLARED_INTEREST}"
        declared = b.driver.find_elements(By.XPATH, f'//main//ol/li[h3[normalize-space(.)={exact_text(AGENDA[1])}]]/ul/li')
        b.require(any(li.text.startswith(expected) and "Did not take part" in li.text for li in declared),
                  f"item 2 does not list the declaration: {[li.text for li in declared]}")
        b.follow("Record the minutes", "y2 record minutes")
        minutes = {title: f"Discussed {title.lower()}; agreed next steps." for title in AGENDA}
        for number, title in enumerate(AGENDA, start=1):
            b.fill(f"{number}. {title}", minutes[title])
        b.submit("y3 minutes saved", button="Save minutes")
        b.require(b.path() == self.meeting_path, f"saving the minutes led to {b.path()}")
        text = b.main_text()
        for written in minutes.values():
            b.require(written in text, f"the meeting page does not show the minutes {written!r}")

    def z_overdue_action(self):
        b = self.b
        b.fill("What needs to be done", ACTION_WHAT)
        b.select("Who will do it", BO.name)
        b.set_value("Due date", ACTION_DUE)
        b.select("Agenda item (optional)", f"2. {AGENDA[1]}")
        b.submit("z1 action added", button="Add action")
        rows = b.table_rows("Actions agreed at this meeting")
        b.require(len(rows) == 1 and rows[0][0] == ACTION_WHAT and rows[0][1] == BO.name and "Overdue" in rows[0][2],
                  f"the meeting's actions read {rows}")
        b.at_narrow_width("z1 action added")
        b.follow_nav("Actions", "z2 actions")
        self.expect_h1("Actions")
        rows = self.action_rows()
        b.require(len(rows) == 1 and "Overdue" in rows[0][3], f"the action is not listed as Overdue: {rows}")
        b.at_narrow_width("z2 actions")
        b.select("Person", BO.name)
        b.submit("z3 actions for bo", button="Show actions")
        b.require(re.search(r"[?&]person=\d+", b.path()), f"the person filter is not in the address: {b.path()}")
        rows = b.table_rows("Actions, soonest due first")
        b.require(rows and all(cells[2] == BO.name for cells in rows), f"the filter by {BO.name} lists {rows}")
        b.require(self.action_rows(), f"{ACTION_WHAT!r} is not listed for {BO.name}")

    def za_action_done(self):
        b = self.b
        b.follow(ACTION_WHAT, "za1 action")
        b.require(re.fullmatch(rf"{self.group_path}/actions/\d+", b.path()), f"the action's page is {b.path()}")
        self.expect_h1(f"Action: {ACTION_WHAT}")
        b.choose_value("status", "done")
        b.fill("Notes (optional)", "Sent to everyone on the group.")
        b.submit("za2 action done", button="Save")
        b.follow_nav("Actions", "za3 actions still to do")
        b.require(b.selected("Status") == "Still to do", f"the default status filter is {b.selected('Status')!r}")
        b.require(not self.action_rows(), f"the done action is still listed under 'Still to do': {self.action_rows()}")
        b.select("Status", "Done")
        b.submit("za4 actions done", button="Show actions")
        rows = self.action_rows()
        b.require(len(rows) == 1 and rows[0][4] == "Done" and "Overdue" not in rows[0][3], f"the done action reads {rows}")

    def zb_plan_series(self):
        b = self.b
        self.open_group_page("Meetings", "zb1 meetings")
        before = len(b.table_rows(UPCOMING))
        b.follow("Plan a meeting or a series", "zb2 plan series")
        self.fill_meeting(SERIES["day"], SERIES["start"], SERIES["end"], purpose="Review progress on the priorities.")
        b.choose("Workshop")
        b.choose("Video call")
        b.fill("How to join by video (video or hybrid)", MEETING_JOINING)
        b.choose("Published: anyone can read it")
        b.select("Does it repeat?", "Every month, on the same date")
        b.fill("How many meetings in the series (if it repeats)", str(SERIES["count"]))
        b.submit("zb3 series planned", button="Plan")
        b.require(b.path() == f"{self.group_path}/meetings", f"planning a series led to {b.path()}")
        b.note(f"{SERIES['count']} meetings are planned" in b.main_text(), "zb3 series planned",
               "the meetings page does not say how many meetings were planned")
        rows = b.table_rows(UPCOMING)
        b.require(len(rows) == before + SERIES["count"], f"{len(rows)} meetings coming up, expected {before + SERIES['count']}: {rows}")
        b.require(sum(cells[1].startswith("Workshop") for cells in rows) == SERIES["count"], f"the series is not listed: {rows}")

    STEPS = [
        a_set_up_first_administrator, b_sign_out, c_sign_in, d_create_account, e_audit_log,
        f_change_password_wrongly, g_public_pages_signed_in, h_member_first_sign_in, i_one_time_link_used_up,
        j_create_group, k_group_composition, l_add_member, m_change_requirements, n_end_membership,
        o_published_group_signed_out, p_member_cannot_create_groups,
        q_draft_terms, r_propose_terms, s_decision_without_title, t_decision_adopts_terms, u_members_with_deputy,
        v_plan_meeting, w_agenda, x_attendance_and_quorum, y_declaration_and_minutes, z_overdue_action,
        za_action_done, zb_plan_series,
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
