import Foundation
import Logging

/// What sends one message: the SMTP client, or a fake in tests.
public protocol MailTransport: Sendable {
    /// Sends the message; throws `MailDeliveryFailure` (or any error, taken as temporary) when it could not.
    func deliver(_ message: OutboxMessage) async throws
}

/// Why a message could not be sent: `permanent` (the relay refused it for good: 5xx) or not (try again later).
/// `concernsMessage` is false when the fault is the relay's, not the message's (it could not be reached, or refused
/// the sign-in): then the rest of the pass waits too, rather than each message using up an attempt on it.
public struct MailDeliveryFailure: Error, Sendable, Equatable {
    public let reason: String
    public let permanent: Bool
    public let concernsMessage: Bool

    public init(reason: String, permanent: Bool, concernsMessage: Bool = true) {
        self.reason = reason
        self.permanent = permanent
        self.concernsMessage = concernsMessage
    }
}

/// Sends what is due, one message at a time, recording each attempt; a pass stops at the first failure that is the
/// relay's rather than the message's. `runOnce` is one pass (the tests drive it);
/// `run` passes every few seconds until cancelled. At least once: a message is marked sent only after the relay took
/// it, so a crash in between sends it again with the same Message-ID.
public struct OutboxDelivery: Sendable {
    let store: OutboxStore
    let transport: any MailTransport
    let clock: AppClock
    let logger: Logger

    public init(store: OutboxStore, transport: any MailTransport, clock: AppClock, logger: Logger) {
        (self.store, self.transport, self.clock, self.logger) = (store, transport, clock, logger)
    }

    /// Sends the messages due now; returns how many went.
    @discardableResult
    public func runOnce(limit: Int = 50) async throws -> Int {
        var sent = 0
        for message in try await store.due(now: clock.now(), limit: limit) {
            do {
                try await transport.deliver(message)
                try await store.markSent(message.id)
                sent += 1
            } catch let failure as MailDeliveryFailure {
                // A relay fault is never the message's last word: the settings can be mended.
                try await store.markFailed(
                    message.id, reason: failure.reason, permanent: failure.permanent && failure.concernsMessage)
                logger.warning(
                    "Mail not sent",
                    metadata: ["outbox_id": "\(message.id)", "permanent": "\(failure.permanent)"])
                // The relay is the trouble: the other messages wait for the next pass untouched.
                if !failure.concernsMessage { break }
            } catch {
                try await store.markFailed(message.id, reason: "\(error)", permanent: false)
                logger.warning("Mail not sent", metadata: ["outbox_id": "\(message.id)", "permanent": "false"])
            }
        }
        return sent
    }

    /// Passes every `interval` seconds until the task is cancelled.
    public func run(every interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("The outbox could not be read: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
