import Foundation
import XCTest

/// `alongside send-test-email` as a person runs it: no relay, a bad address, a relay that takes or refuses it.
final class SendTestEmailCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable),
            "build the executable first (swift build)")
    }

    /// Runs the command with only these `ALONGSIDE_*` settings (the tests' own environment's are left out).
    func sendTestEmail(to address: String, settings: [String: String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.executable)
        process.arguments = ["send-test-email", "--to", address]
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ALONGSIDE_") }
            .merging(settings) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    func testWithoutARelayItSaysSo() throws {
        let result = try sendTestEmail(to: "someone@example.org", settings: [:])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("No mail relay is set"), result.errors)
        let bad = try sendTestEmail(to: "someone", settings: [:])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("--to must be an email address"), bad.errors)
    }

    func testSentOrRefusedWithTheReason() async throws {
        // setup
        let server = try await FakeSMTPServer()
        var script = FakeSMTPServer.Script()
        script.replies["RCPT"] = ["550 5.1.1 No such person here"]
        let refusing = try await FakeSMTPServer(script)
        let settings = [
            "ALONGSIDE_MAIL_FROM": "Alongside <alongside@example.org>",
            "ALONGSIDE_PUBLIC_URL": "https://alongside.example.org",
        ]
        // act
        let sent = try sendTestEmail(
            to: "someone@example.org",
            settings: settings.merging(["ALONGSIDE_SMTP_URL": "smtp://127.0.0.1:\(server.port)"]) { $1 })
        let refused = try sendTestEmail(
            to: "someone@example.org",
            settings: settings.merging(["ALONGSIDE_SMTP_URL": "smtp://127.0.0.1:\(refusing.port)"]) { $1 })
        // check
        XCTAssertEqual(sent.status, 0, sent.errors)
        XCTAssertTrue(sent.output.contains("Sent (not encrypted, not signed in)"), sent.output)
        let message = try XCTUnwrap(server.messages.first)
        XCTAssertTrue(message.contains("List-Unsubscribe: <https://alongside.example.org/>"), message)
        XCTAssertTrue(message.contains("Subject: A test message from Alongside"), message)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("Not sent (trying again will not help)"), refused.errors)
        XCTAssertTrue(refused.errors.contains("550 5.1.1 No such person here"), refused.errors)
        await server.stop()
        await refusing.stop()
    }
}
