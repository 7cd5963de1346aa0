"""Browser journey for email (issue 20): an administrator reads, in the outbox, the message that told Bo her claim was
approved; signed out, the one-click link in it stops emails about claims (the page it opens changes nothing until
its button is pressed); then Bo, signed in, finds her email choices from her account, sees claims turned off, and
chooses a daily digest for meetings.

Mixed into `Journey` in test_journeys.py; it starts and ends signed out. It relies on the main journey having
approved Bo's claims (step zx) with no mail relay set, so the messages wait in the outbox.
"""

import re
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from people import ADA, BO

APPROVED = "Your claim was approved: "


class EmailJourney:
    def zzz_e_email_choices_and_unsubscribing(self):
        b = self.b
        b.open("/", "zzz_e1 where am I")
        if b.has('//header//button[normalize-space(.)="Sign out"]'):
            self.sign_out("zzz_e2 signed out")
        else:
            b.open("/sign-in", "zzz_e2 sign in")
        self.sign_in(ADA, "zzz_e3 ada's home")
        b.open("/admin/outbox", "zzz_e4 the outbox")
        self.expect_h1("Outbox")
        rows = [row for row in b.driver.find_elements(By.XPATH, "//main//table/tbody/tr")
                if row.find_element(By.XPATH, "./th").text.startswith(APPROVED) and BO.email in row.text]
        b.require(rows, f"the outbox has no '{APPROVED}…' message to {BO.email}")
        b.click_and_check(rows[0].find_element(By.XPATH, "./th/a"), "zzz_e5 the message")
        text = b.main_text()
        b.require("Stop emails about your payment claims" in text, "the message does not offer to stop these emails")
        links = re.findall(r"https?://\S+/email/unsubscribe/\S+", text)
        b.require(len(links) == 1, f"the message should carry one unsubscribe link, not {links}")
        unsubscribe = urlparse(links[0]).path
        self.sign_out("zzz_e6 signed out")

        b.open(unsubscribe, "zzz_e7 the unsubscribe page")
        self.expect_h1("Stop emails about your payment claims?")
        b.require(BO.email in b.main_text(), "the unsubscribe page does not say which address it is for")
        b.click_and_check(b.button("Stop these emails"), "zzz_e8 stopped")
        self.expect_h1("You will no longer get emails about your payment claims")

        b.open("/sign-in", "zzz_e9 sign in")
        self.sign_in(BO, "zzz_e9 bo's home")
        b.open("/account", "zzz_e10 bo's account")
        b.follow("Choose what you get by email", "zzz_e11 bo's email choices")
        self.expect_h1("Your emails")
        claims_off = b.one('//main//input[@name="claims"][@value="off"]', "claims off")
        b.require(claims_off.is_selected(), "the one-click link did not turn claims off on Bo's choices")
        b.choose_value("meetings", "digest")
        b.submit("zzz_e12 saved", button="Save my email choices")
        self.expect_notice("Your email choices are saved.")
        b.require(b.one('//main//input[@name="meetings"][@value="digest"]', "meetings digest").is_selected(),
                  "the daily digest for meetings was not kept")
        b.require(b.one('//main//input[@name="claims"][@value="off"]', "claims off").is_selected(),
                  "saving the form changed claims")
        self.sign_out("zzz_e13 signed out")


EMAIL_STEPS = [EmailJourney.zzz_e_email_choices_and_unsubscribing]
