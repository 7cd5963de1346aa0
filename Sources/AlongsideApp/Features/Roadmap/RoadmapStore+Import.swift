import Foundation
import GRDB

extension RoadmapStore {
    public struct ImportReport: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var linksAdded = 0
        public var linksRemoved = 0

        public var summary: String {
            "Imported the roadmap: \(added) added, \(updated) updated, \(linksAdded) link\(linksAdded == 1 ? "" : "s") added, \(linksRemoved) removed."
        }
    }

    /// Applies a checked import in one transaction: every change is in the history and the audit log, or none is.
    func apply(_ plan: RoadmapImport.Plan, by actor: AuditActor, requestID: String?) async throws -> ImportReport {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            var report = ImportReport()
            var ids: [Int64] = []
            for planned in plan.entries {
                let input = planned.input
                let (ownerUser, ownerGroup) = input.owner?.columns ?? (nil, nil)
                if let id = planned.existingID {
                    guard let before = try Self.deliverable(id: id, in: db), !before.isRetired else {
                        throw AppError.badRequest
                    }
                    try db.execute(
                        sql: """
                            UPDATE deliverables SET title = ?, workstream = ?, status = ?, owner_user_id = ?, owner_group_id = ?, target_on = ?,
                                   involvement = ?, version = version + 1, updated_at = ? WHERE id = ?
                            """,
                        arguments: [
                            input.title, input.workstream, planned.status.rawValue, ownerUser, ownerGroup,
                            input.targetOn,
                            input.involvement?.rawValue, now, id,
                        ])
                    let after = try Self.deliverable(id: id, in: db)!
                    if before.title != after.title || before.workstream != after.workstream {
                        try Self.recordChange(.edited, id, to: "by import", by: actor, at: now, in: db)
                    }
                    if before.status != after.status {
                        try Self.recordChange(
                            .status, id, from: before.status.rawValue, to: after.status.rawValue, note: "Imported",
                            by: actor, at: now, in: db)
                    }
                    try Self.recordOwnershipChanges(from: before, to: after, by: actor, at: now, in: db)
                    ids.append(id)
                    report.updated += 1
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO deliverables (title, workstream, status, in_grid, owner_user_id, owner_group_id, target_on, involvement, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            input.title, input.workstream, planned.status.rawValue, planned.inGrid, ownerUser,
                            ownerGroup, input.targetOn,
                            input.involvement?.rawValue, now, now,
                        ])
                    let id = db.lastInsertedRowID
                    try Self.recordChange(.added, id, to: "import", by: actor, at: now, in: db)
                    if planned.status != .notStarted {
                        try Self.recordChange(
                            .status, id, from: DeliverableStatus.notStarted.rawValue, to: planned.status.rawValue,
                            note: "Imported", by: actor, at: now, in: db)
                    }
                    ids.append(id)
                    report.added += 1
                }
            }
            for (index, planned) in plan.entries.enumerated() {
                let id = ids[index]
                let wanted = Set(
                    planned.reliesOn.map { reference -> Int64 in
                        switch reference {
                        case .existing(let target): return target
                        case .new(let position): return ids[position]
                        }
                    }
                ).subtracting([id])
                let current = Set(
                    try Int64.fetchAll(
                        db,
                        sql:
                            "SELECT relies_on_id FROM deliverable_links WHERE deliverable_id = ? AND removed_at IS NULL",
                        arguments: [id]))
                for target in wanted.subtracting(current).sorted() {
                    try db.execute(
                        sql: """
                            INSERT INTO deliverable_links (deliverable_id, relies_on_id, created_at) VALUES (?, ?, ?)
                            ON CONFLICT (deliverable_id, relies_on_id) DO UPDATE SET removed_at = NULL, created_at = excluded.created_at
                            """, arguments: [id, target, now])
                    if planned.existingID != nil {
                        try Self.recordChange(.linkAdded, id, other: target, by: actor, at: now, in: db)
                    }
                    report.linksAdded += 1
                }
                for target in current.subtracting(wanted).sorted() {
                    try db.execute(
                        sql:
                            "UPDATE deliverable_links SET removed_at = ? WHERE deliverable_id = ? AND relies_on_id = ?",
                        arguments: [now, id, target])
                    try Self.recordChange(.linkRemoved, id, other: target, by: actor, at: now, in: db)
                    report.linksRemoved += 1
                }
            }
            try audit.record(
                AuditChange<[String: String]>(
                    action: "created", recordKind: "roadmap", recordID: nil, summary: report.summary, before: nil,
                    after: [
                        "added": String(report.added), "updated": String(report.updated),
                        "links_added": String(report.linksAdded), "links_removed": String(report.linksRemoved),
                    ]))
            return report
        }
    }
}
