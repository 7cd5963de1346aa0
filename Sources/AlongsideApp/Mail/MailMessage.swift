import Foundation

/// One email, as a plain value: who it is from and to, its subject and date, a Message-ID the caller keeps (so a
/// message sent twice after a retry is recognisably the same one), a plain-text and an HTML body saying the same
/// thing, and what else it carries. `rendered()` turns it into the bytes SMTP sends.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var date: Date
    /// Without angle brackets, such as `outbox-42@alongside.example.org`: the caller's stable id for this message.
    public var messageID: String
    public var text: String
    public var html: String
    public var attachments: [MailAttachment]
    /// The one-click unsubscribe address (RFC 8058): sent as `List-Unsubscribe` with `List-Unsubscribe-Post`.
    public var unsubscribeURL: String?
    /// Further header fields, in order (such as `Auto-Submitted` or `X-Entity-Ref-ID`); printable ASCII only.
    public var extraHeaders: [MailHeader]

    public init(
        from: MailAddress, to: MailAddress, subject: String, date: Date, messageID: String, text: String,
        html: String, attachments: [MailAttachment] = [], unsubscribeURL: String? = nil,
        extraHeaders: [MailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachments = attachments
        self.unsubscribeURL = unsubscribeURL
        self.extraHeaders = extraHeaders
    }
}

/// A file sent with a message, such as a meeting invitation:
/// `MailAttachment(filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", data: …)`.
public struct MailAttachment: Sendable {
    /// Letters, digits, `.`, `-` and `_` only.
    public var filename: String
    /// A MIME type with any parameters, printable ASCII.
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

public struct MailHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
