import AlongsideApp
import ArgumentParser
import Foundation

struct SendTestEmail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test-email",
        abstract: "Send a short test message through the mail relay set in ALONGSIDE_SMTP_URL, to check the settings."
    )

    @Option(help: "The address to send the test message to.") var to: String

    func validate() throws {
        guard MailAddress.isValid(to) else { throw ValidationError("--to must be an email address.") }
    }

    func run() async throws {
        var configuration = AppConfiguration()
        do { try configuration.apply(environment: ProcessInfo.processInfo.environment) } catch {
            throw fail(describe(error))
        }
        guard let smtp = configuration.mail.smtp, let from = configuration.mail.from else {
            throw fail(
                "No mail relay is set, so nothing can be sent. Set ALONGSIDE_SMTP_URL (such as "
                    + "smtp+starttls://mail.example.org:587) and ALONGSIDE_MAIL_FROM, and ALONGSIDE_SMTP_USER and "
                    + "ALONGSIDE_SMTP_PASSWORD if the relay asks for them.")
        }
        let message: MailMessage
        do { message = try TestEmail.message(from: from, to: MailAddress(to), site: configuration.baseURL) } catch {
            throw fail(describe(error))
        }
        say("Sending a test message to \(to) through \(smtp.host):\(smtp.port)…")
        do {
            let delivery = try await SMTPClient(configuration: smtp).send(message)
            let how = [
                delivery.encrypted ? "encrypted with STARTTLS" : "not encrypted",
                delivery.authenticated ? "signed in as \(smtp.credentials?.user ?? "")" : "not signed in",
            ]
            say("Sent (\(how.joined(separator: ", "))). The mail server said: \(delivery.reply)")
        } catch {
            let kind = error.isTemporary ? "for now (it may work if tried again later)" : "(trying again will not help)"
            throw fail("Not sent \(kind): \(error.reason)")
        }
    }
}

/// The test message: plain words, both parts, and the unsubscribe headers every message carries.
enum TestEmail {
    static func message(from: MailAddress, to: MailAddress, site: String) throws -> MailMessage {
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let text = """
            Hello,

            This is a test message from Alongside at \(site).

            It shows that Alongside can send email through the mail server it was set up with. You do not need to \
            do anything.
            """
        let html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>A test message from Alongside</title></head>
            <body>
            <p>Hello,</p>
            <p>This is a test message from Alongside at <a href="\(escape(site))">\(escape(site))</a>.</p>
            <p>It shows that Alongside can send email through the mail server it was set up with.
            You do not need to do anything.</p>
            </body>
            </html>
            """
        return MailMessage(
            from: from, to: to, subject: "A test message from Alongside", date: Date(),
            messageID: "test-\(UUID().uuidString.lowercased())@\(domain)", text: text, html: html,
            unsubscribeURL: site + "/")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
