import Foundation
import GRDB

/// Applies `Migrations/NNNN_name.sql` in order, each once, each in its own transaction,
/// recording what it applied in `schema_migrations`.
public struct Migrator: Sendable {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    public enum MigrationError: Error, CustomStringConvertible, Equatable {
        case badFileName(String)
        case duplicateVersion(Int)
        case databaseIsNewer(versions: [Int])
        case folderMissing(String)

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

    /// Applies what is missing and returns the versions it applied.
    @discardableResult
    public func migrate(_ writer: some DatabaseWriter) throws -> [Int] {
        try writer.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        applied_at TEXT NOT NULL
                    )
                    """)
            let applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
            let known = Set(migrations.map(\.version))
            let unknown = applied.subtracting(known).sorted()
            guard unknown.isEmpty else { throw MigrationError.databaseIsNewer(versions: unknown) }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                try db.inTransaction {
                    try db.execute(sql: migration.sql)
                    try db.execute(
                        sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        arguments: [migration.version, migration.name, Date()]
                    )
                    return .commit
                }
                done.append(migration.version)
            }
            return done
        }
    }
}
