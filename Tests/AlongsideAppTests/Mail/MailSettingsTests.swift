import XCTest

@testable import AlongsideApp

/// The mail settings from the environment: what is accepted, and messages that name the key and no secret.
final class MailSettingsTests: XCTestCase {
    func problem(_ environment: [String: String]) -> String? {
        do {
            _ = try MailSettings(environment: environment)
            return nil
        } catch { return error.description }
    }

    func testNoRelayIsTheDefault() throws {
        let settings = try MailSettings(environment: [:])
        XCTAssertNil(settings.smtp)
        XCTAssertNil(settings.from)
    }

    func testARelayWithAUserAndAnExtraAuthority() throws {
        let settings = try MailSettings(environment: [
            "ALONGSIDE_SMTP_URL": "smtp+starttls://mail.example.org", "ALONGSIDE_SMTP_USER": "alongside",
            "ALONGSIDE_SMTP_PASSWORD": "s3cret pass", "ALONGSIDE_MAIL_FROM": "Alongside <alongside@example.org>",
            "ALONGSIDE_PUBLIC_URL": "https://alongside.example.org",
        ])
        let smtp = try XCTUnwrap(settings.smtp)
        XCTAssertEqual(smtp.host, "mail.example.org")
        XCTAssertEqual(smtp.port, 587)
        XCTAssertEqual(smtp.security, .startTLSRequired)
        XCTAssertEqual(smtp.helloName, "alongside.example.org")
        XCTAssertEqual(smtp.credentials?.user, "alongside")
        XCTAssertEqual(settings.from?.address, "alongside@example.org")
        XCTAssertFalse("\(settings)".contains("s3cret"))
        var dumped = ""
        dump(settings, to: &dumped)
        XCTAssertFalse(dumped.contains("s3cret"))
    }

    func testURLs() throws {
        let plain = try SMTPConfiguration(url: "smtp://127.0.0.1:2525")
        XCTAssertEqual([plain.host, "\(plain.port)"], ["127.0.0.1", "2525"])
        XCTAssertEqual(plain.security, .startTLSWhenOffered)
        XCTAssertEqual(try SMTPConfiguration(url: "smtp://relay.example.org").port, 25)
        XCTAssertEqual(try SMTPConfiguration(url: "smtp://[::1]:25").host, "::1")
        for bad in [
            "http://mail.example.org", "mail.example.org:25", "smtp://", "smtp://mail.example.org:0",
            "smtp://mail.example.org:25/path", "smtps://mail.example.org",
        ] {
            XCTAssertThrowsError(try SMTPConfiguration(url: bad), bad)
        }
    }

    func testBadValuesAreNamedWithoutTheirSecrets() {
        let from = ["ALONGSIDE_MAIL_FROM": "alongside@example.org"]
        let withPassword = problem(from.merging(["ALONGSIDE_SMTP_URL": "smtp://user:hunter2@mail.example.org"]) { $1 })
        XCTAssertTrue(withPassword?.contains("ALONGSIDE_SMTP_USER") == true)
        XCTAssertFalse(withPassword?.contains("hunter2") ?? true)
        XCTAssertEqual(
            problem(from.merging(["ALONGSIDE_SMTP_URL": "smtp://m.example.org", "ALONGSIDE_SMTP_USER": "u"]) { $1 }),
            "ALONGSIDE_SMTP_PASSWORD must be set when ALONGSIDE_SMTP_USER is.")
        XCTAssertEqual(
            problem(
                from.merging(["ALONGSIDE_SMTP_URL": "smtp://m.example.org", "ALONGSIDE_SMTP_PASSWORD": "p"]) { $1 }),
            "ALONGSIDE_SMTP_USER must be set when ALONGSIDE_SMTP_PASSWORD is.")
        XCTAssertTrue(problem(["ALONGSIDE_SMTP_URL": "smtp://m.example.org"])?.hasPrefix("ALONGSIDE_MAIL_FROM") == true)
        XCTAssertTrue(problem(["ALONGSIDE_MAIL_FROM": "not an address"])?.hasPrefix("ALONGSIDE_MAIL_FROM") == true)
        XCTAssertTrue(
            problem(
                from.merging(["ALONGSIDE_SMTP_URL": "smtp://m.example.org", "ALONGSIDE_SMTP_CA_FILE": "/nope.pem"]) {
                    $1
                })?.hasPrefix("ALONGSIDE_SMTP_CA_FILE") == true)
        XCTAssertTrue(problem(["ALONGSIDE_SMTP_USER": "u"])?.hasPrefix("ALONGSIDE_SMTP_URL") == true)
    }

    func testAppConfigurationReadsTheMailSettings() throws {
        var configuration = AppConfiguration()
        try configuration.apply(environment: [
            "ALONGSIDE_SMTP_URL": "smtp://127.0.0.1:2525",
            "ALONGSIDE_MAIL_FROM": "alongside@example.org",
        ])
        XCTAssertEqual(configuration.mail.smtp?.port, 2525)
        XCTAssertThrowsError(try configuration.apply(environment: ["ALONGSIDE_SMTP_URL": "nonsense"]))
    }
}
