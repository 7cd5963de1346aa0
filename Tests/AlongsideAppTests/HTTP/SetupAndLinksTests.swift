import GRDB
import XCTest
@testable import AlongsideApp

final class SetupAndLinksTests: XCTestCase {
    func testFirstAdministratorSetsUpThroughTheOneTimeLink() async throws {
        try await withApp { app in
            // setup
            let token = try await app.services.links.create(purpose: .firstAdministrator, userID: nil)
            let browser = app.browser()
            let form = try await browser.get("/setup/\(token)")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Set up Alongside")
            // act: a mistake first, which keeps what was typed
            let mistake = try await browser.post(
                "/setup/\(token)",
                [
                    ("name", "Ada Example"), ("email", "ada@example.org"), ("password", goodPassword),
                    ("confirm_password", "something else"),
                ])
            XCTAssertEqual(mistake.status, .unprocessableContent)
            XCTAssertEqual(mistake.errorSummary, ["The passwords do not match. Enter the same password twice"])
            XCTAssertEqual(mistake.inputValue("name"), "Ada Example")
            XCTAssertEqual(mistake.inputValue("email"), "ada@example.org")
            let done = try await browser.post(
                "/setup/\(token)",
                [
                    ("name", "Ada Example"), ("email", "ada@example.org"), ("password", goodPassword),
                    ("confirm_password", goodPassword),
                ])
            // check
            XCTAssertEqual(done.status, .seeOther)
            let home = try await browser.get("/")
            XCTAssertEqual(home.h1, "Hello, Ada Example")
            XCTAssertTrue(home.contains("Your administrator account is ready"))
            XCTAssertTrue(home.contains(">People</a>"))
            let again = try await app.browser().get("/setup/\(token)")
            XCTAssertEqual(again.status, .notFound, "the link works once")
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT summary FROM audit_events WHERE action = 'created'")
            }
            XCTAssertEqual(audit, "Created the account for Ada Example (Administrator)")
        }
    }

    func testSetupLinkStopsWorkingOnceAnyAccountExists() async throws {
        try await withApp { app in
            let token = try await app.services.links.create(purpose: .firstAdministrator, userID: nil)
            try await app.createUser()
            let response1 = try await app.browser().get("/setup/\(token)")
            XCTAssertEqual(response1.status, .notFound)
        }
    }

    func testMadeUpOrMalformedLinksAreNotFound() async throws {
        try await withApp { app in
            for path in [
                "/setup/\(SecretToken.generate())", "/setup/abc", "/set-password/\(SecretToken.generate())",
                "/set-password/%2e%2e",
            ] {
                let response2 = try await app.browser().get(path)
                XCTAssertEqual(response2.status, .notFound, path)
            }
        }
    }

    func testANewPersonSetsTheirPasswordOnceWithinSevenDays() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            // setup
            let user = try await app.services.accounts.create(
                name: "Bo Sample", email: "bo@example.org", role: .expertByExperience, passwordHash: nil,
                by: .commandLine, requestID: nil)
            let token = try await app.services.links.create(purpose: .setPassword, userID: user.id)
            let expiring = try await app.services.links.create(purpose: .setPassword, userID: user.id)
            let response3 = try await app.browser().get("/set-password/\(token)")
            XCTAssertEqual(response3.status, .notFound, "a newer link replaces the older one")
            let browser = app.browser()
            let form = try await browser.get("/set-password/\(expiring)")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("bo@example.org"))
            // act
            let weak = try await browser.post(
                "/set-password/\(expiring)", [("password", "password1234"), ("confirm_password", "password1234")])
            XCTAssertEqual(weak.status, .unprocessableContent)
            XCTAssertTrue(weak.errorSummary.first?.contains("too easy to guess") == true)
            let set = try await browser.post(
                "/set-password/\(expiring)", [("password", goodPassword), ("confirm_password", goodPassword)])
            // check
            XCTAssertEqual(set.status, .seeOther)
            let response4 = try await browser.get("/")
            XCTAssertEqual(response4.h1, "Hello, Bo Sample")
            let response5 = try await app.browser().get("/set-password/\(expiring)")
            XCTAssertEqual(response5.status, .notFound)
            // a link left for more than 7 days expires
            let late = try await app.services.links.create(purpose: .setPassword, userID: user.id)
            clock.advance(by: 7 * 24 * 3600 + 1)
            let response6 = try await app.browser().get("/set-password/\(late)")
            XCTAssertEqual(response6.status, .notFound)
        }
    }
}
