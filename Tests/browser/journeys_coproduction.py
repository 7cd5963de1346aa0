"""Browser journeys for co-production work (issue 7): insights, "you said, we did" and workshops.

Mixed into `Journey` in test_journeys.py; its steps are listed in `COPRODUCTION_STEPS`, which run after the
earlier journeys. They rely only on the first administrator (ADA, step a) and on what they make themselves.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from people import ADA

WORKING_GROUP = "Example Riverside Co-production Working Group"
WORKSHOP_PURPOSE = "Listening workshop: what would have helped you sooner?"
COMMUNITY = "Carers"
HEARD = "Carers said evening groups would help people who look after someone in the day."
THEME = "Evenings"
CONSENTED_QUOTE = "Evenings are the only time I have to myself."
ANSWER = "We started an evening peer support group at the library."
SECOND_HEARD = "Carers said the waiting room is too noisy."
UNCONSENTED_QUOTE = "I sat in the car park instead of the waiting room."
SECOND_ANSWER = "The building is shared and we cannot move the waiting room; we now offer a quiet room on request."
CONSENT = "The person agreed to be quoted outside the workspace"


class CoproductionJourney:
    coproduction_insight_path = None
    coproduction_community_path = None

    # ---- helpers ------------------------------------------------------------------------------

    def coproduction_as_ada(self, prefix):
        """Whoever the earlier steps left signed in, sign in afresh as Ada."""
        b = self.b
        b.open("/", f"{prefix} start")
        if b.has('//button[normalize-space(.)="Sign out"]'):
            self.sign_out(f"{prefix} signed out")
        self.sign_in_again(ADA, prefix)

    def coproduction_workshop_day(self):
        """A week ago in London, so what was heard there is not in the future."""
        return (datetime.now(ZoneInfo("Europe/London")).date() - timedelta(days=7)).isoformat()

    def coproduction_record(self, shot, heard, quote, consent):
        """Fill the insight form (from the workshop's link, so the day and workshop are filled in) and save it."""
        b = self.b
        b.fill("What was heard", heard)
        b.choose("A community group")
        b.fill("Which group, team or setting (optional)", "A carers' coffee morning")
        b.choose(COMMUNITY)
        b.fill("Themes (optional)", THEME)
        b.fill("A quote in the person's own words (optional)", quote)
        b.choose(CONSENT, ticked=consent)
        b.submit(shot, button="Save the insight")
        b.require(re.fullmatch(r"/coproduction/insights/\d+", b.path()), f"saving the insight led to {b.path()}")

    def coproduction_answer(self, prefix, outcome, answer):
        b = self.b
        b.follow("Answer the insight", f"{prefix} answer form")
        self.expect_h1("Answer the insight")
        b.choose(outcome)
        b.fill("The answer, in plain language", answer)
        b.submit(f"{prefix} answered", button="Save the answer")
        b.require(answer in b.main_text(), "the answer is not on the insight's page")

    # ---- steps --------------------------------------------------------------------------------

    def zzq_coproduction_workshop_insight(self):
        b = self.b
        self.coproduction_as_ada("zzq1")
        b.follow_nav("Co-production", "zzq2 coproduction hub")
        self.expect_h1("Co-production work")
        # A working group and a workshop in it.
        b.follow_nav("Groups", "zzq3 groups")
        b.follow("Create a group", "zzq4 create group")
        b.fill("Name", WORKING_GROUP)
        b.fill("Purpose", "Co-produces the new community mental health model with experts by experience.")
        for choice in ("Co-production working group", "Active", "Private: members and staff only"):
            b.choose(choice)
        b.submit("zzq5 working group created", button="Create group")
        group = re.fullmatch(r"/groups/\d+", b.path())
        b.require(group, f"creating the working group led to {b.path()}")
        b.open(group.group(0) + "/meetings", "zzq6 meetings")
        b.follow("Plan a meeting or a series", "zzq7 plan workshop")
        day = self.coproduction_workshop_day()
        self.fill_meeting(day, "14:00", "16:00", WORKSHOP_PURPOSE)
        b.choose("Workshop")
        b.choose("Video call")
        b.fill("How to join by video (video or hybrid)", "The video link is sent the day before.")
        b.choose("Private: members and staff only")
        b.submit("zzq8 workshop planned", button="Plan")
        b.require(re.fullmatch(rf"{group.group(0)}/meetings/\d+", b.path()), f"planning the workshop led to {b.path()}")
        b.require(b.h1().startswith("Workshop: "), f"the workshop's page is headed {b.h1()!r}")
        b.require("What came out of this workshop" in b.main_text(), "the workshop's page does not list what came out of it")
        # Record an insight from it: first with a mistake, to see the summary and that everything typed is kept.
        b.follow("Record an insight from this workshop", "zzq9 record insight")
        self.expect_h1("Record an insight")
        b.require(b.value("When it was heard") == day, f"the day is not the workshop's: {b.value('When it was heard')!r}")
        b.require(b.selected("Workshop it was heard at (optional)").startswith(f"{datetime.fromisoformat(day).day} "),
                  f"the workshop is not chosen: {b.selected('Workshop it was heard at (optional)')!r}")
        b.fill("What was heard", HEARD)
        b.choose(COMMUNITY)
        b.fill("Themes (optional)", THEME)
        b.fill("A quote in the person's own words (optional)", CONSENTED_QUOTE)
        b.choose(CONSENT)
        b.submit("zzq10 insight without source", button="Save the insight", status=422)
        self.expect_form_errors("zzq10 insight without source", ["source_kind"])
        b.require(b.value("What was heard") == HEARD, "what was heard was not kept")
        b.require(b.value("Themes (optional)") == THEME, "the theme was not kept")
        b.require(b.value("A quote in the person's own words (optional)") == CONSENTED_QUOTE, "the quote was not kept")
        for kept in (COMMUNITY, CONSENT):
            b.require(b.is_chosen(kept), f"{kept!r} was not kept")
        b.choose("A community group")
        b.submit("zzq11 insight recorded", button="Save the insight")
        match = re.fullmatch(r"/coproduction/insights/\d+", b.path())
        b.require(match, f"saving the insight led to {b.path()}")
        self.coproduction_insight_path = match.group(0)
        text = b.main_text()
        for expected in (HEARD, CONSENTED_QUOTE, "The person agreed to this quote being shown outside the workspace.", "evenings", WORKSHOP_PURPOSE):
            b.require(expected in text, f"the insight's page does not show {expected!r}")

    def zzr_coproduction_you_said_we_did(self):
        b = self.b
        b.open(self.coproduction_insight_path, "zzr1 insight")
        self.coproduction_answer("zzr2", "We changed something", ANSWER)
        # A second insight, quoted without consent, and answered too.
        b.open("/coproduction/insights", "zzr3 insights")
        b.follow("Record an insight", "zzr4 record second insight")
        self.coproduction_record("zzr5 second insight recorded", SECOND_HEARD, UNCONSENTED_QUOTE, consent=False)
        b.require("No consent to quote: this quote is never shown outside the workspace." in b.main_text(),
                  "the insight's page does not say the quote stays inside")
        self.coproduction_answer("zzr6", "We have not changed anything, and here is why", SECOND_ANSWER)
        # Publish the community's page.
        b.follow_nav("Co-production", "zzr7 hub")
        b.follow("You said, we did: by community", "zzr8 by community")
        rows = [cells for cells in b.table_rows("Communities with insights, by name") if cells[0] == COMMUNITY]
        b.require(rows == [[COMMUNITY, "2", "2", "Not published"]], f"the carers' row reads {rows}")
        b.follow(COMMUNITY, "zzr9 community page")
        self.coproduction_community_path = b.path()
        preview = b.main_text()
        b.require(CONSENTED_QUOTE in preview and UNCONSENTED_QUOTE not in preview, "the preview is not what the public will see")
        b.submit("zzr10 published", button="Publish this page")
        b.require("is published" in b.main_text(), "publishing did not say so")
        public_path = b.link("Open the public page").get_attribute("href")
        # Signed out, as the community reads it.
        self.sign_out("zzr11 signed out")
        b.open("/published/you-said-we-did", "zzr12 public index")
        self.expect_h1("You said, we did")
        b.follow(COMMUNITY, "zzr13 public community page")
        b.require(b.url(b.path()) == public_path, f"the public link leads to {b.path()}")
        self.expect_h1(f"You said, we did: {COMMUNITY}")
        text = b.main_text()
        for shown in (HEARD, CONSENTED_QUOTE, ANSWER, "We changed something.", SECOND_HEARD, SECOND_ANSWER,
                      "We have not changed anything. This is why."):
            b.require(shown in text, f"the public page does not show {shown!r}")
        for hidden in (UNCONSENTED_QUOTE, "A carers' coffee morning", ADA.name):
            b.require(hidden not in b.driver.page_source.replace("&#39;", "'"), f"the public page shows {hidden!r}")
        b.at_narrow_width("zzr13 public community page")
        self.sign_in_again(ADA, "zzr14")


COPRODUCTION_STEPS = [CoproductionJourney.zzq_coproduction_workshop_insight, CoproductionJourney.zzr_coproduction_you_said_we_did]
