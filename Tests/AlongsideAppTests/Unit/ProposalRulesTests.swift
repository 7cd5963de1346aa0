import XCTest
@testable import AlongsideApp

final class ProposalRulesTests: XCTestCase {
    let members = [
        ProposalRules.Member(userID: 1, livedExperience: true), ProposalRules.Member(userID: 2, livedExperience: false),
        ProposalRules.Member(userID: 3, livedExperience: false),
        ProposalRules.Member(userID: 4, livedExperience: false),
    ]

    func terms(_ method: DecisionMethod, value: Int = 50, lived: Bool = true) -> TermsContent {
        var content = TermsContent.starter
        content.decisionMethod = method
        content.quorumKind = .share
        content.quorumValue = value
        content.quorumNeedsLivedExperience = lived
        return content
    }

    func answers(_ pairs: [(Int64, ProposalAnswer)]) -> [ProposalRules.Answer] {
        pairs.map { ProposalRules.Answer(userID: $0.0, answer: $0.1, reason: $0.1.needsReason ? "A reason" : "") }
    }

    func testMajorityVoteTieIsNotAgreedAndAbstentionsDoNotCount() {
        let tie = ProposalRules.close(
            method: .majorityVote, terms: nil, members: members, answers: answers([(1, .votingFor), (2, .against)]))
        XCTAssertEqual(tie.outcome, .notAgreed, "a tie is not agreed")
        let abstentions = ProposalRules.close(
            method: .majorityVote, terms: nil, members: members,
            answers: answers([(1, .votingFor), (2, .abstain), (3, .abstain)]))
        XCTAssertEqual(abstentions.outcome, .agreed, "abstentions do not count against")
        XCTAssertEqual(abstentions.membersPresent, 3, "but those who abstain took part")
        XCTAssertEqual(abstentions.abstaining, 2)
    }

    func testNoQuorumIsAShortfallButTheOutcomeStillStands() {
        let result = ProposalRules.close(
            method: .majorityVote, terms: terms(.majorityVote, value: 75), members: members,
            answers: answers([(1, .votingFor)]))
        XCTAssertEqual(result.outcome, .agreed)
        XCTAssertFalse(result.quorumMet)
        XCTAssertEqual(result.shortfalls, ["1 of 4 members were present; the terms of reference need 3."])
    }

    func testLivedExperienceComesFromWhoResponded() {
        let without = ProposalRules.close(
            method: .consent, terms: terms(.consent, value: 25), members: members,
            answers: answers([(2, .consent), (3, .consent)]))
        XCTAssertFalse(without.livedExperiencePresent)
        XCTAssertEqual(
            without.shortfalls, ["The terms of reference need an expert by experience or carer present, and none was."])
        let with = ProposalRules.close(
            method: .consent, terms: terms(.consent, value: 25), members: members, answers: answers([(1, .consent)]))
        XCTAssertTrue(with.livedExperiencePresent)
        XCTAssertTrue(with.quorumMet)
    }

    func testConsentIsAgreedOnlyWithoutObjections() {
        let agreed = ProposalRules.close(
            method: .consent, terms: nil, members: members, answers: answers([(1, .consent), (2, .consent)]))
        XCTAssertEqual(agreed.outcome, .agreed)
        let objected = ProposalRules.close(
            method: .consent, terms: nil, members: members, answers: answers([(1, .consent), (2, .object)]))
        XCTAssertEqual(objected.outcome, .notAgreed)
        XCTAssertEqual(objected.objections, 1)
    }

    func testConsensusFailsWithOneCannotAgree() {
        let agreed = ProposalRules.close(
            method: .consensus, terms: nil, members: members, answers: answers([(1, .agree), (2, .agree)]))
        XCTAssertEqual(agreed.outcome, .agreed)
        let blocked = ProposalRules.close(
            method: .consensus, terms: nil, members: members, answers: answers([(1, .agree), (2, .cannotAgree)]))
        XCTAssertEqual(blocked.outcome, .notAgreed)
        XCTAssertEqual(blocked.cannotAgree, 1)
    }

    func testNobodyRespondingAgreesNothingAndFormerMembersAreNotCounted() {
        XCTAssertEqual(
            ProposalRules.close(method: .consent, terms: nil, members: members, answers: []).outcome, .notAgreed)
        let result = ProposalRules.close(
            method: .majorityVote, terms: nil, members: members, answers: answers([(9, .votingFor), (1, .against)]))
        XCTAssertEqual(result.outcome, .notAgreed)
        XCTAssertEqual(result.membersPresent, 1)
        XCTAssertEqual(result.membersTotal, 4)
    }

    func testTheMethodDecidesTheAnswersAndByLeadsIsNotPutToMembers() {
        XCTAssertEqual(ProposalRules.answers(for: .majorityVote), [.votingFor, .against, .abstain])
        XCTAssertEqual(ProposalRules.answers(for: .consent), [.consent, .object])
        XCTAssertEqual(ProposalRules.answers(for: .consensus), [.agree, .cannotAgree])
        XCTAssertNil(ProposalRules.answers(for: .byLeads))
        XCTAssertTrue(ProposalAnswer.object.needsReason)
        XCTAssertTrue(ProposalAnswer.cannotAgree.needsReason)
        XCTAssertFalse(ProposalAnswer.against.needsReason)
    }
}
