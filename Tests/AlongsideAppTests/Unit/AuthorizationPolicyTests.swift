import XCTest
@testable import AlongsideApp

/// The authorization policy's table (issue 16): a row a rule, answered from role, seat, named duty and ownership.
final class AuthorizationPolicyTests: XCTestCase {
    /// What each role alone may do, with no record in view: the table as it stood before the policy, unchanged.
    static let byRole: [String: Set<Role>] = [
        "manageAccounts": [.administrator],
        "viewAuditLog": [.administrator],
        "readOutbox": [.administrator],
        "exportPersonalData": [.administrator],
        "erasePeople": [.administrator],
        "viewAuthorization": [.administrator],
        "manageUrgentHelp": [.administrator],
        "manageFrontDoor": [.administrator],
        "nameOwnSeatPublicly": [],
        "changeAccountStatus": [.administrator],
        "createGroups": [.administrator, .programmeManager, .allianceLead],
        "manageGroup": [.administrator, .programmeManager],
        "seeGroup": [.administrator, .programmeManager],
        "seeGroupBusiness": [.administrator, .programmeManager],
        "draftTerms": [.administrator, .programmeManager],
        "recordDecisions": [.administrator, .programmeManager],
        "reviewDecisionCounts": [.administrator],
        "runMeetings": [.administrator, .programmeManager],
        "updateAction": [.administrator, .programmeManager],
        "runProposals": [.administrator, .programmeManager],
        "respondToProposals": [],
        "manageRoadmap": [.administrator, .programmeManager],
        "updateDeliverable": [.administrator, .programmeManager],
        "managePaymentPolicy": [.administrator],
        "claimForAnyGroup": [.administrator, .programmeManager, .allianceLead],
        "approveClaims": [.administrator, .programmeManager],
        "decideClaim": [.administrator, .programmeManager],
        "recordPayments": [.administrator],
        "markClaimPaid": [.administrator],
        "readFinanceSummary": [.administrator, .programmeManager],
        "editClaim": [],
        "deleteClaim": [],
        "manageInvolvementRoles": [.administrator, .programmeManager],
        "manageAlliance": [.administrator, .programmeManager],
        "manageOrganisations": [.administrator, .programmeManager, .allianceLead],
        "manageCoproduction": [.administrator, .programmeManager, .expertByExperience],
        "editInsight": [.administrator, .programmeManager, .expertByExperience],
        "manageAssets": [.administrator, .programmeManager, .allianceLead, .expertByExperience],
        "issueBoardReport": [.administrator, .programmeManager],
        "signedIn": Set(Role.allCases),
        "everyone": Set(Role.allCases),
    ]

    func testEveryRuleHasOneRowAndTheRoleAnswersAreTheTable() {
        // setup
        let rules = AppFeatures.rules
        // check
        XCTAssertEqual(rules.count, Set(rules.map(\.id)).count, "a rule declared twice")
        XCTAssertEqual(
            Set(rules.map(\.id)), Set(Self.byRole.keys), "a rule with no expected answers here, or the other way round")
        for rule in rules {
            for role in Role.allCases {
                XCTAssertEqual(
                    Policy.allows(role, rule), Self.byRole[rule.id]?.contains(role), "\(rule.id) for \(role)")
            }
        }
    }

    func testNobodyHoldsARuleNobodyIsNamedFor() {
        for rule in AppFeatures.rules {
            let holders = rule.holders
            let somebody =
                holders.everyone || holders.signedIn || !holders.roles.isEmpty || !holders.rolesInAlliance.isEmpty
                || !holders.seats.isEmpty || holders.members || !holders.duties.isEmpty || holders.owner
                || holders.whenPublished
            XCTAssertTrue(somebody, "\(rule.id) is held by nobody")
        }
    }

    func testSignedOutPeopleHoldOnlyThePublicRule() {
        for rule in AppFeatures.rules {
            XCTAssertEqual(Policy.allows(rule, Standing(role: nil)), rule == .everyone, rule.id)
        }
    }

