import XCTest
@testable import AlongsideApp

final class FormAndRenderingTests: XCTestCase {
    func testTheNavigationMarksTheSectionThePageBelongsTo() {
        let user = SessionUser(id: 1, name: "Sam Fictional", email: "sam@example.org", role: .allianceLead)
        func current(_ path: String) -> [String] {
            Navigation.links(for: user, currentPath: path).filter(\.current).map(\.label)
        }
        XCTAssertEqual(current("/groups/3/alliance"), ["Alliance"])
        XCTAssertEqual(current("/groups/3/alliance/members/2"), ["Alliance"])
        XCTAssertEqual(current("/organisations/4/edit"), ["Alliance"])
        XCTAssertEqual(current("/communities"), ["Alliance"])
        XCTAssertEqual(current("/alliance"), ["Alliance"])
        XCTAssertEqual(current("/groups/3"), ["Groups"])
        XCTAssertEqual(current("/groups/3/decisions"), ["Groups"])
        XCTAssertEqual(current("/involvement/claims"), ["Involvement"])
        XCTAssertEqual(current("/"), ["Home"])
    }

    /// Issue 18, "Pages that fit a phone": the compact menu holds the same links as the full navigation, with the
    /// person's most-used places first; a signed-out visitor's one link needs no menu.
    func testTheCompactMenuPutsTheMostUsedPlacesFirstAndLosesNone() {
        for role in Role.allCases {
            let user = SessionUser(id: 1, name: "Sam Fictional", email: "sam@example.org", role: role)
            let full = Navigation.links(for: user, currentPath: "/").map(\.label)
            let menu = Navigation.menu(for: user, currentPath: "/").map(\.label)
            XCTAssertEqual(menu.sorted(), full.sorted(), "\(role)")
            XCTAssertEqual(menu.first, "Home", "\(role)")
        }
        let expert = SessionUser(id: 1, name: "Sam Fictional", email: "sam@example.org", role: .expertByExperience)
        XCTAssertEqual(
            Array(Navigation.menu(for: expert, currentPath: "/").map(\.label).prefix(2)), ["Home", "Involvement"])
        let lead = SessionUser(id: 1, name: "Sam Fictional", email: "sam@example.org", role: .allianceLead)
        XCTAssertEqual(
            Array(Navigation.menu(for: lead, currentPath: "/").map(\.label).prefix(2)), ["Home", "Alliance"])
        XCTAssertTrue(Navigation.menu(for: nil, currentPath: "/").isEmpty)
    }

    func testParsesURLEncodedForms() {
        let form = FormData(
            urlEncoded: "name=Sam+Fictional&email=sam%40example.org&role=member&role=administrator&empty=&flag")
        XCTAssertEqual(form["name"], "Sam Fictional")
        XCTAssertEqual(form["email"], "sam@example.org")
        XCTAssertEqual(form.all("role"), ["member", "administrator"])
        XCTAssertEqual(form["empty"], "")
        XCTAssertEqual(form["flag"], "")
        XCTAssertEqual(form["missing"], "")
        XCTAssertEqual(FormData(urlEncoded: "a=%20padded%20").trimmed("a"), "padded")
    }

    func testFieldsTieHintsAndErrorsToTheInputAndNeverEchoPasswords() {
        var errors = FormErrors()
        errors.add("email", "Enter an email address")
        errors.add("email", "A second message is ignored")
        let email = Field("email", label: "Email address", value: "typed", hint: "Hint", errors: errors)
        XCTAssertEqual(email.describedBy, "field-email-hint field-email-error")
        XCTAssertEqual(email.error, "Enter an email address")
        XCTAssertEqual(email.value, "typed")
        XCTAssertEqual(Field("password", label: "Password", value: "secret", type: "password").value, "")
        XCTAssertEqual(errors.summary, [ErrorItem(href: "#field-email", message: "Enter an email address")])
    }

    func testChoicesAreRadiosOrCheckboxesWithTheirHintAndErrorTiedToTheFieldset() {
        var errors = FormErrors()
        errors.add("kinds", "Select at least one kind")
        let options = [(value: "paid", label: "Paid"), (value: "voluntary", label: "Voluntary")]
        let boxes = ChoiceField(
            "kinds", legend: "Kinds", hint: "Select all that apply.", options: options,
            selected: Set(["voluntary"]), errors: errors)
        XCTAssertEqual(boxes.inputType, "checkbox")
        XCTAssertEqual(boxes.describedBy, "field-kinds-hint field-kinds-error")
        XCTAssertEqual(boxes.choices.map(\.id), ["field-kinds", "field-kinds-voluntary"])
        XCTAssertEqual(boxes.choices.map(\.checked), [false, true])
        let radios = ChoiceField("kind", legend: "Kind", options: options, selected: "paid", errors: FormErrors())
        XCTAssertEqual(radios.inputType, "radio")
        XCTAssertNil(radios.describedBy)
        XCTAssertEqual(radios.choices.map(\.checked), [true, false])
        let select = SelectField("kind", label: "Kind", options: options, selected: "paid", errors: errors)
        XCTAssertNil(select.describedBy, "an error for another field is not this field's")
    }

