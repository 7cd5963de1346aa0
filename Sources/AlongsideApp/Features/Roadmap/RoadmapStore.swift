import Foundation
import GRDB

/// Deliverables, their items, links and changes. Every change is written with its audit row and a
/// `roadmap_changes` row in one transaction.
public struct RoadmapStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    /// What a person edits on the add and edit forms.
    public struct DeliverableInput: Sendable, Equatable {
        public var title: String
        public var workstream: String
        public var summary: String
        public var owner: DeliverableOwner?
        public var targetOn: String?
        public var involvement: InvolvementRung?
    }

    public enum EditOutcome: Sendable {
        case saved(Deliverable)
        /// Someone else saved first; their version is returned so both can be shown.
        case conflict(current: Deliverable)
    }

    // MARK: Reading

    public func workstreams() async throws -> [Workstream] {
        try await pool.read { db in try Self.workstreams(in: db) }
    }

    static func workstreams(in db: Database) throws -> [Workstream] {
        try Workstream.fetchAll(
            db, sql: "SELECT key, name, started FROM roadmap_workstreams ORDER BY position, key")
    }

    public func deliverables(includeRetired: Bool = false) async throws -> [Deliverable] {
        try await pool.read { db in try Self.deliverables(includeRetired: includeRetired, in: db) }
    }

    static func deliverables(includeRetired: Bool, in db: Database) throws -> [Deliverable] {
        let sql =
            Deliverable.selectSQL + (includeRetired ? "" : " WHERE d.retired_at IS NULL") + " ORDER BY w.position, d.id"
        return try withGroupOwnerNames(try Row.fetchAll(db, sql: sql).map(Deliverable.init), in: db)
    }

    public func deliverable(id: Int64) async throws -> Deliverable? {
        try await pool.read { db in try Self.deliverable(id: id, in: db) }
    }

    static func deliverable(id: Int64, in db: Database) throws -> Deliverable? {
        try withGroupOwnerNames(
            try Row.fetchAll(db, sql: Deliverable.selectSQL + " WHERE d.id = ?", arguments: [id]).map(Deliverable.init),
            in: db
        ).first
    }

    /// The deliverables with each group owner's name, read from the groups' store (a person owner's comes with the row).
    private static func withGroupOwnerNames(_ deliverables: [Deliverable], in db: Database) throws -> [Deliverable] {
        let names = try GroupStore.names(
            ids: deliverables.compactMap { $0.ownerName == nil ? $0.ownerGroupID : nil }, in: db)
        return deliverables.map { deliverable in
            var named = deliverable
            if named.ownerName == nil, let groupID = named.ownerGroupID { named.ownerName = names[groupID] }
            return named
        }
    }

    public func items(deliverableID: Int64) async throws -> [DeliverableItem] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM deliverable_items WHERE deliverable_id = ? ORDER BY kind, position, id",
                arguments: [deliverableID]
            ).map(DeliverableItem.init)
        }
    }

    /// Links in force, as (deliverable, relied upon).
    public func links() async throws -> [(from: Int64, to: Int64)] {
        try await pool.read { db in try Self.links(in: db).map { (from: $0.0, to: $0.1) } }
    }

    static func links(in db: Database) throws -> [(Int64, Int64)] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT deliverable_id, relies_on_id FROM deliverable_links WHERE removed_at IS NULL ORDER BY deliverable_id, relies_on_id"
        )
        .map { ($0[0], $0[1]) }
    }

    /// Everything the analysis needs, read in one transaction so it is consistent. Deliverables of a focus area not
    /// started are left out, as retired ones are (issue 19).
    public func graph() async throws -> RoadmapGraph {
        try await pool.read { db in
            let notStarted = Set(try Self.workstreams(in: db).filter { !$0.started }.map(\.key))
            return RoadmapGraph(
                deliverables: try Self.deliverables(includeRetired: false, in: db).filter {
                    !notStarted.contains($0.workstream)
                }, links: try Self.links(in: db))
        }
    }

    public func history(deliverableID: Int64) async throws -> [RoadmapChange] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: RoadmapChange.selectSQL + " WHERE c.deliverable_id = ? ORDER BY c.at DESC, c.id DESC",
                arguments: [deliverableID]
            ).map(RoadmapChange.init)
        }
    }

    /// Every change at or after the moment, oldest first.
    public func changes(since: Date) async throws -> [RoadmapChange] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: RoadmapChange.selectSQL + " WHERE c.at >= ? ORDER BY c.at, c.id", arguments: [since]
            ).map(RoadmapChange.init)
        }
    }

    /// The note given with each deliverable's latest status change (why it is at risk, for the board report), by
    /// deliverable id; deliverables whose status never changed, or changed without a note, are left out.
    public func latestStatusNotes() async throws -> [Int64: String] {
        try await pool.read { db in
            try KeyedValue<String>.keyed(
                db,
                sql: """
                    SELECT c.deliverable_id AS key, c.note AS value FROM roadmap_changes c
                     WHERE c.kind = 'status' AND trim(c.note) <> '' AND c.id = (
                        SELECT MAX(l.id) FROM roadmap_changes l WHERE l.deliverable_id = c.deliverable_id AND l.kind = 'status')
                    """)
        }
    }

    /// Each deliverable's status changes, for the progress chart.
    public func statusChanges() async throws -> [(deliverableID: Int64, at: Date, status: DeliverableStatus)] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT deliverable_id, at, to_value FROM roadmap_changes WHERE kind = 'status' ORDER BY at, id"
            ).compactMap { row in
                DeliverableStatus(rawValue: row[2]).map { (deliverableID: row[0], at: row[1], status: $0) }
            }
        }
    }

    /// Every deliverable's life and status changes, retired ones included, for the progress chart.
    public func histories() async throws -> [ProgressSeries.History] {
        let deliverables = try await deliverables(includeRetired: true)
        let changes = Dictionary(grouping: try await statusChanges(), by: \.deliverableID)
        return deliverables.map { deliverable in
            ProgressSeries.History(
                createdAt: deliverable.createdAt, retiredAt: deliverable.retiredAt,
                changes: (changes[deliverable.id] ?? []).map { ProgressSeries.Change(at: $0.at, status: $0.status) })
        }
    }

    public func isPublished() async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT published FROM roadmap_settings WHERE id = 1") ?? false
        }
    }

    // MARK: Changing

    /// Records which dedicated focus areas are started (the others are left out of counts and analysis).
    func setStartedFocusAreas(_ started: Set<String>, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let focus = try Self.workstreams(in: db).filter { FocusAreas.keys.contains($0.key) }
            let before = focus.filter(\.started).map(\.name).sorted()
            for workstream in focus {
                try db.execute(
                    sql: "UPDATE roadmap_workstreams SET started = ? WHERE key = ?",
                    arguments: [started.contains(workstream.key), workstream.key])
            }
            let after = focus.filter { started.contains($0.key) }.map(\.name).sorted()
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "roadmap_workstreams", recordID: "focus-areas",
                    summary: "Focus areas started: " + after.joined(separator: ", "),
                    before: ["started": before.joined(separator: ", ")],
                    after: ["started": after.joined(separator: ", ")]))
        }
    }

    public func setPublished(_ published: Bool, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before = try Bool.fetchOne(db, sql: "SELECT published FROM roadmap_settings WHERE id = 1") ?? false
            try db.execute(
                sql: "UPDATE roadmap_settings SET published = ?, updated_at = ? WHERE id = 1",
                arguments: [published, now])
            let change = AuditChange(
                action: "updated", recordKind: "roadmap_settings", recordID: "1",
                summary: published ? "Published roadmap progress" : "Stopped publishing roadmap progress",
                before: ["published": before ? "yes" : "no"], after: ["published": published ? "yes" : "no"])
            try audit.record(change)
        }
    }

    public func create(_ input: DeliverableInput, by actor: AuditActor, requestID: String?) async throws -> Deliverable
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let (ownerUser, ownerGroup) = input.owner?.columns ?? (nil, nil)
            try db.execute(
                sql: """
                    INSERT INTO deliverables (title, workstream, summary, owner_user_id, owner_group_id, target_on, involvement, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    input.title, input.workstream, input.summary, ownerUser, ownerGroup, input.targetOn,
                    input.involvement?.rawValue, now, now,
                ])
            let deliverable = try Self.deliverable(id: db.lastInsertedRowID, in: db)!
            try Self.recordChange(.added, deliverable.id, to: "local", by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "deliverable", recordID: String(deliverable.id),
                    summary: "Added the deliverable \"\(deliverable.title)\"", before: nil, after: deliverable.snapshot)
            )
            return deliverable
        }
    }

    /// Saves an edit made from `expectedVersion`; refuses it when someone else has saved since.
    public func update(
        _ id: Int64, _ input: DeliverableInput, expectedVersion: Int, by actor: AuditActor, requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.deliverable(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            let (ownerUser, ownerGroup) = input.owner?.columns ?? (nil, nil)
            try db.execute(
                sql: """
                    UPDATE deliverables SET title = ?, workstream = ?, summary = ?, owner_user_id = ?, owner_group_id = ?, target_on = ?,
                           involvement = ?, version = version + 1, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    input.title, input.workstream, input.summary, ownerUser, ownerGroup, input.targetOn,
                    input.involvement?.rawValue, now, id,
                ])
            let after = try Self.deliverable(id: id, in: db)!
            var edited: [String] = []
            if before.title != after.title { edited.append("title") }
            if before.workstream != after.workstream { edited.append("workstream") }
            if before.summary != after.summary { edited.append("summary") }
            if !edited.isEmpty {
                try Self.recordChange(.edited, id, to: edited.joined(separator: ", "), by: actor, at: now, in: db)
            }
            try Self.recordOwnershipChanges(from: before, to: after, by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "deliverable", recordID: String(id),
                    summary: "Edited the deliverable \"\(after.title)\"", before: before.snapshot, after: after.snapshot
                ))
            return .saved(after)
        }
    }

    /// Sets the status, with what happened and, if given, the decision (its first revision) that made the change.
    public func setStatus(
        _ id: Int64, to status: DeliverableStatus, note: String, citing decisionID: Int64? = nil, by actor: AuditActor,
        requestID: String?
    ) async throws -> Deliverable {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.deliverable(id: id, in: db), !before.isRetired else { throw AppError.notFound }
            try db.execute(
                sql: "UPDATE deliverables SET status = ?, version = version + 1, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, now, id])
            let after = try Self.deliverable(id: id, in: db)!
            try Self.recordChange(
                .status, id, from: before.status.rawValue, to: status.rawValue, note: note, decisionID: decisionID,
                by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "deliverable", recordID: String(id),
                    summary: "Set \"\(after.title)\" to \(status.label.lowercased())", before: before.snapshot,
                    after: after.snapshot))
            return after
        }
    }

    public func setMarker(
        _ itemID: Int64, of deliverableID: Int64, status: MarkerStatus, evidence: String, by actor: AuditActor,
        requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT * FROM deliverable_items WHERE id = ? AND deliverable_id = ? AND kind = 'success_marker'",
                    arguments: [itemID, deliverableID])
            else { throw AppError.notFound }
            let before = try DeliverableItem(row: row)
            try db.execute(
                sql: "UPDATE deliverable_items SET marker_status = ?, evidence = ? WHERE id = ?",
                arguments: [status.rawValue, evidence, itemID])
            try db.execute(sql: "UPDATE deliverables SET updated_at = ? WHERE id = ?", arguments: [now, deliverableID])
            try Self.recordChange(
                .marker, deliverableID, from: before.text, to: status.rawValue, note: evidence, by: actor, at: now,
                in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "success_marker", recordID: String(itemID),
                    summary: "Success marker \"\(before.text)\": \(status.label.lowercased())",
                    before: ["status": before.markerStatus?.rawValue ?? "", "evidence": before.evidence],
                    after: ["status": status.rawValue, "evidence": evidence]))
        }
    }

    /// Adds "`id` relies upon `target`". Cycles are allowed; a link to itself is not.
    public func addLink(_ id: Int64, reliesOn target: Int64, by actor: AuditActor, requestID: String?) async throws
        -> Bool
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard id != target else { return false }
            guard let from = try Self.deliverable(id: id, in: db), let to = try Self.deliverable(id: target, in: db),
                !from.isRetired, !to.isRetired
            else { throw AppError.notFound }
            // Nil: never linked; false: linked once and removed since.
            let linked = try Bool.fetchOne(
                db,
                sql: "SELECT removed_at IS NULL FROM deliverable_links WHERE deliverable_id = ? AND relies_on_id = ?",
                arguments: [id, target])
            if linked == true { return true }
            if linked == nil {
                try db.execute(
                    sql: "INSERT INTO deliverable_links (deliverable_id, relies_on_id, created_at) VALUES (?, ?, ?)",
                    arguments: [id, target, now])
            } else {
                try db.execute(
                    sql:
                        "UPDATE deliverable_links SET removed_at = NULL, created_at = ? WHERE deliverable_id = ? AND relies_on_id = ?",
                    arguments: [now, id, target])
            }
            try Self.recordChange(.linkAdded, id, other: target, by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "deliverable_link", recordID: "\(id)-\(target)",
                    summary: "\"\(from.title)\" now relies upon \"\(to.title)\"", before: nil,
                    after: ["deliverable": String(id), "relies_upon": String(target)]))
            return true
        }
    }

    public func removeLink(_ id: Int64, reliesOn target: Int64, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let from = try Self.deliverable(id: id, in: db), let to = try Self.deliverable(id: target, in: db)
            else { throw AppError.notFound }
            try db.execute(
                sql:
                    "UPDATE deliverable_links SET removed_at = ? WHERE deliverable_id = ? AND relies_on_id = ? AND removed_at IS NULL",
                arguments: [now, id, target])
            guard db.changesCount > 0 else { throw AppError.notFound }
            try Self.recordChange(.linkRemoved, id, other: target, by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "deleted", recordKind: "deliverable_link", recordID: "\(id)-\(target)",
                    summary: "\"\(from.title)\" no longer relies upon \"\(to.title)\"",
                    before: ["deliverable": String(id), "relies_upon": String(target)], after: nil))
        }
    }

    /// Retires a deliverable (it leaves the analysis and the overview but keeps its history), or brings it back.
    public func setRetired(_ id: Int64, _ retired: Bool, note: String, by actor: AuditActor, requestID: String?)
        async throws -> Deliverable
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.deliverable(id: id, in: db), before.isRetired != retired else {
                throw AppError.notFound
            }
            try db.execute(
                sql: "UPDATE deliverables SET retired_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
                arguments: [retired ? now : nil, now, id])
            let after = try Self.deliverable(id: id, in: db)!
            try Self.recordChange(retired ? .retired : .restored, id, note: note, by: actor, at: now, in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "deliverable", recordID: String(id),
                    summary: (retired ? "Retired" : "Brought back") + " the deliverable \"\(after.title)\"",
                    before: before.snapshot, after: after.snapshot))
            return after
        }
    }

    /// History rows for what an edit or an import changed of owner, target date and involvement.
    static func recordOwnershipChanges(
        from before: Deliverable, to after: Deliverable, by actor: AuditActor, at now: Date, in db: Database
    ) throws {
        let id = after.id
        if before.owner != after.owner {
            try recordChange(
                .owner, id, from: before.ownerName ?? "", to: after.ownerName ?? "", by: actor, at: now, in: db)
        }
        if before.targetOn != after.targetOn {
            try recordChange(
                .target, id, from: before.targetOn ?? "", to: after.targetOn ?? "", by: actor, at: now, in: db)
        }
        if before.involvement != after.involvement {
            try recordChange(
                .involvement, id, from: before.involvement?.rawValue ?? "", to: after.involvement?.rawValue ?? "",
                by: actor, at: now, in: db)
        }
    }

    static func recordChange(
        _ kind: RoadmapChange.Kind, _ deliverableID: Int64, from: String = "", to: String = "", other: Int64? = nil,
        note: String = "", decisionID: Int64? = nil, by actor: AuditActor, at: Date, in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO roadmap_changes (deliverable_id, kind, from_value, to_value, other_deliverable_id, note, user_id, at, decision_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [deliverableID, kind.rawValue, from, to, other, note, actor.userID, at, decisionID])
    }
}
