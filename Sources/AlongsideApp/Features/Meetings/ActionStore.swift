import Foundation
import GRDB

/// Actions from meetings: created against a meeting (and perhaps an agenda item), carried over until done.
public struct ActionStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock
    /// Tells a person when they are given an action (issue 20); nil sends nothing (the demo).
    var notifier: Notifier? = nil

    public struct ActionInput: Sendable, Equatable {
        public var what: String
        public var ownerUserID: Int64
        public var dueOn: String
        public var agendaItemID: Int64?
    }

    /// What the actions page filters by; nil means any.
    public struct Filter: Sendable, Equatable {
        public var groupIDs: [Int64]
        public var ownerUserID: Int64?
        public var status: ActionStatus?
        /// Only actions still to do (open or in progress).
        public var onlyOutstanding: Bool = false
    }

    public func actions(_ filter: Filter) async throws -> [ActionItem] {
        guard !filter.groupIDs.isEmpty else { return [] }
        var sql = " WHERE a.group_id IN (\(filter.groupIDs.map { _ in "?" }.joined(separator: ", ")))"
        var arguments = StatementArguments(filter.groupIDs)
        if let owner = filter.ownerUserID {
            sql += " AND a.owner_user_id = ?"
            arguments += [owner]
        }
        if let status = filter.status {
            sql += " AND a.status = ?"
            arguments += [status.rawValue]
        } else if filter.onlyOutstanding {
            sql += " AND a.status IN ('open', 'in_progress')"
        }
        sql += " ORDER BY a.status IN ('done', 'dropped'), a.due_on, a.id"
        return try await fetch(where: sql, arguments)
    }

    /// A person's own actions still to do, soonest due first.
    public func outstanding(ownerUserID: Int64) async throws -> [ActionItem] {
        try await fetch(
            where: " WHERE a.owner_user_id = ? AND a.status IN ('open', 'in_progress') ORDER BY a.due_on, a.id",
            [ownerUserID])
    }

    /// Every action still open or in progress whose due day is before `today`: what an "overdue" reminder is about.
    public func overdue(today: String) async throws -> [ActionItem] {
        try await fetch(
            where: " WHERE a.status IN ('open', 'in_progress') AND a.due_on < ? ORDER BY a.due_on, a.id", [today])
    }

    /// The actions matching `condition` (a WHERE and ORDER BY clause), with their groups' names.
    private func fetch(where condition: String, _ arguments: StatementArguments) async throws -> [ActionItem] {
        try await pool.read { db in
            try Self.withGroupNames(
                try Row.fetchAll(db, sql: ActionItem.selectSQL + condition, arguments: arguments).map(ActionItem.init),
                in: db)
        }
    }

    public func action(id: Int64, groupID: Int64) async throws -> ActionItem? {
        try await pool.read { db in try Self.action(id: id, groupID: groupID, in: db) }
    }

    static func action(id: Int64, groupID: Int64, in db: Database) throws -> ActionItem? {
        try withGroupNames(
            try Row.fetchAll(
                db, sql: ActionItem.selectSQL + " WHERE a.id = ? AND a.group_id = ?", arguments: [id, groupID]
            ).map(ActionItem.init), in: db
        ).first
    }

    /// The actions with their groups' names, read from the groups' store.
    private static func withGroupNames(_ actions: [ActionItem], in db: Database) throws -> [ActionItem] {
        let names = try GroupStore.names(ids: actions.map(\.groupID), in: db)
        return actions.map { action in
            var named = action
            named.groupName = names[action.groupID] ?? ""
            return named
        }
    }

    /// Actions agreed at this meeting.
    public func actions(meetingID: Int64) async throws -> [ActionItem] {
        try await pool.read { db in
            try Self.withGroupNames(
                try Row.fetchAll(
                    db, sql: ActionItem.selectSQL + " WHERE a.meeting_id = ? ORDER BY a.due_on, a.id",
                    arguments: [meetingID]
                )
                .map(ActionItem.init), in: db)
        }
    }

    /// Actions carried over to a meeting: the group's actions from earlier meetings that are not yet done.
    public func carriedOver(groupID: Int64, meetingID: Int64, startsAt: Date) async throws -> [ActionItem] {
        try await pool.read { db in
            try Self.withGroupNames(
                try Row.fetchAll(
                    db,
                    sql: ActionItem.selectSQL + """
                         WHERE a.group_id = ? AND a.status IN ('open', 'in_progress')
                           AND ((a.meeting_id IS NULL AND a.created_at < ?)
                                OR a.meeting_id IN (SELECT id FROM meetings WHERE group_id = ? AND id <> ? AND starts_at < ?))
                         ORDER BY a.due_on, a.id
                        """, arguments: [groupID, startsAt, groupID, meetingID, startsAt]
                ).map(ActionItem.init), in: db)
        }
    }

    public func create(
        _ input: ActionInput, groupID: Int64, meetingID: Int64?, by actor: AuditActor, requestID: String?
    ) async throws -> ActionItem {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO actions (group_id, meeting_id, agenda_item_id, what, owner_user_id, due_on, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)
                    """,
                arguments: [
                    groupID, meetingID, input.agendaItemID, input.what, input.ownerUserID, input.dueOn, now, now,
                ])
            let action = try Self.action(id: db.lastInsertedRowID, groupID: groupID, in: db)!
            let change = AuditChange<[String: String]>(
                action: "created", recordKind: "action", recordID: String(action.id),
                summary: "Gave \(action.ownerName) the action \"\(action.what)\", due \(LondonTime.day(action.dueOn))",
                before: nil, after: action.snapshot
            )
            try audit.record(change)
            if let notifier {
                try MeetingMail(notifier: notifier, now: now, actorID: actor.userID).assigned(action, in: db)
            }
            return action
        }
    }

    /// Updates the action's status, due date and notes, and the roadmap deliverables it names (`deliverableIDs`;
    /// those `kept`, the retired ones, stay named if they were, as the form no longer offers them).
    public func update(
        _ id: Int64, groupID: Int64, status: ActionStatus, dueOn: String, notes: String, deliverableIDs: [Int64] = [],
        keeping kept: Set<Int64> = [], by actor: AuditActor, requestID: String?
    ) async throws -> ActionItem {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.action(id: id, groupID: groupID, in: db) else { throw AppError.notFound }
            try db.execute(
                sql: "UPDATE actions SET status = ?, due_on = ?, notes = ?, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, dueOn, notes, now, id])
            let named = try Self.deliverableIDs(actionID: id, in: db)
            let after = try Self.action(id: id, groupID: groupID, in: db)!
            let wanted = Set(deliverableIDs).union(Set(named).intersection(kept))
            for removed in Set(named).subtracting(wanted) {
                try db.execute(
                    sql: "DELETE FROM action_deliverables WHERE action_id = ? AND deliverable_id = ?",
                    arguments: [id, removed])
            }
            for added in wanted.subtracting(named).sorted() {
                try db.execute(
                    sql: "INSERT INTO action_deliverables (action_id, deliverable_id, linked_at) VALUES (?, ?, ?)",
                    arguments: [id, added, now])
            }
            let list = { (ids: [Int64]) in ids.sorted().map(String.init).joined(separator: ", ") }
            let change = AuditChange(
                action: "updated", recordKind: "action", recordID: String(id),
                summary: "Updated the action \"\(after.what)\": \(after.status.label.lowercased())",
                before: before.snapshot.merging(["deliverables": list(named)]) { $1 },
                after: after.snapshot.merging(["deliverables": list(Array(wanted))]) { $1 }
            )
            try audit.record(change)
            return after
        }
    }

    /// The ids of the roadmap deliverables the action names (issue 19).
    public func deliverableIDs(actionID: Int64) async throws -> [Int64] {
        try await pool.read { db in try Self.deliverableIDs(actionID: actionID, in: db) }
    }

    static func deliverableIDs(actionID: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT deliverable_id FROM action_deliverables WHERE action_id = ? ORDER BY deliverable_id",
            arguments: [actionID])
    }

    /// The actions naming `deliverableID`, newest first.
    public func actions(namingDeliverable deliverableID: Int64) async throws -> [ActionItem] {
        try await pool.read { db in
            try Self.withGroupNames(
                try Row.fetchAll(
                    db,
                    sql: ActionItem.selectSQL + """
                         WHERE a.id IN (SELECT action_id FROM action_deliverables WHERE deliverable_id = ?)
                         ORDER BY a.created_at DESC, a.id DESC
                        """, arguments: [deliverableID]
                ).map(ActionItem.init), in: db)
        }
    }
}
