import Foundation
import GRDB

/// A message waiting in, or sent from, the outbox (issue 20).
public struct OutboxMessage: Sendable, Equatable, FetchableRecord, Decodable {
    public enum Status: String, Sendable, Decodable, CaseIterable {
        case waiting, sent, failed

        public var label: String {
            switch self {
            case .waiting: "Waiting to be sent"
            case .sent: "Sent"
            case .failed: "Not delivered"
            }
        }
    }

    public var id: Int64
    public var messageID: String
    public var kind: String
    public var userID: Int64?
    public var toAddress: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    public var attachmentName: String?
    public var attachmentType: String?
    public var attachmentBody: String?
    public var unsubscribeURL: String?
    public var createdAt: Date
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String
    public var sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, messageID = "message_id", kind, userID = "user_id", toAddress = "to_address", subject
        case textBody = "text_body", htmlBody = "html_body", attachmentName = "attachment_name"
        case attachmentType = "attachment_type", attachmentBody = "attachment_body", unsubscribeURL = "unsubscribe_url"
        case createdAt = "created_at", status, attempts, nextAttemptAt = "next_attempt_at", lastError = "last_error"
        case sentAt = "sent_at"
    }
}

/// What a feature puts in the outbox, inside its own write transaction (`Outbox.enqueue`).
public struct OutgoingMail: Sendable, Equatable {
    public var kind: String
    public var userID: Int64?
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    public var attachment: (name: String, type: String, body: String)?
    public var unsubscribeURL: String?

    public init(
        kind: String, userID: Int64?, to: String, subject: String, text: String, html: String,
        attachment: (name: String, type: String, body: String)? = nil, unsubscribeURL: String? = nil
    ) {
        (self.kind, self.userID, self.to, self.subject, self.text, self.html) = (kind, userID, to, subject, text, html)
        (self.attachment, self.unsubscribeURL) = (attachment, unsubscribeURL)
    }

    public static func == (lhs: OutgoingMail, rhs: OutgoingMail) -> Bool {
        lhs.kind == rhs.kind && lhs.userID == rhs.userID && lhs.to == rhs.to && lhs.subject == rhs.subject
            && lhs.text == rhs.text && lhs.html == rhs.html && lhs.unsubscribeURL == rhs.unsubscribeURL
            && lhs.attachment?.name == rhs.attachment?.name && lhs.attachment?.type == rhs.attachment?.type
            && lhs.attachment?.body == rhs.attachment?.body
    }
}

/// Writing to the outbox. Only `enqueue` adds messages, and only inside a caller's transaction, so a message exists
/// exactly when the change it tells of was committed.
public enum Outbox {
    /// Adds a message, due at once, with a new stable Message-ID on `host`. Returns its row id.
    @discardableResult
    public static func enqueue(_ mail: OutgoingMail, host: String, now: Date, in db: Database) throws -> Int64 {
        let messageID = "<\(UUID().uuidString.lowercased())@\(host)>"
        var mail = mail
        mail.subject = Self.oneLine(mail.subject)
        try db.execute(
            sql: """
                INSERT INTO outbox (message_id, kind, user_id, to_address, subject, text_body, html_body, attachment_name,
                    attachment_type, attachment_body, unsubscribe_url, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                messageID, mail.kind, mail.userID, mail.to, mail.subject, mail.text, mail.html, mail.attachment?.name,
                mail.attachment?.type, mail.attachment?.body, mail.unsubscribeURL, now, now,
            ])
        return db.lastInsertedRowID
    }
}

extension Outbox {
    /// A subject as one line of at most 150 characters: text people typed (an action, a proposal's title) may hold
    /// line breaks, which a mail header cannot.
    static func oneLine(_ subject: String) -> String {
        let words = subject.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        let line = words.isEmpty ? "A message from Alongside" : words
        return line.count > 150 ? String(line.prefix(149)) + "…" : line
    }
}

/// When to try again after a temporary failure: 1, 5, 15 and 30 minutes, then every hour, giving up (as not delivered)
/// after a day of trying.
public enum OutboxBackoff {
    public static let maxAttempts = 28

    /// The wait after the `attempts`-th failed attempt (1-based); nil when it is time to give up.
    public static func delay(afterAttempt attempts: Int) -> TimeInterval? {
        guard attempts >= 1, attempts < maxAttempts else { return nil }
        let minutes = [1, 5, 15, 30]
        return TimeInterval((attempts <= minutes.count ? minutes[attempts - 1] : 60) * 60)
    }
}
