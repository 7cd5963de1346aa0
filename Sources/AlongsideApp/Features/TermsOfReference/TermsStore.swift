import Foundation
import GRDB

/// Versions of a group's terms of reference. Every change writes its audit row in the same transaction.
public struct TermsStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public enum SaveResult: Sendable, Equatable {
        case saved(TermsVersion)
        /// Someone else saved the draft first; this is what they saved.
        case conflict(current: TermsVersion)
    }

    public enum Refusal: Error, Equatable {
        /// A draft or proposal is already open: finish or propose it first.
        case openVersionExists(number: Int)
        /// Only a draft can change, and only a draft can be proposed.
        case notADraft
    }

    /// The adopted version, if the group has one: the terms in force.
    public func inForce(groupID: Int64) async throws -> TermsVersion? {
        try await pool.read { db in try Self.inForce(groupID: groupID, in: db) }
    }

    /// Adopts a proposed version, superseding the one in force, inside the transaction that records the agreed, valid
    /// decision adopting it (`decisionID`), with its audit row.
    static func adopt(
        version number: Int, groupID: Int64, byDecision decisionID: Int64, in db: Database, audit: AuditTrail
    ) throws {
        try db.execute(
            sql:
                "UPDATE terms_of_reference SET status = 'superseded', updated_at = ? WHERE group_id = ? AND status = 'adopted'",
            arguments: [audit.now, groupID])
        try db.execute(
            sql:
                "UPDATE terms_of_reference SET status = 'adopted', updated_at = ? WHERE group_id = ? AND version_number = ? AND status = 'proposed'",
            arguments: [audit.now, groupID, number])
        try audit.record(
            AuditChange<[String: String]>(
                action: "adopted", recordKind: "terms_of_reference", recordID: "\(groupID)/\(number)",
                summary: "Adopted version \(number) of the terms of reference by decision #\(decisionID)",
                before: ["status": "Proposed"], after: ["status": "Adopted"]
            ))
    }

    /// The terms in force, read inside another feature's transaction (a proposal closing under them).
    static func inForce(groupID: Int64, in db: Database) throws -> TermsVersion? {
        try TermsVersion.fetchOne(
            db,
            sql:
                "SELECT \(TermsVersion.columns) FROM terms_of_reference WHERE group_id = ? AND status = 'adopted' ORDER BY version_number DESC LIMIT 1",
            arguments: [groupID]
        )
    }

    public func versions(groupID: Int64) async throws -> [TermsVersion] {
        try await pool.read { db in
            try TermsVersion.fetchAll(
                db,
                sql:
                    "SELECT \(TermsVersion.columns) FROM terms_of_reference WHERE group_id = ? ORDER BY version_number DESC",
                arguments: [groupID]
            )
        }
    }

    public func version(groupID: Int64, number: Int) async throws -> TermsVersion? {
        try await pool.read { db in try Self.version(groupID: groupID, number: number, in: db) }
    }

    static func version(groupID: Int64, number: Int, in db: Database) throws -> TermsVersion? {
        try TermsVersion.fetchOne(
            db, sql: "SELECT \(TermsVersion.columns) FROM terms_of_reference WHERE group_id = ? AND version_number = ?",
            arguments: [groupID, number]
        )
    }

    /// Starts the next version as a draft, copied from the latest version (or the starter text for the first).
    public func startDraft(groupID: Int64, by actor: AuditActor, requestID: String?) async throws -> TermsVersion {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let latest = try TermsVersion.fetchOne(
                db,
                sql:
                    "SELECT \(TermsVersion.columns) FROM terms_of_reference WHERE group_id = ? ORDER BY version_number DESC LIMIT 1",
                arguments: [groupID]
            )
            if let latest, latest.status == .draft || latest.status == .proposed {
                throw Refusal.openVersionExists(number: latest.number)
            }
            let content = latest?.content ?? .starter
            let number = (latest?.number ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO terms_of_reference (group_id, version_number, status, scope, attendance, deputies_allowed, decision_method,
                        quorum_kind, quorum_value, quorum_needs_lived_experience, ways_of_working, review_on, revision, created_at, updated_at)
                    VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """,
                arguments: [
                    groupID, number, content.scope, content.attendance, content.deputiesAllowed,
                    content.decisionMethod.rawValue,
                    content.quorumKind.rawValue, content.quorumValue, content.quorumNeedsLivedExperience,
                    content.waysOfWorking,
                    content.reviewOn, now, now,
                ])
            let change = AuditChange<[String: String]>(
                action: "draft started", recordKind: "terms_of_reference", recordID: "\(groupID)/\(number)",
                summary: "Started version \(number) of the terms of reference", before: nil, after: content.snapshot
            )
            try audit.record(change)
            return try Self.version(groupID: groupID, number: number, in: db)!
        }
    }

    /// Saves a draft if nobody has saved it since `expectedRevision`; otherwise reports what they saved.
    public func saveDraft(
        groupID: Int64, number: Int, content: TermsContent, expectedRevision: Int, by actor: AuditActor,
        requestID: String?
    ) async throws -> SaveResult {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.version(groupID: groupID, number: number, in: db) else {
                throw AppError.notFound
            }
            guard before.status == .draft else { throw Refusal.notADraft }
            try db.execute(
                sql: """
                    UPDATE terms_of_reference SET scope = ?, attendance = ?, deputies_allowed = ?, decision_method = ?, quorum_kind = ?,
                        quorum_value = ?, quorum_needs_lived_experience = ?, ways_of_working = ?, review_on = ?, revision = revision + 1, updated_at = ?
                    WHERE id = ? AND revision = ?
                    """,
                arguments: [
                    content.scope, content.attendance, content.deputiesAllowed, content.decisionMethod.rawValue,
                    content.quorumKind.rawValue,
                    content.quorumValue, content.quorumNeedsLivedExperience, content.waysOfWorking, content.reviewOn,
                    now,
                    before.id, expectedRevision,
                ])
            guard db.changesCount == 1 else { return .conflict(current: before) }
            let change = AuditChange(
                action: "draft saved", recordKind: "terms_of_reference", recordID: "\(groupID)/\(number)",
                summary: "Changed the draft of version \(number) of the terms of reference",
                before: before.content.snapshot, after: content.snapshot
            )
            try audit.record(change)
            return .saved(try Self.version(groupID: groupID, number: number, in: db)!)
        }
    }

    /// Puts a draft to the group. Adoption is by a recorded decision of the group.
    public func propose(groupID: Int64, number: Int, by actor: AuditActor, requestID: String?) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let version = try Self.version(groupID: groupID, number: number, in: db) else {
                throw AppError.notFound
            }
            guard version.status == .draft else { throw Refusal.notADraft }
            try db.execute(
                sql: "UPDATE terms_of_reference SET status = 'proposed', updated_at = ? WHERE id = ?",
                arguments: [now, version.id])
            let change = AuditChange<[String: String]>(
                action: "proposed", recordKind: "terms_of_reference", recordID: "\(groupID)/\(number)",
                summary: "Proposed version \(number) of the terms of reference", before: ["status": "Draft"],
                after: ["status": "Proposed"]
            )
            try audit.record(change)
        }
    }

    /// Publishes a version (readable without signing in) or makes it private again.
    public func setVisibility(
        _ visibility: Visibility, groupID: Int64, number: Int, by actor: AuditActor, requestID: String?
    ) async throws {
        let now = clock.now()
        try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let version = try Self.version(groupID: groupID, number: number, in: db) else {
                throw AppError.notFound
            }
            guard version.visibility != visibility else { return }
            try db.execute(
                sql: "UPDATE terms_of_reference SET visibility = ?, updated_at = ? WHERE id = ?",
                arguments: [visibility.rawValue, now, version.id])
            let change = AuditChange(
                action: visibility == .published ? "published" : "unpublished", recordKind: "terms_of_reference",
                recordID: "\(groupID)/\(number)",
                summary: visibility == .published
                    ? "Published version \(number) of the terms of reference"
                    : "Made version \(number) of the terms of reference private",
                before: ["visibility": version.visibility.rawValue], after: ["visibility": visibility.rawValue]
            )
            try audit.record(change)
        }
    }

    /// Published versions, newest first, for the group's public page.
    public func publishedVersions(groupID: Int64) async throws -> [TermsVersion] {
        try await versions(groupID: groupID).filter { $0.visibility == .published }
    }
}
