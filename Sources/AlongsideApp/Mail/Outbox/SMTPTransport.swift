import Foundation
import Logging

/// Sends outbox messages through the configured relay with `SMTPClient` (issue 20). The stored Message-ID goes out
/// on every attempt, so a message sent twice (the relay took it, then the server stopped before marking it sent) is
/// recognisable as one.
public struct SMTPTransport: MailTransport {
    let client: SMTPClient
    let from: MailAddress

    public init(client: SMTPClient, from: MailAddress) {
        self.client = client
        self.from = from
    }

    public func deliver(_ message: OutboxMessage) async throws {
        let to: MailAddress
        do { to = try MailAddress(message.toAddress) } catch {
            throw MailDeliveryFailure(reason: "\(message.toAddress) is not an address mail can go to.", permanent: true)
        }
        let attachments = message.attachmentName.map { name in
            [
                MailAttachment(
                    filename: name, contentType: message.attachmentType ?? "application/octet-stream",
                    data: Data((message.attachmentBody ?? "").utf8))
            ]
        }
        let mail = MailMessage(
            from: from, to: to, subject: message.subject, date: message.createdAt,
            messageID: message.messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>")),
            text: message.textBody, html: Self.document(message.htmlBody, title: message.subject),
            attachments: attachments ?? [],
            unsubscribeURL: message.unsubscribeURL)
        do {
            try await client.send(mail)
        } catch {
            throw MailDeliveryFailure(
                reason: error.reason, permanent: !error.isTemporary, concernsMessage: error.concernsMessage)
        }
    }
}

extension SMTPTransport {
    /// The stored HTML part as a whole document, so a screen reader knows its language and title.
    static func document(_ body: String, title: String) -> String {
        guard !body.hasPrefix("<!DOCTYPE") else { return body }
        return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
            + HTMLEscaping.escape(title) + "</title>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
    }
}

extension AppServices {
    /// The delivery worker when a relay is configured (`ALONGSIDE_SMTP_URL`); nil without one, when messages wait in
    /// the outbox for administrators to read.
    public func outboxDelivery() -> OutboxDelivery? {
        guard let smtp = configuration.mail.smtp, let from = configuration.mail.from else { return nil }
        let logger = Logger(label: "alongside.mail")
        return OutboxDelivery(
            store: OutboxStore(pool: pool, clock: clock),
            transport: SMTPTransport(client: SMTPClient(configuration: smtp, logger: logger), from: from),
            clock: clock, logger: logger)
    }
}
