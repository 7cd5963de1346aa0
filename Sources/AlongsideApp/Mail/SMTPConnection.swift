import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// One open conversation with an SMTP server: send a command, wait for its reply, upgrade to TLS. Knows nothing of
/// what order things are said in (that is `SMTPClient`); turns every failure into an `SMTPError` for its stage.
struct SMTPConnection: Sendable {
    let channel: any Channel
    private let reader: NIOLoopBound<SMTPReplyReader>
    private let logger: Logger

    static func connect(
        host: String, port: Int, timeout: Duration, group: any EventLoopGroup, logger: Logger
    ) async throws(SMTPError) -> SMTPConnection {
        // The reader is kept as it is made: looking it up later fails if the server has already said something
        // that closed the connection (such as an HTTP server's greeting), which is the greeting's failure to report.
        // Keyed by channel: with both IPv6 and IPv4 addresses, more than one connection may be tried.
        let made = NIOLockedValueBox<[ObjectIdentifier: NIOLoopBound<SMTPReplyReader>]>([:])
        do {
            let channel = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(timeout))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let reader = SMTPReplyReader()
                        try channel.pipeline.syncOperations.addHandler(reader)
                        let bound = NIOLoopBound(reader, eventLoop: channel.eventLoop)
                        made.withLockedValue { $0[ObjectIdentifier(channel)] = bound }
                    }
                }
                .connect(host: host, port: port).get()
            guard let reader = made.withLockedValue({ $0[ObjectIdentifier(channel)] }) else {
                throw ChannelError.inappropriateOperationForState
            }
            return SMTPConnection(channel: channel, reader: reader, logger: logger)
        } catch {
            throw SMTPError(
                .temporary, .connecting, "Could not connect to the mail server at \(host):\(port): \(error)")
        }
    }

    /// True when the server is this machine, where a password may travel without TLS.
    var isLoopback: Bool {
        guard let address = channel.remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    func reply(within timeout: Duration, at stage: SMTPError.Stage) async throws(SMTPError) -> SMTPReply {
        let reader = self.reader
        do {
            let reply = try await channel.eventLoop.flatSubmit {
                reader.value.nextReply(timeout: TimeAmount(timeout), on: reader.eventLoop)
            }.get()
            logger.debug("SMTP reply", metadata: ["reply": "\(reply)"])
            return reply
        } catch {
            throw Self.failure(error, at: stage)
        }
    }

    /// Sends one command line and waits for the reply. `shown` is what the log says was sent (never a password).
    func command(
        _ line: String, shown: String? = nil, within timeout: Duration, at stage: SMTPError.Stage
    ) async throws(SMTPError) -> SMTPReply {
        logger.debug("SMTP command", metadata: ["command": "\(shown ?? line)"])
        try await write(Array((line + "\r\n").utf8), at: stage)
        return try await reply(within: timeout, at: stage)
    }

    func write(_ bytes: [UInt8], at stage: SMTPError.Stage) async throws(SMTPError) {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
        } catch {
            // A write to a closed connection says only that; the reader knows why it closed.
            let reader = self.reader
            let cause = try? await channel.eventLoop.submit { reader.value.ended }.get()
            throw Self.failure((cause ?? nil) ?? error, at: stage)
        }
    }

    /// After the server's `220` to STARTTLS: encrypts the connection from here on, checking the server's certificate
    /// against the system's authorities and `trusted`, and its name against `host`; returns once the handshake is done.
    func startTLS(host: String, trusted: [NIOSSLCertificate], timeout: Duration) async throws(SMTPError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !trusted.isEmpty { tls.additionalTrustRoots = [.certificates(trusted)] }
        let reader = self.reader
        do {
            let context = try NIOSSLContext(configuration: tls)
            // An IP address cannot be sent as the server name (SNI); NIOSSL then checks the certificate against
            // the address connected to.
            let serverName = SocketAddressText.isIPAddress(host) ? nil : host
            try await channel.eventLoop.flatSubmit { () -> EventLoopFuture<Void> in
                // Anything the server sent after its 220 came before the encryption: refuse it (CVE-2011-0411).
                guard !reader.value.hasUnreadInput else {
                    return reader.eventLoop.makeFailedFuture(SMTPReplyReader.Malformed())
                }
                do {
                    let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                    return reader.value.encrypt(with: handler, timeout: TimeAmount(timeout), on: reader.eventLoop)
                } catch {
                    return reader.eventLoop.makeFailedFuture(error)
                }
            }.get()
        } catch is SMTPReplyReader.Malformed {
            throw SMTPError(
                .permanent, .startTLS,
                "The mail server sent more text after agreeing to STARTTLS, so the connection was not trusted.")
        } catch {
            throw Self.failure(error, at: .startTLS)
        }
    }

    /// Says QUIT and closes, ignoring whatever happens: the message's fate is already settled.
    func close(politely: Bool, timeout: Duration) async {
        if politely { _ = try? await command("QUIT", within: timeout, at: .message) }
        try? await channel.close()
    }

    static func failure(_ error: any Error, at stage: SMTPError.Stage) -> SMTPError {
        switch error {
        case let error as SMTPError: return error
        case is SMTPReplyReader.TimedOut:
            return SMTPError(.temporary, stage, "The mail server did not answer in time at \(stage.rawValue).")
        case is SMTPReplyReader.Closed, ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed,
            ChannelError.eof:
            return SMTPError(.temporary, stage, "The mail server closed the connection at \(stage.rawValue).")
        case is SMTPReplyReader.Malformed:
            return SMTPError(
                .temporary, stage, "The mail server's reply at \(stage.rawValue) was not SMTP: is this the right port?")
        case is NIOSSLError where "\(error)".contains("CERTIFICATE_VERIFY_FAILED"):
            return SMTPError(
                .permanent, .startTLS,
                "The mail server's certificate (TLS) was not trusted, or is not for the host in ALONGSIDE_SMTP_URL. "
                    + "For a relay whose certificate authority is your organisation's own, set ALONGSIDE_SMTP_CA_FILE.")
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return SMTPError(
                .permanent, .startTLS, "The encrypted connection (TLS) to the mail server failed: \(error)")
        default:
            return SMTPError(
                .temporary, stage, "The connection to the mail server failed at \(stage.rawValue): \(error)")
        }
    }
}

enum SocketAddressText {
    static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}
