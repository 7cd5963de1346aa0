/// Why a message was not sent. The outbox worker switches on `kind`: a temporary failure is tried again later; a
/// permanent one will fail the same way however often it is tried, and is shown to administrators with `reason`.
/// `concernsMessage` tells whether the refusal was of this message (its sender, recipient or content) or of the
/// connection (the relay, TLS, signing in, the settings), which every other message would meet as well.
/// The reason never holds the password.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A 4xx reply, a refused, dropped or reset connection, a timeout: try again later.
        case temporary
        /// A 5xx reply, or something that cannot succeed until someone changes the settings or the message.
        case permanent
    }

    /// Where in the conversation it went wrong.
    public enum Stage: String, Sendable {
        case connecting = "connecting"
        case greeting = "the greeting"
        case hello = "EHLO"
        case startTLS = "STARTTLS"
        case authentication = "signing in (AUTH)"
        case sender = "MAIL FROM"
        case recipient = "RCPT TO"
        case data = "DATA"
        case message = "the end of the message"
        case rendering = "writing the message"
    }

    public let kind: Kind
    public let stage: Stage
    /// Plain words for administrators, with the server's reply where there was one.
    public let reason: String
    /// The server's reply, when the failure was one.
    public let reply: SMTPReply?

    public var concernsMessage: Bool { [.sender, .recipient, .data, .message, .rendering].contains(stage) }
    public var isTemporary: Bool { kind == .temporary }

    public var description: String { reason }

    init(_ kind: Kind, _ stage: Stage, _ reason: String, reply: SMTPReply? = nil) {
        self.kind = kind
        self.stage = stage
        self.reason = reason
        self.reply = reply
    }

    /// A refusal by the server, temporary for 4xx and permanent for 5xx.
    static func refused(_ reply: SMTPReply, at stage: Stage) -> SMTPError {
        SMTPError(
            reply.isTemporaryFailure ? .temporary : .permanent, stage,
            "The mail server refused at \(stage.rawValue): \(reply)", reply: reply)
    }
}
