import XCTest
@testable import AlongsideApp

/// Alliance membership moves and the alliance's reach (issue 6; 003 step 4).
final class MembershipRulesTests: XCTestCase {
    let today = "2026-09-21"

    func testEveryAllowedMoveAndNoOther() {
        let expected: [MembershipStatus: Set<MembershipStatus>] = [
            .interested: [.joining, .member, .left],
            .joining: [.member, .interested, .left],
            .member: [.paused, .left],
            .paused: [.member, .left],
            .left: [.interested, .joining],
        ]
        for from in MembershipStatus.allCases {
            for to in MembershipStatus.allCases {
                XCTAssertEqual(
                    MembershipRules.canMove(from: from, to: to), expected[from]!.contains(to), "\(from) → \(to)")
            }
        }
    }

    func testAMoveNotAllowedSaysWhereItCanGo() {
        XCTAssertNil(MembershipRules.moveProblem(from: .member, to: .paused))
        XCTAssertEqual(
            MembershipRules.moveProblem(from: .member, to: .interested),
            "Member cannot move to interested. It can move to: paused, left")
        XCTAssertEqual(MembershipRules.moveProblem(from: .left, to: nil), "Select the new status")
        XCTAssertNotNil(MembershipRules.moveProblem(from: .left, to: .left), "staying put is not a move")
    }

    func testTheDayOfAMoveLiesBetweenTheCurrentStatusAndToday() {
        XCTAssertNil(MembershipRules.dayProblem("2026-09-21", statusSince: "2026-04-01", today: today), "today is fine")
        XCTAssertNil(
            MembershipRules.dayProblem("2026-04-01", statusSince: "2026-04-01", today: today),
            "the same day as the current status is fine")
        XCTAssertEqual(
            MembershipRules.dayProblem("2026-09-22", statusSince: "2026-04-01", today: today),
            "The day cannot be in the future")
        XCTAssertEqual(
            MembershipRules.dayProblem("2026-03-31", statusSince: "2026-04-01", today: today),
            "The day cannot be before the current status began on 1 April 2026")
        XCTAssertEqual(
            MembershipRules.dayProblem("", statusSince: nil, today: today), "Enter the day the status changed")
        XCTAssertEqual(
            MembershipRules.dayProblem("2026-02-30", statusSince: nil, today: today),
            "Enter a real date, for example 2026-03-03")
        XCTAssertNil(
            MembershipRules.dayProblem("2020-01-01", statusSince: nil, today: today), "a first status may be long ago")
    }

    func testJoinedOnIsTheFirstDayItBecameAMember() {
        XCTAssertNil(MembershipRules.joinedOn(history: [(.interested, "2026-01-05"), (.joining, "2026-02-01")]))
        let history: [(status: MembershipStatus, onDay: String)] = [
            (.interested, "2025-01-05"), (.member, "2025-03-01"), (.left, "2025-06-01"), (.joining, "2026-01-01"),
            (.member, "2026-02-01"),
        ]
        XCTAssertEqual(MembershipRules.joinedOn(history: history), "2025-03-01")
        XCTAssertEqual(MembershipRules.joinedOn(history: history.reversed()), "2025-03-01", "order does not matter")
    }

    // MARK: Reach

    let communities = [
        Community(id: 1, name: "Refugees and people seeking asylum", underServed: true),
        Community(id: 2, name: "Deaf people who use British Sign Language", underServed: true),
        Community(id: 3, name: "Rural and farming communities", underServed: true),
        Community(id: 4, name: "Carers", underServed: false),
        Community(
            id: 5, name: "A retired under-served entry", underServed: true, retiredAt: Date(timeIntervalSince1970: 0)),
        Community(id: 6, name: "Armed forces veterans", underServed: false),
    ]

    func testReachCountsJoiningAndCurrentMembersOnly() {
        let members = [
            ReachRules.MemberReach(
                organisationName: "Brightwater Peer Network", status: .member, communityIDs: [1, 4]),
            ReachRules.MemberReach(
                organisationName: "Amberley Signing Circle", status: .joining, communityIDs: [2, 1]),
            ReachRules.MemberReach(
                organisationName: "Hollow Lane Farmers Trust", status: .interested, communityIDs: [3]),
            ReachRules.MemberReach(organisationName: "Old Mill Veterans", status: .left, communityIDs: [6]),
            ReachRules.MemberReach(organisationName: "Quiet Harbour", status: .paused, communityIDs: [3, 6]),
        ]
        // act
        let reach = ReachRules.reach(communities: communities, memberCommunities: members)
        // check
        XCTAssertEqual(reach.underServedReached.map(\.community.id), [1, 2])
        XCTAssertEqual(
            reach.underServedReached[0].organisations, ["Amberley Signing Circle", "Brightwater Peer Network"],
            "by name")
        XCTAssertEqual(
            reach.notYetReached.map(\.id), [3],
            "interested and paused organisations do not count; retired communities are left out")
        XCTAssertEqual(reach.otherReached.map(\.community.id), [4])
        XCTAssertEqual(reach.otherReached[0].organisations, ["Brightwater Peer Network"])
    }

    func testWithNoMembersEveryUnderServedCommunityIsNotYetReached() {
        let reach = ReachRules.reach(communities: communities, memberCommunities: [])
        XCTAssertEqual(reach.notYetReached.map(\.id), [1, 2, 3])
        XCTAssertTrue(reach.underServedReached.isEmpty)
        XCTAssertTrue(reach.otherReached.isEmpty)
    }

    func testAnOrganisationNamingACommunityTwiceIsListedOnce() {
        let members = [
            ReachRules.MemberReach(organisationName: "Brightwater Peer Network", status: .member, communityIDs: [1, 1])
        ]
        let reach = ReachRules.reach(communities: communities, memberCommunities: members)
        XCTAssertEqual(reach.underServedReached.first?.organisations, ["Brightwater Peer Network"])
    }
}
