import Foundation
import NIOSSL
import XCTest

@testable import AlongsideApp

/// STARTTLS against the scripted server with a throwaway certificate (made by `openssl` for each run): used when
/// offered, the certificate checked, and text slipped in before the encryption refused.
final class SMTPStartTLSTests: XCTestCase {
    struct Certificate {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
    }

    /// A self-signed certificate for localhost and 127.0.0.1, valid for a day.
    func makeCertificate() throws -> Certificate {
        let folder = try temporaryFolder(self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out",
            folder + "/cert.pem", "-days", "1", "-subj", "/CN=localhost", "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try XCTSkipUnless(process.terminationStatus == 0, "openssl is needed to make a test certificate")
        return Certificate(
            chain: try NIOSSLCertificate.fromPEMFile(folder + "/cert.pem"),
            key: try NIOSSLPrivateKey(file: folder + "/key.pem", format: .pem))
    }

    func server(_ certificate: Certificate, afterStartTLS: String? = nil) async throws -> FakeSMTPServer {
        var script = FakeSMTPServer.Script()
        script.tls = try NIOSSLContext(
            configuration: .makeServerConfiguration(
                certificateChain: certificate.chain.map { .certificate($0) }, privateKey: .privateKey(certificate.key)))
        script.afterStartTLS = afterStartTLS
        script.ehlo = ["250-fake.example.org", "250-AUTH PLAIN", "250 HELP"]
        script.replies["AUTH"] = ["235 2.7.0 Authentication successful"]
        return try await FakeSMTPServer(script)
    }

    func message() throws -> MailMessage {
        MailMessage(
            from: try MailAddress("alongside@example.org"), to: try MailAddress("casey@example.org"), subject: "Hello",
            date: Date(), messageID: "outbox-2@example.org", text: "Hello.", html: "<p>Hello.</p>")
    }

    func testRequiredSTARTTLSWithATrustedCertificateSignsInAndSends() async throws {
        // setup
        let certificate = try makeCertificate()
        let server = try await server(certificate)
        // act
        let delivery = try await server.client {
            $0.host = "localhost"
            $0.security = .startTLSRequired
            $0.extraTrustedCertificates = certificate.chain
            $0.credentials = SMTPCredentials(user: "relay-user", password: "correct horse")
        }.send(try message())
        // check
        XCTAssertTrue(delivery.encrypted)
        XCTAssertTrue(delivery.authenticated)
        XCTAssertEqual(Array(server.commands.prefix(3)), ["EHLO localhost", "STARTTLS", "EHLO localhost"])
        XCTAssertEqual(server.messages.count, 1)
        await server.stop()
    }

    func testAnUntrustedCertificateIsPermanentAndNothingIsSent() async throws {
        let certificate = try makeCertificate()
        let server = try await server(certificate)
        let message = try message()
        do {
            try await server.client().send(message)
            XCTFail("sent to a server whose certificate nobody trusts")
        } catch {
            XCTAssertEqual(error.kind, .permanent)
            XCTAssertEqual(error.stage, .startTLS)
            XCTAssertFalse(error.concernsMessage)
        }
        XCTAssertFalse(server.commands.contains { $0.hasPrefix("MAIL") })
        await server.stop()
    }

    func testTextSlippedInBeforeTheEncryptionIsRefused() async throws {
        let certificate = try makeCertificate()
        let server = try await server(certificate, afterStartTLS: "250 2.0.0 injected before TLS")
        let message = try message()
        do {
            try await server.client { $0.extraTrustedCertificates = certificate.chain }.send(message)
            XCTFail("went on after text was injected before TLS")
        } catch {
            XCTAssertEqual(error.stage, .startTLS)
            XCTAssertTrue(error.reason.contains("sent more text after agreeing to STARTTLS"), error.reason)
        }
        XCTAssertTrue(server.messages.isEmpty)
        await server.stop()
    }
}
