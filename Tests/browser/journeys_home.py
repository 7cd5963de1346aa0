"""Browser journey for each person's home page (issue 20), on a phone (360 px): what needs them, most urgent first,
each line a count and a link; their next meetings; an expert by experience's involvement with the description of the
role they hold; an administrator's claims to deal with and first steps.

Mixed into `Journey` in test_journeys.py; it starts and ends signed out. It relies on what the main journey recorded
before it: Bo holds the role "Expert by experience leader", and Ada approves claims and reads first steps.
"""

from selenium.webdriver.common.by import By

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
