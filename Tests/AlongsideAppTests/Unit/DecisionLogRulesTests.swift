import XCTest
@testable import AlongsideApp

final class DecisionLogRulesTests: XCTestCase {
    func testCSVQuotesWhatNeedsItAndDefusesFormulas() {
        XCTAssertEqual(CSVFormat.cell("plain"), "plain")
        XCTAssertEqual(CSVFormat.cell("a, b"), "\"a, b\"")
        XCTAssertEqual(CSVFormat.cell("say \"yes\""), "\"say \"\"yes\"\"\"")
        XCTAssertEqual(CSVFormat.cell("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(CSVFormat.cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertTrue(CSVFormat.cell(start).hasPrefix("'") || CSVFormat.cell(start).hasPrefix("\"'"), start)
        }
        XCTAssertEqual(CSVFormat.document(header: ["a", "b"], rows: [["1", "x,y"]]), "a,b\r\n1,\"x,y\"\r\n")
    }

    func testLikePatternsMatchWordsLiterally() {
        XCTAssertEqual(DecisionFilter.likePattern("50%"), "%50\\%%")
        XCTAssertEqual(DecisionFilter.likePattern("a_b"), "%a\\_b%")
        XCTAssertEqual(DecisionFilter.likePattern("c:\\x"), "%c:\\\\x%")
    }

    func testSearchFiltersExplainBadDatesAndKeepTheRest() {
        let input = DecisionSearchInput(query: [
            "q": "funding  bid", "from": "2026-02-30", "to": "2026-03-31", "group": "7", "outcome": "agreed",
        ])
        let (filter, errors) = input.parsed(visibleGroupIDs: [7, 8])
        XCTAssertEqual(errors["from"], "Enter the start date as a real date, like 2026-03-03")
        XCTAssertEqual(filter.words, ["funding", "bid"])
        XCTAssertEqual(filter.groupIDs, [7])
        XCTAssertEqual(filter.outcome, .agreed)
        XCTAssertNotNil(filter.toExclusive)
        let (_, hidden) = DecisionSearchInput(query: ["group": "9"]).parsed(visibleGroupIDs: [7])
        XCTAssertEqual(hidden["group"], "Select a group from the list", "a group the person cannot see is not searched")
        let (_, backwards) = DecisionSearchInput(query: ["from": "2026-03-02", "to": "2026-03-01"]).parsed(
            visibleGroupIDs: [7])
        XCTAssertEqual(backwards["to"], "The end date must be the same as or after the start date")
        XCTAssertEqual(input.query.encoded, "q=funding%20%20bid&from=2026-02-30&to=2026-03-31&group=7&outcome=agreed")
    }

    func testDeclarationRowsBlankIgnoredHalfFilledNamed() {
        var errors = FormErrors()
        let form = FormData([
            ("declaration1_person", "5"), ("declaration1_interest", "Trustee of the bidding charity"),
            ("declaration1_took_part", "no"),
            ("declaration2_name", ""), ("declaration2_interest", ""),
            ("declaration3_name", "Visiting Adviser"),
        ])
        let list = DeclarationsForm.parse(form, people: [(5, "Ola Placeholder")], errors: &errors)
        XCTAssertEqual(
            list,
            [
                DecisionDeclaration(
                    userID: 5, personName: "Ola Placeholder", interest: "Trustee of the bidding charity",
                    tookPart: false)
            ])
        XCTAssertEqual(
            errors.summary.map(\.message),
            [
                "Declaration 3: enter the interest they declared",
                "Declaration 3: select whether they took part in the decision",
            ])
        var both = FormErrors()
        _ = DeclarationsForm.parse(
            FormData([
                ("declaration1_person", "5"), ("declaration1_name", "X"), ("declaration1_interest", "I"),
                ("declaration1_took_part", "yes"),
            ]),
            people: [(5, "Ola")], errors: &both)
        XCTAssertEqual(
            both["declaration1_name"], "Declaration 1: choose a person from the list or type a name, not both")
    }

    func testRevisionChangesListOnlyWhatDiffers() {
        let old = [
            DecisionRevisions.Field(label: "Title", value: "A"), .init(label: "Outcome", value: "Agreed"),
            .init(label: "Votes", value: "3 for"),
        ]
        let new = [
            DecisionRevisions.Field(label: "Title", value: "A"), .init(label: "Outcome", value: "Not agreed"),
            .init(label: "Review date", value: "1 May 2027"),
        ]
        XCTAssertEqual(
            DecisionRevisions.changes(from: old, to: new),
            [
                .init(label: "Outcome", before: "Agreed", after: "Not agreed"),
                .init(label: "Votes", before: "3 for", after: "(none)"),
                .init(label: "Review date", before: "(none)", after: "1 May 2027"),
            ])
    }

    func testClosingTimesAreLondonTime() {
        // 17:00 in London on a summer day is 16:00 UTC; in winter it is 17:00 UTC.
        XCTAssertEqual(
            ProposalForm.londonInstant(day: "2026-07-01", time: "17:00"),
            ISO8601DateFormatter().date(from: "2026-07-01T16:00:00Z"))
        XCTAssertEqual(
            ProposalForm.londonInstant(day: "2026-12-01", time: "17:00"),
            ISO8601DateFormatter().date(from: "2026-12-01T17:00:00Z"))
        XCTAssertNil(ProposalForm.londonInstant(day: "2026-12-01", time: "25:00"))
        XCTAssertNil(ProposalForm.londonInstant(day: "2026-12-01", time: "5pm"))
    }
}
