import Foundation
import XCTest

@testable import AlongsideApp

/// The SMTP client against a scripted server on 127.0.0.1: the conversation in order, multi-line replies, the
/// HELO fallback, signing in, and which failures are temporary (try again) and which permanent.
final class SMTPClientTests: XCTestCase {
    func message(text: String = "Hello.\n.A line starting with a dot.\n") throws -> MailMessage {
        MailMessage(
            from: try MailAddress("alongside@example.org", name: "Alongside"), to: try MailAddress("casey@example.org"),
            subject: "Your claim was approved", date: Date(timeIntervalSince1970: 1_800_000_000),
            messageID: "outbox-1@example.org", text: text, html: "<p>Hello.</p>",
            unsubscribeURL: "https://alongside.example.org/u/1")
    }

    /// Sends and returns the error, or nil when it was sent.
    func failure(_ client: SMTPClient, _ message: MailMessage) async -> SMTPError? {
        do {
            _ = try await client.send(message)
            return nil
        } catch { return error }
    }

    func testSendsTheWholeConversationInOrder() async throws {
        // setup
        let server = try await FakeSMTPServer()
        // act
        let delivery = try await server.client().send(try message())
        // check
        XCTAssertEqual(delivery.reply.code, 250)
        XCTAssertFalse(delivery.encrypted)
        XCTAssertEqual(
            server.commands,
            ["EHLO localhost", "MAIL FROM:<alongside@example.org>", "RCPT TO:<casey@example.org>", "DATA", "QUIT"])
        let received = try XCTUnwrap(server.messages.first)
        XCTAssertTrue(received.contains("Message-ID: <outbox-1@example.org>"))
        // The server undoes the dot-stuffing: the line arrives as written.
        XCTAssertTrue(received.contains("\r\n.A line starting with a dot."))
        await server.stop()
    }

