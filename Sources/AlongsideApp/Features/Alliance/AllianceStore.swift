import Foundation
import GRDB

/// What is written about an alliance member besides its status: who represents it and what it has agreed.
public struct MemberDetailsInput: Sendable, Equatable {
    public var representativeName: String
    public var representativeEmail: String
    public var principlesAgreedOn: String?
    public var termsAgreedOn: String?
    public var termsVersion: Int?

    public init(
        representativeName: String = "", representativeEmail: String = "", principlesAgreedOn: String? = nil,
        termsAgreedOn: String? = nil, termsVersion: Int? = nil
    ) {
        self.representativeName = representativeName
        self.representativeEmail = representativeEmail
        self.principlesAgreedOn = principlesAgreedOn
        self.termsAgreedOn = termsAgreedOn
        self.termsVersion = termsVersion
    }
}

/// Adding an organisation to an alliance.
public struct NewMemberInput: Sendable, Equatable {
    public var organisationID: Int64
    public var status: MembershipStatus
    public var onDay: String
    public var details: MemberDetailsInput
}

/// Why the store refused a change the form had accepted (someone else changed things in between, or a rule
/// only the database can check).
public enum AllianceRefusal: Error, Equatable {
    case alreadyInAlliance
    /// Not on the register, or closed.
    case organisationUnavailable
    case moveNotAllowed(String)
    case termsVersionUnknown
    /// The accountable body must be a current member of the alliance.
    case notACurrentMember
    case decisionDoesNotStand
    case startsBeforeCurrentTerm(String)
    /// The organisation is the accountable body now (issue 17): electing it again would record nothing new.
    case alreadyAccountableBody(since: String)
}

/// An alliance member with its organisation as the register holds it.
public struct AllianceRosterEntry: Sendable, Equatable {
    public var member: AllianceMember
    public var organisation: Organisation
    /// The first day it became a member, from its history.
    public var joinedOn: String?
}

/// Everything the alliance pages and the members download show, read at once.
public struct AllianceRoster: Sendable, Equatable {
    public var settings: AllianceSettings
    /// In `MembershipRules.displayOrder`, then by organisation name.
    public var entries: [AllianceRosterEntry]
    public var communities: [Community]
    public var accountableBody: AccountableBody?
    /// The decision that elected the current accountable body, with whether it still stands.
    public var bodyDecision: DecisionReference?

    public var reach: ReachRules.Reach {
        ReachRules.reach(
            communities: communities,
            memberCommunities: entries.map {
                ReachRules.MemberReach(
                    organisationName: $0.organisation.name, status: $0.member.status,
                    communityIDs: $0.organisation.details.communityIDs)
            })
    }

    public func count(_ status: MembershipStatus) -> Int { entries.filter { $0.member.status == status }.count }
}

