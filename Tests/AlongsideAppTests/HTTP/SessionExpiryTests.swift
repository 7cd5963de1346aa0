import GRDB
import HTTPTypes
import XCTest
@testable import AlongsideApp

final class SessionExpiryTests: XCTestCase {
    func testIdleSessionEndsAndTheSignInPageSaysWhy() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let (browser, _) = try await app.signedIn(as: .member)
            clock.advance(by: 29 * 60)
            let response1 = try await browser.get("/account")
            XCTAssertEqual(response1.status, .ok, "activity within 30 minutes keeps the session")
            clock.advance(by: 31 * 60)
            let expired = try await browser.get("/account")
            XCTAssertEqual(expired.status, .seeOther)
            XCTAssertEqual(expired.location, "/sign-in?next=/account&expired=1")
            let signIn = try await browser.get(try XCTUnwrap(expired.location))
            XCTAssertTrue(signIn.contains("You were signed out because you had not done anything for a while"))
        }
    }

    func testAbsoluteExpiryEndsEvenABusySession() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let (browser, _) = try await app.signedIn(as: .member)
            for _ in 0..<24 {
                clock.advance(by: 29 * 60)
                _ = try await browser.get("/account")
            }
            // 11.6 hours of activity: still signed in; past 12 hours: not
            let response2 = try await browser.get("/account")
            XCTAssertEqual(response2.status, .ok)
            clock.advance(by: 29 * 60)
            let response3 = try await browser.get("/account")
            XCTAssertEqual(response3.status, .seeOther)
        }
    }

    func testTheWarningPageDoesNotCountAsActivity() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let (browser, _) = try await app.signedIn(as: .member)
            clock.advance(by: 28 * 60)
            let warning = try await browser.get("/session/expiring?next=/account")
            XCTAssertEqual(warning.status, .ok)
            XCTAssertEqual(warning.h1, "You will be signed out soon")
            XCTAssertEqual(warning.inputValue("next"), "/account")
            clock.advance(by: 2 * 60 + 1)
            let response4 = try await browser.get("/account")
            XCTAssertEqual(response4.status, .seeOther, "looking at the warning did not extend the session")
        }
    }

    func testStaySignedInResetsTheIdleTimer() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let (browser, _) = try await app.signedIn(as: .member)
            clock.advance(by: 28 * 60)
            _ = try await browser.get("/session/expiring?next=/account")
            let stay = try await browser.post("/session/extend", [("next", "/account")])
            XCTAssertEqual(stay.status, .seeOther)
            XCTAssertEqual(stay.location, "/account")
            clock.advance(by: 20 * 60)
            let response5 = try await browser.get("/account")
            XCTAssertEqual(response5.status, .ok)
            // the script's request gets JSON instead of a redirect
            let json = try await browser.post("/session/extend", headers: [.accept: "application/json"])
            XCTAssertEqual(json.status, .ok)
            XCTAssertEqual(json.html, #"{"warnAfterSeconds":1680}"#)
        }
    }

    func testSignedInPagesCarryTheWarningTimerAndNoJavaScriptFallback() async throws {
        try await withApp { app in
            let (browser, _) = try await app.signedIn(as: .member)
            let home = try await browser.get("/")
            XCTAssertTrue(home.contains(#"data-warn-after="1680""#))
            XCTAssertTrue(home.contains(#"<meta http-equiv="refresh" content="1680;url=/session/expiring?next=/">"#))
            XCTAssertEqual(home.headers[.cacheControl], "no-store")
        }
    }

    func testDeactivationEndsSessionsAtOnce() async throws {
        try await withApp { app in
            let (member, user) = try await app.signedIn(as: .member, email: "kit@example.org")
            let response6 = try await member.get("/account")
            XCTAssertEqual(response6.status, .ok)
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/admin/users/\(user.id!)")
            let done = try await admin.post("/admin/users/\(user.id!)/deactivate")
            XCTAssertEqual(done.status, .seeOther)
            let response7 = try await member.get("/account")
            XCTAssertEqual(response7.status, .seeOther, "signed out at once")
            let again = try await app.browser().signIn(email: "kit@example.org", password: goodPassword)
            XCTAssertEqual(again.status, .unprocessableContent, "a deactivated account cannot sign in")
            XCTAssertEqual(again.errorSummary, ["Enter a correct email address and password"])
        }
    }

    func testSignOutOfAllDevicesEndsEverySession() async throws {
        try await withApp { app in
            let (laptop, user) = try await app.signedIn(as: .member, email: "kit@example.org")
            let phone = app.browser()
            _ = try await phone.signIn(email: "kit@example.org", password: goodPassword)
            _ = try await laptop.get("/account")
            let done = try await laptop.post("/account/sign-out-everywhere")
            XCTAssertEqual(done.location, "/sign-in?signed-out=all")
            let response8 = try await laptop.get("/account")
            XCTAssertEqual(response8.status, .seeOther)
            let response9 = try await phone.get("/account")
            XCTAssertEqual(response9.status, .seeOther)
            let left = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE user_id = ?", arguments: [user.id])
            }
            XCTAssertEqual(left, 0)
        }
    }
}
