import Foundation
import GRDB

extension AllianceStore {
    public enum MemberOutcome: Sendable, Equatable {
        case saved(AllianceMember)
        /// Someone else changed the member first; this is how it stands now.
        case conflict(current: AllianceMember)
    }

    /// Adds an organisation to the alliance with its first status; the move is the first line of its history.
    public func addMember(_ input: NewMemberInput, groupID: Int64, by actor: AuditActor, requestID: String?)
        async throws -> AllianceMember
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let organisation = try OrganisationStore.organisation(id: input.organisationID, in: db),
                organisation.details.status != .closed
            else { throw AllianceRefusal.organisationUnavailable }
            guard try Self.member(organisationID: input.organisationID, groupID: groupID, in: db) == nil else {
                throw AllianceRefusal.alreadyInAlliance
            }
            try Self.checkTermsVersion(input.details.termsVersion, groupID: groupID, in: db)
            let details = input.details
            try db.execute(
                sql: """
                    INSERT INTO alliance_members (group_id, organisation_id, status, status_since, representative_name, representative_email,
                                                  principles_agreed_on, terms_agreed_on, terms_version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    groupID, input.organisationID, input.status.rawValue, input.onDay, details.representativeName,
                    details.representativeEmail, details.principlesAgreedOn, details.termsAgreedOn,
                    details.termsVersion, now, now,
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql:
                    "INSERT INTO alliance_member_history (member_id, status, on_day, note, recorded_by, recorded_at) VALUES (?, ?, ?, '', ?, ?)",
                arguments: [id, input.status.rawValue, input.onDay, actor.userID, now])
            let member = try Self.member(id: id, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "alliance_member", recordID: String(id),
                    summary: "Added \(member.organisationName) to the alliance as \(member.status.label.lowercased())",
                    before: nil, after: member.snapshot))
            return member
        }
    }

    static func member(organisationID: Int64, groupID: Int64, in db: Database) throws -> AllianceMember? {
        try Row.fetchAll(
            db, sql: AllianceMember.selectSQL + " WHERE m.organisation_id = ? AND m.group_id = ?",
            arguments: [organisationID, groupID]
        )
        .map(AllianceMember.init).namedOrganisations(in: db).first
    }

    static func checkTermsVersion(_ number: Int?, groupID: Int64, in db: Database) throws {
        guard let number else { return }
        guard try TermsStore.version(groupID: groupID, number: number, in: db) != nil else {
            throw AllianceRefusal.termsVersionUnknown
        }
    }

    /// Moves a member to a new status from `expectedVersion`; the rules are checked again inside the write.
    public func changeStatus(
        memberID: Int64, groupID: Int64, to status: MembershipStatus, on day: String, note: String,
        expectedVersion: Int, by actor: AuditActor, requestID: String?
    ) async throws -> MemberOutcome {
        let now = clock.now(), today = LondonTime.isoDay(now)
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.member(id: memberID, groupID: groupID, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            if let problem = MembershipRules.moveProblem(from: before.status, to: status)
                ?? MembershipRules.dayProblem(day, statusSince: before.statusSince, today: today)
            {
                throw AllianceRefusal.moveNotAllowed(problem)
            }
            try db.execute(
                sql:
                    "UPDATE alliance_members SET status = ?, status_since = ?, version = version + 1, updated_at = ? WHERE id = ?",
                arguments: [status.rawValue, day, now, memberID])
            try db.execute(
                sql:
                    "INSERT INTO alliance_member_history (member_id, status, on_day, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [memberID, status.rawValue, day, note, actor.userID, now])
            let after = try Self.member(id: memberID, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "alliance_member", recordID: String(memberID),
                    summary:
                        "Moved \(after.organisationName) from \(before.status.label.lowercased()) to \(after.status.label.lowercased())",
                    before: before.snapshot, after: after.snapshot))
            return .saved(after)
        }
    }

    /// Saves the representative and the agreements, from `expectedVersion`.
    public func updateDetails(
        memberID: Int64, groupID: Int64, _ details: MemberDetailsInput, expectedVersion: Int,
        by actor: AuditActor, requestID: String?
    ) async throws -> MemberOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.member(id: memberID, groupID: groupID, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            try Self.checkTermsVersion(details.termsVersion, groupID: groupID, in: db)
            try db.execute(
                sql: """
                    UPDATE alliance_members SET representative_name = ?, representative_email = ?, principles_agreed_on = ?, terms_agreed_on = ?,
                           terms_version = ?, version = version + 1, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    details.representativeName, details.representativeEmail, details.principlesAgreedOn,
                    details.termsAgreedOn,
                    details.termsVersion, now, memberID,
                ])
            let after = try Self.member(id: memberID, groupID: groupID, in: db)!
            var beforeSnapshot = before.snapshot, afterSnapshot = after.snapshot
            beforeSnapshot["representative_email"] = before.representativeEmail
            afterSnapshot["representative_email"] = after.representativeEmail
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "alliance_member", recordID: String(memberID),
                    summary: "Changed \(after.organisationName)'s representative and agreements",
                    before: beforeSnapshot, after: afterSnapshot))
            return .saved(after)
        }
    }
}
