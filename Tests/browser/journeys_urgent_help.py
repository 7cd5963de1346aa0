"""Browser journey for urgent help on public pages (issue 18): an administrator adds the partnership's crisis line,
then a visitor on a phone searches the directory for "crisis" and finds how to get help now before any result.

Mixed into `Journey` in test_journeys.py; its steps run after the asset journeys, which leave the browser signed out.
"""

from selenium.webdriver.common.by import By

from people import ADA

PHONE_WIDTH = 360
LINE = "Example NHS crisis line"


class UrgentHelpJourney:
    def zzz_u_urgent_help_on_a_phone(self):
        b = self.b
        b.open("/sign-in", "zzz_u1 sign in")
        b.require(b.has('//aside[@id="urgent-help"]//h2[normalize-space(.)="Need help now?"]'),
                  "the sign-in page does not say how to get urgent help")
        self.sign_in(ADA, "zzz_u2 home")
        b.follow("Urgent help", "zzz_u3 urgent help settings")
        self.expect_h1("Urgent help on public pages")
        b.fill("Who answers the line", LINE)
        b.fill("Phone number", "0808 157 0192")
        b.fill("When it is open (optional)", "24 hours a day, every day")
        b.submit("zzz_u4 saved", button="Save the crisis line")
        self.expect_notice(f"Public pages now show {LINE} beside the national lines.")
        self.sign_out("zzz_u5 signed out")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            b.open("/directory", "zzz_u6 directory")
            b.fill("What are you looking for?", "crisis")
            b.submit("zzz_u7 crisis search", button="Search")
            b.require(b.has('//main//h2[@id="help-now"][normalize-space(.)="If you need help now"]'),
                      "a search for crisis does not say how to get help now")
            b.require(b.has('//main//h2[@id="help-now"]/following::h2[@id="results"]'),
                      "urgent help does not come before the results")
            b.require(b.has(f'//main//li[contains(., "{LINE}")]/a[@href="tel:08081570192"]'),
                      "the partnership's crisis line is not in the results' urgent help")
            b.require(b.has('//aside[@id="urgent-help"]//a[@href="tel:116123"]'), "the urgent help landmark has no Samaritans line")
            scroll, client = b.driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth]")
            b.require(scroll <= client, f"at {PHONE_WIDTH} px the page scrolls sideways ({scroll} > {client})")
        finally:
            b.driver.set_window_size(1280, 900)


URGENT_HELP_STEPS = [UrgentHelpJourney.zzz_u_urgent_help_on_a_phone]
