import Foundation
import GRDB

/// Erasing a person (issue 21, UK GDPR right to erasure). Their account keeps its id and becomes "Former member N"
/// with an address that goes nowhere, so records that must stay whole (decisions, payments finance must keep, the
/// audit log) keep their shape and read with the pseudonym. Their name and email address are replaced wherever they
/// appear as words in any text of any table, append-only ones included (their guards are lifted for this one
/// transaction and put back in it); what exists only for them goes (sessions, links, calendar feeds, email choices,
/// digests, messages to their address, payment preferences). The audit log records that an erasure happened, never
/// what was removed. Afterwards the file is rewritten (VACUUM) so the old text is not left in free pages.
public enum PersonErasure {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    public static func pseudonym(_ userID: Int64) -> String { "Former member \(userID)" }
    public static func erasedAddress(_ userID: Int64) -> String { "erased-\(userID)@erased.invalid" }

    /// Tables whose rows exist only for the person: deleted.
    static let onlyTheirs: [(table: String, column: String)] = [
        ("sessions", "user_id"), ("account_links", "user_id"), ("calendar_feeds", "user_id"),
        ("email_preferences", "user_id"), ("email_digest_items", "user_id"), ("email_digests_sent", "user_id"),
        ("payment_preferences", "user_id"),
    ]

    @discardableResult
    public static func erase(userID: Int64, by actor: AuditActor, now: Date, pool: DatabasePool) throws -> Int {
        let replaced = try pool.writeWithoutTransaction { db -> Int in
            var count = 0
            try db.inTransaction {
                count = try eraseRecords(userID: userID, by: actor, now: now, in: db)
                return .commit
            }
            return count
        }
        // Rewrite the file, so the old text is not left behind in free pages or the write-ahead log.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return replaced
    }

    static func eraseRecords(userID: Int64, by actor: AuditActor, now: Date, in db: Database) throws -> Int {
        guard actor.userID != userID else { throw Refusal(description: "You cannot erase your own account.") }
        guard
            let person = try Row.fetchOne(
                db, sql: "SELECT name, email, role FROM users WHERE id = ?", arguments: [userID])
        else { throw Refusal(description: "There is no such account.") }
        let name: String = person["name"], email: String = person["email"]
        guard email != erasedAddress(userID) else { throw Refusal(description: "This account was erased already.") }
        let pseudonym = pseudonym(userID), address = erasedAddress(userID)
        // Names they gave when expressing interest signed out, under the same address.
        let givenNames = try String.fetchAll(
            db, sql: "SELECT DISTINCT name FROM involvement_interest WHERE email = ? COLLATE NOCASE", arguments: [email]
        )
        let phones = try String.fetchAll(
            db, sql: "SELECT DISTINCT phone FROM involvement_interest WHERE email = ? COLLATE NOCASE AND phone <> ''",
            arguments: [email])

        for (table, column) in onlyTheirs where try db.tableExists(table) {
            try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [userID])
        }
        try db.execute(
            sql: "DELETE FROM outbox WHERE user_id = ? OR to_address = ? COLLATE NOCASE", arguments: [userID, email])
        try db.execute(
            sql: """
                UPDATE involvement_interest SET name = ?, email = ?, phone = '', access_needs = '', about = '(erased)'
                WHERE email = ? COLLATE NOCASE
                """, arguments: [pseudonym, address, email])
        try db.execute(
            sql:
                "UPDATE users SET name = ?, email = ?, password_hash = NULL, is_active = 0, updated_at = ? WHERE id = ?",
            arguments: [pseudonym, address, now, userID])

        // Every other mention, as whole words, in every text column; the append-only guards lifted meanwhile.
        let guards = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(%'")
        for guardTrigger in guards { try db.execute(sql: "DROP TRIGGER \(guardTrigger["name"] as String)") }
        var words: [(String, String)] = [(email, address)]
        words += ([name] + givenNames).filter { $0 != pseudonym && $0.count >= 2 }.map { ($0, pseudonym) }
        words += phones.map { ($0, "") }
        let count = try replaceEverywhere(words, in: db)
        for guardTrigger in guards { try db.execute(sql: guardTrigger["sql"] as String) }

        try AuditLog.record(
            AuditChange<[String: String]>(
                action: "person erased", recordKind: "account", recordID: String(userID),
                summary: "Erased the personal details of account #\(userID): it now reads \"\(pseudonym)\"",
                before: nil, after: nil),
            by: actor, at: now, requestID: nil, in: db)
        return count
    }

    /// Replaces each text with its stand-in wherever it appears as a whole word (not inside a longer word), in every
    /// ordinary table's text columns. Returns how many values changed.
    static func replaceEverywhere(_ words: [(String, String)], in db: Database) throws -> Int {
        let tables = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT IN ('schema_migrations', 'server_keys')
                """)
        let virtual = tables.filter { ($0["sql"] as String?)?.uppercased().contains("VIRTUAL TABLE") ?? false }
            .map { $0["name"] as String }
        var changed = 0
        for table in tables {
            let tableName: String = table["name"]
            let definition = (table["sql"] as String?)?.uppercased() ?? ""
            // Full-text indexes are kept in step by their own triggers; rowid-less tables hold no free text.
            guard !virtual.contains(where: { tableName == $0 || tableName.hasPrefix($0 + "_") }),
                !definition.contains("WITHOUT ROWID")
            else { continue }
            let columns = try db.columns(in: tableName).filter { column in
                let type = column.type.uppercased()
                return type.isEmpty || type.contains("TEXT") || type.contains("CHAR") || type.contains("CLOB")
            }.map(\.name)
            for column in columns {
                for (text, standIn) in words where !text.isEmpty {
                    let rows = try Row.fetchAll(
                        db,
                        sql:
                            "SELECT rowid AS rid, \"\(column)\" AS value FROM \"\(tableName)\" WHERE instr(lower(\"\(column)\"), lower(?)) > 0",
                        arguments: [text])
                    for row in rows {
                        guard let value = row["value"] as String? else { continue }
                        let updated = wholeWordReplacing(text, with: standIn, in: value)
                        guard updated != value else { continue }
                        try db.execute(
                            sql: "UPDATE \"\(tableName)\" SET \"\(column)\" = ? WHERE rowid = ?",
                            arguments: [updated, row["rid"] as Int64])
                        changed += 1
                    }
                }
            }
        }
        return changed
    }

    /// `text` replaced by `standIn` in `value`, ignoring case, only where it is not part of a longer word.
    static func wholeWordReplacing(_ text: String, with standIn: String, in value: String) -> String {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: text) + "(?![\\p{L}\\p{N}])"
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
            return value
        }
        return expression.stringByReplacingMatches(
            in: value, range: NSRange(value.startIndex..., in: value),
            withTemplate: NSRegularExpression.escapedTemplate(for: standIn))
    }
}