    func testMultiLineRepliesArrivingInPiecesAreReadWhole() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = ["220-fake.example.org", "220-Please be kind", "220 ready"]
        script.ehlo = ["250-fake.example.org", "250-PIPELINING", "250-SIZE 100", "250 HELP"]
        script.pause = .milliseconds(20)
        let server = try await FakeSMTPServer(script)
        try await server.client().send(try message())
        XCTAssertEqual(server.messages.count, 1)
        await server.stop()
    }

    func testFallsBackToHELOWhenEHLOIsUnknown() async throws {
        var script = FakeSMTPServer.Script()
        script.replies["EHLO"] = ["502 5.5.1 EHLO not implemented"]
        let server = try await FakeSMTPServer(script)
        try await server.client().send(try message())
        XCTAssertEqual(Array(server.commands.prefix(2)), ["EHLO localhost", "HELO localhost"])
        XCTAssertEqual(server.messages.count, 1)
        await server.stop()
    }

    func testATemporaryRefusalIsTemporary() async throws {
        var script = FakeSMTPServer.Script()
        script.replies["RCPT"] = ["450-4.2.1 Mailbox busy,", "450 4.2.1 try again later"]
        let server = try await FakeSMTPServer(script)
        let error = await failure(server.client(), try message())
        XCTAssertEqual(error?.kind, .temporary)
        XCTAssertEqual(error?.stage, .recipient)
        XCTAssertEqual(error?.reply?.code, 450)
        XCTAssertTrue(error?.concernsMessage == true)
        XCTAssertEqual(
            error?.reason, "The mail server refused at RCPT TO: 450 4.2.1 Mailbox busy, 4.2.1 try again later")
        // A refusal is followed by QUIT, politely.
        XCTAssertEqual(server.commands.last, "QUIT")
        XCTAssertTrue(server.messages.isEmpty)
        await server.stop()
    }

    func testAPermanentRefusalIsPermanentWithTheReason() async throws {
        var script = FakeSMTPServer.Script()
        script.replies["END-OF-DATA"] = ["554 5.7.1 Message refused as spam"]
        let server = try await FakeSMTPServer(script)
        let error = await failure(server.client(), try message())
        XCTAssertEqual(error?.kind, .permanent)
        XCTAssertEqual(error?.stage, .message)
        XCTAssertTrue(error?.reason.contains("554 5.7.1 Message refused as spam") == true)
        await server.stop()
    }

    func testARefusedGreetingIsNotAboutTheMessage() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = ["554 5.3.2 No service here"]
        let server = try await FakeSMTPServer(script)
        let error = await failure(server.client(), try message())
        XCTAssertEqual(error?.kind, .permanent)
        XCTAssertEqual(error?.stage, .greeting)
        XCTAssertFalse(error?.concernsMessage ?? true)
        await server.stop()
    }

    func testASilentServerTimesOutAsTemporary() async throws {
        for step in ["GREETING", "MAIL", "DATA", "END-OF-DATA"] {
            var script = FakeSMTPServer.Script()
            script.silentAt = step
            let server = try await FakeSMTPServer(script)
            let started = Date()
            let error = await failure(
                server.client {
                    $0.replyTimeout = .milliseconds(300)
                    $0.messageTimeout = .milliseconds(300)
                }, try message())
            XCTAssertEqual(error?.kind, .temporary, step)
            XCTAssertTrue(error?.reason.contains("did not answer in time") == true, step)
            XCTAssertLessThan(Date().timeIntervalSince(started), 3, step)
            await server.stop()
        }
    }

    func testNoServerIsTemporary() async throws {
        let server = try await FakeSMTPServer()
        let client = server.client()
        await server.stop()
        let error = await failure(client, try message())
        XCTAssertEqual(error?.kind, .temporary)
        XCTAssertEqual(error?.stage, .connecting)
    }

    func testSomethingThatIsNotSMTPIsRefused() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = ["HTTP/1.1 400 Bad Request"]
        let server = try await FakeSMTPServer(script)
        let error = await failure(server.client(), try message())
        XCTAssertEqual(error?.stage, .greeting)
        XCTAssertTrue(error?.reason.contains("not SMTP") == true)
        await server.stop()
    }

    func testRequiredSTARTTLSThatIsNotOfferedRefusesToSend() async throws {
        let server = try await FakeSMTPServer()
        let error = await failure(server.client { $0.security = .startTLSRequired }, try message())
        XCTAssertEqual(error?.kind, .permanent)
        XCTAssertEqual(error?.stage, .startTLS)
        XCTAssertFalse(server.commands.contains { $0.hasPrefix("MAIL") })
        await server.stop()
    }

    func testSignsInWithPLAINWithoutShowingThePassword() async throws {
        var script = FakeSMTPServer.Script()
        script.ehlo = ["250-fake.example.org", "250-AUTH LOGIN PLAIN", "250 HELP"]
        script.replies["AUTH"] = ["235 2.7.0 Authentication successful"]
        let server = try await FakeSMTPServer(script)
        let delivery = try await server.client {
            $0.credentials = SMTPCredentials(user: "relay-user", password: "correct horse")
        }.send(try message())
        XCTAssertTrue(delivery.authenticated)
        let plain = Data("\0relay-user\0correct horse".utf8).base64EncodedString()
        XCTAssertTrue(server.commands.contains("AUTH PLAIN \(plain)"))
        XCTAssertFalse("\(SMTPCredentials(user: "relay-user", password: "correct horse"))".contains("horse"))
        await server.stop()
    }

    func testSignsInWithLOGINAndARefusalIsPermanentAndHidesThePassword() async throws {
        let user = Data("relay-user".utf8).base64EncodedString()
        let password = Data("correct horse".utf8).base64EncodedString()
        var script = FakeSMTPServer.Script()
        script.ehlo = ["250-fake.example.org", "250 AUTH LOGIN"]
        script.replies["AUTH"] = ["334 VXNlcm5hbWU6"]
        script.replies[user] = ["334 UGFzc3dvcmQ6"]
        // A careless server that repeats what it was sent.
        script.replies[password] = ["535 5.7.8 Bad credentials: \(password)"]
        let server = try await FakeSMTPServer(script)
        let error = await failure(
            server.client { $0.credentials = SMTPCredentials(user: "relay-user", password: "correct horse") },
            try message())
        XCTAssertEqual(error?.kind, .permanent)
        XCTAssertEqual(error?.stage, .authentication)
        XCTAssertEqual(Array(server.commands.suffix(4).prefix(3)), ["AUTH LOGIN", user, password])
        XCTAssertFalse(error?.reason.contains(password) ?? true)
        XCTAssertFalse(error?.reason.contains("correct horse") ?? true)
        await server.stop()
    }

    func testAUserWithoutAnAUTHOfferIsRefused() async throws {
        let server = try await FakeSMTPServer()
        let error = await failure(
            server.client { $0.credentials = SMTPCredentials(user: "u", password: "p") }, try message())
        XCTAssertEqual(error?.kind, .permanent)
        XCTAssertEqual(error?.stage, .authentication)
        await server.stop()
    }

    func testDotStuffing() {
        let stuffed = String(decoding: SMTPClient.dotStuffed("a\r\n.b\r\n..c\nd"), as: UTF8.self)
        XCTAssertEqual(stuffed, "a\r\n..b\r\n...c\r\nd\r\n.\r\n")
        XCTAssertEqual(String(decoding: SMTPClient.dotStuffed(".\r\n"), as: UTF8.self), "..\r\n.\r\n")
    }
}
