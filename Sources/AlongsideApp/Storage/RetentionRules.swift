import Foundation
import GRDB

/// How long Alongside keeps each kind of personal data (issue 21, UK GDPR storage limitation), written once here: the
/// privacy page lists these rules and `alongside apply-retention` (run daily by the timer) applies the same ones.
public struct RetentionRule: Sendable {
    public let id: String
    /// What is kept and for how long, as the privacy page says it.
    public let rule: String
    /// Removes what the rule no longer allows to be kept at `now`; returns how many records went.
    let apply: @Sendable (Database, Date) throws -> Int

    public static let all: [RetentionRule] = [
        RetentionRule(
            id: "interest",
            rule: "Expressions of interest in a role are deleted 6 months after the advert closes, unless the person "
                + "was appointed (then they are kept with the appointment)."
        ) { db, now in
            let cutoff = LondonTime.isoDay(
                now.addingTimeInterval(-Double(RetentionRules.interestMonths) * 30.44 * 86_400))
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT i.id FROM involvement_interest i JOIN involvement_adverts a ON a.id = i.advert_id
                    WHERE i.status <> 'appointed' AND min(a.closes_on, coalesce(substr(a.closed_at, 1, 10), a.closes_on)) < ?
                      AND i.id NOT IN (SELECT interest_id FROM involvement_appointments WHERE interest_id IS NOT NULL)
                    """, arguments: [cutoff])
            for id in ids {
                try db.execute(sql: "DELETE FROM involvement_interest_history WHERE interest_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM involvement_interest WHERE id = ?", arguments: [id])
            }
            return ids.count
        },
        RetentionRule(
            id: "claims",
            rule:
                "Payment claims that were paid, with their expenses and history, are kept for six years after the end "
                + "of the tax year they were paid in (as HMRC asks), then deleted. Claims never paid are deleted two "
                + "years after their last change."
        ) { db, now in
            let today = LondonTime.isoDay(now)
            let paid = try Row.fetchAll(
                db, sql: "SELECT id, paid_on FROM claims WHERE status = 'paid' AND paid_on IS NOT NULL"
            )
            .filter { row in RetentionRules.paidClaimExpires(paidOn: row["paid_on"]).map { $0 <= today } ?? false }
            .map { $0["id"] as Int64 }
            for id in paid { try db.execute(sql: "DELETE FROM claims WHERE id = ?", arguments: [id]) }
            let unpaidCutoff = now.addingTimeInterval(-2 * 365.25 * 86_400)
            try db.execute(
                sql: "DELETE FROM claims WHERE status <> 'paid' AND updated_at < ?", arguments: [unpaidCutoff])
            return paid.count + db.changesCount
        },
        RetentionRule(
            id: "sessions",
            rule:
                "Sign-in sessions end after a period without use and are deleted then; none is kept more than 30 days."
        ) { db, now in
            try db.execute(
                sql: "DELETE FROM sessions WHERE last_seen_at < ?", arguments: [now.addingTimeInterval(-30 * 86_400)])
            return db.changesCount
        },
        RetentionRule(
            id: "links",
            rule: "One-time links (to set a password) are deleted 30 days after they were used or ran out."
        ) { db, now in
            let cutoff = now.addingTimeInterval(-30 * 86_400)
            try db.execute(
                sql: "DELETE FROM account_links WHERE coalesce(used_at, expires_at) < ?", arguments: [cutoff])
            return db.changesCount
        },
        RetentionRule(
            id: "sign-in-records",
            rule: "Failed sign-ins are deleted after a day, and the addresses people last signed in from after a year."
        ) { db, now in
            try db.execute(
                sql: "DELETE FROM sign_in_failures WHERE failed_at < ?", arguments: [now.addingTimeInterval(-86_400)])
            let failures = db.changesCount
            try db.execute(
                sql: "DELETE FROM sign_in_known_addresses WHERE last_success_at < ?",
                arguments: [now.addingTimeInterval(-365.25 * 86_400)])
            return failures + db.changesCount
        },
        RetentionRule(
            id: "email",
            rule: "Emails Alongside sent, and the items of daily digests, are deleted 90 days after they were written; "
                + "emails that could not be delivered after a year."
        ) { db, now in
            let cutoff = now.addingTimeInterval(-90 * 86_400)
            try db.execute(
                sql: "DELETE FROM email_digest_items WHERE created_at < ? AND outbox_id IS NOT NULL",
                arguments: [cutoff])
            var removed = db.changesCount
            try db.execute(
                sql:
                    "DELETE FROM email_digests_sent WHERE outbox_id IN (SELECT id FROM outbox WHERE created_at < ? AND status = 'sent')",
                arguments: [cutoff])
            try db.execute(
                sql: """
                    DELETE FROM outbox WHERE ((status = 'sent' AND created_at < ?) OR (status = 'failed' AND created_at < ?))
                      AND id NOT IN (SELECT outbox_id FROM email_digest_items WHERE outbox_id IS NOT NULL)
                      AND id NOT IN (SELECT outbox_id FROM email_digests_sent)
                    """, arguments: [cutoff, now.addingTimeInterval(-365.25 * 86_400)])
            removed += db.changesCount
            return removed
        },
    ]
}

public enum RetentionRules {
    public static let interestMonths = 6

    /// The London day a paid claim may be deleted: six years after the end of the UK tax year (5 April) it was paid
    /// in. Paid on 2020-04-05 is in the tax year ending 2020-04-05, so it goes on 2026-04-06; paid on 2020-04-06, on
    /// 2027-04-06.
    public static func paidClaimExpires(paidOn: String) -> String? {
        guard let (year, month, day) = LondonTime.canonicalDayParts(paidOn) else { return nil }
        let taxYearEnds = (month, day) <= (4, 5) ? year : year + 1
        return String(format: "%04d-04-06", taxYearEnds + 6)
    }

    /// Applies every rule in one transaction; returns how many records each removed, by rule id.
    public static func apply(_ pool: DatabasePool, now: Date) async throws -> [(rule: RetentionRule, removed: Int)] {
        try await pool.writeAudited(by: .commandLine, at: now, requestID: nil) { db, audit in
            let results = try RetentionRule.all.map { rule in (rule: rule, removed: try rule.apply(db, now)) }
            let total = results.map(\.removed).reduce(0, +)
            if total > 0 {
                try audit.record(
                    AuditChange<[String: String]>(
                        action: "retention applied", recordKind: "retention", recordID: LondonTime.isoDay(now),
                        summary: "Deleted \(total) records the retention rules no longer allow to be kept",
                        before: nil,
                        after: Dictionary(uniqueKeysWithValues: results.map { ($0.rule.id, String($0.removed)) })))
            }
            return results
        }
    }
}
