import GRDB

/// The parts of a migration SQL cannot say (issue 21): run just before the migration's own file, in its transaction.
enum MigrationRepairs {
    static func before(_ version: Int, in db: Database) throws {
        switch version {
        case 28:
            // 0013_payments gained claims.sent_with_warning after release (see 0028_repair_edited_migrations.sql).
            if try db.tableExists("claims"),
                try !db.columns(in: "claims").contains(where: { $0.name == "sent_with_warning" })
            {
                try db.execute(
                    sql: """
                        ALTER TABLE claims ADD COLUMN sent_with_warning INTEGER NOT NULL DEFAULT 0
                            CHECK (sent_with_warning IN (0, 1))
                        """)
            }
        default:
            break
        }
    }
}
