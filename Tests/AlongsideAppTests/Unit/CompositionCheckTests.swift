import XCTest
@testable import AlongsideApp

final class CompositionCheckTests: XCTestCase {
    func member(_ name: String, _ seat: Seat, _ sector: Sector, from: String = "2026-01-01", to: String? = nil)
        -> CompositionCheck.Member
    {
        .init(name: name, seat: seat, sector: sector, startsOn: from, endsOn: to)
    }

    func testLeadersGroupDefaultsFollowTheSources() {
        XCTAssertEqual(
            GroupKind.leadersGroup.defaultRequirements,
            [
                .icb, .mentalHealthServices, .primaryCare, .livedExperience, .localAuthority, .employmentServices,
                .vcse, .publicHealth, .underServedCommunities,
            ])
    }

    func testReportsWhatIsFilledAndWhatIsMissing() {
        let report = CompositionCheck.check(
            requirements: [.icb, .localAuthority, .publicHealth, .livedExperience],
            members: [member("Ola", .chair, .icb), member("Pat", .member, .publicHealth)],
            on: "2026-06-01"
        )
        XCTAssertEqual(
            report.lines.map(\.filledBy), [["Ola"], ["Pat"], ["Pat"], []],
            "public health also counts as local authority")
        XCTAssertEqual(report.missing, [.livedExperience])
        XCTAssertFalse(report.hasLivedExperienceChair)
    }

    func testOnlyCurrentNonObserverMembersCount() {
        let report = CompositionCheck.check(
            requirements: [.vcse, .icb, .carersOrEbE],
            members: [
                member("Past", .member, .vcse, from: "2025-01-01", to: "2026-05-31"),
                member("Future", .member, .icb, from: "2026-07-01"),
                member("Watcher", .observer, .expertByExperience),
            ],
            on: "2026-06-01"
        )
        XCTAssertEqual(report.missing, [.vcse, .icb, .livedExperience])
    }

    func testTheDayTheyLeaveTheyAreNoLongerAMember() {
        XCTAssertTrue(member("Kit", .member, .vcse, from: "2026-01-01", to: "2026-06-01").isCurrent(on: "2026-05-31"))
        XCTAssertFalse(member("Kit", .member, .vcse, from: "2026-01-01", to: "2026-06-01").isCurrent(on: "2026-06-01"))
    }

    func testLivedExperienceCoChairSatisfiesTheChairCheck() {
        let withCarer = CompositionCheck.check(
            requirements: [], members: [member("Cam", .coChair, .carer), member("Ola", .chair, .icb)], on: "2026-06-01")
        XCTAssertTrue(withCarer.hasLivedExperienceChair)
        let endedChair = CompositionCheck.check(
            requirements: [], members: [member("Eb", .chair, .expertByExperience, to: "2026-05-31")], on: "2026-06-01")
        XCTAssertFalse(endedChair.hasLivedExperienceChair)
    }

    /// 003 step 1: the leaders group "must include" experts by experience and "individuals from BAME communities and
    /// other protected or marginalised groups". One person can be both: an expert by experience who names the
    /// under-served community they come from fills both seats, and each seat still needs someone.
    func testOnePersonCanFillTwoRequiredSeats() {
        // setup
        let amara = CompositionCheck.Member(
            name: "Amara", seat: .coChair, sector: .expertByExperience, community: "Riverside Somali community",
            startsOn: "2026-01-01", endsOn: nil)
        // act
        let report = CompositionCheck.check(
            requirements: [.livedExperience, .underServedCommunities, .employmentServices], members: [amara],
            on: "2026-06-01")
        // check
        XCTAssertEqual(report.lines.map(\.filledBy), [["Amara"], ["Amara"], []])
        XCTAssertEqual(report.missing, [.employmentServices], "the other seat is still missing")
        XCTAssertTrue(report.hasLivedExperienceChair)
    }

    func testABlankCommunityFillsNoExtraSeat() {
        // setup
        let blank = CompositionCheck.Member(
            name: "Bo", seat: .member, sector: .vcse, community: "   ", startsOn: "2026-01-01", endsOn: nil)
        // act
        let report = CompositionCheck.check(
            requirements: [.vcse, .underServedCommunities], members: [blank], on: "2026-06-01")
        // check
        XCTAssertNil(blank.community)
        XCTAssertEqual(report.missing, [.underServedCommunities])
    }

    func testWhoManagesAndWhoSeesGroups() {
        // The rules live in the authorization policy (issue 16); a group supplies its kind and visibility as facts.
        func group(_ kind: GroupKind, _ visibility: Visibility = .private, role: Role, isMember: Bool = false)
            -> Standing
        {
            Standing(
                role: role, isMember: isMember, inAlliance: kind == .vcseAlliance, isPublished: visibility == .published
            )
        }
        XCTAssertTrue(Policy.allows(.manageGroup, group(.leadersGroup, role: .programmeManager)))
        XCTAssertTrue(Policy.allows(.manageGroup, group(.vcseAlliance, role: .allianceLead)))
        XCTAssertFalse(Policy.allows(.manageGroup, group(.leadersGroup, role: .allianceLead)))
        XCTAssertFalse(Policy.allows(.manageGroup, group(.ebeAdvisoryGroup, role: .expertByExperience)))
        XCTAssertEqual(Group.creatableKinds(for: .allianceLead), [.vcseAlliance])
        XCTAssertEqual(Group.creatableKinds(for: .member), [])
        XCTAssertTrue(Policy.allows(.seeGroup, group(.leadersGroup, role: .member, isMember: true)))
        XCTAssertFalse(Policy.allows(.seeGroup, group(.leadersGroup, role: .member)))
        XCTAssertTrue(Policy.allows(.seeGroup, group(.leadersGroup, .published, role: .member)))
    }
}

private extension SeatRequirement {
    static let carersOrEbE = SeatRequirement.livedExperience
}
