import Foundation
import GRDB
import Logging

/// A message that is due because time has passed, not because someone did something (issue 20): a proposal closing
/// tomorrow, an action now overdue, a decision due for review. `key` names what and for whom; each key is sent once.
public struct Reminder: Sendable, Equatable {
    public var key: String
    public var userID: Int64
    public var notice: Notice

    public init(key: String, userID: Int64, notice: Notice) {
        (self.key, self.userID, self.notice) = (key, userID, notice)
    }
}

/// The reminders due at an instant, gathered from the features (answered in `App/RemindersFromFeatures`).
public protocol ReminderSource: Sendable {
    /// Changes that happen by themselves when their time comes (a proposal closing at its closing time), made before
    /// reminders are gathered, with the messages they send.
    func settle(now: Date) async throws
    func reminders(now: Date) async throws -> [Reminder]
}

/// What runs every minute while the server serves, relay or not: reminders that have come due, then digests that
/// have. Both only write to the outbox, so without a relay administrators can read what they made.
public struct NoticeSweep: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    let notifier: Notifier
    let source: any ReminderSource
    let logger: Logger

    public init(
        pool: DatabasePool, clock: AppClock, notifier: Notifier, source: any ReminderSource, logger: Logger
    ) {
        (self.pool, self.clock, self.notifier, self.source, self.logger) = (pool, clock, notifier, source, logger)
    }

    /// Sends the reminders not sent before, each once; returns how many were new.
    @discardableResult
    public func sendReminders() async throws -> Int {
        let now = clock.now()
        let due = try await source.reminders(now: now)
        guard !due.isEmpty else { return 0 }
        let notifier = notifier
        return try await pool.write { db in
            var fresh = 0
            for reminder in due {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO email_reminders_sent (key, sent_at) VALUES (?, ?)",
                    arguments: [reminder.key, now])
                guard db.changesCount == 1 else { continue }
                try notifier.send(reminder.notice, to: reminder.userID, now: now, in: db)
                fresh += 1
            }
            return fresh
        }
    }

    public func runOnce() async throws {
        try await source.settle(now: clock.now())
        try await sendReminders()
        try await DigestRun(pool: pool, clock: clock, notifier: notifier).runOnce()
    }

    /// Passes every `interval` until the task is cancelled.
    public func run(every interval: Duration = .seconds(60)) async {
        while !Task.isCancelled {
            do { try await runOnce() } catch { logger.error("Reminders and digests could not be made: \(error)") }
            try? await Task.sleep(for: interval)
        }
    }
}
