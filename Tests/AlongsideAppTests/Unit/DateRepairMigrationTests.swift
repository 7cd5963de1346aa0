import GRDB
import XCTest
@testable import AlongsideApp

/// Migration 0017 (issue 15): loose stored dates become `YYYY-MM-DD` where they are recognisably a date, and every
/// value found is recorded in `date_repairs`, repaired or not.
final class DateRepairMigrationTests: XCTestCase {
    /// A database migrated as far as 0016, before dates were read strictly.
    static func databaseBeforeRepair(_ test: XCTestCase) throws -> (pool: DatabasePool, migrator: Migrator) {
        let migrator = try Migrator(directory: repositoryRoot + "/Migrations")
        let pool = try AppDatabase.open(path: try temporaryFolder(test) + "/db.sqlite")
        try Migrator(migrations: migrator.migrations.filter { $0.version <= 16 }).migrate(pool)
        return (pool, migrator)
    }

    /// Loose dates of every kind the migration meets: repairable, not a date, impossible, in the append-only decision
    /// log, and a membership whose repaired days would end it before it starts.
    static func insertLooseDates(_ pool: DatabasePool) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO users (id, email, name, role, created_at, updated_at) VALUES (1, 'ada@example.org', 'Ada', 'administrator', 't', 't');
                    INSERT INTO groups (id, name, kind, purpose, status, visibility, created_at, updated_at)
                        VALUES (1, 'Leaders', 'leaders_group', 'Lead', 'active', 'private', 't', 't');
                    INSERT INTO insights (id, heard, source_kind, heard_on, created_at, updated_at) VALUES
                        (1, 'a', 'staff', '2026-1-5', 't', 't'), (2, 'b', 'staff', '2026-+12-31', 't', 't'),
                        (3, 'c', 'staff', ' 2026-03-03 ', 't', 't'), (4, 'd', 'staff', 'next week', 't', 't'),
                        (5, 'e', 'staff', '2026-02-30', 't', 't'), (6, 'f', 'staff', '2026-03-04', 't', 't');
                    INSERT INTO action_plan_items (id, what, due_on, created_at, updated_at) VALUES (1, 'Plan', '2027-3-31', 't', 't');
                    INSERT INTO memberships (id, group_id, user_id, seat, sector, starts_on, ends_on, created_at, updated_at) VALUES
                        (1, 1, 1, 'member', 'nhs_trust', '2026-1-5', '2026-10-01', 't', 't'),
                        (2, 1, 1, 'member', 'nhs_trust', '2026-09-05', '2026-9-01', 't', 't');
                    INSERT INTO decisions (id, group_id, title, question, method, members_total, members_present, lived_experience_present,
                        quorum_met, outcome, rationale, is_valid, recorded_by, recorded_at, review_on)
                        VALUES (1, 1, 'Title', 'Question', 'consensus', 5, 5, 1, 1, 'agreed', 'Reasons', 1, 1, 't', '2027-3-1');
                    """)
        }
    }

    func testLooseDatesAreRepairedAndEveryOneFoundIsRecorded() throws {
        // setup
        let (pool, migrator) = try Self.databaseBeforeRepair(self)
        try Self.insertLooseDates(pool)
        // act
        XCTAssertTrue(try migrator.migrate(pool).contains(17))
        // check: repaired where recognisably a date
        let heard = try pool.read { db in try String.fetchAll(db, sql: "SELECT heard_on FROM insights ORDER BY id") }
        XCTAssertEqual(heard, ["2026-01-05", "2026-12-31", "2026-03-03", "next week", "2026-02-30", "2026-03-04"])
        let due = try pool.read { db in try String.fetchOne(db, sql: "SELECT due_on FROM action_plan_items") }
        XCTAssertEqual(due, "2027-03-31")
        let memberships = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT starts_on, ends_on FROM memberships ORDER BY id").map {
                [$0[0] as String, $0[1] as String]
            }
        }
        XCTAssertEqual(
            memberships, [["2026-01-05", "2026-10-01"], ["2026-09-05", "2026-9-01"]],
            "a repair that would end a membership before it starts is left")
        let review = try pool.read { db in try String.fetchOne(db, sql: "SELECT review_on FROM decisions") }
        XCTAssertEqual(review, "2027-3-1", "the append-only decision log is never rewritten")
        // check: every value found is recorded, with what it became
        let recorded = try pool.read { db in try DateRepairs.recorded(after: 0, in: db) }
        let summary = recorded.map {
            "\($0.tableName).\($0.columnName) \($0.rowID): \($0.storedValue) -> \($0.repairedValue ?? "-")"
        }
        XCTAssertEqual(
            summary,
            [
                "action_plan_items.due_on 1: 2027-3-31 -> 2027-03-31",
                "decisions.review_on 1: 2027-3-1 -> -",
                "insights.heard_on 1: 2026-1-5 -> 2026-01-05",
                "insights.heard_on 2: 2026-+12-31 -> 2026-12-31",
                "insights.heard_on 3:  2026-03-03  -> 2026-03-03",
                "insights.heard_on 4: next week -> -",
                "insights.heard_on 5: 2026-02-30 -> -",
                "memberships.ends_on 2: 2026-9-01 -> -",
                "memberships.starts_on 1: 2026-1-5 -> 2026-01-05",
            ])
        XCTAssertEqual(
            recorded.first?.line, "Repaired a date in action_plan_items.due_on row 1: \"2027-3-31\" is now 2027-03-31.")
        XCTAssertEqual(
            recorded[1].line,
            "Could not repair a date in decisions.review_on row 1: \"2027-3-1\" is left as it was. Check it by hand.")
    }

    func testAFreshDatabaseRecordsNothing() throws {
        let migrator = try Migrator(directory: repositoryRoot + "/Migrations")
        let pool = try AppDatabase.open(path: try temporaryFolder(self) + "/db.sqlite")
        try migrator.migrate(pool)
        XCTAssertEqual(try pool.read { db in try DateRepairs.recorded(after: 0, in: db) }, [])
        XCTAssertEqual(try pool.read { db in try DateRepairs.lastID(in: db) }, 0)
    }
}
