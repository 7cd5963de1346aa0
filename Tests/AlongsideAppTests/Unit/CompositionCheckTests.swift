import XCTest
@testable import AlongsideApp

final class CompositionCheckTests: XCTestCase {
    func member(_ name: String, _ seat: Seat, _ sector: Sector, from: String = "2026-01-01", to: String? = nil) -> CompositionCheck.Member {
        .init(name: name, seat: seat, sector: sector, startsOn: from, endsOn: to)
    }

    func testLeadersGroupDefaultsFollowTheSources() {
        XCTAssertEqual(GroupKind.leadersGroup.defaultRequirements, [
            .icb, .mentalHealthServices, .primaryCare, .livedExperience, .localAuthority, .employmentServices, .vcse, .publicHealth, .underServedCommunities,
        ])
    }

    func testReportsWhatIsFilledAndWhatIsMissing() {
        let report = CompositionCheck.check(
            requirements: [.icb, .localAuthority, .publicHealth, .livedExperience],
            members: [member("Ola", .chair, .icb), member("Pat", .member, .publicHealth)],
            on: "2026-06-01"
        )
        XCTAssertEqual(report.lines.map(\.filledBy), [["Ola"], ["Pat"], ["Pat"], []], "public health also counts as local authority")
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
        let withCarer = CompositionCheck.check(requirements: [], members: [member("Cam", .coChair, .carer), member("Ola", .chair, .icb)], on: "2026-06-01")
        XCTAssertTrue(withCarer.hasLivedExperienceChair)
        let endedChair = CompositionCheck.check(requirements: [], members: [member("Eb", .chair, .expertByExperience, to: "2026-05-31")], on: "2026-06-01")
        XCTAssertFalse(endedChair.hasLivedExperienceChair)
    }

    func testWhoManagesAndWhoSeesGroups() {
        XCTAssertTrue(GroupAccess.canManage(.leadersGroup, role: .programmeManager))
        XCTAssertTrue(GroupAccess.canManage(.vcseAlliance, role: .allianceLead))
        XCTAssertFalse(GroupAccess.canManage(.leadersGroup, role: .allianceLead))
        XCTAssertFalse(GroupAccess.canManage(.ebeAdvisoryGroup, role: .expertByExperience))
        XCTAssertEqual(GroupAccess.creatableKinds(for: .allianceLead), [.vcseAlliance])
        XCTAssertEqual(GroupAccess.creatableKinds(for: .member), [])
        XCTAssertTrue(GroupAccess.canView(.leadersGroup, visibility: .private, role: .member, isMember: true))
        XCTAssertFalse(GroupAccess.canView(.leadersGroup, visibility: .private, role: .member, isMember: false))
        XCTAssertTrue(GroupAccess.canView(.leadersGroup, visibility: .published, role: .member, isMember: false))
    }
}

private extension SeatRequirement {
    static let carersOrEbE = SeatRequirement.livedExperience
}
