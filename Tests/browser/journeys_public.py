"""Browser journey for the public front door (issue 18): an administrator names the partnership; then a visitor on a
phone, signed out, finds the front door at "/", with urgent help and sign-in among its links, follows each link to
where it says, and reads the published groups and a public group page written for the public.

Mixed into `Journey` in test_journeys.py; its steps run after the urgent-help journey, which leaves the browser signed
out.
"""

from people import ADA

PHONE_WIDTH = 360
PARTNERSHIP = "Example Journey Partnership"
PURPOSE = "People who use services, carers and local groups shaping mental health care in Example Town."


class PublicJourney:
    def zzz_v_public_front_door(self):
        b = self.b
        b.open("/", "zzz_v1 front door before it is named")
        b.require(b.h1() not in ("", None), "the front door has an empty heading")
        b.require(b.has('//aside[@id="urgent-help"]'), "the front door does not say how to get urgent help")
        b.follow("Sign in", "zzz_v2 sign in from the front door")
        b.require(b.path() == "/sign-in", f"the front door's sign-in link led to {b.path()}")
        self.sign_in(ADA, "zzz_v3 home")
        self.expect_home(ADA)
        b.follow("Public front door", "zzz_v4 front door settings")
        self.expect_h1("The public front door")
        b.fill("The partnership's name", "")
        b.submit("zzz_v5 name missing", button="Save the front door", status=422)
        self.expect_form_errors("zzz_v5 name missing", ["partnership_name"])
        b.fill("The partnership's name", PARTNERSHIP)
        b.fill("What the partnership is for", PURPOSE)
        b.submit("zzz_v6 saved", button="Save the front door")
        self.expect_notice(f"The public front door now introduces {PARTNERSHIP}.")
        self.sign_out("zzz_v7 signed out")
        b.driver.set_window_size(PHONE_WIDTH, 800)
        try:
            b.open("/", "zzz_v8 front door on a phone")
            self.expect_h1(PARTNERSHIP)
            b.require(PURPOSE in b.main_text(), "the front door does not say what the partnership is for")
            b.require(b.has('//aside[@id="urgent-help"]//a[@href="tel:116123"]'),
                      "the front door's urgent help has no Samaritans line")
            self.no_sideways_scroll("zzz_v8 front door on a phone")
            for label, path, heading in (
                ("Get involved", "/opportunities", None),
                ("Community directory", "/directory", None),
                ("You said, we did", "/published/you-said-we-did", None),
                ("Our plans (roadmap)", "/published/roadmap", None),
                ("Sign in", "/sign-in", "Sign in"),
                ("Groups, decisions and terms of reference", "/published/groups", "The partnership's groups"),
            ):
                b.open("/", f"zzz_v9 front door again for {label}")
                b.follow(label, f"zzz_v10 {label} from the front door")
                b.require(b.path() == path, f"the front door's {label!r} led to {b.path()}, not {path}")
                if heading:
                    self.expect_h1(heading)
                self.no_sideways_scroll(f"zzz_v10 {label}")
            b.require(b.has('//aside[@id="urgent-help"]'), "the published groups page does not say how to get urgent help")
            b.follow(self.group_name_for_public(), "zzz_v11 public group page on a phone")
            b.require(b.path().startswith("/published/groups/"), f"the group's link led to {b.path()}")
            b.require("Who can see it" not in b.main_text(), "the public group page says who can see it")
            b.require(not b.has('//main//a[starts-with(@href, "/groups")]'),
                      "the public group page links into the signed-in workspace")
            self.no_sideways_scroll("zzz_v11 public group page")
            b.follow("All published groups", "zzz_v12 back to the published groups")
            b.require(b.path() == "/published/groups", f"'All published groups' led to {b.path()}")
        finally:
            b.driver.set_window_size(1280, 900)

    def group_name_for_public(self):
        """The first published group the list shows."""
        return self.b.one('//main//li[contains(@class, "card")]//h2/a', "a published group").text

    def no_sideways_scroll(self, shot):
        b = self.b
        scroll, client = b.driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth]")
        b.require(scroll <= client, f"{shot}: at {PHONE_WIDTH} px the page scrolls sideways ({scroll} > {client})")


PUBLIC_STEPS = [PublicJourney.zzz_v_public_front_door]
