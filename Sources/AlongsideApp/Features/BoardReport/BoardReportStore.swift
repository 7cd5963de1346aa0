import Foundation
import GRDB

/// Issued board reports: each keeps its figures as they were at issue (`data_json`), and the database refuses any
/// change to them afterwards (migration 0025); only publishing sets a value later. Every change writes its audit row in
/// the same transaction.
struct BoardReportStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    /// An issued report as listed, without its figures.
    struct Issued: Sendable, Equatable, FetchableRecord, Decodable {
        var id: Int64
        var startsOn: String
        var endsOn: String
        var issuedAt: Date
        var issuedByName: String
        var publishedAt: Date?

        var period: BoardReportPeriod { BoardReportPeriod(startsOn: startsOn, endsOn: endsOn) }
        var isPublished: Bool { publishedAt != nil }

        enum CodingKeys: String, CodingKey {
            case id, startsOn = "period_starts_on", endsOn = "period_ends_on", issuedAt = "issued_at"
            case issuedByName = "issued_by_name", publishedAt = "published_at"
        }

        static let selectSQL = """
            SELECT r.id, r.period_starts_on, r.period_ends_on, r.issued_at, r.published_at, u.name AS issued_by_name
              FROM board_reports r JOIN users u ON u.id = r.issued_by
            """
    }

    /// Every issued report, latest first.
    func all() async throws -> [Issued] {
        try await pool.read { db in
            try Issued.fetchAll(db, sql: Issued.selectSQL + " ORDER BY r.issued_at DESC, r.id DESC")
        }
    }

    /// One issued report with its frozen figures, or nil.
    func report(id: Int64) async throws -> (issued: Issued, data: BoardReportData)? {
        let found = try await pool.read { db -> (Issued, String)? in
            guard let issued = try Issued.fetchOne(db, sql: Issued.selectSQL + " WHERE r.id = ?", arguments: [id]),
                let json = try String.fetchOne(
                    db, sql: "SELECT data_json FROM board_reports WHERE id = ?", arguments: [id])
            else { return nil }
            return (issued, json)
        }
        guard let found else { return nil }
        return (found.0, try BoardReportData.decode(found.1))
    }

    /// Keeps the report's figures as they are now, issued by the person: from here on it renders from these alone.
    func issue(_ data: BoardReportData, by actor: AuditActor, requestID: String?) async throws -> Int64 {
        let json = try data.json()
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO board_reports (period_starts_on, period_ends_on, data_json, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [data.period.startsOn, data.period.endsOn, json, now, actor.userID])
            let id = db.lastInsertedRowID
            try audit.record(
                AuditChange<[String: String]>(
                    action: "board_report.issued", recordKind: "board_report", recordID: String(id),
                    summary: "Issued the board report for \(data.period.label)", before: nil,
                    after: ["period_starts_on": data.period.startsOn, "period_ends_on": data.period.endsOn]))
            return id
        }
    }

    /// Publishes an issued report. Returns false when it was already published (nothing changes).
    func publish(id: Int64, by actor: AuditActor, requestID: String?) async throws -> Bool {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                let period = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT period_starts_on, period_ends_on FROM board_reports WHERE id = ? AND published_at IS NULL",
                    arguments: [id])
            else { return false }
            try db.execute(
                sql: "UPDATE board_reports SET published_at = ?, published_by = ? WHERE id = ?",
                arguments: [now, actor.userID, id])
            let label = BoardReportPeriod(startsOn: period[0], endsOn: period[1]).label
            try audit.record(
                AuditChange<[String: String]>(
                    action: "board_report.published", recordKind: "board_report", recordID: String(id),
                    summary: "Published the board report for \(label)", before: ["published": "no"],
                    after: ["published": "yes"]))
            return true
        }
    }
}
