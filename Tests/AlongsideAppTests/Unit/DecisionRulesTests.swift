import XCTest
@testable import AlongsideApp

final class DecisionRulesTests: XCTestCase {
    func terms(_ method: DecisionMethod = .majorityVote, kind: QuorumKind = .share, value: Int = 50, lived: Bool = true)
        -> TermsContent
    {
        var content = TermsContent.starter
        content.decisionMethod = method
        content.quorumKind = kind
        content.quorumValue = value
        content.quorumNeedsLivedExperience = lived
        return content
    }

    func testMajorityVoteTiesAndAbstentions() {
        XCTAssertEqual(DecisionRules.outcome(method: .majorityVote, votesFor: 5, against: 4, objections: 0), .agreed)
        XCTAssertEqual(
            DecisionRules.outcome(method: .majorityVote, votesFor: 4, against: 4, objections: 0), .notAgreed,
            "a tie is not agreed")
        XCTAssertEqual(
            DecisionRules.outcome(method: .majorityVote, votesFor: 1, against: 0, objections: 0), .agreed,
            "abstentions do not count")
    }

    func testConsentWithAndWithoutObjections() {
        XCTAssertEqual(DecisionRules.outcome(method: .consent, votesFor: 0, against: 0, objections: 0), .agreed)
        XCTAssertEqual(DecisionRules.outcome(method: .consent, votesFor: 0, against: 0, objections: 1), .notAgreed)
        XCTAssertNil(DecisionRules.outcome(method: .consensus, votesFor: 3, against: 0, objections: 0))
    }

    func testQuorumAsShareRoundsUpAndAsCount() {
        XCTAssertEqual(QuorumRule.needed(kind: .share, value: 50, memberCount: 9), 5)
        XCTAssertEqual(QuorumRule.needed(kind: .share, value: 50, memberCount: 10), 5)
        XCTAssertEqual(QuorumRule.needed(kind: .count, value: 6, memberCount: 10), 6)
    }

    func testNoQuorumAndNoLivedExperienceAreBothExplained() {
        let result = QuorumRule.evaluate(terms: terms(), memberCount: 10, present: 4, livedExperiencePresent: false)
        XCTAssertFalse(result.met)
        XCTAssertEqual(
            result.shortfalls,
            [
                "4 of 10 members were present; the terms of reference need 5.",
                "The terms of reference need an expert by experience or carer present, and none was.",
            ])
        XCTAssertTrue(
            QuorumRule.evaluate(terms: terms(lived: false), memberCount: 10, present: 5, livedExperiencePresent: false)
                .met)
    }

    func testShortfallsIncludeTheWrongMethodAndNothingWithoutTerms() {
        let problems = DecisionRules.shortfalls(
            terms: terms(.consent), method: .majorityVote, memberCount: 4, present: 4, livedExperiencePresent: true)
        XCTAssertEqual(
            problems,
            [
                "The terms of reference say decisions are made by consent: no one has a reasoned objection, not majority vote."
            ])
        XCTAssertEqual(
            DecisionRules.shortfalls(
                terms: nil, method: .byLeads, memberCount: 0, present: 0, livedExperiencePresent: false), [])
    }
}