    struct Sample: Encodable {
        struct Item: Encodable { let label: String }
        let title: String
        let count: Int
        let flag: Bool
        let missing: String?
        let items: [Item]
    }

    func testTemplateNodesAnswerMustacheLookupsAndLeaveOutNil() throws {
        let rendering = TemplateRendering()
        let root = try rendering.root(
            Sample(title: "T", count: 3, flag: false, missing: nil, items: [.init(label: "a")]))
        XCTAssertEqual(root.child(named: "title") as? String, "T")
        XCTAssertEqual(root.child(named: "count") as? Int, 3)
        XCTAssertEqual(root.child(named: "flag") as? Bool, false)
        XCTAssertNil(root.child(named: "missing"), "nil is left out, so {{#missing}} is false and the lookup climbs")
        XCTAssertNil(root.child(named: "nothing"))
        let items = try XCTUnwrap(root.child(named: "items") as? [Any])
        XCTAssertEqual((items.first as? TemplateNode)?.child(named: "label") as? String, "a")
        XCTAssertNil(rendering.failure)
    }

    struct Refusing: Encodable {
        func encode(to encoder: any Encoder) throws {
            throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "refused"))
        }
    }

    struct Holding: Encodable { let inner: Refusing }

    func testAValueThatFailsToEncodeFailsTheRendering() throws {
        let rendering = TemplateRendering()
        let root = try rendering.root(Holding(inner: Refusing()))
        XCTAssertNil(root.child(named: "inner"))
        XCTAssertNotNil(rendering.failure, "the renderer throws it rather than send a page with a part missing")
    }

    func testLondonTimeFollowsBritishSummerTime() {
        let summer = Date(timeIntervalSince1970: 1_782_907_200)  // 2026-07-01 12:00 UTC
        XCTAssertEqual(LondonTime.dateTime(summer), "1 July 2026 at 1:00pm")
        let winter = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01 12:00 UTC
        XCTAssertEqual(LondonTime.dateTime(winter), "1 January 2026 at 12:00pm")
        XCTAssertEqual(LondonTime.time(Date(timeIntervalSince1970: 1_767_225_900)), "12:05am")
        XCTAssertEqual(LondonTime.isoDay(summer), "2026-07-01")
    }

    func testLondonDaysStartAtLocalMidnight() {
        // 23:00 UTC the day before
        XCTAssertEqual(LondonTime.startOfDay("2026-07-01"), Date(timeIntervalSince1970: 1_782_860_400))
        XCTAssertNil(LondonTime.startOfDay("2026-02-30"))
        XCTAssertNil(LondonTime.startOfDay("yesterday"))
    }

    func testAccountFieldChecks() {
        XCTAssertNil(AccountRules.emailProblem("kit@example.org"))
        for bad in ["", "kit", "kit@", "@example.org", "kit@example", "kit @example.org", "a@b@c.org", "kit@.org"] {
            XCTAssertNotNil(AccountRules.emailProblem(bad), bad)
        }
        XCTAssertNotNil(AccountRules.nameProblem(""))
        XCTAssertNotNil(AccountRules.nameProblem(String(repeating: "x", count: 101)))
        XCTAssertNil(AccountRules.roleProblem("expert_by_experience"))
        XCTAssertNotNil(AccountRules.roleProblem("superuser"))
    }

    func testAuditDiffListsOnlyChangedFields() {
        let changes = AuditDiff.changes(
            before: #"{"isActive":true,"name":"Sam","role":"member"}"#,
            after: #"{"isActive":false,"name":"Sam","role":"member"}"#
        )
        XCTAssertEqual(changes, [AuditDiff.Change(field: "is active", before: "yes", after: "no")])
        XCTAssertEqual(
            AuditDiff.changes(before: nil, after: #"{"sessions":0}"#),
            [AuditDiff.Change(field: "sessions", before: nil, after: "0")])
    }
}
