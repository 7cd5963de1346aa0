import GRDB
import XCTest
@testable import AlongsideApp

final class AccountTests: XCTestCase {
    func testAccountPageShowsTheirDetails() async throws {
        try await withApp { app in
            let (browser, _) = try await app.signedIn(
                as: .expertByExperience, email: "kit@example.org", name: "Kit Imaginary")
            let page = try await browser.get("/account")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Kit Imaginary"))
            XCTAssertTrue(page.contains("Expert by experience"))
        }
    }

    func testChangingPasswordChecksTheCurrentOneAndTheRules() async throws {
        try await withApp { app in
            let (browser, _) = try await app.signedIn(as: .member)
            _ = try await browser.get("/account/password")
            let wrongCurrent = try await browser.post(
                "/account/password",
                [
                    ("current_password", "not my password"), ("password", "fresh river stone path"),
                    ("confirm_password", "fresh river stone path"),
                ])
            XCTAssertEqual(wrongCurrent.status, .unprocessableContent)
            XCTAssertEqual(wrongCurrent.errorSummary, ["Your current password is not right. Check it and try again"])
            let tooShort = try await browser.post(
                "/account/password",
                [
                    ("current_password", goodPassword), ("password", "short"), ("confirm_password", "short"),
                ])
            XCTAssertEqual(tooShort.errorSummary, ["Password must be 12 characters or more"])
            let mismatch = try await browser.post(
                "/account/password",
                [
                    ("current_password", goodPassword), ("password", "fresh river stone path"),
                    ("confirm_password", "fresh river stone"),
                ])
            XCTAssertEqual(mismatch.errorSummary, ["The passwords do not match. Enter the same password twice"])
        }
    }

    func testChangingPasswordKeepsThisSessionAndEndsTheOthers() async throws {
        try await withApp { app in
            let (laptop, user) = try await app.signedIn(as: .member, email: "kit@example.org")
            let phone = app.browser()
            _ = try await phone.signIn(email: "kit@example.org", password: goodPassword)
            _ = try await laptop.get("/account/password")
            let changed = try await laptop.post(
                "/account/password",
                [
                    ("current_password", goodPassword), ("password", "fresh river stone path"),
                    ("confirm_password", "fresh river stone path"),
                ])
            XCTAssertEqual(changed.status, .seeOther)
            let account = try await laptop.get("/account")
            XCTAssertEqual(account.status, .ok)
            XCTAssertTrue(account.contains("Your password has been changed"))
            let response1 = try await phone.get("/account")
            XCTAssertEqual(response1.status, .seeOther)
            let newSignIn = try await app.browser().signIn(email: "kit@example.org", password: "fresh river stone path")
            XCTAssertEqual(newSignIn.status, .seeOther)
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT after_json FROM audit_events WHERE action = 'password set' AND record_id = ?",
                    arguments: [String(user.id!)])
            }
            XCTAssertEqual(audit.count, 1)
            XCTAssertFalse(audit[0].contains("argon2"), "the audit log never holds a password hash")
        }
    }

    func testSignedOutPeopleCannotReachAccountPages() async throws {
        try await withApp { app in
            let browser = app.browser()
            for path in ["/account", "/account/password", "/session/expiring"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .seeOther, path)
                XCTAssertTrue(page.location?.hasPrefix("/sign-in") == true, path)
            }
            _ = try await browser.get("/sign-in")
            let post = try await browser.post("/account/password", [("current_password", "x")])
            XCTAssertEqual(post.status, .seeOther)
            XCTAssertEqual(post.location, "/sign-in")
        }
    }

    func testOldHashesAreUpgradedAtSignIn() async throws {
        try await withApp(configure: {
            $0.passwordParameters = Argon2Parameters(memoryKiB: 2048, iterations: 1, parallelism: 1)
        }) { app in
            let weak = try await PasswordHasher(
                parameters: Argon2Parameters(memoryKiB: 1024, iterations: 1, parallelism: 1)
            ).hash(goodPassword)
            let user = try await app.services.accounts.create(
                name: "Kit", email: "kit@example.org", role: .member, passwordHash: weak, by: .commandLine,
                requestID: nil)
            let response = try await app.browser().signIn(email: "kit@example.org", password: goodPassword)
            XCTAssertEqual(response.status, .seeOther)
            let stored = try await app.services.accounts.find(id: user.id!)?.passwordHash
            XCTAssertTrue(stored?.contains("m=2048") == true, stored ?? "")
        }
    }
}
