import Foundation
import GRDB

/// Reads the facts behind the first steps view in one read transaction, so every number on the page comes from the
/// same moment.
struct FirstStepsStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    func facts() async throws -> FirstStepsFacts {
        let now = clock.now()
        let today = LondonTime.isoDay(now)
        return try await pool.read { db in
            var facts = FirstStepsFacts()
            facts.leadersGroups = try Self.groups(kind: .leadersGroup, today: today, in: db)
            facts.coproductionGroups = try Self.groups(kind: .coproductionWorkingGroup, today: today, in: db)
            try Self.readCoproduction(into: &facts, now: now, in: db)
            try Self.readAssetMap(into: &facts, today: today, in: db)
            facts.alliances = try Self.alliances(in: db)
            facts.modelDeliverables = try Self.deliverables(workstream: "model-development", in: db)
            facts.workforceDeliverables = try Self.deliverables(workstream: "workforce", in: db)
            facts.advertsPublished = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM involvement_adverts") ?? 0
            facts.advertsOpen =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM involvement_adverts WHERE closed_at IS NULL AND closes_on >= ?",
                    arguments: [today]) ?? 0
            facts.appointments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM involvement_appointments") ?? 0
            return facts
        }
    }

    /// Groups of a kind that are not closed, with their current members split into lived experience and staff, and
    /// the seats missing by the group page's own composition check (`GroupStore.composition`), so the two agree.
    static func groups(kind: GroupKind, today: String, in db: Database) throws -> [FirstStepsFacts.GroupFacts] {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM groups WHERE kind = ? AND status <> 'closed' ORDER BY id",
            arguments: [kind.rawValue])
        return try GroupStore.groups(ids: ids, in: db).sorted { $0.id < $1.id }.map { group in
            let id = group.id
            // A membership's leaving day is exclusive: someone leaving today is no longer a member.
            let sectors = try String.fetchAll(
                db,
                sql: """
                    SELECT sector FROM memberships WHERE group_id = ? AND starts_on <= ? AND (ends_on IS NULL OR ends_on > ?)
                    """, arguments: [id, today, today]
            ).compactMap(Sector.init(rawValue:))
            let adopted =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM terms_of_reference WHERE group_id = ? AND status = 'adopted')",
                    arguments: [id]) ?? false
            // A corrected decision is one decision: count each original once.
            let agreed =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(DISTINCT COALESCE(original_decision_id, id)) FROM decisions WHERE group_id = ? AND outcome = 'agreed' AND is_valid = 1
                        """, arguments: [id]) ?? 0
            let composition = try GroupStore.composition(of: group, on: today, in: db)
            return FirstStepsFacts.GroupFacts(
                id: id, status: group.status,
                livedExperienceMembers: sectors.filter(\.isLivedExperience).count,
                staffMembers: sectors.filter(Self.isStaff).count,
                hasAdoptedTerms: adopted, agreedDecisions: agreed, missingSeats: composition.missing,
                requiredSeats: composition.lines.count, hasLivedExperienceChair: composition.hasLivedExperienceChair)
        }
    }

    /// Staff are members from the statutory and voluntary sectors; people seated for an under-served community are neither.
    static func isStaff(_ sector: Sector) -> Bool {
        !sector.isLivedExperience && sector != .underServedCommunity
    }

    static func readCoproduction(into facts: inout FirstStepsFacts, now: Date, in db: Database) throws {
        facts.planItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action_plan_items") ?? 0
        facts.planItemsDone =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action_plan_items WHERE status = 'done'") ?? 0
        facts.insights = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insights") ?? 0
        // 003 step 2, 4a and 4b: insights from communities, and from staff and peer support workers.
        facts.communityInsights =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM insights WHERE source_kind IN ('community_group', 'individual')") ?? 0
        facts.staffInsights =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM insights WHERE source_kind IN ('staff', 'peer_support_workers')") ?? 0
        facts.insightsAnswered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insight_responses") ?? 0
        facts.communitiesHeardFrom =
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT community_id) FROM insight_communities") ?? 0
        facts.underServedCommunitiesHeardFrom =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT ic.community_id) FROM insight_communities ic JOIN communities c ON c.id = ic.community_id WHERE c.under_served = 1
                    """) ?? 0
        facts.publishedCommunityPages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM community_feedback_pages") ?? 0
        // A page counts once it has at least one answer on it: a community's answered insight.
        facts.publishedPagesWithAnswers =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM community_feedback_pages p WHERE EXISTS (SELECT 1 FROM insight_communities ic JOIN insight_responses r ON r.insight_id = ic.insight_id WHERE ic.community_id = p.community_id)
                    """) ?? 0
        // A workshop that happened: marked held, and its start has passed (a planned one may not have happened).
        let held = "kind = 'workshop' AND status = 'held' AND starts_at <= ?"
        facts.workshopsHeld =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meetings WHERE \(held)", arguments: [now]) ?? 0
        facts.workshopsPlanned =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meetings WHERE kind = 'workshop' AND status = 'planned'")
            ?? 0
        facts.workshopsWithOutputs =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM meetings m WHERE \(held) AND (
                        EXISTS (SELECT 1 FROM insights i WHERE i.meeting_id = m.id)
                        OR EXISTS (SELECT 1 FROM action_plan_items a WHERE a.meeting_id = m.id)
                        OR EXISTS (SELECT 1 FROM agenda_items g WHERE g.meeting_id = m.id AND trim(g.minutes) <> ''))
                    """, arguments: [now]) ?? 0
        facts.latestWorkshop = try WorkshopRow.fetchOne(
            db, sql: "SELECT group_id, id FROM meetings WHERE \(held) ORDER BY starts_at DESC, id DESC LIMIT 1",
            arguments: [now]
        ).map { FirstStepsFacts.Workshop(groupID: $0.groupID, meetingID: $0.id) }
    }

    static func readAssetMap(into facts: inout FirstStepsFacts, today: String, in db: Database) throws {
        facts.activeAssets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assets WHERE status = 'active'") ?? 0
        facts.categoriesCovered = Set(
            try String.fetchAll(db, sql: "SELECT DISTINCT category FROM assets WHERE status = 'active'"))
        // The gap analysis decides which needs nothing meets, so this step and the gaps page it links to agree.
        let needs = try NeedStore.all(in: db).filter { !$0.isRetired }
        let needIDs = try KeyedValue<Int64>.grouped(
            db, sql: "SELECT asset_id AS key, need_id AS value FROM asset_needs")
        let entries = try AssetPlace.fetchAll(db, sql: "SELECT id, status, locality_id FROM assets").map { asset in
            GapAnalysis.Entry(status: asset.status, localityID: asset.localityID, needIDs: needIDs[asset.id] ?? [])
        }
        let unmet = Set(GapAnalysis.analyse(needs: needs.map(\.id), localities: [], assets: entries).unmetEverywhere)
        facts.needsWithoutAsset = needs.filter { unmet.contains($0.id) }.map(\.name)
        facts.staleAfterMonths =
            try Int.fetchOne(db, sql: "SELECT stale_after_months FROM asset_map_settings WHERE id = 1") ?? 12
        // The same rule, and the same entries, as the review list the step links to.
        facts.staleAssets =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM assets WHERE last_checked_on < ?",
                arguments: [StaleRule.cutoff(today: today, months: facts.staleAfterMonths)]) ?? 0
    }

    static func alliances(in db: Database) throws -> [FirstStepsFacts.AllianceFacts] {
        try FirstStepsFacts.AllianceFacts.fetchAll(
            db,
            sql: """
                SELECT g.id,
                       (SELECT COUNT(*) FROM alliance_members m WHERE m.group_id = g.id AND m.status = 'member') AS members,
                       (SELECT COUNT(*) FROM alliance_members m WHERE m.group_id = g.id AND m.status = 'joining') AS joining,
                       EXISTS (SELECT 1 FROM alliance_accountable_bodies b WHERE b.group_id = g.id AND b.ends_on IS NULL) AS body,
                       EXISTS (SELECT 1 FROM alliances a WHERE a.group_id = g.id AND trim(a.principles) <> '') AS principles
                FROM groups g WHERE g.kind = 'vcse_alliance' AND g.status <> 'closed' ORDER BY g.id
                """)
    }

    static func deliverables(workstream: String, in db: Database) throws -> [FirstStepsFacts.Deliverable] {
        try FirstStepsFacts.Deliverable.fetchAll(
            db,
            sql:
                "SELECT id, national_key, title, status FROM deliverables WHERE workstream = ? AND retired_at IS NULL ORDER BY id",
            arguments: [workstream])
    }
}

extension FirstStepsFacts.AllianceFacts: FetchableRecord {}
extension FirstStepsFacts.Deliverable: FetchableRecord {}

/// A held workshop's group and id, for a link to it.
private struct WorkshopRow: FetchableRecord, Decodable {
    var groupID: Int64
    var id: Int64

    enum CodingKeys: String, CodingKey {
        case groupID = "group_id", id
    }
}

/// An asset's id, status and locality, for the gap analysis.
private struct AssetPlace: FetchableRecord, Decodable {
    var id: Int64
    var status: AssetStatus
    var localityID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, status, localityID = "locality_id"
    }
}
