import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// What each person gets by email (issue 20): the preferences page, the one-click unsubscribe link, each choice
/// honoured by the notifier, and the daily digest outside quiet hours.
final class EmailPreferencesTests: XCTestCase {
    static func outbox(_ app: TestContext) async throws -> [OutboxMessage] {
        try await OutboxStore(pool: app.services.pool, clock: app.services.clock).messages().reversed()
    }

    static func choice(_ app: TestContext, _ userID: Int64, _ kind: NoticeKind) async throws -> NoticeChoice {
        try await app.services.pool.read { db in try EmailPreferences.choice(userID: userID, kind: kind, in: db) }
    }

    static let allNow = NoticeKind.allCases.map { ($0.rawValue, "now") }

    func testThePreferencesPageSavesEachChoiceAndKeepsWhatWasTypedWhenOneIsMissing() async throws {
        try await withApp { app in
            // setup
            let (bo, user) = try await app.signedIn(as: .expertByExperience, email: "bo@example.org")
            let form = try await bo.get(Href.emailPreferences())
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("Your payment claims: returned, approved and paid"))
            XCTAssertTrue(form.contains(#"name="claims" type="radio" value="now" checked"#), "at once until chosen")
            XCTAssertTrue(form.contains("cannot be turned off"))
            XCTAssertTrue(form.contains("never between 9pm and 8am (UK time)"))
            XCTAssertTrue(form.contains("no mail server set up"), "without a relay the page says mail is kept")
            // act: a missing answer is refused, and the others stay as typed
            var fields = Self.allNow.filter { $0.0 != "proposals" }
            fields.removeAll { $0.0 == "meetings" }
            fields.append(("meetings", "digest"))
            let missing = try await bo.post(Href.emailPreferences(), fields)
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertEqual(missing.errorSummary, ["Choose how you get emails about proposals"])
            XCTAssertTrue(missing.contains(#"name="meetings" type="radio" value="digest" checked"#))
            let nonsense = try await bo.post(Href.emailPreferences(), fields + [("proposals", "hourly")])
            XCTAssertEqual(nonsense.status, .unprocessableContent)
            let unchanged = try await Self.choice(app, user.id!, .meetings)
            XCTAssertEqual(unchanged, .now, "nothing saved from a refused form")
            // act: saved
            let saved = try await bo.post(Href.emailPreferences(), fields + [("proposals", "off")])
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.location, Href.emailPreferences())
            // check
            let meetings = try await Self.choice(app, user.id!, .meetings)
            let proposals = try await Self.choice(app, user.id!, .proposals)
            let claims = try await Self.choice(app, user.id!, .claims)
            XCTAssertEqual([meetings, proposals, claims], [.digest, .off, .now])
            let page = try await bo.get(Href.emailPreferences())
            XCTAssertTrue(page.contains("Your email choices are saved."))
            XCTAssertTrue(page.contains(#"name="proposals" type="radio" value="off" checked"#))
            let account = try await bo.get(Href.account())
            XCTAssertTrue(account.contains(Href.emailPreferences()), "the account page links to it")
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(db, sql: "SELECT summary FROM audit_events WHERE action = 'email choices changed'")
            }
            XCTAssertEqual(audit.count, 1)
        }
    }

    func testThePreferencesPageRefusesStrangersAndFormsWithoutTheirToken() async throws {
        try await withApp { app in
            let stranger = app.browser()
            let page = try await stranger.get(Href.emailPreferences())
            XCTAssertEqual(page.status, .seeOther, "signed out: to sign in")
            XCTAssertTrue(page.location?.hasPrefix("/sign-in") ?? false)
            let (bo, user) = try await app.signedIn(as: .member, email: "bo@example.org")
            _ = try await bo.get(Href.emailPreferences())
            let forged = try await bo.post(Href.emailPreferences(), Self.allNow.map { ($0.0, "off") }, csrf: "")
            XCTAssertEqual(forged.status, .forbidden)
            let claims = try await Self.choice(app, user.id!, .claims)
            XCTAssertEqual(claims, .now)
        }
    }

    func testTheUnsubscribeLinkTurnsOneKindOffWithOneClickWithoutSigningIn() async throws {
        try await withApp { app in
            // setup: a message carries the link
            let user = try await app.createUser(name: "Casey Example", email: "casey@example.org")
            let notice = Notice(
                kind: .claims, event: "claim_approved", subject: "Your claim was approved: Leaders group",
                paragraphs: ["Approved."], link: ("Open your claim", "/involvement/claims/1"))
            let now = app.services.clock.now()
            try await app.services.pool.write { db in
                _ = try app.services.notifier.send(notice, to: user.id!, now: now, in: db)
            }
            let messages = try await Self.outbox(app)
            let sent = try XCTUnwrap(messages.last)
            let link = try XCTUnwrap(sent.unsubscribeURL)
            XCTAssertTrue(link.hasPrefix(app.services.configuration.baseURL + "/email/unsubscribe/"), link)
            XCTAssertTrue(sent.textBody.contains(link), "the text names the link too")
            XCTAssertTrue(sent.textBody.contains(app.services.configuration.baseURL + Href.emailPreferences()))
            XCTAssertTrue(sent.htmlBody.contains("Stop emails about your payment claims"))
            let path = String(link.dropFirst(app.services.configuration.baseURL.count))
            // act: opening the link changes nothing (mail scanners open links)
            let visitor = app.browser()
            let page = try await visitor.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Stop emails about your payment claims?")
            XCTAssertTrue(page.contains("casey@example.org"))
            let before = try await Self.choice(app, user.id!, .claims)
            XCTAssertEqual(before, .now)
            // act: a mail program's one-click POST: no cookie, no form token (RFC 8058)
            let oneClick = try await app.browser().post(path, [("List-Unsubscribe", "One-Click")], csrf: "")
            XCTAssertEqual(oneClick.status, .ok)
            XCTAssertEqual(oneClick.h1, "You will no longer get emails about your payment claims")
            let again = try await app.browser().post(path, [("List-Unsubscribe", "One-Click")], csrf: "")
            XCTAssertEqual(again.status, .ok, "doing it twice is the same as once")
            // check: that kind only
            let claims = try await Self.choice(app, user.id!, .claims)
            let meetings = try await Self.choice(app, user.id!, .meetings)
            XCTAssertEqual(claims, .off)
            XCTAssertEqual(meetings, .now)
            let audited = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_events WHERE action = 'email turned off'")
            }
            XCTAssertEqual(audited, 1)
            // refusals: a link the server did not make
            let tokens = path.split(separator: "/").last.map(String.init) ?? ""
            let signature = tokens.split(separator: ".").last.map(String.init) ?? ""
            for forged in ["\(user.id! + 1).claims.\(signature)", "\(user.id!).meetings.\(signature)", "nonsense"] {
                let get = try await app.browser().get(Href.unsubscribe(forged))
                XCTAssertEqual(get.status, .notFound, forged)
                let post = try await app.browser().post(Href.unsubscribe(forged), [], csrf: "")
                XCTAssertEqual(post.status, .notFound, forged)
            }
        }
    }

    func testEachChoiceIsHonouredAndSwitchedOffAccountsGetNothing() async throws {
        try await withApp { app in
            let now = app.services.clock.now()
            let atOnce = try await app.createUser(name: "Ari Now", email: "ari@example.org")
            let digest = try await app.createUser(name: "Dee Digest", email: "dee@example.org")
            let off = try await app.createUser(name: "Oz Off", email: "oz@example.org")
            let gone = try await app.createUser(name: "Gil Gone", email: "gil@example.org")
            let notice = Notice(
                kind: .actions, event: "action_assigned", subject: "An action for you", paragraphs: ["Do it."])
            let outcomes = try await app.services.pool.write { db -> [Notifier.Outcome] in
                try EmailPreferences.set(.digest, userID: digest.id!, kind: .actions, now: now, in: db)
                try EmailPreferences.set(.off, userID: off.id!, kind: .actions, now: now, in: db)
                try db.execute(sql: "UPDATE users SET is_active = 0 WHERE id = ?", arguments: [gone.id!])
                return try [atOnce, digest, off, gone].map {
                    try app.services.notifier.send(notice, to: $0.id!, now: now, in: db)
                }
            }
            guard case .sent = outcomes[0] else { return XCTFail("at once: \(outcomes[0])") }
            XCTAssertEqual(Array(outcomes.dropFirst()), [.digested, .off, .noRecipient])
            let outbox = try await Self.outbox(app)
            XCTAssertEqual(outbox.map(\.toAddress), ["ari@example.org"])
            XCTAssertEqual(outbox.first?.kind, "action_assigned")
            XCTAssertTrue(outbox.first?.textBody.hasPrefix("Hello Ari Now,\n\nDo it.") ?? false)
            // A change that rolls back sends nothing.
            struct Rollback: Error {}
            do {
                try await app.services.pool.write { db in
                    try app.services.notifier.send(notice, to: atOnce.id!, now: now, in: db)
                    throw Rollback()
                }
            } catch is Rollback {}
            let after = try await Self.outbox(app)
            XCTAssertEqual(after.count, 1, "nothing from a transaction that rolled back")
        }
    }

    func testTheDigestGathersADaysNoticesOnceADayOutsideQuietHours() async throws {
        try await withApp { app in
            // setup: Monday 21 September 2026, 2:46pm in London
            let dee = try await app.createUser(name: "Dee Digest", email: "dee@example.org")
            let start = app.services.clock.now()
            try await app.services.pool.write { db in
                try EmailPreferences.set(.digest, userID: dee.id!, kind: .claims, now: start, in: db)
                try EmailPreferences.set(.digest, userID: dee.id!, kind: .actions, now: start, in: db)
            }
            func notify(_ kind: NoticeKind, _ subject: String) async throws {
                let now = app.services.clock.now()
                try await app.services.pool.write { db in
                    _ = try app.services.notifier.send(
                        Notice(
                            kind: kind, event: "test", subject: subject, paragraphs: ["About \(subject)."],
                            link: ("Open it", "/involvement/claims/1")),
                        to: dee.id!, now: now, in: db)
                }
            }
            try await notify(.claims, "Your claim was approved: Leaders group")
            try await notify(.actions, "An action for you: Book the room")
            let digests = DigestRun(pool: app.services.pool, clock: app.services.clock, notifier: app.services.notifier)
            // act: the first digest goes at once (none today yet)
            let first = try await digests.runOnce()
            XCTAssertEqual(first, 1)
            let outbox = try await Self.outbox(app)
            XCTAssertEqual(outbox.count, 1)
            let digest = try XCTUnwrap(outbox.first)
            XCTAssertEqual(digest.kind, "digest")
            XCTAssertEqual(digest.subject, "Your Alongside digest: 2 things")
            XCTAssertTrue(digest.textBody.contains("Your claim was approved: Leaders group"))
            XCTAssertTrue(digest.textBody.contains("An action for you: Book the room"))
            XCTAssertTrue(digest.htmlBody.contains("<h2>Your payment claims: returned, approved and paid</h2>"))
            XCTAssertNotNil(digest.unsubscribeURL)
            // act: more today waits for tomorrow; at 7am it is still quiet; at 8am it goes
            try await notify(.claims, "Your claim was paid: Leaders group")
            let again = try await digests.runOnce()
            XCTAssertEqual(again, 0, "one digest a day")
            app.clock.advance(by: 16 * 3600 + 14 * 60 + 30)  // Tuesday 7:00:10am BST
            let early = try await digests.runOnce()
            XCTAssertEqual(early, 0, "quiet hours")
            app.clock.advance(by: 3600)
            let morning = try await digests.runOnce()
            XCTAssertEqual(morning, 1)
            let latest = try await Self.outbox(app)
            XCTAssertEqual(latest.count, 2)
            XCTAssertEqual(latest.last?.subject, "Your Alongside digest: 1 thing")
            XCTAssertTrue(latest.last?.textBody.contains("Your claim was paid") ?? false)
            XCTAssertFalse(latest.last?.textBody.contains("Book the room") ?? true, "each item goes once")
        }
    }
}
