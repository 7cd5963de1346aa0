/// One message a feature sends a person about something that happened (issue 20): what it is about, what to say in
/// plain English, and where to go. `Notifier` addresses it, adds the greeting, the reason and the unsubscribe link,
/// and sends it at once, into the person's digest, or not at all, as they chose.
public struct Notice: Sendable, Equatable {
    public var kind: NoticeKind
    /// What happened, for the outbox list: "claim_returned", "meeting_invitation"…
    public var event: String
    public var subject: String
    /// The body, a paragraph each, plain text.
    public var paragraphs: [String]
    /// The page to act on it, a path on this site, with the words for the link.
    public var link: (label: String, path: String)?
    /// An attachment such as a meeting's `invite.ics`; a digest carries none.
    public var attachment: (name: String, type: String, body: String)?

    public init(
        kind: NoticeKind, event: String, subject: String, paragraphs: [String],
        link: (label: String, path: String)? = nil, attachment: (name: String, type: String, body: String)? = nil
    ) {
        (self.kind, self.event, self.subject, self.paragraphs) = (kind, event, subject, paragraphs)
        (self.link, self.attachment) = (link, attachment)
    }

    public static func == (lhs: Notice, rhs: Notice) -> Bool {
        lhs.kind == rhs.kind && lhs.event == rhs.event && lhs.subject == rhs.subject
            && lhs.paragraphs == rhs.paragraphs && lhs.link?.label == rhs.link?.label
            && lhs.link?.path == rhs.link?.path && lhs.attachment?.name == rhs.attachment?.name
            && lhs.attachment?.body == rhs.attachment?.body
    }
}
