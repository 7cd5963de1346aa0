import NIOCore
import NIOTLS

/// The channel handler that turns the bytes an SMTP server sends into replies, and hands them out one at a time to
/// whoever waits (`nextReply`), with a time limit on each. Used only on its channel's event loop.
final class SMTPReplyReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// A line longer than this (RFC 5321 allows 512 octets in a reply line) means the peer is not an SMTP server.
    static let maxLineLength = 4096

    private var channel: (any Channel)?
    private var unread: [UInt8] = []
    private var parser = SMTPReplyParser()
    private var replies: [SMTPReply] = []
    private var waiter: EventLoopPromise<SMTPReply>?
    private var handshake: EventLoopPromise<Void>?
    /// Why no more replies will come: the connection closed or failed, or a reply was late.
    private(set) var ended: (any Error)?

    struct Closed: Error {}
    struct TimedOut: Error {}
    struct Malformed: Error {}

    func handlerAdded(context: ChannelHandlerContext) { channel = context.channel }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        unread += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let newline = unread.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(unread[..<newline])
            unread.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            do {
                if let reply = try parser.take(String(decoding: line, as: UTF8.self)) { deliver(reply) }
            } catch {
                end(Malformed(), context: context)
                return
            }
        }
        if unread.count > Self.maxLineLength { end(Malformed(), context: context) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        end(Closed(), context: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        end(error, context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            handshake?.succeed()
            handshake = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Adds `tls` nearest the network, which starts the TLS handshake; the future succeeds once it is done, or fails
    /// with its error (a certificate not trusted, say), or after `timeout`.
    func encrypt(with tls: any ChannelHandler, timeout: TimeAmount, on eventLoop: any EventLoop) -> EventLoopFuture<
        Void
    > {
        if let ended { return eventLoop.makeFailedFuture(ended) }
        let promise = eventLoop.makePromise(of: Void.self)
        handshake = promise
        do {
            try channel?.pipeline.syncOperations.addHandler(tls, position: .first)
        } catch {
            end(error, context: nil)
            return promise.futureResult
        }
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            end(TimedOut(), context: nil)
            channel?.close(promise: nil)
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }

    /// True when the server has sent something nobody has read yet: after `220` to STARTTLS that would be text an
    /// attacker slipped in before the encryption (CVE-2011-0411), so the client refuses to go on.
    var hasUnreadInput: Bool { !unread.isEmpty || !replies.isEmpty || parser.isInsideReply }

    /// The next reply, or the reason there will be none: the connection closed, failed, or `timeout` passed (then
    /// the connection is closed, since a late reply would answer the wrong command).
    func nextReply(timeout: TimeAmount, on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if !replies.isEmpty { return eventLoop.makeSucceededFuture(replies.removeFirst()) }
        if let ended { return eventLoop.makeFailedFuture(ended) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiter = promise
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            end(TimedOut(), context: nil)
            channel?.close(promise: nil)
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }

    private func deliver(_ reply: SMTPReply) {
        if let waiter {
            self.waiter = nil
            waiter.succeed(reply)
        } else {
            replies.append(reply)
        }
    }

    private func end(_ error: any Error, context: ChannelHandlerContext?) {
        if ended == nil { ended = error }
        if let waiter {
            self.waiter = nil
            waiter.fail(ended ?? error)
        }
        if let handshake {
            self.handshake = nil
            handshake.fail(ended ?? error)
        }
        context?.close(promise: nil)
    }
}
