import Hummingbird
import HummingbirdCore
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// Limits on each connection, enforced below the router where a slow or greedy client is first seen (issue 15:
/// 400 connections that never finished their headers were all still held after 90 s).
public struct ConnectionLimits: Sendable {
    /// From connecting until the first request's headers are complete.
    public var firstHeaders: TimeAmount = .seconds(10)
    /// From the end of one response until the next request's headers are complete (a keep-alive connection at rest).
    public var idle: TimeAmount = .seconds(30)
    /// From a request's headers until the last byte of its body.
    public var body: TimeAmount = .seconds(60)
    /// Bytes of body any request may send before the connection is cut (the largest route limit and a margin).
    public var maxBodyBytes = BodyLimit.largest + 64 * 1024
    /// Connections one client address may hold at once.
    public var perAddress = 32
    /// Addresses exempt from `perAddress` (trusted proxies carry many people's connections).
    public var exempt: Set<String> = []

    public init() {}
}

/// Counts open connections per client address, shared by every connection's guard.
final class ConnectionCounts: Sendable {
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    /// Counts a new connection; false (and nothing counted) when the address already holds `limit`.
    func open(_ address: String, limit: Int) -> Bool {
        counts.withLockedValue { counts in
            let current = counts[address, default: 0]
            guard current < limit else { return false }
            counts[address] = current + 1
            return true
        }
    }

    func close(_ address: String) {
        counts.withLockedValue { counts in
            let remaining = counts[address, default: 1] - 1
            counts[address] = remaining > 0 ? remaining : nil
        }
    }
}

/// One connection's guard: closes it when the client is too slow with its headers or body, when a body runs past
/// the largest limit, when its address holds too many connections, and after a 413, 400 or 403 (so a refused body is
/// not read to its end: what is already on its way is read and dropped for two seconds at most, so the answer is not
/// lost to a reset).
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let counts: ConnectionCounts
    private var address: String?
    private var deadline: Scheduled<Void>?
    private var bodyBytes = 0
    private var closeAfterResponse = false
    /// After a refusal's response is sent: what still arrives is read and thrown away, briefly, before closing.
    private var draining = false
    /// How long, and how much, a refused request's remaining body is read and thrown away after the answer went out.
    static let lingerTime: TimeAmount = .seconds(2)

    init(limits: ConnectionLimits, counts: ConnectionCounts) {
        self.limits = limits
        self.counts = counts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        if !limits.exempt.contains(peer) {
            guard counts.open(peer, limit: limits.perAddress) else {
                context.close(promise: nil)
                return
            }
            address = peer
        }
        arm(limits.firstHeaders, context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if let address { counts.close(address) }
        address = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if draining {
            // The answer is sent; the rest of the refused body is counted and dropped, never passed on.
            if case .body(let buffer) = part {
                bodyBytes += buffer.readableBytes
                if bodyBytes > limits.maxBodyBytes { context.close(promise: nil) }
            }
            return
        }
        switch part {
        case .head:
            bodyBytes = 0
            arm(limits.body, context: context)
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > limits.maxBodyBytes {
                context.close(promise: nil)
                return
            }
        case .end:
            // The request is in; the app may take its time answering.
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let response):
            // A refusal that may leave a body unread (too large, malformed, or from a stranger without a token):
            // close rather than read the rest of it.
            if [.contentTooLarge, .badRequest, .forbidden].contains(response.status) { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            if closeAfterResponse {
                // A lingering close: send the answer and end our side, then read and drop what the client is still
                // sending for a moment before closing. Closing at once with unread bytes waiting makes the system
                // reset the connection, and the reset can destroy the answer before the client (or a proxy such as
                // nginx, which then shows its own 502) has read it.
                let written = context.eventLoop.makePromise(of: Void.self)
                context.writeAndFlush(data, promise: written)
                written.futureResult.assumeIsolated().whenComplete { result in
                    promise?.completeWith(result)
                    self.draining = true
                    context.close(mode: .output, promise: nil)
                    self.arm(Self.lingerTime, context: context)
                }
            } else {
                context.write(data, promise: promise)
                arm(limits.idle, context: context)
            }
        }
    }

    /// Closes the connection unless the next step happens within `timeout`.
    private func arm(_ timeout: TimeAmount, context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }
}
