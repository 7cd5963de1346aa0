import GRDB
import HTTPTypes
import XCTest
@testable import AlongsideApp

final class SignInTests: XCTestCase {
    /// Issue 18: signed out, "/" is the public front door, with sign-in one link among others; private pages still
    /// send people to sign in.
    func testSignedOutHomeIsTheFrontDoorWithSignInAmongItsLinks() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains(#"<a href="/sign-in">Sign in</a>"#))
            let groups = try await app.browser().get("/groups")
            XCTAssertEqual(groups.status, .seeOther)
            XCTAssertEqual(groups.location, "/sign-in?next=/groups")
        }
    }

    func testSignInPageHasTheExpectedLabelsAndButton() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/sign-in")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains(#"<label class="label" for="field-email">Email address</label>"#))
            XCTAssertTrue(page.contains(#"<label class="label" for="field-password">Password</label>"#))
            XCTAssertTrue(page.contains(#"<button type="submit" class="button">Sign in</button>"#))
            XCTAssertNotNil(page.csrfToken)
        }
    }

    func testSignInGivesANewSessionIdAndShowsTheirNameAndNavigation() async throws {
        try await withApp { app in
            // setup
            try await app.createUser(name: "Sam Fictional", email: "sam@example.org")
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let anonymousCookie = try XCTUnwrap(browser.cookie)
            // act
            let response = try await browser.post(
                "/sign-in", [("email", "SAM@example.org"), ("password", goodPassword)])
            // check
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.location, "/")
            XCTAssertNotEqual(browser.cookie, anonymousCookie, "a new id at sign-in")
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .ok)
            XCTAssertEqual(home.h1, "Hello, Sam Fictional")
            XCTAssertTrue(home.contains(#"aria-label="Main""#))
            XCTAssertTrue(home.contains(">Sign out</button>"))
            // the id from before sign-in is no longer any use
            let old = try await app.browser().get("/groups", headers: [.cookie: anonymousCookie])
            XCTAssertEqual(old.status, .seeOther)
        }
    }

    func testWrongPasswordAndUnknownEmailGetTheSameMessageAndKeepTheEmail() async throws {
        try await withApp { app in
            try await app.createUser(email: "sam@example.org")
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let wrongPassword = try await browser.post(
                "/sign-in", [("email", "sam@example.org"), ("password", "not the password")])
            let unknownEmail = try await browser.post(
                "/sign-in", [("email", "nobody@example.org"), ("password", "not the password")])
            XCTAssertEqual(wrongPassword.status, .unprocessableContent)
            XCTAssertEqual(unknownEmail.status, .unprocessableContent)
            XCTAssertEqual(wrongPassword.errorSummary, ["Enter a correct email address and password"])
            XCTAssertEqual(unknownEmail.errorSummary, wrongPassword.errorSummary)
            XCTAssertEqual(wrongPassword.inputValue("email"), "sam@example.org")
            XCTAssertTrue(wrongPassword.title?.hasPrefix("Error: ") == true)
        }
    }

    func testEmptySubmissionNamesBothFields() async throws {
        try await withApp { app in
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let page = try await browser.post("/sign-in", [("email", ""), ("password", "")])
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(page.errorSummary, ["Enter your email address", "Enter your password"])
            XCTAssertTrue(page.contains(#"aria-describedby="field-email-error""#))
        }
    }

    func testPostWithoutCSRFTokenIsRefusedWithAHelpfulPage() async throws {
        try await withApp { app in
            try await app.createUser(email: "sam@example.org")
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let missing = try await browser.post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: "")
            XCTAssertEqual(missing.status, .forbidden)
            XCTAssertEqual(missing.h1, "Your form could not be sent")
            XCTAssertTrue(missing.contains("Go to the home page"))
            let wrong = try await browser.post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: SecretToken.generate())
            XCTAssertEqual(wrong.status, .forbidden)
            let noSession = try await app.browser().post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: "x")
            XCTAssertEqual(noSession.status, .forbidden)
        }
    }

    func testFiveFailuresLockTheEmailForFifteenMinutes() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            try await app.createUser(email: "sam@example.org")
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            for _ in 0..<5 {
                _ = try await browser.post(
                    "/sign-in", [("email", "sam@example.org"), ("password", "wrong password here")])
            }
            let locked = try await browser.post("/sign-in", [("email", "sam@example.org"), ("password", goodPassword)])
            XCTAssertEqual(locked.status, .unprocessableContent)
            XCTAssertTrue(locked.errorSummary.first?.contains("too many attempts") == true)
            // an email with no account locks the same way, so the message reveals nothing
            for _ in 0..<5 {
                _ = try await browser.post(
                    "/sign-in", [("email", "ghost@example.org"), ("password", "wrong password here")])
            }
            let ghost = try await browser.post(
                "/sign-in", [("email", "ghost@example.org"), ("password", "wrong password here")])
            XCTAssertEqual(ghost.errorSummary, locked.errorSummary)
            clock.advance(by: 15 * 60 + 1)
            let later = try await browser.post("/sign-in", [("email", "sam@example.org"), ("password", goodPassword)])
            XCTAssertEqual(later.status, .seeOther)
        }
    }

    func testReturnsToThePageAskedForButOnlyOnThisSite() async throws {
        try await withApp { app in
            try await app.createUser(email: "admin@example.org", role: .administrator)
            let browser = app.browser()
            let bounced = try await browser.get("/admin/users?page=2")
            XCTAssertEqual(bounced.status, .seeOther)
            XCTAssertEqual(bounced.location, "/sign-in?next=/admin/users%3Fpage%3D2")
            let form = try await browser.get(try XCTUnwrap(bounced.location))
            XCTAssertEqual(form.inputValue("next"), "/admin/users?page=2")
            let signedIn = try await browser.post(
                "/sign-in",
                [("email", "admin@example.org"), ("password", goodPassword), ("next", "/admin/users?page=2")])
            XCTAssertEqual(signedIn.location, "/admin/users?page=2")

            let other = app.browser()
            _ = try await other.get("/sign-in")
            let offsite = try await other.post(
                "/sign-in", [("email", "admin@example.org"), ("password", goodPassword), ("next", "//evil.example/")])
            XCTAssertEqual(offsite.location, "/")
        }
    }

    func testSignOutEndsTheSession() async throws {
        try await withApp { app in
            let (browser, _) = try await app.signedIn(as: .member)
            let cookie = try XCTUnwrap(browser.cookie)
            _ = try await browser.get("/")
            let out = try await browser.post("/sign-out")
            XCTAssertEqual(out.status, .seeOther)
            XCTAssertEqual(out.location, "/sign-in?signed-out=1")
            XCTAssertTrue(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let reuse = try await app.browser().get("/groups", headers: [.cookie: cookie])
            XCTAssertEqual(reuse.status, .seeOther, "the old cookie no longer signs anyone in")
        }
    }

    func testSignOutNeedsCSRFToken() async throws {
        try await withApp { app in
            let (browser, _) = try await app.signedIn(as: .member)
            let refused = try await browser.post("/sign-out", csrf: "")
            XCTAssertEqual(refused.status, .forbidden)
            let response1 = try await browser.get("/")
            XCTAssertEqual(response1.status, .ok, "still signed in")
        }
    }

    func testASessionIdTheServerNeverIssuedIsIgnored() async throws {
        try await withApp { app in
            let madeUp = "alongside_session=" + SecretToken.generate()
            let page = try await app.browser().get("/groups", headers: [.cookie: madeUp])
            XCTAssertEqual(page.status, .seeOther)
            XCTAssertTrue(page.headers[.setCookie]?.contains("Max-Age=0") == true, "the browser is told to drop it")
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions")
            }
            XCTAssertEqual(count, 0, "a client-chosen id is never adopted")
        }
    }
}
