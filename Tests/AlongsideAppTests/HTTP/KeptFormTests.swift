import Foundation
import XCTest

@testable import AlongsideApp

/// Issue 18: "Without JavaScript a form page redirects after 28 minutes and what was typed is lost: warn in the page
/// and keep what was typed when the session is extended or on signing in again." A form page no longer moves itself
/// away; it says when the session ends; a form sent after that is kept, and comes back in the same form after signing
/// in again, for that person only, to send again themselves.
final class KeptFormTests: XCTestCase {
    static let typed: [(String, String)] = [
        ("name", "Example evening line"), ("phone", "0800 111 2222"), ("hours", "Evenings, 6pm to midnight"),
    ]

    func testAFormPageWarnsInsteadOfMovingAwayAndOtherPagesStillMove() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            let form = try await admin.get("/admin/urgent-help")
            XCTAssertFalse(form.contains(#"http-equiv="refresh""#), "a form page does not move itself away")
            XCTAssertTrue(
                form.contains(#"<noscript><p class="notice kept-form-note">If you do nothing on this site before"#))
            XCTAssertTrue(form.contains("What you type here is kept"))
            let home = try await admin.get("/")
            XCTAssertTrue(
                home.contains(#"http-equiv="refresh""#), "a page with nothing to type still moves to the warning")
            XCTAssertFalse(home.contains("kept-form-note"))
        }
    }

    func testWhatWasTypedComesBackAfterSigningInAgainForThatPersonOnly() async throws {
        try await withApp { app in
            // setup: Avery fills in the form and leaves it for longer than the session lasts
            try await app.createUser(name: "Avery Fictional", email: "avery@example.org", role: .administrator)
            try await app.createUser(name: "Bo Fictional", email: "bo@example.org", role: .administrator)
            let avery = app.browser()
            _ = try await avery.signIn(email: "avery@example.org", password: goodPassword)
            _ = try await avery.get("/admin/urgent-help")
            app.clock.advance(by: 31 * 60)
            // act: the form arrives after the session ended
            let sent = try await avery.post("/admin/urgent-help", Self.typed)
            // check: sent to sign in, to come back to the form; nothing saved
            XCTAssertEqual(sent.status, .seeOther)
            XCTAssertEqual(sent.location, "/sign-in?next=/admin/urgent-help&expired=1")
            let keptCookie = try XCTUnwrap(avery.cookie(named: "alongside_kept_form"))
            let directoryBefore = try await app.browser().get("/directory")
            XCTAssertFalse(directoryBefore.contains("Example evening line"), "not saved")
            // another person, even with the same cookie, does not get it
            let bo = app.browser()
            bo.cookie = "alongside_kept_form=\(keptCookie)"
            _ = try await bo.signIn(email: "bo@example.org", password: goodPassword)
            let bosForm = try await bo.get("/admin/urgent-help")
            XCTAssertEqual(bosForm.status, .ok)
            XCTAssertFalse(bosForm.contains("Example evening line"))
            XCTAssertFalse(bosForm.contains("We kept what you typed"))
            // a made-up token finds nothing either
            let guesser = app.browser()
            try await app.createUser(name: "Cy Fictional", email: "cy@example.org", role: .administrator)
            guesser.cookie = "alongside_kept_form=\(SecretToken.generate())"
            _ = try await guesser.signIn(email: "cy@example.org", password: goodPassword)
            let guessersForm = try await guesser.get("/admin/urgent-help")
            XCTAssertFalse(guessersForm.contains("Example evening line"))
            // Avery signs in again and is back on the form with what they typed, not yet sent
            let signIn = try await avery.get(try XCTUnwrap(sent.location))
            XCTAssertTrue(signIn.contains("next"))
            let signedIn = try await avery.post(
                "/sign-in",
                [("email", "avery@example.org"), ("password", goodPassword), ("next", "/admin/urgent-help")])
            XCTAssertEqual(signedIn.location, "/admin/urgent-help")
            let back = try await avery.get("/admin/urgent-help")
            XCTAssertEqual(back.status, .ok)
            XCTAssertEqual(back.inputValue("name"), "Example evening line")
            XCTAssertEqual(back.inputValue("phone"), "0800 111 2222")
            XCTAssertEqual(back.inputValue("hours"), "Evenings, 6pm to midnight")
            XCTAssertTrue(back.contains("We kept what you typed: check it and send it again."))
            XCTAssertNil(avery.cookie(named: "alongside_kept_form"), "the cookie is dropped once the form is back")
            let directoryMeanwhile = try await app.browser().get("/directory")
            XCTAssertFalse(directoryMeanwhile.contains("Example evening line"), "never sent for them")
            // once only
            let formAgain = try await avery.get("/admin/urgent-help")
            XCTAssertFalse(formAgain.contains("Example evening line"))
            // they send it themselves
            let saved = try await avery.post("/admin/urgent-help", Self.typed)
            XCTAssertEqual(saved.status, .seeOther)
            let directoryAfterSending = try await app.browser().get("/directory")
            XCTAssertTrue(directoryAfterSending.contains("Example evening line"))
        }
    }

    func testAFormWithoutTheEndedSessionsTokenIsNotKept() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, email: "avery@example.org")
            _ = try await admin.get("/admin/urgent-help")
            app.clock.advance(by: 31 * 60)
            let forged = try await admin.post("/admin/urgent-help", Self.typed, csrf: "not-the-token")
            XCTAssertEqual(forged.status, .seeOther, "sent to sign in, as before")
            XCTAssertNil(admin.cookie(named: "alongside_kept_form"), "nothing kept")
            _ = try await admin.signIn(email: "avery@example.org", password: goodPassword)
            let formAfterForgery = try await admin.get("/admin/urgent-help")
            XCTAssertFalse(formAfterForgery.contains("Example evening line"))
        }
    }
}
