import Foundation
import GRDB

/// Sends each person's daily digest when `DigestSchedule` says it is due (issue 20): one outbox message gathering every
/// item waiting for them, written in the same transaction that marks the items as sent in it.
public struct DigestRun: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    let notifier: Notifier

    public init(pool: DatabasePool, clock: AppClock, notifier: Notifier) {
        (self.pool, self.clock, self.notifier) = (pool, clock, notifier)
    }

    /// Sends the digests due now; returns how many went into the outbox.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = clock.now()
        guard !DigestSchedule.isQuiet(now) else { return 0 }
        let today = LondonTime.isoDay(now)
        let notifier = notifier
        return try await pool.write { db in
            var sent = 0
            let waiting = try Int64.fetchAll(
                db, sql: "SELECT DISTINCT user_id FROM email_digest_items WHERE outbox_id IS NULL ORDER BY user_id")
            for userID in waiting {
                let items = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, kind, subject, text_body, link_url, created_at FROM email_digest_items
                        WHERE user_id = ? AND outbox_id IS NULL ORDER BY created_at, id
                        """, arguments: [userID])
                let last = try String.fetchOne(
                    db, sql: "SELECT MAX(day) FROM email_digests_sent WHERE user_id = ?", arguments: [userID])
                guard DigestSchedule.isDue(now: now, lastDay: last, waiting: items.count) else { continue }
                guard let person = try Notifier.recipient(userID, in: db) else {
                    // Switched off since: nothing more goes to them.
                    try db.execute(
                        sql: "DELETE FROM email_digest_items WHERE user_id = ? AND outbox_id IS NULL",
                        arguments: [userID])
                    continue
                }
                let digestItems = items.map { row in
                    NoticeMail.DigestItem(
                        kind: NoticeKind(rawValue: row["kind"]) ?? .meetings, subject: row["subject"],
                        text: row["text_body"], linkURL: row["link_url"], createdAt: row["created_at"])
                }
                let mail = NoticeMail.digest(
                    digestItems, name: person.name, email: person.email, userID: userID,
                    links: notifier.links(userID: userID, kind: digestItems[0].kind))
                let outboxID = try Outbox.enqueue(mail, host: notifier.host, now: now, in: db)
                let ids = items.map { $0["id"] as Int64 }
                try db.execute(
                    sql:
                        "UPDATE email_digest_items SET outbox_id = ? WHERE id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                    arguments: StatementArguments([outboxID] + ids))
                try db.execute(
                    sql: "INSERT INTO email_digests_sent (user_id, day, outbox_id) VALUES (?, ?, ?)",
                    arguments: [userID, today, outboxID])
                sent += 1
            }
            return sent
        }
    }
}
