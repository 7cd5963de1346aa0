import Foundation
import Logging
import NIOCore
import NIOPosix

/// Sends messages to one SMTP relay (RFC 5321), a new connection for each: greeting, EHLO (HELO if refused),
/// STARTTLS when offered (required with `smtp+starttls://`), AUTH PLAIN or LOGIN when a user is set (only over TLS,
/// or to this machine), MAIL FROM, RCPT TO, DATA, QUIT. Every failure is an `SMTPError`, temporary or permanent.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup
    let logger: Logger

    public init(
        configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "alongside.mail")
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.logger = logger
    }

    /// What happened to a message the server took: its reply to the end of the message (with its queue id,
    /// usually), and whether the conversation was encrypted and signed in.
    public struct Delivery: Sendable {
        public let reply: SMTPReply
        public let encrypted: Bool
        public let authenticated: Bool
    }

    /// Renders and sends one message, from `message.from` to `message.to`. Returns once the server has taken
    /// responsibility for it.
    @discardableResult
    public func send(_ message: MailMessage) async throws(SMTPError) -> Delivery {
        let data: String
        do { data = try message.rendered() } catch {
            throw SMTPError(.permanent, .rendering, "The message could not be written: \(error).")
        }
        return try await send(data: data, from: message.from.address, to: message.to.address)
    }

    /// Sends an already rendered message (CRLF lines) with the given envelope addresses.
    @discardableResult
    public func send(data: String, from sender: String, to recipient: String) async throws(SMTPError) -> Delivery {
        guard MailAddress.isValid(sender), MailAddress.isValid(recipient) else {
            throw SMTPError(.permanent, .rendering, "The sender or the recipient is not an email address.")
        }
        let connection = try await SMTPConnection.connect(
            host: configuration.host, port: configuration.port, timeout: configuration.connectTimeout, group: group,
            logger: logger)
        do {
            let delivery = try await converse(on: connection, data: data, from: sender, to: recipient)
            await connection.close(politely: true, timeout: configuration.replyTimeout)
            // The recipient's domain only: an address is personal data, and logs are kept and copied (issue 21).
            logger.info(
                "Mail sent", metadata: ["to_domain": "\(Self.domain(recipient))", "reply": "\(delivery.reply)"])
            return delivery
        } catch {
            // A refusal leaves the conversation in order, so say goodbye; after a timeout or a broken connection, just close.
            await connection.close(politely: error.reply != nil, timeout: .seconds(5))
            logger.warning(
                "Mail not sent", metadata: ["to_domain": "\(Self.domain(recipient))", "reason": "\(error.reason)"])
            throw error
        }
    }

    private func converse(
        on connection: SMTPConnection, data: String, from sender: String, to recipient: String
    ) async throws(SMTPError) -> Delivery {
        let timeout = configuration.replyTimeout
        let greeting = try await connection.reply(within: timeout, at: .greeting)
        try expect(greeting, 220, at: .greeting)

        var extensions = try await hello(on: connection)
        var encrypted = false
        if extensions["STARTTLS"] != nil {
            let reply = try await connection.command("STARTTLS", within: timeout, at: .startTLS)
            try expect(reply, 220, at: .startTLS)
            try await connection.startTLS(
                host: configuration.host, trusted: configuration.extraTrustedCertificates,
                timeout: configuration.replyTimeout)
            encrypted = true
            // What the server said before TLS is forgotten (RFC 3207 section 4.2): ask again.
            extensions = try await hello(on: connection)
        } else if configuration.security == .startTLSRequired {
            throw SMTPError(
                .permanent, .startTLS,
                "The mail server does not offer STARTTLS, which smtp+starttls:// in ALONGSIDE_SMTP_URL requires.")
        }

        if let credentials = configuration.credentials {
            try await authenticate(credentials, on: connection, extensions: extensions, encrypted: encrypted)
        }

        try expect(
            try await connection.command("MAIL FROM:<\(sender)>", within: timeout, at: .sender), 250, at: .sender)
        let accepted = try await connection.command("RCPT TO:<\(recipient)>", within: timeout, at: .recipient)
        guard accepted.code == 250 || accepted.code == 251 else { throw failure(accepted, at: .recipient) }
        try expect(try await connection.command("DATA", within: timeout, at: .data), 354, at: .data)
        try await connection.write(Self.dotStuffed(data), at: .message)
        let reply = try await connection.reply(within: configuration.messageTimeout, at: .message)
        try expect(reply, 250, at: .message)
        return Delivery(reply: reply, encrypted: encrypted, authenticated: configuration.credentials != nil)
    }

    /// EHLO, or HELO when the server does not know EHLO; the extensions offered (none after HELO).
    private func hello(on connection: SMTPConnection) async throws(SMTPError) -> [String: [String]] {
        let name = configuration.helloName
        let reply = try await connection.command("EHLO \(name)", within: configuration.replyTimeout, at: .hello)
        if reply.code == 250 { return reply.extensions }
        guard reply.isPermanentFailure else { throw failure(reply, at: .hello) }
        let helo = try await connection.command("HELO \(name)", within: configuration.replyTimeout, at: .hello)
        try expect(helo, 250, at: .hello)
        return [:]
    }

    private func authenticate(
        _ credentials: SMTPCredentials, on connection: SMTPConnection, extensions: [String: [String]], encrypted: Bool
    ) async throws(SMTPError) {
        guard encrypted || connection.isLoopback else {
            throw SMTPError(
                .permanent, .authentication,
                "The mail server does not offer STARTTLS, so the password was not sent. Use a relay that offers it.")
        }
        let mechanisms = extensions["AUTH"] ?? []
        let timeout = configuration.replyTimeout
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            let reply = try await connection.command(
                "AUTH PLAIN " + base64("\0\(credentials.user)\0\(credentials.password)"), shown: "AUTH PLAIN (hidden)",
                within: timeout, at: .authentication)
            try expect(reply, 235, at: .authentication)
        } else if mechanisms.contains("LOGIN") {
            try expect(
                try await connection.command("AUTH LOGIN", within: timeout, at: .authentication), 334,
                at: .authentication)
            try expect(
                try await connection.command(base64(credentials.user), within: timeout, at: .authentication), 334,
                at: .authentication)
            let reply = try await connection.command(
                base64(credentials.password), shown: "(password hidden)", within: timeout, at: .authentication)
            try expect(reply, 235, at: .authentication)
        } else {
            throw SMTPError(
                .permanent, .authentication,
                "ALONGSIDE_SMTP_USER is set but the mail server offers no sign-in Alongside knows (AUTH PLAIN or LOGIN)."
            )
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, at stage: SMTPError.Stage) throws(SMTPError) {
        guard reply.code == code else { throw failure(reply, at: stage) }
    }

    /// A refusal: temporary for 4xx, permanent for 5xx (and for a success code that makes no sense here). The
    /// reply text is scrubbed of the password in case a server echoes what it was sent.
    private func failure(_ reply: SMTPReply, at stage: SMTPError.Stage) -> SMTPError {
        var lines = reply.lines
        if let credentials = configuration.credentials {
            let secrets = [credentials.password, Data(credentials.password.utf8).base64EncodedString()]
            lines = lines.map { line in secrets.reduce(line) { $0.replacingOccurrences(of: $1, with: "(hidden)") } }
        }
        let scrubbed = SMTPReply(code: reply.code, lines: lines)
        if reply.isTemporaryFailure || reply.isPermanentFailure { return .refused(scrubbed, at: stage) }
        return SMTPError(
            .permanent, stage, "The mail server gave an unexpected reply at \(stage.rawValue): \(scrubbed)",
            reply: scrubbed)
    }

    /// The message as DATA sends it (RFC 5321 section 4.5.2): CRLF line ends, a `.` doubled at the start of a line,
    /// ended by a line holding only `.`.
    static func dotStuffed(_ data: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.utf8.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in data.utf8 {
            // A bare LF is made a CRLF: servers may refuse a bare LF (RFC 5321 section 2.3.8).
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") { output.append(UInt8(ascii: "\r")) }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !atLineStart { output += Array("\r\n".utf8) }
        return output + Array(".\r\n".utf8)
    }
}

extension SMTPClient {
    /// "example.org" from "someone@example.org".
    static func domain(_ address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "?"
    }
}
