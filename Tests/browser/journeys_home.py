"""Browser journey for each person's home page (issue 20), on a phone (360 px): what needs them, most urgent first,
each line a count and a link; their next meetings; an expert by experience's involvement with the description of the
role they hold; an administrator's claims to deal with and first steps; a programme manager's claims to approve and
first steps, and nothing they cannot act on.

Mixed into `Journey` in test_journeys.py; each step starts and ends signed out. It relies on what the main journey
recorded before it: Bo holds the role "Expert by experience leader", and Ada approves claims and reads first steps.
The programme manager's step runs after the board report steps, which make Pat's account.
"""

import re

from selenium.webdriver.common.by import By

from journeys_board_report import PAT, PAT_ROLE
from people import ADA, BO

PHONE_WIDTH = 360
ROLE_TITLE = "Expert by experience leader"


class HomeJourney:
    def zzz_w_home_pages_on_a_phone(self):
        b = self.b
        b.open("/", "zzz_w1 where am I")
        if b.has('//header//button[normalize-space(.)="Sign out"]'):
            self.sign_out("zzz_w2 signed out")
        else:
            b.open("/sign-in", "zzz_w2 sign in")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            self.sign_in(BO, "zzz_w3 bo's home on a phone")
            self.expect_home_on_phone(BO)
            self.home_fits("zzz_w3")
            self.expect_to_do_section()
            roles = [a.text.strip() for a in b.driver.find_elements(
                By.XPATH, '//main//h2[.="Your involvement"]/following-sibling::ul[1]/li/a')]
            b.require(len(roles) == 1 and roles[0].startswith(f"{ROLE_TITLE}, since "),
                      f"Bo's home lists the roles {roles}")
            b.click_and_check(b.one(f'//main//h2[.="Your involvement"]/following-sibling::ul[1]/li/a', "Bo's role"),
                              "zzz_w4 the role bo holds")
            self.expect_h1(ROLE_TITLE)
            b.require("You have held this role since" in b.main_text(), "the role page does not say since when")
            b.require(b.has('//main//h2[.="What is the role for?"]'), "the role page has no description")
            self.home_fits("zzz_w4")
            self.sign_out("zzz_w5 signed out")

            self.sign_in(ADA, "zzz_w6 ada's home on a phone")
            self.expect_home_on_phone(ADA)
            self.home_fits("zzz_w6")
            tasks = self.expect_to_do_section()
            b.require(any("first steps in place" in a.text for a in
                          b.driver.find_elements(By.XPATH, '//main//h2[.="First steps"]/following-sibling::p[1]/a')),
                      "an administrator's home does not say how far the first steps have come")
            for task in tasks:
                link = task.find_element(By.XPATH, "./p[1]/a")
                b.require(link.get_attribute("href"), f"the to-do line {link.text!r} has no link")
            self.sign_out("zzz_w7 signed out")
        finally:
            b.driver.set_window_size(1280, 900)

    def zzzzd_programme_manager_home_on_a_phone(self):
        """Pat, a programme manager in no group, with no claims or actions of their own: the home page leads to the
        claims waiting for approval (when there are any) and the first steps, agreeing with those pages, and shows
        nothing Pat cannot act on."""
        b = self.b
        b.open("/", "zzzzd1 where am I")
        if b.has('//header//button[normalize-space(.)="Sign out"]'):
            self.sign_out("zzzzd2 signed out")
        else:
            b.open("/sign-in", "zzzzd2 sign in")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            self.sign_in(PAT, "zzzzd3 pat's home on a phone")
            self.expect_home_on_phone(PAT)
            b.require(f"You are signed in as {PAT_ROLE}." in b.main_text(), "Pat's home does not say Pat's role")
            self.home_fits("zzzzd3")
            tasks = self.expect_to_do_section()
            lines = {task.find_element(By.XPATH, "./p[1]/a").text.strip(): task.find_element(By.XPATH, "./p[1]/a")
                     .get_attribute("href") for task in tasks}
            for words in ("for your response", "actions to do", "action to do", "sent back to you", "not sent yet",
                          "to be paid", "deliverable you own", "deliverables you own"):
                b.require(not any(words in line for line in lines),
                          f"Pat (in no group, no claims or actions, does not pay claims) is shown {list(lines)}")
            b.require(not b.has('//main//h2[.="Your involvement"]'),
                      "Pat holds no paid role, yet the home shows involvement")
            first_steps = b.one('//main//h2[.="First steps"]/following-sibling::p[1]/a',
                                "the first steps line").text.strip()
            match = re.fullmatch(r"(\d+) of 6 first steps in place(?:, (\d+) partly)?\.", first_steps)
            b.require(match, f"a programme manager's home reads {first_steps!r} for the first steps")
            approvals = [line for line in lines if "for approval" in line]

            # Claims to approve: the home's line (or its absence) agrees with the approvals page it leads to.
            if approvals:
                b.require(lines[approvals[0]].endswith("/involvement/approvals"),
                          f"the approvals line leads to {lines[approvals[0]]}")
                b.follow(approvals[0], "zzzzd4 claims waiting for approval")
            else:
                b.open("/involvement/approvals", "zzzzd4 claims waiting for approval")
            self.expect_h1("Claims waiting for approval")
            waiting = re.search(r"\b(\d+) claims? (?:is|are) waiting\.", b.main_text())
            b.require(waiting, "the approvals page does not count the claims waiting")
            count = int(waiting.group(1))
            wanted = [f"{count} claim{' waits' if count == 1 else 's wait'} for approval"] if count else []
            b.require(approvals == wanted, f"{count} claims wait for approval, yet Pat's home shows {approvals}")

            # First steps: the line's counts are the first steps page's.
            b.open("/", "zzzzd5 home again")
            b.follow(first_steps, "zzzzd6 first steps from home")
            self.expect_h1("First steps")
            states = [cells[1] for cells in b.table_rows("The six first steps and where each stands")]
            shown = (int(match.group(1)), int(match.group(2) or 0))
            counted = (states.count("In place"), states.count("Partly in place"))
            b.require(shown == counted, f"home says {first_steps!r}, the first steps page {states}")
            self.sign_out("zzzzd7 signed out")
        finally:
            b.driver.set_window_size(1280, 900)

    def expect_to_do_section(self):
        """The "What needs you" section: a list of lines, each with a link and a count in words, or the honest empty
        state. Returns the lines."""
        b = self.b
        b.require(b.has('//main//h2[.="What needs you"]'), "the home page has no 'What needs you' section")
        tasks = b.driver.find_elements(By.XPATH, '//main//ul[@class="task-list"][1]/li[@class="task"]')
        empty = "Nothing needs you right now" in b.main_text()
        b.require(bool(tasks) != empty, f"the to-do section shows {len(tasks)} lines and empty={empty}")
        for task in tasks:
            text = task.find_element(By.XPATH, "./p[1]/a").text.strip()
            b.require(text[:1].isdigit(), f"the to-do line {text!r} does not start with its count")
        return tasks

    def expect_home_on_phone(self, person):
        """The home page (its menu is folded away on a phone, so the navigation's links are not checked here)."""
        b = self.b
        b.require(b.path() == "/", f"expected the home page, got {b.path()}")
        b.require(person.name in b.h1(), f"home page h1 {b.h1()!r} does not name {person.name}")

    def home_fits(self, shot):
        b = self.b
        scroll, client = b.driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth]")
        b.require(scroll <= client, f"{shot}: at {PHONE_WIDTH} px the page scrolls sideways ({scroll} > {client})")
