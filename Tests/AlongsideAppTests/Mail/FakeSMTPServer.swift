import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

@testable import AlongsideApp

/// A scripted SMTP server on 127.0.0.1 for the client's tests: it answers each command as the script says (a happy
/// relay unless told otherwise), can stay silent at a chosen step, and records what it was sent.
final class FakeSMTPServer: Sendable {
    struct Script: Sendable {
        var greeting = ["220 fake.example.org ESMTP ready"]
        var ehlo = ["250-fake.example.org greets you", "250-SIZE 10240000", "250-8BITMIME", "250 HELP"]
        /// Replies by the whole command line, or else by its first word (upper-cased): these win over the defaults.
        var replies: [String: [String]] = [:]
        /// The first word of the command (or "GREETING") at which the server says nothing.
        var silentAt: String?
        /// Each reply line is sent as its own write, this long apart (to show replies arriving in pieces).
        var pause: TimeAmount = .zero
        /// When set, EHLO offers STARTTLS (until the connection is encrypted) and STARTTLS encrypts with this.
        var tls: NIOSSLContext?
        /// Sent right after the `220` to STARTTLS, before any encryption: an attacker's injection.
        var afterStartTLS: String?
    }

    let port: Int
    private let channel: any Channel
    private let recorded = NIOLockedValueBox<(commands: [String], messages: [String])>(([], []))

    var commands: [String] { recorded.withLockedValue { $0.commands } }
    var messages: [String] { recorded.withLockedValue { $0.messages } }

    init(_ script: Script = Script()) async throws {
        let recorded = self.recorded
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Session(script: script, recorded: recorded))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress!.port!
    }

    func stop() async { try? await channel.close() }

    func client(_ configure: (inout SMTPConfiguration) -> Void = { _ in }) -> SMTPClient {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: port)
        configuration.replyTimeout = .seconds(5)
        configure(&configuration)
        return SMTPClient(configuration: configuration)
    }

    private final class Session: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let script: Script
        let recorded: NIOLockedValueBox<(commands: [String], messages: [String])>
        var unread: [UInt8] = []
        var data: [String]?
        var encrypted = false

        init(script: Script, recorded: NIOLockedValueBox<(commands: [String], messages: [String])>) {
            self.script = script
            self.recorded = recorded
        }

        func channelActive(context: ChannelHandlerContext) {
            if script.silentAt != "GREETING" { send(script.greeting, context: context) }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            unread += buffer.readBytes(length: buffer.readableBytes) ?? []
            while let newline = unread.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: unread[..<newline].filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
                unread.removeSubrange(...newline)
                handle(line, context: context)
            }
        }

        func handle(_ line: String, context: ChannelHandlerContext) {
            if var message = data {
                if line == "." {
                    data = nil
                    recorded.withLockedValue { $0.messages.append(message.joined(separator: "\r\n")) }
                    reply(to: "END-OF-DATA", line: line, default: ["250 2.0.0 Ok: queued as F4K3"], context: context)
                } else {
                    // Undo the dot-stuffing, as a real server does.
                    message.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
                    data = message
                }
                return
            }
            recorded.withLockedValue { $0.commands.append(line) }
            let verb = String(line.split(separator: " ").first ?? "").uppercased()
            if verb == "STARTTLS", let tls = script.tls, !encrypted {
                send(
                    ["220 2.0.0 Ready to start TLS" + (script.afterStartTLS.map { "\r\n" + $0 } ?? "")],
                    context: context)
                encrypted = true
                try? context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                return
            }
            var ehlo = script.ehlo
            if script.tls != nil, !encrypted { ehlo.insert("250-STARTTLS", at: 1) }
            let defaults: [String: [String]] = [
                "EHLO": ehlo, "HELO": ["250 fake.example.org"], "MAIL": ["250 2.1.0 Ok"],
                "RCPT": ["250 2.1.5 Ok"], "DATA": ["354 End data with <CR><LF>.<CR><LF>"], "QUIT": ["221 2.0.0 Bye"],
                "RSET": ["250 Ok"],
            ]
            reply(
                to: verb, line: line, default: defaults[verb] ?? ["500 5.5.2 Command not recognised"], context: context)
            if verb == "DATA", (script.replies[line] ?? script.replies[verb] ?? ["354"]).first?.hasPrefix("354") == true
            {
                data = []
            }
            if verb == "QUIT" { context.close(promise: nil) }
        }

        func reply(to verb: String, line: String, default lines: [String], context: ChannelHandlerContext) {
            guard script.silentAt != verb else { return }
            send(script.replies[line] ?? script.replies[verb] ?? lines, context: context)
        }

        func send(_ lines: [String], context: ChannelHandlerContext) {
            guard script.pause > .zero else {
                context.writeAndFlush(
                    wrapOutboundOut(ByteBuffer(string: lines.map { $0 + "\r\n" }.joined())), promise: nil)
                return
            }
            let loop = context.eventLoop.assumeIsolated()
            for (index, line) in lines.enumerated() {
                loop.scheduleTask(in: script.pause * Int64(index)) {
                    context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(string: line + "\r\n")), promise: nil)
                }
            }
        }
    }
}
