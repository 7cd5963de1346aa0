import Foundation
import XCTest
@testable import AlongsideApp

/// The rules of co-production work (issue 7): themes, days, the forms, the public-visibility rule for quotes and
/// the outcome wording, without a server.
final class CoproductionRulesTests: XCTestCase {
    static let scope = CoproductionScope(groups: [], workshops: [], decisions: [])
    static let carers = Community(id: 11, name: "Carers", underServed: false)
    static let choices = CoproductionChoices(scope: scope, communities: [carers], deliverables: [], planItems: [])

    static func insight(quote: String, consent: Bool, answered: Bool = true) -> Insight {
        let input = InsightInput(
            heard: "Evening groups would help people who work", sourceKind: .communityGroup,
            sourceDetail: "The Tuesday carers' circle",
            place: "Brightwater library", heardOn: "2026-03-03", communityIDs: [11], themes: ["evenings"], quote: quote,
            quoteConsent: consent)
        let date = Date(timeIntervalSince1970: 1_772_500_000)
        return Insight(
            id: 1, input: input, recordedBy: 3, recorderName: "Casey Example", version: 1, createdAt: date,
            updatedAt: date,
            response: answered
                ? InsightResponse(
                    outcome: .changing, answer: "The group now meets on Thursday evenings too.", version: 1,
                    createdAt: date, updatedAt: date) : nil)
    }

    // MARK: Themes

    func testThemesAreTrimmedLowerCaseAndEachKeptOnceInTheOrderTyped() {
        XCTAssertEqual(
            CoproductionRules.themes(" Waiting times, peer  support ,waiting TIMES,, "),
            ["waiting times", "peer support"])
        XCTAssertEqual(CoproductionRules.themes(""), [])
        XCTAssertEqual(CoproductionRules.themes(" , ,"), [])
        XCTAssertEqual(
            CoproductionRules.themes("Crisis\tcare"), ["crisis care"], "inner spaces and tabs collapse to one space")
    }

    // MARK: Quotes outside the workspace

    func testAQuoteLeavesTheWorkspaceOnlyWithConsent() {
        XCTAssertEqual(
            CoproductionRules.publicQuote(quote: "It felt like nobody listened.", consent: true),
            "It felt like nobody listened.")
        XCTAssertNil(CoproductionRules.publicQuote(quote: "It felt like nobody listened.", consent: false))
        XCTAssertNil(CoproductionRules.publicQuote(quote: "  ", consent: true), "consent with no quote shows nothing")
    }

    func testThePublicEntryHoldsOnlyWhatMayLeaveTheWorkspace() throws {
        let consented = try XCTUnwrap(
            PublicFeedbackEntry(Self.insight(quote: "Evenings are when I am free.", consent: true)))
        XCTAssertEqual(consented.quote, "Evenings are when I am free.")
        XCTAssertEqual(consented.youSaid, "Evening groups would help people who work")
        XCTAssertEqual(consented.weDid, "We are changing something.")
        let unconsented = try XCTUnwrap(
            PublicFeedbackEntry(Self.insight(quote: "Evenings are when I am free.", consent: false)))
        XCTAssertNil(unconsented.quote)
        let encoded = String(decoding: try JSONEncoder().encode(unconsented), as: UTF8.self)
        for private_ in ["Evenings are when I am free.", "Tuesday carers", "Brightwater library", "Casey Example"] {
            XCTAssertFalse(encoded.contains(private_), "the public entry holds \(private_)")
        }
        XCTAssertNil(
            PublicFeedbackEntry(Self.insight(quote: "", consent: false, answered: false)),
            "an unanswered insight is not shown")
    }

    // MARK: Outcomes

    func testOutcomesAreWordedPlainlyOnTheFormAndThePublicPage() {
        XCTAssertEqual(ResponseOutcome.changed.label, "We changed something")
        XCTAssertEqual(ResponseOutcome.changing.label, "We are changing something")
        XCTAssertEqual(ResponseOutcome.notChanged.label, "We have not changed anything, and here is why")
        XCTAssertEqual(ResponseOutcome.changed.publicWording, "We changed something.")
        XCTAssertEqual(ResponseOutcome.notChanged.publicWording, "We have not changed anything. This is why.")
    }

    // MARK: Days

    func testDaysMustBeRealAndAnInsightCannotBeHeardInTheFuture() {
        XCTAssertEqual(try CoproductionRules.checkDay("").get(), nil)
        XCTAssertEqual(try CoproductionRules.checkDay("2026-03-03").get(), "2026-03-03")
        XCTAssertEqual(
            try CoproductionRules.checkDay("2026-03-03", notAfter: "2026-03-03").get(), "2026-03-03", "today is allowed"
        )
        XCTAssertThrowsError(try CoproductionRules.checkDay("2026-02-30").get())
        XCTAssertThrowsError(try CoproductionRules.checkDay("3 March 2026").get())
        XCTAssertThrowsError(try CoproductionRules.checkDay("2026-03-04", notAfter: "2026-03-03").get())
    }

    // MARK: Forms

