import XCTest
@testable import AlongsideApp

/// The administrators' table of who may do what (issue 16).
final class AuthorizationPageTests: XCTestCase {
    func testAdministratorsSeeEveryRuleWithItsRoutes() async throws {
        try await withApp { app in
            // setup
            let (admin, _) = try await app.signedIn(as: .administrator)
            // act
            let page = try await admin.get("/admin/authorization")
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("<h1>Who may do what</h1>"))
            XCTAssertTrue(page.contains("<caption>Rules, and who holds them</caption>"))
            for rule in AppFeatures.rules {
                XCTAssertTrue(page.contains("<tr id=\"rule-\(rule.id)\">"), "no row for \(rule.id)")
            }
            XCTAssertTrue(page.contains("<code>GET /groups/{id}/edit</code>"), "the routes a rule opens are listed")
            XCTAssertTrue(page.contains("Alliance lead (for the VCSE alliance only)"))
            XCTAssertTrue(page.contains("Never on their own record"))
            XCTAssertTrue(page.contains(">Who may do what</a>"), "the page is in the administrator's navigation")
        }
    }

    func testOthersAreRefusedAndSignedOutPeopleSignIn() async throws {
        try await withApp { app in
            for role in Role.allCases where role != .administrator {
                let (browser, _) = try await app.signedIn(as: role)
                let response = try await browser.get("/admin/authorization")
                XCTAssertEqual(response.status, .forbidden, "\(role)")
                let home = try await browser.get("/")
                XCTAssertFalse(home.contains("Who may do what"), "\(role) is not offered the page")
            }
            let signedOut = try await app.browser().get("/admin/authorization")
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertEqual(signedOut.location, "/sign-in?next=/admin/authorization")
        }
    }
}
