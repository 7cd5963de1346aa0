import Foundation
import GRDB

/// A meeting's agenda, the papers that go with each item, and the minutes recorded against it.
extension MeetingStore {
    public func agenda(meetingID: Int64) async throws -> [AgendaItem] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(AgendaItem.columns) FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
                arguments: [meetingID]
            )
            .map(AgendaItem.init)
        }
    }

    /// Adds an item at the end of the agenda; members are told of a paper that comes with it.
    public func addAgendaItem(
        meetingID: Int64, title: String, description: String, paper: String, by actor: AuditActor, requestID: String?
    ) async throws -> AgendaItem {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let position =
                (try Int.fetchOne(
                    db, sql: "SELECT MAX(position) FROM agenda_items WHERE meeting_id = ?", arguments: [meetingID]) ?? 0)
                + 1
            try db.execute(
                sql: """
                    INSERT INTO agenda_items (meeting_id, position, title, description, paper, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [meetingID, position, title, description, paper, now, now])
            let item = try Row.fetchOne(
                db, sql: "SELECT \(AgendaItem.columns) FROM agenda_items WHERE id = ?",
                arguments: [db.lastInsertedRowID]
            ).map(AgendaItem.init)!
            let change = AuditChange<[String: String]>(
                action: "agenda item added", recordKind: "meeting", recordID: String(meetingID),
                summary: "Added \"\(title)\" to the agenda", before: nil,
                after: ["title": title, "description": description, "paper": paper]
            )
            try audit.record(change)
            if let notifier, let meeting = try Self.meetings(ids: [meetingID], in: db)[meetingID] {
                try MeetingMail(notifier: notifier, now: now, actorID: actor.userID).papers(
                    MeetingPage.Paper.lines(paper).map(\.text), meeting, item: title, in: db)
            }
            return item
        }
    }

    /// Saves the minutes against each agenda item; items not named keep what they had.
    public func saveMinutes(meetingID: Int64, _ minutes: [Int64: String], by actor: AuditActor, requestID: String?)
        async throws
    {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            var before: [String: String] = [:], after: [String: String] = [:]
            for item in try Row.fetchAll(
                db, sql: "SELECT \(AgendaItem.columns) FROM agenda_items WHERE meeting_id = ?", arguments: [meetingID]
            ).map(AgendaItem.init) {
                guard let text = minutes[item.id], text != item.minutes else { continue }
                try db.execute(
                    sql: "UPDATE agenda_items SET minutes = ?, updated_at = ? WHERE id = ?",
                    arguments: [text, now, item.id])
                before[item.title] = item.minutes
                after[item.title] = text
            }
            guard !after.isEmpty else { return }
            let change = AuditChange(
                action: "minutes recorded", recordKind: "meeting", recordID: String(meetingID),
                summary: "Recorded minutes for \(after.count) agenda item\(after.count == 1 ? "" : "s")",
                before: before, after: after
            )
            try audit.record(change)
        }
    }
}
