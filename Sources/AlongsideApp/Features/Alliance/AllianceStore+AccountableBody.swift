import Foundation
import GRDB

extension AllianceStore {
    /// Every term as accountable body, newest first, with the decision each came from.
    public func accountableBodies(groupID: Int64) async throws -> [AccountableBodyTerm] {
        try await pool.read { db in
            let bodies = try Row.fetchAll(
                db, sql: AccountableBody.selectSQL + " WHERE b.group_id = ? ORDER BY b.starts_on DESC, b.id DESC",
                arguments: [groupID]
            ).map(AccountableBody.init).namedOrganisations(in: db)
            let decisions = try AllianceDecisions.references(ids: bodies.map(\.decisionID), groupID: groupID, in: db)
            return bodies.map { AccountableBodyTerm(body: $0, decision: decisions[$0.decisionID]) }
        }
    }

    static func currentAccountableBody(groupID: Int64, in db: Database) throws -> AccountableBody? {
        try Row.fetchAll(
            db, sql: AccountableBody.selectSQL + " WHERE b.group_id = ? AND b.ends_on IS NULL", arguments: [groupID]
        ).map(AccountableBody.init)
            .namedOrganisations(in: db).first
    }

    /// Records an election: the organisation must be a current member and the decision must still stand. The current
    /// term ends on the day the new one starts, so the history stays.
    public func elect(
        groupID: Int64, organisationID: Int64, decisionID: Int64, startsOn: String,
        by actor: AuditActor, requestID: String?
    ) async throws -> AccountableBody {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let member = try Self.member(organisationID: organisationID, groupID: groupID, in: db),
                member.status == .member
            else { throw AllianceRefusal.notACurrentMember }
            guard try AllianceDecisions.authorising(id: decisionID, groupID: groupID, in: db) != nil else {
                throw AllianceRefusal.decisionDoesNotStand
            }
            let current = try Self.currentAccountableBody(groupID: groupID, in: db)
            if let current, current.organisationID == organisationID {
                throw AllianceRefusal.alreadyAccountableBody(since: current.startsOn)
            }
            if let current, startsOn < current.startsOn {
                throw AllianceRefusal.startsBeforeCurrentTerm(current.startsOn)
            }
            if let current {
                try db.execute(
                    sql: "UPDATE alliance_accountable_bodies SET ends_on = ? WHERE id = ?",
                    arguments: [startsOn, current.id])
            }
            try db.execute(
                sql: """
                    INSERT INTO alliance_accountable_bodies (group_id, organisation_id, decision_id, starts_on, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [groupID, organisationID, decisionID, startsOn, actor.userID, now])
            let body = try Self.currentAccountableBody(groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "alliance_accountable_body", recordID: String(body.id),
                    summary: "Recorded the election of \(body.organisationName) as the alliance's accountable body",
                    before: current.map(Self.snapshot), after: Self.snapshot(body)))
            return body
        }
    }

    static func snapshot(_ body: AccountableBody) -> [String: String] {
        [
            "organisation": body.organisationName, "decision_id": String(body.decisionID), "starts_on": body.startsOn,
            "ends_on": body.endsOn ?? "",
        ]
    }
}

/// A term as accountable body and the decision it came from (nil if the decision cannot be found under this alliance).
public struct AccountableBodyTerm: Sendable, Equatable {
    public let body: AccountableBody
    public let decision: DecisionReference?
}