    func testAllianceLeadsManageOnlyTheAlliance() {
        XCTAssertTrue(Policy.allows(.manageGroup, Standing(role: .allianceLead, inAlliance: true)))
        XCTAssertFalse(Policy.allows(.manageGroup, Standing(role: .allianceLead, inAlliance: false)))
        XCTAssertEqual(Group.creatableKinds(for: .allianceLead), [.vcseAlliance])
        XCTAssertEqual(Group.creatableKinds(for: .member), [])
        XCTAssertEqual(Group.creatableKinds(for: .programmeManager), GroupKind.allCases)
    }

    func testSeatsDecideWhoRunsAGroupsBusiness() {
        for seat in Seat.allCases {
            let standing = Standing(role: .member, seats: [seat], isMember: true)
            XCTAssertEqual(
                Policy.allows(.recordDecisions, standing), [.chair, .coChair, .secretary].contains(seat), "\(seat)")
            XCTAssertEqual(
                Policy.allows(.runMeetings, standing), [.chair, .coChair, .secretary].contains(seat), "\(seat)")
            XCTAssertEqual(Policy.allows(.respondToProposals, standing), seat != .observer, "\(seat)")
            XCTAssertTrue(Policy.allows(.seeGroupBusiness, standing), "\(seat)")
            XCTAssertFalse(Policy.allows(.manageGroup, standing), "\(seat)")
        }
    }

    func testGroupsAreSeenByMembersManagersOrWhenPublished() {
        XCTAssertTrue(Policy.allows(.seeGroup, Standing(role: .member, isMember: true)))
        XCTAssertFalse(Policy.allows(.seeGroup, Standing(role: .member)))
        XCTAssertTrue(Policy.allows(.seeGroup, Standing(role: .member, isPublished: true)))
        XCTAssertFalse(Policy.allows(.seeGroupBusiness, Standing(role: .member, isPublished: true)))
    }

    func testOwnershipGrantsAndLimits() {
        XCTAssertTrue(Policy.allows(.updateAction, Standing(role: .member, isOwner: true)))
        XCTAssertTrue(Policy.allows(.editInsight, Standing(role: .member, isOwner: true)))
        XCTAssertTrue(Policy.allows(.updateDeliverable, Standing(role: .member, isOwner: true)))
        // Nobody approves their own claim or pays themselves, whatever their role or duty.
        XCTAssertFalse(
            Policy.allows(.decideClaim, Standing(role: .administrator, duties: [.approveClaims], isOwner: true)))
        XCTAssertTrue(Policy.allows(.decideClaim, Standing(role: .member, duties: [.approveClaims])))
        XCTAssertFalse(Policy.allows(.markClaimPaid, Standing(role: .administrator, isOwner: true)))
        XCTAssertFalse(Policy.allows(.changeAccountStatus, Standing(role: .administrator, isOwner: true)))
        // A named finance contact records payments only for approved claims.
        XCTAssertTrue(Policy.allows(.markClaimPaid, Standing(role: .member, duties: [.recordPayments]), state: true))
        XCTAssertFalse(Policy.allows(.markClaimPaid, Standing(role: .member, duties: [.recordPayments]), state: false))
        XCTAssertTrue(Policy.allows(.readFinanceSummary, Standing(role: .member, duties: [.recordPayments])))
        // The owner changes a claim only while it is a draft or returned.
        XCTAssertTrue(Policy.allows(.editClaim, Standing(role: .member, isOwner: true), state: true))
        XCTAssertFalse(Policy.allows(.editClaim, Standing(role: .member, isOwner: true), state: false))
        XCTAssertFalse(Policy.allows(.editClaim, Standing(role: .administrator), state: true))
    }

    func testRequireRefusesWith403() {
        XCTAssertThrowsError(try Policy.require(.manageAccounts, Standing(role: .member))) {
            XCTAssertEqual($0 as? AppError, .forbidden)
        }
        XCTAssertNoThrow(try Policy.require(.manageAccounts, Standing(role: .administrator)))
    }
}
