import XCTest
@testable import AlongsideApp

/// The numbers a decision records must be able to have happened (issue 17), whichever way the terms of reference say
/// "decisions should be agreed (vote, consensus, by leads)" (003 step 1, terms of reference): nobody counted twice,
/// nobody counted below zero.
final class DecisionCountRulesTests: XCTestCase {
    func messages(_ counts: DecisionCounts) -> [String] { counts.problems().map(\.message) }

    /// "3 of 3 members present; 5 for, 0 against, 1 abstaining" cannot be: 6 votes from 3 people.
    func testVotesCastAreAtMostTheMembersPresent() {
        let counts = DecisionCounts(
            membersTotal: 3, membersPresent: 3, votesFor: 5, votesAgainst: 0, votesAbstaining: 1)
        XCTAssertEqual(
            counts.problems(),
            [
                .init(
                    count: .votesFor,
                    message:
                        "The votes cast (for, against and abstaining: 6) cannot be more than the members present (3)")
            ])
        XCTAssertEqual(
            messages(
                DecisionCounts(membersTotal: 3, membersPresent: 3, votesFor: 2, votesAgainst: 0, votesAbstaining: 1)),
            [], "every member present voting is possible")
    }

    /// Consent: "no one has a reasoned objection"; objections come from members present.
    func testObjectionsAreAtMostTheMembersPresent() {
        XCTAssertEqual(
            messages(DecisionCounts(membersTotal: 9, membersPresent: 4, objections: 5)),
            ["Objections (5) cannot be more than the members present (4)"])
        XCTAssertEqual(messages(DecisionCounts(membersTotal: 9, membersPresent: 4, objections: 4)), [])
    }

    /// Consensus and decisions by leads record no numbers but who was there: present at most the members.
    func testMembersPresentAreAtMostTheMembers() {
        XCTAssertEqual(
            messages(DecisionCounts(membersTotal: 3, membersPresent: 4)),
            ["Members present (4) cannot be more than the group's members (3)"])
        XCTAssertEqual(messages(DecisionCounts(membersTotal: 0, membersPresent: 0)), [])
    }

    func testNoCountIsNegativeOrBeyondTheLimit() {
        XCTAssertEqual(
            messages(DecisionCounts(membersTotal: -1, membersPresent: 0, votesAgainst: -3)),
            ["The group's members cannot be a negative number", "Votes against cannot be a negative number"])
        XCTAssertEqual(
            messages(DecisionCounts(membersTotal: 3, membersPresent: 3, votesFor: Int.max, votesAgainst: Int.max)),
            ["Votes for cannot be more than 1000000", "Votes against cannot be more than 1000000"],
            "stored values are checked without adding them up, so nothing overflows")
    }

    /// A meeting's attendance gives who was there: deputies count only where the terms allow them (003 step 1:
    /// "whether everyone should attend all meetings or send a deputy").
    func testAttendanceAtAMeetingCountsDeputiesOnlyWhereTheTermsAllowThem() {
        let expected = [
            MeetingRules.Expected(
                userID: 1, name: "Ada", sector: .expertByExperience, deputyUserID: 9, deputyName: "Dee"),
            MeetingRules.Expected(userID: 2, name: "Ben", sector: .icb, deputyUserID: nil, deputyName: nil),
            MeetingRules.Expected(userID: 3, name: "Cas", sector: .icb, deputyUserID: nil, deputyName: nil),
        ]
        let attendance: [Int64: AttendanceStatus] = [1: .deputy, 2: .present, 3: .apologies]
        var terms = TermsContent.starter
        terms.deputiesAllowed = true
        let allowed = DecisionAttendance(expected: expected, attendance: attendance, terms: terms)
        XCTAssertEqual(allowed.present, 2)
        XCTAssertEqual(allowed.memberCount, 3)
        XCTAssertTrue(allowed.livedExperiencePresent, "a deputy keeps the seat's lived experience in the room")
        XCTAssertEqual(
            allowed.summary,
            "2 of 3 members present, including 1 deputy. An expert by experience or carer was present.")
        terms.deputiesAllowed = false
        let forbidden = DecisionAttendance(expected: expected, attendance: attendance, terms: terms)
        XCTAssertEqual(forbidden.present, 1)
        XCTAssertFalse(forbidden.livedExperiencePresent)
        XCTAssertEqual(
            forbidden.summary,
            "1 of 3 members present (1 deputy sent, not counted: the terms of reference do not allow deputies). No expert by experience or carer was present."
        )
        XCTAssertFalse(DecisionAttendance(expected: expected, attendance: [:], terms: terms).isRecorded)
    }
}