    func testAnInsightFormIsCheckedAndTurnedIntoInput() throws {
        var errors = FormErrors()
        let form = FormData([
            ("heard", " Evening groups would help "), ("source_kind", "community_group"), ("heard_on", "2026-03-01"),
            ("communities", "11"), ("themes", "Evenings, Evenings, work"), ("quote", "I work days."),
            ("quote_consent", "yes"),
        ])
        let input = try XCTUnwrap(
            CoproductionForms.insight(form, choices: Self.choices, today: "2026-03-03", errors: &errors))
        XCTAssertTrue(errors.isEmpty)
        XCTAssertEqual(input.heard, "Evening groups would help")
        XCTAssertEqual(input.communityIDs, [11])
        XCTAssertEqual(input.themes, ["evenings", "work"])
        XCTAssertTrue(input.quoteConsent)
    }

    func testAnInsightFormExplainsEachProblem() {
        var errors = FormErrors()
        let form = FormData([
            ("heard", " "), ("source_kind", "rumour"), ("heard_on", "2026-03-09"), ("communities", "99"),
            ("quote", ""), ("quote_consent", "yes"), ("group", "5"), ("decisions", "abc"),
        ])
        XCTAssertNil(CoproductionForms.insight(form, choices: Self.choices, today: "2026-03-03", errors: &errors))
        XCTAssertEqual(errors["heard"], "Enter what was heard")
        XCTAssertEqual(errors["source_kind"], "Select who it was heard from")
        XCTAssertEqual(errors["heard_on"], "The date it was heard must be today or in the past")
        XCTAssertEqual(errors["communities"], "Select communities from the list")
        XCTAssertEqual(errors["quote"], "Enter the quote the person agreed to, or untick consent to quote")
        XCTAssertEqual(errors["group"], "Select a group from the list", "a group the person cannot see is refused")
        XCTAssertEqual(errors["decisions"], "Select decisions from the list")
    }

    func testAPlanItemNeedsWhatAndAStatusAndARealDueDate() throws {
        var errors = FormErrors()
        XCTAssertNil(
            CoproductionForms.planItem(
                FormData([("what", ""), ("due_on", "31/03/2027")]), choices: Self.choices, errors: &errors))
        XCTAssertEqual(errors["what"], "Enter what will be done")
        XCTAssertEqual(errors["due_on"], "Enter the date it is due as a real date, like 2027-03-31")
        XCTAssertEqual(errors["status"], "Select where the item has got to")
        var fine = FormErrors()
        let input = try XCTUnwrap(
            CoproductionForms.planItem(
                FormData([("what", "Visit three community groups"), ("status", "in_progress")]),
                choices: Self.choices, errors: &fine))
        XCTAssertNil(input.dueOn, "the date is optional")
        XCTAssertEqual(input.status, .inProgress)
    }

    func testAnAnswerNeedsAnOutcomeAndWords() {
        var errors = FormErrors()
        XCTAssertNil(CoproductionForms.answer(FormData([("outcome", "maybe"), ("answer", "  ")]), errors: &errors))
        XCTAssertEqual(errors["outcome"], "Select what happened because of what was heard")
        XCTAssertEqual(errors["answer"], "Enter the answer in plain language: what changed, or why nothing did")
    }

    // MARK: Links kept and the plan's order

    func testALinkThePersonWasNeverOfferedIsKeptWhenTheyChooseNothing() {
        XCTAssertEqual(CoproductionScope.kept(nil, was: 4, offered: [1, 2]), 4)
        XCTAssertNil(CoproductionScope.kept(nil, was: 1, offered: [1, 2]), "a link they could see, they may clear")
        XCTAssertEqual(CoproductionScope.kept(2, was: 4, offered: [1, 2]), 2)
    }

    func testThePlanIsOrderedByStatusThenDueDateWithUndatedItemsLast() {
        func item(_ id: Int64, _ status: PlanStatus, _ due: String?) -> PlanItem {
            PlanItem(id: id, input: PlanItemInput(what: "Item \(id)", dueOn: due, status: status))
        }
        let ordered = ActionPlanPage.ordered([
            item(1, .done, "2026-01-01"), item(2, .notStarted, nil), item(3, .notStarted, "2026-05-01"),
            item(4, .inProgress, "2026-02-01"), item(5, .notStarted, "2026-04-01"),
        ])
        XCTAssertEqual(ordered.map(\.id), [5, 3, 2, 4, 1])
    }

    func testTheInsightFilterMatchesWordsCommunityThemeSourceAndAnswer() {
        let insight = Self.insight(quote: "Evenings are when I am free.", consent: false)
        XCTAssertTrue(InsightFilter(words: "evening library").matches(insight))
        XCTAssertFalse(InsightFilter(words: "morning").matches(insight))
        XCTAssertTrue(
            InsightFilter(communityID: 11, theme: "evenings", sourceKind: .communityGroup, answered: .yes).matches(
                insight))
        XCTAssertFalse(InsightFilter(answered: .no).matches(insight))
        XCTAssertFalse(InsightFilter(sourceKind: .staff).matches(insight))
        XCTAssertEqual(
            InsightFilter(FormData(urlEncoded: "theme=Evenings&answered=maybe")), InsightFilter(theme: "evenings"))
    }
}
