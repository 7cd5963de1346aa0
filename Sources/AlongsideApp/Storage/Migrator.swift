import Crypto
import Foundation
import GRDB

/// Applies `Migrations/NNNN_name.sql` in order, each once, each in its own transaction, recording what it applied in
/// `schema_migrations` with the SHA-256 of the text it ran (issue 21). A migration whose file has changed since a
/// database applied it is refused at start: a database that ran the old text would never get the change, so a change
/// belongs in a new migration, never in a released one.
public struct Migrator: Sendable {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String

        public init(version: Int, name: String, sql: String) {
            (self.version, self.name, self.sql) = (version, name, sql)
        }

        /// The SHA-256 of the file's text, as hex.
        public var checksum: String { Migrator.checksum(sql) }
    }

    /// One migration as a database stands with it (`alongside migrate --status`).
    public struct Status: Sendable, Equatable {
        public enum State: Sendable, Equatable {
            case applied(at: String)
            /// Applied, but the file has changed since.
            case changed(at: String)
            case pending
        }

        public let version: Int
        public let name: String
        public let state: State

        public var line: String {
            let label = String(format: "%04d", version) + " " + name.drop { $0 != "_" }.dropFirst()
            switch state {
            case .applied(let at): return "applied  \(label) (\(at))"
            case .changed(let at): return "CHANGED  \(label) (applied \(at); its file has changed since)"
            case .pending: return "pending  \(label)"
            }
        }
    }

    public enum MigrationError: Error, CustomStringConvertible, Equatable {
        case badFileName(String)
        case duplicateVersion(Int)
        case databaseIsNewer(versions: [Int])
        case folderMissing(String)
        case changedAfterApplied(version: Int, name: String)

        public var description: String {
            switch self {
            case .badFileName(let name):
                return "The migration file \(name) is not named like 0001_name.sql."
            case .duplicateVersion(let version):
                return "Two migration files share the number \(version)."
            case .databaseIsNewer(let versions):
                let list = versions.map(String.init).joined(separator: ", ")
                return "This database has migrations this version of Alongside does not know (\(list)). "
                    + "It was written by a newer version: run that version, or restore a backup made before it."
            case .folderMissing(let path):
                return "The migrations folder \(path) was not found."
            case .changedAfterApplied(_, let name):
                return "The migration \(name).sql has changed since this database applied it, so the database "
                    + "does not match it. Never edit a released migration: put the file back as it was (for example "
                    + "with git checkout) and make the change in a new migration."
            }
        }
    }

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Reads every `.sql` file in the folder.
    public init(directory: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw MigrationError.folderMissing(directory)
        }
        var found: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let version = try Self.version(ofFileNamed: name)
            if found.contains(where: { $0.version == version }) { throw MigrationError.duplicateVersion(version) }
            let sql = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            found.append(Migration(version: version, name: String(name.dropLast(4)), sql: sql))
        }
        self.init(migrations: found)
    }

    static func version(ofFileNamed name: String) throws -> Int {
        let stem = name.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_"),
            stem.distance(from: stem.startIndex, to: underscore) == 4,
            let version = Int(stem[..<underscore]), version > 0
        else { throw MigrationError.badFileName(name) }
        return version
    }

    static func checksum(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The table of what was applied; a database from before checksums gets the column (its rows are NULL until
    /// the next run records what their files hold now).
    static func prepareTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """)
        if try !db.columns(in: "schema_migrations").contains(where: { $0.name == "checksum" }) {
            try db.execute(sql: "ALTER TABLE schema_migrations ADD COLUMN checksum TEXT")
        }
    }

    /// Each known migration's state, then any the database has that this version does not know (as changed).
    public func status(_ reader: some DatabaseReader) throws -> [Status] {
        try reader.read { db in
            guard try db.tableExists("schema_migrations") else {
                return migrations.map { Status(version: $0.version, name: $0.name, state: .pending) }
            }
            let hasChecksums = try db.columns(in: "schema_migrations").contains { $0.name == "checksum" }
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT version, name, applied_at, \(hasChecksums ? "checksum" : "NULL AS checksum") FROM schema_migrations"
            )
            var applied: [Int: (at: String, checksum: String?)] = [:]
            for row in rows { applied[row["version"]] = (row["applied_at"], row["checksum"]) }
            return migrations.map { migration in
                guard let record = applied[migration.version] else {
                    return Status(version: migration.version, name: migration.name, state: .pending)
                }
                let at = String(record.at.prefix(19)).replacingOccurrences(of: "T", with: " ")
                if let stored = record.checksum, stored != migration.checksum {
                    return Status(version: migration.version, name: migration.name, state: .changed(at: at))
                }
                return Status(version: migration.version, name: migration.name, state: .applied(at: at))
            }
        }
    }

    /// The versions not yet applied.
    public func pending(_ reader: some DatabaseReader) throws -> [Int] {
        try status(reader).filter { $0.state == .pending }.map(\.version)
    }

    /// Applies what is missing and returns the versions it applied. Refuses, changing nothing, when the database has
    /// a migration this version does not know, or a migration's file has changed since it was applied.
    @discardableResult
    public func migrate(_ writer: some DatabaseWriter) throws -> [Int] {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try Self.prepareTable(db)
                return .commit
            }
            let rows = try Row.fetchAll(db, sql: "SELECT version, checksum FROM schema_migrations")
            let applied = Set(rows.map { $0["version"] as Int })
            let known = Set(migrations.map(\.version))
            let unknown = applied.subtracting(known).sorted()
            guard unknown.isEmpty else { throw MigrationError.databaseIsNewer(versions: unknown) }
            let byVersion = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            for row in rows {
                guard let stored = row["checksum"] as String?, let migration = byVersion[row["version"]] else {
                    continue
                }
                if stored != migration.checksum {
                    throw MigrationError.changedAfterApplied(version: migration.version, name: migration.name)
                }
            }
            // Applied before checksums were kept: record what the files hold now, so a later edit is caught.
            try db.inTransaction {
                for row in rows where (row["checksum"] as String?) == nil {
                    if let migration = byVersion[row["version"]] {
                        try db.execute(
                            sql: "UPDATE schema_migrations SET checksum = ? WHERE version = ?",
                            arguments: [migration.checksum, migration.version])
                    }
                }
                return .commit
            }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                try db.inTransaction {
                    try MigrationRepairs.before(migration.version, in: db)
                    try db.execute(sql: migration.sql)
                    try db.execute(
                        sql: "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)",
                        arguments: [migration.version, migration.name, Date(), migration.checksum]
                    )
                    return .commit
                }
                done.append(migration.version)
            }
            return done
        }
    }
}
