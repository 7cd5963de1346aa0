import Foundation
import GRDB

/// Which communities' "you said, we did" pages are published, and how many insights each has had answered.
public struct FeedbackStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    /// Insights recorded and answered for one community.
    public struct Counts: Sendable, Equatable, Decodable {
        public var recorded: Int
        public var answered: Int
    }

    /// When each published community's page was published, by community id.
    public func published() async throws -> [Int64: Date] {
        try await pool.read { db in
            try KeyedValue<Date>.keyed(
                db, sql: "SELECT community_id AS key, published_at AS value FROM community_feedback_pages")
        }
    }

    public func publishedAt(communityID: Int64) async throws -> Date? {
        try await pool.read { db in
            try Date.fetchOne(
                db, sql: "SELECT published_at FROM community_feedback_pages WHERE community_id = ?",
                arguments: [communityID])
        }
    }

    /// Counts for every community with at least one insight.
    public func counts() async throws -> [Int64: Counts] {
        try await pool.read { db in
            try KeyedRecord<Counts>.keyed(
                db,
                sql: """
                    SELECT c.community_id AS key, COUNT(*) AS recorded, COUNT(r.insight_id) AS answered
                      FROM insight_communities c LEFT JOIN insight_responses r ON r.insight_id = c.insight_id
                     GROUP BY c.community_id
                    """)
        }
    }

    /// Publishes (`published` true) or withdraws a community's page. Returns false when it was already so.
    public func setPublished(_ community: Community, _ published: Bool, by actor: AuditActor, requestID: String?)
        async throws -> Bool
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let was =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM community_feedback_pages WHERE community_id = ?)",
                    arguments: [community.id]) ?? false
            guard was != published else { return false }
            if published {
                try db.execute(
                    sql:
                        "INSERT INTO community_feedback_pages (community_id, published_at, published_by) VALUES (?, ?, ?)",
                    arguments: [community.id, now, actor.userID])
            } else {
                try db.execute(
                    sql: "DELETE FROM community_feedback_pages WHERE community_id = ?", arguments: [community.id])
            }
            let summary =
                published
                ? "Published the \"you said, we did\" page for \(community.name)"
                : "Withdrew the \"you said, we did\" page for \(community.name)"
            try audit.record(
                AuditChange(
                    action: published ? "published" : "unpublished", recordKind: "community feedback page",
                    recordID: String(community.id), summary: summary,
                    before: ["published": was ? "yes" : "no"], after: ["published": published ? "yes" : "no"]))
            return true
        }
    }
}
