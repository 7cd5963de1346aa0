import Foundation
import GRDB
import Logging
import XCTest
@testable import AlongsideApp

/// The outbox (issue 20): a message is written in the same transaction as the change it tells of, administrators read
/// it at /admin/outbox, and the delivery worker sends it at least once, trying again after a temporary failure.
final class OutboxTests: XCTestCase {
    /// A transport that fails as told, and remembers what it sent.
    final class FakeTransport: MailTransport, @unchecked Sendable {
        var failures: [MailDeliveryFailure] = []
        var sent: [OutboxMessage] = []
        let lock = NSLock()

        func deliver(_ message: OutboxMessage) async throws {
            try lock.withLock {
                if !failures.isEmpty { throw failures.removeFirst() }
                sent.append(message)
            }
        }
    }

    func testCreatingAnAccountWritesItsInvitationAndAdministratorsReadIt() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, name: "Ada Example")
            _ = try await admin.get("/admin/users/new")
            let created = try await admin.post(
                "/admin/users", [("name", "Bo Sample"), ("email", "bo@example.org"), ("role", "expert_by_experience")])
            XCTAssertEqual(created.status, .seeOther)
            let userPage = try await admin.get(try XCTUnwrap(created.location))
            let link = try XCTUnwrap(userPage.firstMatch(#"id="one-time-link" type="text" readonly value="([^"]+)""#))

            let store = OutboxStore(pool: app.services.pool, clock: app.services.clock)
            let messages = try await store.messages()
            XCTAssertEqual(messages.count, 1)
            let message = try XCTUnwrap(messages.first)
            XCTAssertEqual(message.toAddress, "bo@example.org")
            XCTAssertEqual(message.kind, "account_invitation")
            XCTAssertEqual(message.status, .waiting)
            XCTAssertTrue(message.textBody.contains(link), "the message carries the same one-time link")
            XCTAssertTrue(message.htmlBody.contains("Set your password"))
            XCTAssertTrue(message.messageID.hasPrefix("<") && message.messageID.hasSuffix("@127.0.0.1>"))

            let outbox = try await admin.get("/admin/outbox")
            XCTAssertEqual(outbox.status, .ok)
            XCTAssertTrue(outbox.contains("No mail relay is set up"))
            XCTAssertTrue(outbox.contains("Your Alongside account: set your password"))
            XCTAssertTrue(outbox.contains("bo@example.org"))
            let shown = try await admin.get(Href.outboxMessage(message.id))
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.contains(link), "the administrator can pass the link on")
            let waiting = try await admin.get("/admin/outbox?status=waiting")
            XCTAssertTrue(waiting.contains("Messages, newest first: waiting to be sent"))
            let sent = try await admin.get("/admin/outbox?status=sent")
            XCTAssertTrue(sent.contains("No messages."))

            // A refused change writes no message: the same email address again.
            _ = try await admin.get("/admin/users/new")
            let taken = try await admin.post(
                "/admin/users", [("name", "Bo Again"), ("email", "bo@example.org"), ("role", "member")])
            XCTAssertEqual(taken.status, .unprocessableContent)
            let after = try await store.messages()
            XCTAssertEqual(after.count, 1, "a change that rolled back sends nothing")

            // A new link is sent too, replacing the first.
            let userID = try XCTUnwrap(created.location?.split(separator: "/").last.map(String.init))
            let again = try await admin.post("/admin/users/\(userID)/link")
            XCTAssertEqual(again.status, .seeOther)
            let kinds = try await store.messages().map(\.kind)
            XCTAssertEqual(kinds, ["set_password_link", "account_invitation"])
        }
    }

    func testOnlyAdministratorsReadTheOutbox() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            for path in ["/admin/outbox", "/admin/outbox/1"] {
                let page = try await manager.get(path)
                XCTAssertEqual(page.status, .forbidden, path)
            }
            let signedOut = try await app.browser().get("/admin/outbox")
            XCTAssertEqual(signedOut.status, .seeOther)
            let (admin, _) = try await app.signedIn(as: .administrator, email: "ada@example.org")
            for path in ["/admin/outbox/999999", "/admin/outbox/abc"] {
                let page = try await admin.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let odd = try await admin.get("/admin/outbox?status=nonsense")
            XCTAssertEqual(odd.status, .ok, "an unknown filter shows everything")
        }
    }

    func testDeliveryRetriesTemporaryFailuresWithTheSameMessageIDAndGivesUpOnPermanentOnes() async throws {
        try await withApp { app in
            let now = app.services.clock.now()
            let ids = try await app.services.pool.write { db in
                [
                    try Outbox.enqueue(
                        OutgoingMail(
                            kind: "test", userID: nil, to: "one@example.org", subject: "One", text: "1",
                            html: "<p>1</p>"),
                        host: "example.org", now: now, in: db),
                    try Outbox.enqueue(
                        OutgoingMail(
                            kind: "test", userID: nil, to: "two@example.org", subject: "Two", text: "2",
                            html: "<p>2</p>"),
                        host: "example.org", now: now, in: db),
                ]
            }
            let store = OutboxStore(pool: app.services.pool, clock: app.services.clock)
            let transport = FakeTransport()
            transport.failures = [
                MailDeliveryFailure(reason: "421 try again later", permanent: false),
                MailDeliveryFailure(reason: "550 no such mailbox", permanent: true),
            ]
            let delivery = OutboxDelivery(
                store: store, transport: transport, clock: app.services.clock, logger: Logger(label: "test"))
            let first = try await delivery.runOnce()
            XCTAssertEqual(first, 0)
            let one = try await XCTUnwrapAsync(try await store.message(id: ids[0]))
            XCTAssertEqual(one.status, .waiting)
            XCTAssertEqual(one.attempts, 1)
            XCTAssertEqual(one.lastError, "421 try again later")
            XCTAssertEqual(one.nextAttemptAt.timeIntervalSince(now), 60, accuracy: 1)
            let two = try await XCTUnwrapAsync(try await store.message(id: ids[1]))
            XCTAssertEqual(two.status, .failed, "a permanent refusal is not retried")
            XCTAssertEqual(two.lastError, "550 no such mailbox")

            let tooSoon = try await delivery.runOnce()
            XCTAssertEqual(tooSoon, 0, "nothing is due before its next attempt")
            app.clock.advance(by: 61)
            let retried = try await delivery.runOnce()
            XCTAssertEqual(retried, 1)
            XCTAssertEqual(transport.sent.map(\.messageID), [one.messageID], "the same Message-ID on the retry")
            let sent = try await XCTUnwrapAsync(try await store.message(id: ids[0]))
            XCTAssertEqual(sent.status, .sent)
            XCTAssertEqual(sent.attempts, 2)
            let none = try await delivery.runOnce()
            XCTAssertEqual(none, 0, "a sent message is not sent again")
            let counts = try await store.counts()
            XCTAssertEqual(counts[.sent], 1)
            XCTAssertEqual(counts[.failed], 1)
        }
    }

    func testBackoffWaitsLongerEachTimeAndGivesUpAfterADay() {
        XCTAssertNil(OutboxBackoff.delay(afterAttempt: 0))
        XCTAssertEqual(OutboxBackoff.delay(afterAttempt: 1), 60)
        XCTAssertEqual(OutboxBackoff.delay(afterAttempt: 2), 300)
        XCTAssertEqual(OutboxBackoff.delay(afterAttempt: 4), 1800)
        XCTAssertEqual(OutboxBackoff.delay(afterAttempt: 5), 3600)
        let total = (1..<OutboxBackoff.maxAttempts).compactMap(OutboxBackoff.delay(afterAttempt:)).reduce(0, +)
        XCTAssertEqual(total / 3600, 23.85, accuracy: 0.1, "about a day of trying")
        XCTAssertNil(OutboxBackoff.delay(afterAttempt: OutboxBackoff.maxAttempts))
    }
}
