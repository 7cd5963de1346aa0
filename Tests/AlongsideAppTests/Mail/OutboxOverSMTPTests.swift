import Foundation
import Logging
import XCTest
@testable import AlongsideApp

/// The outbox sent through the real SMTP client to a server on loopback (issue 20): with the relay down a message
/// waits and is tried again; when the relay is back it arrives once, with its stored Message-ID; a refused
/// recipient is given up on with the relay's reason.
final class OutboxOverSMTPTests: XCTestCase {
    func testAMessageWaitsWhileTheRelayIsDownAndArrivesOnceItIsBack() async throws {
        try await withApp { app in
            let now = app.services.clock.now()
            let (kept, refused) = try await app.services.pool.write { db in
                (
                    try Outbox.enqueue(
                        OutgoingMail(
                            kind: "account_invitation", userID: nil, to: "casey@example.org",
                            subject: "Your Alongside account: set your password", text: "Open the link.",
                            html: "<p>Open the link.</p>"), host: "example.org", now: now, in: db),
                    try Outbox.enqueue(
                        OutgoingMail(
                            kind: "account_invitation", userID: nil, to: "nobody@example.org", subject: "Hello",
                            text: "Hello", html: "<p>Hello</p>"), host: "example.org", now: now, in: db)
                )
            }
            let store = OutboxStore(pool: app.services.pool, clock: app.services.clock)
            let from = try MailAddress("alongside@example.org", name: "Alongside")

            // The relay is down: nothing listens on the port.
            let stopped = try await FakeSMTPServer()
            let deadPort = stopped.port
            await stopped.stop()
            var down = SMTPConfiguration(host: "127.0.0.1", port: deadPort)
            down.connectTimeout = .seconds(2)
            let failing = OutboxDelivery(
                store: store, transport: SMTPTransport(client: SMTPClient(configuration: down), from: from),
                clock: app.services.clock, logger: Logger(label: "test"))
            let none = try await failing.runOnce()
            XCTAssertEqual(none, 0)
            let waiting = try await XCTUnwrapAsync(try await store.message(id: kept))
            XCTAssertEqual(waiting.status, .waiting, "a relay that is down is a temporary failure")
            XCTAssertEqual(waiting.attempts, 1)
            XCTAssertFalse(waiting.lastError.isEmpty)
            let untouched = try await XCTUnwrapAsync(try await store.message(id: refused))
            XCTAssertEqual(untouched.attempts, 0, "the relay being down stops the pass: the next message waits untried")

            // The relay is back, and refuses one recipient for good.
            var script = FakeSMTPServer.Script()
            script.replies["RCPT TO:<nobody@example.org>"] = ["550 5.1.1 No such mailbox"]
            let server = try await FakeSMTPServer(script)
            let working = OutboxDelivery(
                store: store, transport: SMTPTransport(client: server.client(), from: from),
                clock: app.services.clock, logger: Logger(label: "test"))
            app.clock.advance(by: 61)
            let sent = try await working.runOnce()
            XCTAssertEqual(sent, 1)
            XCTAssertEqual(server.messages.count, 1, "one message arrived")
            let received = try XCTUnwrap(server.messages.first)
            XCTAssertTrue(received.contains("Message-ID: \(waiting.messageID)"), "the stored Message-ID")
            XCTAssertTrue(received.contains("Subject: Your Alongside account: set your password"))
            XCTAssertTrue(received.contains(#"<html lang=3D"en-GB">"#), "the HTML part is a whole document")
            let delivered = try await XCTUnwrapAsync(try await store.message(id: kept))
            XCTAssertEqual(delivered.status, .sent)
            let givenUp = try await XCTUnwrapAsync(try await store.message(id: refused))
            XCTAssertEqual(givenUp.status, .failed)
            XCTAssertTrue(givenUp.lastError.contains("No such mailbox"), givenUp.lastError)
            let again = try await working.runOnce()
            XCTAssertEqual(again, 0, "nothing is sent twice")
            XCTAssertEqual(server.messages.count, 1)
            await server.stop()
        }
    }
}
