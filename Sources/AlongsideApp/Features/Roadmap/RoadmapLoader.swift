import Foundation
import GRDB

/// Loads the national roadmap into a workspace. Safe to run again: it adds the workstreams, deliverables and
/// links that are missing and never changes what is there, so local edits, removed links and retired
/// deliverables stay as people left them.
public struct RoadmapLoader: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    public struct Report: Sendable, Equatable {
        public var deliverablesAdded = 0
        public var linksAdded = 0
        public var deliverablesKept = 0

        public var summary: String {
            "Added \(deliverablesAdded) deliverable\(deliverablesAdded == 1 ? "" : "s") and \(linksAdded) link\(linksAdded == 1 ? "" : "s")"
                + (deliverablesKept > 0 ? "; \(deliverablesKept) already there were left as they were." : ".")
        }
    }

    public struct InvalidData: Error, CustomStringConvertible {
        public let problems: [NationalRoadmap.Problem]
        public var description: String {
            "The national roadmap data has problems:\n" + problems.map { "- \($0)" }.joined(separator: "\n")
        }
    }

    public func load(_ roadmap: NationalRoadmap, by actor: AuditActor, requestID: String? = nil) async throws -> Report
    {
        let problems = roadmap.problems()
        guard problems.isEmpty else { throw InvalidData(problems: problems) }
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            for (position, workstream) in roadmap.workstreams.enumerated() {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO roadmap_workstreams (key, name, position) VALUES (?, ?, ?)",
                    arguments: [workstream.key, workstream.name, position])
            }
            var report = Report()
            var ids: [String: Int64] = [:]
            var existed = Set<String>()
            for stored in try NationalDeliverable.fetchAll(
                db, sql: "SELECT id, national_key FROM deliverables WHERE national_key IS NOT NULL")
            {
                ids[stored.nationalKey] = stored.id
                existed.insert(stored.nationalKey)
            }
            for deliverable in roadmap.deliverables {
                if existed.contains(deliverable.key) { report.deliverablesKept += 1; continue }
                try db.execute(
                    sql: """
                        INSERT INTO deliverables (national_key, title, workstream, summary, in_grid, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        deliverable.key, deliverable.title, deliverable.workstream, deliverable.summary,
                        deliverable.inGrid, now, now,
                    ])
                let id = db.lastInsertedRowID
                ids[deliverable.key] = id
                let lists: [(DeliverableItem.Kind, [NationalRoadmap.Item])] = [
                    (.gettingStarted, deliverable.gettingStarted), (.successMarker, deliverable.successMarkers),
                    (.resource, deliverable.resources), (.serviceUserVoice, deliverable.serviceUserVoice),
                ]
                for (kind, items) in lists {
                    for (position, item) in items.enumerated() {
                        try db.execute(
                            sql: """
                                INSERT INTO deliverable_items (deliverable_id, kind, position, text, source, marker_status) VALUES (?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                id, kind.rawValue, position, item.text, item.source,
                                kind == .successMarker ? MarkerStatus.notMet.rawValue : nil,
                            ])
                    }
                }
                try RoadmapStore.recordChange(.added, id, to: "national roadmap", by: actor, at: now, in: db)
                report.deliverablesAdded += 1
            }
            for link in roadmap.links() {
                guard let from = ids[link.from], let to = ids[link.to] else { continue }
                let known =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM deliverable_links WHERE deliverable_id = ? AND relies_on_id = ?",
                        arguments: [from, to]) ?? false
                guard !known else { continue }
                try db.execute(
                    sql: "INSERT INTO deliverable_links (deliverable_id, relies_on_id, created_at) VALUES (?, ?, ?)",
                    arguments: [from, to, now])
                // A new link on a deliverable that was already here is a change worth seeing in "what changed since".
                if existed.contains(link.from) {
                    try RoadmapStore.recordChange(.linkAdded, from, other: to, by: actor, at: now, in: db)
                }
                report.linksAdded += 1
            }
            if report.deliverablesAdded + report.linksAdded > 0 {
                try audit.record(
                    AuditChange<[String: String]>(
                        action: "created", recordKind: "roadmap", recordID: nil,
                        summary: "Loaded the national roadmap: " + report.summary, before: nil,
                        after: [
                            "deliverables_added": String(report.deliverablesAdded),
                            "links_added": String(report.linksAdded),
                        ]))
            }
            return report
        }
    }
}

/// A deliverable already loaded from the national roadmap: its id and national key.
private struct NationalDeliverable: FetchableRecord, Decodable {
    var id: Int64
    var nationalKey: String

    enum CodingKeys: String, CodingKey {
        case id, nationalKey = "national_key"
    }
}
