"""Browser journeys for the community asset map (issue 7): assets, a CSV import with a bad row, and the public directory.

Mixed into `Journey` in test_journeys.py; its steps are listed in `ASSET_STEPS`, which run after the earlier
journeys. They rely only on the first administrator (ADA, step a) and on what they make themselves.
"""

import csv
import io
import os
import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By

from check_openreferral import check as check_open_referral
from people import ADA

LOCALITY = "Kestrel Vale"
FIRST = "Kestrel Vale Walking Group"
SECOND = "Example Debt Advice Drop-in"
IMPORTED = ("Kestrel Vale Knit and Natter", "Example Allotment Project")
COLUMNS = ["id", "name", "category", "domains", "description", "locality", "address", "postcode", "opening_times", "phone",
           "email", "website", "other_contact", "referral_needed", "access_information", "languages", "cost", "needs",
           "last_checked", "status", "listed_publicly", "organisation"]
PHONE_WIDTH = 360


def london_day():
    return datetime.now(ZoneInfo("Europe/London")).date().isoformat()


def asset_csv(locality_of_second):
    """Two new assets; the second row's locality is given so the journey can make it wrong, then right."""
    rows = [
        {"name": IMPORTED[0], "category": "Associations, groups, forums and networks", "domains": "Personal interests; Personal relationships",
         "description": "Knitting, tea and a chat.\nBring your own needles, or borrow ours.", "locality": LOCALITY,
         "opening_times": "Wednesdays, 2pm to 4pm", "referral_needed": "no", "languages": "English", "cost": "Free",
         "needs": "Loneliness and social connection; Peer support", "last_checked": london_day(), "status": "Active", "listed_publicly": "yes"},
        {"name": IMPORTED[1], "category": "Voluntary, community and social enterprise (VCSE) organisations", "domains": "Personal interests",
         "description": "Growing food together.", "locality": locality_of_second, "opening_times": "Saturdays, 10am to 1pm",
         "referral_needed": "no", "languages": "English", "cost": "Free", "needs": "Physical activity", "last_checked": london_day(),
         "status": "Active", "listed_publicly": "yes"},
    ]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


