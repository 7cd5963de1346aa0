import Foundation
import GRDB

/// Everything the database holds about one person (issue 21, UK GDPR right of access), found from the schema itself so
/// a table added later cannot be missed: their account; every row of every table with a column that refers to them
/// (`REFERENCES users`), under "table (column)"; the rows that name their email address without referring to their
/// account (an expression of interest sent signed out, a message to their address); and the audit entries about their
/// account. Secrets are left out: password hashes, token hashes, form tokens, keys, and any binary column.
public enum PersonalDataReader {
    public struct Section: Sendable, Equatable, Encodable {
        public let name: String
        public let columns: [String]
        public let rows: [[String?]]
    }

    public struct Person: Sendable, Equatable, Encodable {
        public let id: Int64
        public let name: String
        public let email: String
    }

    /// Column names never exported: they hold secrets, not information about the person.
    static func isSecret(_ column: String) -> Bool {
        let name = column.lowercased()
        return ["token", "hash", "password", "csrf", "secret"].contains { name.contains($0) } || name == "key"
    }

    /// Tables read for other reasons or holding nothing about a person: the migrations' record, the server's keys.
    static let skipped: Set<String> = ["schema_migrations", "server_keys"]

    public static func read(userID: Int64, in db: Database) throws -> (Person, [Section])? {
        guard
            let account = try Row.fetchOne(
                db, sql: "SELECT id, name, email FROM users WHERE id = ?", arguments: [userID])
        else { return nil }
        let person = Person(id: account["id"], name: account["name"], email: account["email"])
        var sections = [try section("users (your account)", table: "users", where: "id = ?", [userID], in: db)]
        let tables = try String.fetchAll(
            db,
            sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        for table in tables where table != "users" && !skipped.contains(table) {
            let references = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?)", arguments: [table])
                .filter { ($0["table"] as String) == "users" }.map { $0["from"] as String }
            for column in references {
                let found = try section(
                    "\(table) (\(column))", table: table, where: "\(quoted(column)) = ?", [userID], in: db)
                if !found.rows.isEmpty { sections.append(found) }
            }
        }
        // Named by address, not by account.
        let byAddress = [
            ("involvement_interest", "email", "involvement_interest (your email address)"),
            ("outbox", "to_address", "outbox (messages to your email address, not your account)"),
        ]
        for (table, column, name) in byAddress where try db.tableExists(table) {
            let extra = table == "outbox" ? " AND (user_id IS NULL OR user_id <> ?)" : ""
            let arguments: StatementArguments = table == "outbox" ? [person.email, userID] : [person.email]
            let found = try section(
                name, table: table, where: "\(column) = ? COLLATE NOCASE" + extra, arguments, in: db)
            if !found.rows.isEmpty { sections.append(found) }
        }
        let about = try section(
            "audit_events (about your account)", table: "audit_events",
            where: "record_kind = 'account' AND record_id = ? AND (actor_id IS NULL OR actor_id <> ?)",
            [String(userID), userID], in: db)
        if !about.rows.isEmpty { sections.append(about) }
        return (person, sections)
    }

    static func section(
        _ name: String, table: String, where condition: String, _ arguments: StatementArguments, in db: Database
    ) throws -> Section {
        let columns = try db.columns(in: table).filter { column in
            !isSecret(column.name) && !column.type.uppercased().contains("BLOB")
        }.map(\.name)
        let list = columns.map(quoted).joined(separator: ", ")
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(list) FROM \(quoted(table)) WHERE \(condition) ORDER BY 1", arguments: arguments)
        return Section(
            name: name, columns: columns,
            rows: rows.map { row in
                columns.indices.map { index in
                    let value = row[index] as DatabaseValue
                    switch value.storage {
                    case .null: return nil
                    case .blob: return nil
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    }
                }
            })
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
