import XCTest
@testable import AlongsideApp

final class PermissionsTests: XCTestCase {
    func testGroupCreationBelongsToStaffRoles() {
        let creators = Set(Role.allCases.filter { Permissions.allows($0, .createGroups) })
        XCTAssertEqual(creators, [.administrator, .programmeManager, .allianceLead])
    }

    func testOnlyAdministratorsManageAccountsAndSeeTheAuditLog() {
        for role in Role.allCases {
            XCTAssertEqual(Permissions.allows(role, .manageAccounts), role == .administrator, "\(role)")
            XCTAssertEqual(Permissions.allows(role, .viewAuditLog), role == .administrator, "\(role)")
        }
    }

    func testEveryCapabilityIsInTheTable() {
        for capability in Capability.allCases {
            XCTAssertNotNil(Permissions.table[capability], "\(capability) has no entry, so nobody holds it")
        }
    }

    func testEveryRouteIsRegisteredWithADeclaredAccess() async throws {
        // setup
        let services = try await makeServices()
        var routes = SiteRoutes(router: .init(context: AppRequestContext.self))
        // act
        for controller in controllers(services) { controller.addRoutes(to: &routes) }
        // check
        let registered = Set(routes.declared.map(\.route))
        XCTAssertEqual(registered, Set(Route.allCases), "every path in Route has a handler")
        let publicRoutes: Set<Route> = [.health, .accessibility, .privacy, .signIn, .setup, .setPassword, .publishedGroup,
                                          .publishedMeeting, .publishedGroupCalendar, .publishedTerms, .personalCalendar, .groupCalendar,
                                          .publishedDecision, .publishedRoadmap,
                                          .opportunities, .opportunity, .opportunityInterest,
                                          .publishedAlliance, .publishedFeedbackIndex, .publishedFeedback, .directory, .directoryEntry]
        for entry in routes.declared where entry.access == .everyone {
            XCTAssertTrue(publicRoutes.contains(entry.route), "\(entry.route) is public but not in the public list")
        }
        for entry in routes.declared where entry.route.rawValue.hasPrefix("/admin") {
            guard case .capability = entry.access else { return XCTFail("\(entry.route) needs a capability") }
        }
    }
}