class AssetJourney:
    def asset_count(self):
        b = self.b
        b.open("/assets", "asset map count")
        text = b.one('//main//h2[@id="count"]', "count").text.strip()
        return int(text.split()[0])

    def fill_asset(self, name, category, locality, needs, referral):
        b = self.b
        b.fill("Name", name)
        b.choose_value("category", category)
        b.choose_value("domains", "local_facilities")
        b.fill("Description (optional)", f"{name}: a fictional asset for the journey.")
        b.select("Locality or primary care network", locality)
        b.fill("Opening times (optional)", "Tuesdays, 10am to noon")
        b.fill("Email address (optional)", "hello@example.org")
        b.choose_value("referral_needed", referral)
        b.fill("Languages (optional)", "English, Polish")
        b.fill("Cost (optional)", "Free")
        for need in needs:
            b.choose(need)

    def zzz_a_add_assets(self):
        b = self.b
        b.open("/", "zzz_a1 home")
        if b.has('//button[normalize-space(.)="Sign out"]'):
            self.sign_out("zzz_a2 signed out")
        else:
            b.open("/sign-in", "zzz_a2 sign in")
        self.sign_in(ADA, "zzz_a3 home")
        self.expect_home(ADA)
        b.open("/assets", "zzz_a4 asset map")
        self.expect_h1("Community asset map")
        b.follow("The list of localities and primary care networks", "zzz_a5 localities")
        b.fill("Name", LOCALITY)
        b.choose("Locality")
        b.submit("zzz_a6 locality added", button="Add the locality")
        self.expect_notice(f'Added "{LOCALITY}" to the list.')
        b.follow("Community asset map", "zzz_a7 asset map")
        before = int(b.one('//main//h2[@id="count"]', "count").text.split()[0])
        # First asset: a submit with mistakes, then fixed.
        b.follow("Add an asset", "zzz_a8 new asset")
        b.fill("Email address (optional)", "hello at example")
        b.submit("zzz_a9 asset errors", button="Save the asset", status=422)
        fragments = b.error_summary_links("zzz_a9 asset errors")
        b.require(fragments == ["#field-name", "#field-category", "#field-email", "#field-referral_needed"],
                  f"the error summary links to {fragments}")
        b.require(b.value("Email address (optional)") == "hello at example", "the email typed was not kept")
        self.fill_asset(FIRST, "groups_and_networks", LOCALITY, ["Physical activity"], "no")
        b.submit("zzz_a10 first asset", button="Save the asset")
        self.expect_notice(f"{FIRST} is on the map.")
        self.expect_h1(FIRST)
        b.follow("Community asset map", "zzz_a11 asset map")
        b.follow("Add an asset", "zzz_a12 second asset form")
        self.fill_asset(SECOND, "vcse_organisations", "The whole area", ["Debt and money"], "no")
        b.submit("zzz_a13 second asset", button="Save the asset")
        self.expect_notice(f"{SECOND} is on the map.")
        b.require(self.asset_count() == before + 2, "the two assets were not both added")

    def zzz_b_import_assets(self):
        b = self.b
        before = self.asset_count()
        b.follow("Import assets from a spreadsheet (CSV)", "zzz_b1 import")
        self.expect_h1("Import assets from a spreadsheet")
        folder = tempfile.mkdtemp(prefix="alongside-assets-")
        bad = os.path.join(folder, "assets-bad.csv")
        good = os.path.join(folder, "assets-fixed.csv")
        with open(bad, "w", encoding="utf-8", newline="") as file:
            file.write(asset_csv("Nowhere Vale"))
        with open(good, "w", encoding="utf-8", newline="") as file:
            file.write(asset_csv(LOCALITY.upper()))
        b.field("#field-file").send_keys(bad)
        b.submit("zzz_b2 import refused", button="Check and import", status=422)
        rows = b.table_rows("Problems in the file, by row")
        b.require(len(rows) == 1 and rows[0][:2] == ["Row 3", "locality"] and "Nowhere Vale" in rows[0][2],
                  f"the problems listed are {rows}")
        b.require(self.asset_count() == before, "a file with a bad row changed the map")
        b.open("/assets/import", "zzz_b3 import again")
        b.field("#field-file").send_keys(good)
        b.submit("zzz_b4 imported", button="Check and import")
        b.require(b.path() == "/assets", f"a good import led to {b.path()}")
        self.expect_notice("Imported 2 assets: 2 added, 0 updated.")
        b.require(self.asset_count() == before + 2, "the fixed file did not add its two assets")
        b.follow(IMPORTED[0], "zzz_b5 imported asset")
        b.require("Bring your own needles" in b.main_text(), "the line break inside a quoted cell was not kept")
        b.follow("Community asset map", "zzz_b6 asset map")
        b.follow("Gaps: needs no asset meets, by locality", "zzz_b7 gaps")
        b.require(b.has('//main//table//*[normalize-space(.)="Gap"]'), "the gap analysis shows no gap in words")

    def zzz_c_public_directory_on_a_phone(self):
        b = self.b
        self.sign_out("zzz_c1 signed out")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            inner = b.driver.execute_script("return innerWidth")
            b.require(inner == PHONE_WIDTH, f"could not make the window {PHONE_WIDTH} px wide (it is {inner} px)")
            b.open("/directory", "zzz_c2 directory")
            self.expect_h1("Community directory")
            b.fill("What are you looking for?", "knitting")
            b.select("Where", LOCALITY)
            b.choose("Only places I can go without a referral")
            b.submit("zzz_c3 directory results", button="Search")
            results = b.one('//main//h2[@id="results"]', "results count").text.strip()
            b.require(results == "1 place or service found", f"the search says {results!r}")
            scroll, client = b.driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth]")
            b.note(scroll <= client, "zzz_c3 directory results", f"at {PHONE_WIDTH} px the results scroll sideways ({scroll} > {client})")
            b.follow(IMPORTED[0], "zzz_c4 directory entry")
            self.expect_h1(IMPORTED[0])
            b.require("No referral needed: get in touch directly" in b.main_text(), "the entry does not say no referral is needed")
            b.require(b.driver.find_elements(By.XPATH, '//main//dd[normalize-space(.)="Wednesdays, 2pm to 4pm"]'), "opening times are not shown")
        finally:
            b.driver.set_window_size(1280, 900)

    def zzz_d_open_referral(self):
        """The directory links to its open data, and the Open Referral UK API holds what the journey added, each
        service valid against the standard's own schemas (issue 18; check_openreferral.py, which run.sh also runs
        against the demo data)."""
        b = self.b
        b.open("/directory", "zzz_d1 directory")
        links = b.driver.find_elements(By.LINK_TEXT, "this directory in the Open Referral UK standard")
        b.require(len(links) == 1 and links[0].get_attribute("href").endswith("/openreferral/services"),
                  "the directory does not link to its open data")
        problems = check_open_referral(b.base_url)
        b.require(not problems, "the Open Referral UK API does not follow the standard:\n  " + "\n  ".join(problems))


ASSET_STEPS = [AssetJourney.zzz_a_add_assets, AssetJourney.zzz_b_import_assets, AssetJourney.zzz_c_public_directory_on_a_phone,
               AssetJourney.zzz_d_open_referral]
