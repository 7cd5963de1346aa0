import XCTest
@testable import AlongsideApp

/// The shared caps and strict readings the features use for request input (issue 15).
final class HostileInputRulesTests: XCTestCase {
    func testSearchWordsAreCappedInNumberLengthAndTotalText() {
        let thousand = SearchWords((1...1_000).map { "w\($0)" }.joined(separator: " "))
        XCTAssertEqual(thousand.words.count, SearchWords.maxWords)
        XCTAssertEqual(thousand.words.first, "w1")
        XCTAssertTrue(thousand.wasCapped)
        XCTAssertNotNil(thousand.note)
        let long = SearchWords(String(repeating: "x", count: 250))
        XCTAssertEqual(long.words.map(\.count), [SearchWords.maxWordLength])
        XCTAssertTrue(long.wasCapped)
        let text = SearchWords(String(repeating: "ab ", count: 400))
        XCTAssertLessThanOrEqual(text.words.count, SearchWords.maxWords)
        XCTAssertTrue(text.wasCapped)
        let plain = SearchWords("  peer   support ")
        XCTAssertEqual(plain.words, ["peer", "support"])
        XCTAssertEqual(plain.text, "peer support")
        XCTAssertFalse(plain.wasCapped)
        XCTAssertNil(plain.note)
    }

    func testAProposalClosesOnlyAtAStrictDayAndTime() {
        XCTAssertNotNil(ProposalForm.londonInstant(day: "2026-12-01", time: "09:30"))
        XCTAssertNil(ProposalForm.londonInstant(day: "2026-12-01", time: "9:30"), "browsers send 09:30")
        XCTAssertNil(ProposalForm.londonInstant(day: "2026-12-1", time: "09:30"))
        XCTAssertNil(ProposalForm.londonInstant(day: "2026-+12-01", time: "09:30"))
    }

    func testTypedCountsAreBounded() {
        var errors = FormErrors()
        XCTAssertEqual(
            DecisionForm.count(FormData([("votes_for", " 12 ")]), "votes_for", "Enter the votes for", &errors), 12)
        XCTAssertNil(
            DecisionForm.count(
                FormData([("votes_for", "9223372036854775807")]), "votes_for", "Enter the votes for", &errors))
        XCTAssertNil(
            DecisionForm.count(
                FormData([("votes_against", "99999")]), "votes_against", "Enter the votes against", &errors))
        XCTAssertEqual(errors["votes_for"], "The number must be 10,000 or fewer", "a clear message, not a crash")
        XCTAssertEqual(errors["votes_against"], "The number must be 10,000 or fewer")
        var termsErrors = FormErrors()
        _ = TermsForm.parse(
            FormData([("quorum_kind", "count"), ("quorum_value", "99999999999999999999")]), errors: &termsErrors)
        XCTAssertEqual(termsErrors["quorum_value"], "Enter the quorum as a whole number, like 5 or 50")
    }
}
