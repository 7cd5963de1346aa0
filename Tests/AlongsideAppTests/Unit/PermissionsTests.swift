import Foundation
import XCTest
@testable import AlongsideApp

final class PermissionsTests: XCTestCase {
    func testGroupCreationBelongsToStaffRoles() {
        let creators = Set(Role.allCases.filter { Policy.allows($0, .createGroups) })
        XCTAssertEqual(creators, [.administrator, .programmeManager, .allianceLead])
    }

    func testOnlyAdministratorsManageAccountsAndSeeTheAuditLog() {
        for role in Role.allCases {
            XCTAssertEqual(Policy.allows(role, .manageAccounts), role == .administrator, "\(role)")
            XCTAssertEqual(Policy.allows(role, .viewAuditLog), role == .administrator, "\(role)")
            XCTAssertEqual(Policy.allows(role, .viewAuthorization), role == .administrator, "\(role)")
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
        let publicRoutes: Set<Route> = [
            .home, .health, .accessibility, .privacy, .signIn, .setup, .setPassword, .publishedGroups, .publishedGroup,
            .publishedMeeting, .publishedGroupCalendar, .publishedTerms, .personalCalendar, .groupCalendar,
            .publishedDecision, .publishedRoadmap,
            .opportunities, .opportunity, .opportunityInterest,
            .publishedAlliance, .publishedFeedbackIndex, .publishedFeedback, .directory, .directoryEntry, .openReferral,
            .openReferralServices,
            .openReferralService, .openReferralServiceAtLocations, .publishedBoardReport, .unsubscribe, .metrics,
        ]
        for entry in routes.declared where entry.access == .everyone {
            XCTAssertTrue(publicRoutes.contains(entry.route), "\(entry.route) is public but not in the public list")
        }
        for entry in routes.declared where entry.route.rawValue.hasPrefix("/admin") {
            guard case .capability = entry.access else { return XCTFail("\(entry.route) needs a capability") }
        }
    }

    func testEveryRouteNamesARuleOfThePolicyTable() async throws {
        // setup
        let services = try await makeServices()
        var routes = SiteRoutes(router: .init(context: AppRequestContext.self))
        let table = Set(AppFeatures.rules)
        // act
        for controller in controllers(services) { controller.addRoutes(to: &routes) }
        // check
        for entry in routes.declared {
            XCTAssertTrue(
                table.contains(entry.access.rule),
                "\(entry.method) \(entry.route.rawValue) names \(entry.access.rule.id), which no feature declares")
        }
        // Every group route loads its group through the group-scoped context, whose rule the policy checks.
        for entry in routes.declared where entry.route.rawValue.hasPrefix("/groups/{id}") {
            guard case .loaded = entry.access else {
                return XCTFail("\(entry.method) \(entry.route.rawValue) does not load its group through GroupScope")
            }
        }
    }

    /// A refusal is thrown only by the policy: no handler or helper decides "forbidden" for itself (issue 16).
    func testNoRefusalIsThrownOutsideThePolicy() throws {
        // setup
        let sources = URL(fileURLWithPath: repositoryRoot).appendingPathComponent("Sources/AlongsideApp")
        let policy = sources.appendingPathComponent("Web/Authorization/Policy.swift").standardizedFileURL.path
        let refusal = try NSRegularExpression(
            pattern:
                #"AppError\s*\.\s*forbidden|throw\s+\.forbidden|\bGroupAccess\b|\bRoadmapAccess\b|\bPermissions\s*\."#)
        var offenders: [String] = []
        var scanned = 0
        // act
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.standardizedFileURL.path != policy else { continue }
            scanned += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if refusal.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    offenders.append(
                        "\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        // check
        XCTAssertGreaterThan(scanned, 100, "the scan found the sources")
        XCTAssertEqual(offenders, [], "refusals must go through Policy.require")
    }
}