/// The alliance itself: settings, members and their history, and the accountable body. Every change is written
/// with its audit row in one transaction. Membership writes are in `AllianceStore+Membership`, elections in
/// `AllianceStore+AccountableBody`.
public struct AllianceStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    // MARK: Settings

    public func settings(groupID: Int64) async throws -> AllianceSettings {
        try await pool.read { db in try Self.settings(groupID: groupID, in: db) }
    }

    static func settings(groupID: Int64, in db: Database) throws -> AllianceSettings {
        try Row.fetchOne(db, sql: "SELECT * FROM alliances WHERE group_id = ?", arguments: [groupID]).map(
            AllianceSettings.init)
            ?? AllianceSettings(groupID: groupID)
    }

    /// Saves the principles and whether the membership is published; the row is made on the first save.
    public func saveSettings(
        groupID: Int64, principles: String, published: Bool, by actor: AuditActor, requestID: String?
    ) async throws -> AllianceSettings {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            let before = try Self.settings(groupID: groupID, in: db)
            try db.execute(
                sql: """
                    INSERT INTO alliances (group_id, principles, membership_published, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET principles = excluded.principles,
                           membership_published = excluded.membership_published, updated_at = excluded.updated_at
                    """, arguments: [groupID, principles, published, now])
            let after = try Self.settings(groupID: groupID, in: db)
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "alliance", recordID: String(groupID),
                    summary: "Changed the alliance's shared principles and publication",
                    before: Self.snapshot(before), after: Self.snapshot(after)))
            return after
        }
    }

    static func snapshot(_ settings: AllianceSettings) -> [String: String] {
        let principles =
            settings.principles.count > 200 ? String(settings.principles.prefix(200)) + "…" : settings.principles
        return ["principles": principles, "membership_published": settings.membershipPublished ? "yes" : "no"]
    }

    // MARK: Members

    public func roster(groupID: Int64) async throws -> AllianceRoster {
        try await pool.read { db in try Self.roster(groupID: groupID, in: db) }
    }

    static func roster(groupID: Int64, in db: Database) throws -> AllianceRoster {
        let members = try Self.members(groupID: groupID, in: db)
        let organisations = Dictionary(
            uniqueKeysWithValues: try OrganisationStore.organisations(ids: members.map(\.organisationID), in: db).map {
                ($0.id, $0)
            })
        let history = try KeyedRecord<StatusOnDay>.grouped(
            db,
            sql: """
                SELECT h.member_id AS key, h.status, h.on_day FROM alliance_member_history h
                  JOIN alliance_members m ON m.id = h.member_id WHERE m.group_id = ?
                """, arguments: [groupID]
        )
        .mapValues { moves in moves.map { (status: $0.status, onDay: $0.onDay) } }
        let entries = members.compactMap { member in
            organisations[member.organisationID].map {
                AllianceRosterEntry(
                    member: member, organisation: $0,
                    joinedOn: MembershipRules.joinedOn(history: history[member.id] ?? []))
            }
        }
        let body = try currentAccountableBody(groupID: groupID, in: db)
        let decision = try body.flatMap {
            try AllianceDecisions.references(ids: [$0.decisionID], groupID: groupID, in: db)[$0.decisionID]
        }
        return AllianceRoster(
            settings: try settings(groupID: groupID, in: db), entries: entries,
            communities: try CommunityStore.all(in: db), accountableBody: body, bodyDecision: decision)
    }

    /// The alliance's members in `MembershipRules.displayOrder`, then by name.
    public func members(groupID: Int64) async throws -> [AllianceMember] {
        try await pool.read { db in try Self.members(groupID: groupID, in: db) }
    }

    static func members(groupID: Int64, in db: Database) throws -> [AllianceMember] {
        let order = MembershipRules.displayOrder
        let (members, places) = try Row.fetchAll(
            db, sql: AllianceMember.selectSQL + " WHERE m.group_id = ? ORDER BY m.id", arguments: [groupID]
        )
        .map(AllianceMember.init).namingOrganisations(in: db)
        // By status in display order, then by name, then as added.
        return members.enumerated().sorted {
            ($0.element.status.rank(in: order), places[$0.element.organisationID] ?? 0, $0.offset)
                < ($1.element.status.rank(in: order), places[$1.element.organisationID] ?? 0, $1.offset)
        }
        .map(\.element)
    }

    /// A member of this alliance; nil for an id under another alliance.
    public func member(id: Int64, groupID: Int64) async throws -> AllianceMember? {
        try await pool.read { db in try Self.member(id: id, groupID: groupID, in: db) }
    }

    static func member(id: Int64, groupID: Int64, in db: Database) throws -> AllianceMember? {
        try Row.fetchAll(
            db, sql: AllianceMember.selectSQL + " WHERE m.id = ? AND m.group_id = ?", arguments: [id, groupID]
        ).map(AllianceMember.init)
            .namedOrganisations(in: db).first
    }

    /// Every move of a member, oldest first, with who recorded it.
    public func history(memberID: Int64) async throws -> [MembershipHistoryEntry] {
        try await pool.read { db in
            try MembershipHistoryEntry.fetchAll(
                db,
                sql: """
                    SELECT h.status, h.on_day, h.note, h.recorded_at, u.name AS by_name
                      FROM alliance_member_history h LEFT JOIN users u ON u.id = h.recorded_by
                     WHERE h.member_id = ? ORDER BY h.on_day, h.id
                    """, arguments: [memberID])
        }
    }

    /// Organisations that can be added: on the register, not closed and not already in this alliance.
    public func addableOrganisations(groupID: Int64) async throws -> [Organisation] {
        try await pool.read { db in
            let present = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT organisation_id FROM alliance_members WHERE group_id = ?", arguments: [groupID]))
            return try OrganisationStore.all(in: db).filter { $0.details.status != .closed && !present.contains($0.id) }
        }
    }

    /// The group's terms of reference versions, newest first, as (number, status).
    public func termsVersions(groupID: Int64) async throws -> [(number: Int, status: TermsStatus)] {
        try await TermsStore(pool: pool, clock: clock).versions(groupID: groupID).map {
            (number: $0.number, status: $0.status)
        }
    }
}

extension MembershipStatus {
    func rank(in order: [MembershipStatus]) -> Int { order.firstIndex(of: self) ?? order.count }
}

/// A member's move to a status on a day, for working out when they joined.
private struct StatusOnDay: Sendable, Decodable {
    var status: MembershipStatus
    var onDay: String

    enum CodingKeys: String, CodingKey {
        case status, onDay = "on_day"
    }
}
