import Foundation
import GRDB

/// The co-production action plan. Every change is written with its audit row in one transaction.
public struct ActionPlanStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public enum EditOutcome: Sendable, Equatable {
        case saved(PlanItem)
        /// Someone else saved first; their version is returned so both can be shown.
        case conflict(current: PlanItem)
    }

    public func all() async throws -> [PlanItem] {
        try await pool.read { db in try Self.fetch(in: db, where: nil, arguments: []) }
    }

    public func item(id: Int64) async throws -> PlanItem? {
        try await pool.read { db in try Self.item(id: id, in: db) }
    }

    /// The items that came out of one workshop.
    public func items(meetingID: Int64) async throws -> [PlanItem] {
        try await pool.read { db in try Self.fetch(in: db, where: "meeting_id = ?", arguments: [meetingID]) }
    }

    static func item(id: Int64, in db: Database) throws -> PlanItem? {
        try fetch(in: db, where: "id = ?", arguments: [id]).first
    }

    /// Items with their deliverables, in two reads however many there are.
    static func fetch(in db: Database, where condition: String?, arguments: StatementArguments) throws -> [PlanItem] {
        let items = try PlanItem.fetchAll(
            db, sql: "SELECT * FROM action_plan_items" + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY id",
            arguments: arguments)
        guard !items.isEmpty else { return [] }
        let ids = items.map(\.id)
        let deliverables = try KeyedValue<Int64>.grouped(
            db,
            sql: """
                SELECT item_id AS key, deliverable_id AS value FROM action_plan_deliverables
                 WHERE item_id IN (\(databaseQuestionMarks(count: ids.count))) ORDER BY deliverable_id
                """, arguments: StatementArguments(ids))
        return items.map { item in
            var item = item
            item.input.deliverableIDs = deliverables[item.id] ?? []
            return item
        }
    }

    public func create(_ input: PlanItemInput, by actor: AuditActor, requestID: String?) async throws -> PlanItem {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO action_plan_items (what, how, who, due_on, status, group_id, meeting_id, notes, created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    input.what, input.how, input.who, input.dueOn, input.status.rawValue, input.groupID,
                    input.meetingID,
                    input.notes, actor.userID, now, now,
                ])
            let id = db.lastInsertedRowID
            try Self.setDeliverables(input.deliverableIDs, itemID: id, in: db)
            let item = try Self.item(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "action plan item", recordID: String(id),
                    summary: "Added \"\(item.what)\" to the co-production action plan", before: nil,
                    after: item.snapshot))
            return item
        }
    }

    /// Saves an edit made from `expectedVersion`; refuses it when someone else has saved since.
    public func update(
        _ id: Int64, _ input: PlanItemInput, expectedVersion: Int, by actor: AuditActor, requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.item(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            try db.execute(
                sql: """
                    UPDATE action_plan_items SET what = ?, how = ?, who = ?, due_on = ?, status = ?, group_id = ?, meeting_id = ?, notes = ?,
                           version = version + 1, updated_at = ?
                     WHERE id = ?
                    """,
                arguments: [
                    input.what, input.how, input.who, input.dueOn, input.status.rawValue, input.groupID,
                    input.meetingID,
                    input.notes, now, id,
                ])
            // Links to deliverables retired since are kept (the form no longer offers them), so the plan's history stays true.
            let linked = try Int64.fetchAll(
                db, sql: "SELECT deliverable_id FROM action_plan_deliverables WHERE item_id = ?", arguments: [id])
            let retired = try linked.filter { try RoadmapStore.deliverable(id: $0, in: db)?.isRetired == true }
            try Self.setDeliverables(input.deliverableIDs + retired, itemID: id, in: db)
            let after = try Self.item(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "action plan item", recordID: String(id),
                    summary: "Edited the action-plan item \"\(after.what)\"", before: before.snapshot,
                    after: after.snapshot))
            return .saved(after)
        }
    }

    static func setDeliverables(_ ids: [Int64], itemID: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM action_plan_deliverables WHERE item_id = ?", arguments: [itemID])
        for id in Set(ids).sorted() {
            try db.execute(
                sql: "INSERT INTO action_plan_deliverables (item_id, deliverable_id) VALUES (?, ?)",
                arguments: [itemID, id])
        }
    }
}

extension ActionPlanStore {
    /// The items naming the roadmap deliverable `deliverableID`, newest first (for its page, issue 19).
    public func items(namingDeliverable deliverableID: Int64) async throws -> [PlanItem] {
        try await all().filter { $0.input.deliverableIDs.contains(deliverableID) }.sorted {
            $0.createdAt > $1.createdAt
        }
    }
}
