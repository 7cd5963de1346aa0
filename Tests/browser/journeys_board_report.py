"""Browser journey for the board report (issue 19): an administrator makes a programme manager's account; the programme
manager opens the board reports from the roadmap, previews a period, issues the report, finds it in the list, publishes
it, and a visitor, signed out, reads its public page.

Mixed into `Journey` in test_journeys.py; its steps run last, after the first steps view (signed in as the
administrator). Every page visited is checked by `Browser.check` (axe-core and the rest), as in the other journeys.
"""

import re
from datetime import date, timedelta

from people import ADA, Person

PAT = Person("Pat Example", "pat.manager@example.org", "violet ferry compass 64")
PAT_ROLE = "Programme manager"


def last_full_quarter(today):
    """The default period the list page offers: the last full quarter before today (as BoardReportPeriod says)."""
    first_month = (today.month - 1) // 3 * 3 + 1
    this_quarter = date(today.year, first_month, 1)
    end = this_quarter - timedelta(days=1)
    return date(end.year, end.month - 2, 1), end


class BoardReportJourney:
    def zzzzb_programme_manager_account(self):
        b = self.b
        b.open("/", "zzzzb1 where am I")
        if not b.has('//header//button[normalize-space(.)="Sign out"]'):
            b.open("/sign-in", "zzzzb2 sign in")
            self.sign_in(ADA, "zzzzb2 home")
        b.follow_nav("People", "zzzzb3 people")
        b.follow("Create an account", "zzzzb4 create account")
        b.fill("#field-name", PAT.name)
        b.fill("#field-email", PAT.email)
        b.choose(PAT_ROLE)
        b.submit("zzzzb5 person created")
        self.expect_h1(PAT.name)
        link = b.value("#one-time-link")
        b.require(re.search(r"/set-password/[\w-]{20,}$", link or ""), f"no set-password link for {PAT.name}: {link!r}")
        self.sign_out("zzzzb6 signed out")
        b.driver.get(link)
        b.check("zzzzb7 set password")
        self.set_password(PAT.password, "zzzzb8 home pat")
        self.expect_home(PAT)

    def zzzzc_issue_and_publish_a_board_report(self):
        b = self.b
        b.follow_nav("Roadmap", "zzzzc1 roadmap")
        b.follow("Board reports", "zzzzc2 board reports")
        self.expect_h1("Board reports")
        b.require("No report has been issued yet." in b.main_text(), "a new workspace already lists a board report")
        start, end = last_full_quarter(date.today())
        b.require((b.value("First day of the period"), b.value("Last day of the period")) == (start.isoformat(), end.isoformat()),
                  f"the form offers {b.value('First day of the period')} to {b.value('Last day of the period')}, "
                  f"not the last full quarter {start} to {end}")
        # A period that ends before it starts is explained, and what was chosen is kept.
        b.set_value("First day of the period", end.isoformat())
        b.set_value("Last day of the period", start.isoformat())
        b.submit("zzzzc3 period backwards", button="Preview report", status=422)
        self.expect_form_errors("zzzzc3 period backwards", ["end"])
        b.require(b.value("First day of the period") == end.isoformat(), "the first day typed was not kept")
        # The financial year so far: everything the journeys recorded today falls in it.
        today = date.today()
        fy_start = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
        b.set_value("First day of the period", fy_start.isoformat())
        b.set_value("Last day of the period", today.isoformat())
        b.submit("zzzzc4 preview", button="Preview report")
        label = f"{fy_start.day} {fy_start:%B %Y} to {today.day} {today:%B %Y}"
        self.expect_h1(f"Board report preview: {label}")
        text = b.main_text()
        for heading in ("Roadmap progress", "Decisions taken", "Lived-experience involvement", "The VCSE alliance's money",
                        "First steps", "You said, we did"):
            b.require(b.has(f'//main//h2[normalize-space(.)={quote(heading)}]'), f"the preview has no {heading!r} section")
        b.require(re.search(r"\b\d+ deliverables: \d+ not started", text), "the preview does not count the roadmap's deliverables")
        b.require(b.table_rows("Deliverables by workstream and status"), "the preview has no status counts by workstream")
        b.require(b.has('//main//a[starts-with(@href, "/board-reports/preview/tables/decisions?")]'),
                  "the preview offers no CSV of its decisions")
        b.submit("zzzzc5 issued", button="Issue this report")
        self.expect_notice(f"The board report for {label} is issued. Its figures will not change.")
        self.expect_h1(f"Board report: {label}")
        report_path = b.path()
        b.require(re.fullmatch(r"/board-reports/\d+", report_path), f"issuing led to {report_path}")
        b.follow("Board reports", "zzzzc6 list")
        rows = b.table_rows("Issued board reports, latest first")
        b.require(len(rows) == 1 and rows[0][0] == label and rows[0][2] == PAT.name and rows[0][3] == "Not published",
                  f"the issued reports read {rows}")
        b.follow(label, "zzzzc7 issued report")
        b.submit("zzzzc8 published", button="Publish this report")
        self.expect_notice(f"The board report for {label} is published: anyone can read it at its public page.")
        b.require(not b.has('//main//button[normalize-space(.)="Publish this report"]'), "a published report still offers to publish")
        public_path = b.one('//main//a[normalize-space(.)="its public page"]', "link to the public page").get_attribute("href")
        self.sign_out("zzzzc9 signed out")
        b.driver.get(public_path)
        b.check("zzzzc10 public board report")
        self.expect_h1(f"Board report: {label}")
        b.require(b.has('//aside[@id="urgent-help"]'), "the public board report does not say how to get urgent help")
        b.require(PAT.name not in b.main_text(), "the public board report names the person who issued it")
        b.require(not b.has('//main//form'), "the public board report has a form")


def quote(text):
    return "'" + text + "'" if "'" not in text else '"' + text + '"'


BOARD_REPORT_STEPS = [
    BoardReportJourney.zzzzb_programme_manager_account, BoardReportJourney.zzzzc_issue_and_publish_a_board_report,
]
