import Foundation
import GRDB

/// Money that came into a funded alliance, as typed on the form and checked.
public struct ReceivedInput: Sendable, Equatable {
    public var amountPence: Int
    public var fromOrganisationID: Int64
    public var viaOrganisationID: Int64?
    public var periodStartsOn: String
    public var periodEndsOn: String
    public var description: String
}

/// An allocation to a member, as typed on the form and checked.
public struct AllocationInput: Sendable, Equatable {
    public var organisationID: Int64
    public var amountPence: Int
    public var periodStartsOn: String
    public var periodEndsOn: String
    public var purpose: String
    public var contractYears: Int
    public var contractReference: String
    public var source: String
    public var decisionID: Int64
}

/// An alliance's money records as one read gives them, and the sums made from them.
public struct FundingBook: Sendable {
    /// Withdrawn records included.
    public let received: [FundingReceived]
    public let allocations: [Allocation]
    public let accountableBody: AccountableBody?
    /// Each allocated organisation's size now, for those that have one.
    public let sizes: [Int64: VCSESize]

    public var summary: FundingSummary {
        FundingSummary(
            allocations: allocations.map(AllocationFigure.init), received: received.map(ReceivedFigure.init),
            sizes: sizes,
            accountableBodyID: accountableBody?.organisationID)
    }
}

/// The alliance's money: funding received and allocations to members. Records are never edited or deleted (the
/// database refuses it); a mistake is withdrawn with a reason and recorded again. Every change writes its audit row
/// in the same transaction.
public struct FundingStore: Sendable {
    let pool: DatabasePool
    let clock: AppClock

    public init(pool: DatabasePool, clock: AppClock) {
        self.pool = pool
        self.clock = clock
    }

    /// Why a save was refused although the form was right when it was checked (someone changed things meanwhile).
    public enum Refusal: Error, Equatable {
        case notAMember
        case decisionDoesNotStand
        case unknownOrganisation
        case alreadyWithdrawn
    }

    /// Statuses whose organisations may be allocated money: not those only interested, nor those who have left.
    static let fundableStatuses: [MembershipStatus] = [.joining, .member, .paused]

    // MARK: Reading

    /// Funding received by the alliance, withdrawn included, by period then as recorded.
    public func received(groupID: Int64) async throws -> [FundingReceived] {
        try await pool.read { db in try Self.received(groupID: groupID, in: db) }
    }

    static func received(groupID: Int64, in db: Database) throws -> [FundingReceived] {
        try Row.fetchAll(
            db, sql: FundingReceived.selectSQL + " WHERE f.group_id = ? ORDER BY f.period_starts_on, f.id",
            arguments: [groupID]
        )
        .map(FundingReceived.init).namedOrganisations(in: db)
    }

    public func received(id: Int64, groupID: Int64) async throws -> FundingReceived? {
        try await pool.read { db in try Self.received(id: id, groupID: groupID, in: db) }
    }

    static func received(id: Int64, groupID: Int64, in db: Database) throws -> FundingReceived? {
        try Row.fetchAll(
            db, sql: FundingReceived.selectSQL + " WHERE f.id = ? AND f.group_id = ?", arguments: [id, groupID]
        ).map(FundingReceived.init)
            .namedOrganisations(in: db).first
    }

    /// Every allocation of the alliance, withdrawn included, by period, then member, then as recorded.
    public func allocations(groupID: Int64) async throws -> [Allocation] {
        try await pool.read { db in try Self.allocations(groupID: groupID, in: db) }
    }

    static func allocations(groupID: Int64, in db: Database) throws -> [Allocation] {
        let (allocations, places) = try Row.fetchAll(
            db, sql: Allocation.selectSQL + " WHERE a.group_id = ? ORDER BY a.period_starts_on, a.id",
            arguments: [groupID]
        ).map(Allocation.init).namingOrganisations(in: db)
        // By period, then the member's name, then as recorded.
        return allocations.enumerated().sorted { first, second in
            let (a, b) = (first.element, second.element)
            if a.periodStartsOn != b.periodStartsOn { return first.offset < second.offset }
            let (placeA, placeB) = (places[a.organisationID] ?? 0, places[b.organisationID] ?? 0)
            return placeA != placeB ? placeA < placeB : first.offset < second.offset
        }.map(\.element)
    }

    /// One member's allocations in the alliance, withdrawn included (for the member's page).
    public func allocations(groupID: Int64, organisationID: Int64) async throws -> [Allocation] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: Allocation.selectSQL
                    + " WHERE a.group_id = ? AND a.organisation_id = ? ORDER BY a.period_starts_on, a.id",
                arguments: [groupID, organisationID]
            ).map(Allocation.init).namedOrganisations(in: db)
        }
    }

    public func allocation(id: Int64, groupID: Int64) async throws -> Allocation? {
        try await pool.read { db in try Self.allocation(id: id, groupID: groupID, in: db) }
    }

    static func allocation(id: Int64, groupID: Int64, in db: Database) throws -> Allocation? {
        try Row.fetchAll(
            db, sql: Allocation.selectSQL + " WHERE a.id = ? AND a.group_id = ?", arguments: [id, groupID]
        ).map(Allocation.init)
            .namedOrganisations(in: db).first
    }

    /// The accountable body serving now (the term with no end), if the alliance has elected one.
    public func currentAccountableBody(groupID: Int64) async throws -> AccountableBody? {
        try await pool.read { db in try AllianceStore.currentAccountableBody(groupID: groupID, in: db) }
    }

    /// Members that may be allocated money (joining, member or paused), by name.
    public func fundableMembers(groupID: Int64) async throws -> [AllianceMember] {
        try await pool.read { db in try Self.fundableMembers(groupID: groupID, in: db) }
    }

    static func fundableMembers(groupID: Int64, in db: Database) throws -> [AllianceMember] {
        let statuses = fundableStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let (members, places) = try Row.fetchAll(
            db,
            sql: AllianceMember.selectSQL
                + " WHERE m.group_id = ? AND m.status IN (\(statuses)) ORDER BY m.organisation_id",
            arguments: [groupID]
        ).map(AllianceMember.init).namingOrganisations(in: db)
        // By name, then by organisation.
        return members.enumerated().sorted { first, second in
            let (placeA, placeB) = (
                places[first.element.organisationID] ?? 0, places[second.element.organisationID] ?? 0
            )
            return placeA != placeB ? placeA < placeB : first.offset < second.offset
        }.map(\.element)
    }

    /// Everything the funding page shows, read together: the records, the accountable body and the members' sizes.
    public func book(groupID: Int64) async throws -> FundingBook {
        try await pool.read { db in
            let allocations = try Self.allocations(groupID: groupID, in: db)
            return FundingBook(
                received: try Self.received(groupID: groupID, in: db), allocations: allocations,
                accountableBody: try AllianceStore.currentAccountableBody(groupID: groupID, in: db),
                sizes: try Self.sizes(of: allocations.map(\.organisationID), in: db))
        }
    }

    /// The sums for the alliance overview.
    public func summary(groupID: Int64) async throws -> FundingSummary {
        try await book(groupID: groupID).summary
    }

    /// Each organisation's size now, for those that have one.
    static func sizes(of ids: [Int64], in db: Database) throws -> [Int64: VCSESize] {
        var sizes: [Int64: VCSESize] = [:]
        for organisation in try OrganisationStore.organisations(ids: ids, in: db) {
            sizes[organisation.id] = organisation.size
        }
        return sizes
    }

    // MARK: Recording

    /// Records money received, paid to the accountable body serving now (none if the alliance has not elected one).
    public func recordReceived(_ input: ReceivedInput, groupID: Int64, by actor: AuditActor, requestID: String?)
        async throws -> FundingReceived
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            for id in [input.fromOrganisationID] + [input.viaOrganisationID].compactMap({ $0 }) {
                guard try OrganisationStore.names(ids: [id], in: db)[id] != nil else {
                    throw Refusal.unknownOrganisation
                }
            }
            let body = try AllianceStore.currentAccountableBody(groupID: groupID, in: db)
            try db.execute(
                sql: """
                    INSERT INTO alliance_funding_received (group_id, amount_pence, from_organisation_id, via_organisation_id, to_organisation_id,
                                                           period_starts_on, period_ends_on, description, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    groupID, input.amountPence, input.fromOrganisationID, input.viaOrganisationID, body?.organisationID,
                    input.periodStartsOn, input.periodEndsOn, input.description, actor.userID, now,
                ])
            let saved = try Self.received(id: db.lastInsertedRowID, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "funding received", recordKind: "alliance_funding_received", recordID: String(saved.id),
                    summary: "Recorded \(Money.format(saved.amountPence)) received from \(saved.fromName)",
                    before: nil, after: Self.snapshot(saved)))
            return saved
        }
    }

    /// Records an allocation, checking again inside the transaction that the organisation may be funded and the decision
    /// still stands.
    public func recordAllocation(_ input: AllocationInput, groupID: Int64, by actor: AuditActor, requestID: String?)
        async throws -> Allocation
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard
                try Self.fundableMembers(groupID: groupID, in: db).contains(where: {
                    $0.organisationID == input.organisationID
                })
            else { throw Refusal.notAMember }
            guard try AllianceDecisions.authorising(id: input.decisionID, groupID: groupID, in: db) != nil else {
                throw Refusal.decisionDoesNotStand
            }
            try db.execute(
                sql: """
                    INSERT INTO alliance_allocations (group_id, organisation_id, amount_pence, period_starts_on, period_ends_on, purpose,
                                                      contract_years, contract_reference, source, decision_id, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    groupID, input.organisationID, input.amountPence, input.periodStartsOn, input.periodEndsOn,
                    input.purpose,
                    input.contractYears, input.contractReference, input.source, input.decisionID, actor.userID, now,
                ])
            let saved = try Self.allocation(id: db.lastInsertedRowID, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "allocated", recordKind: "alliance_allocation", recordID: String(saved.id),
                    summary: "Allocated \(Money.format(saved.amountPence)) to \(saved.organisationName)",
                    before: nil, after: Self.snapshot(saved)))
            return saved
        }
    }

    // MARK: Withdrawing

    /// Withdraws money received, with the reason; the record stays, left out of the sums.
    public func withdrawReceived(id: Int64, groupID: Int64, reason: String, by actor: AuditActor, requestID: String?)
        async throws -> FundingReceived
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.received(id: id, groupID: groupID, in: db) else { throw AppError.notFound }
            guard !before.isWithdrawn else { throw Refusal.alreadyWithdrawn }
            try db.execute(
                sql:
                    "UPDATE alliance_funding_received SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?",
                arguments: [now, actor.userID, reason, id])
            let after = try Self.received(id: id, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "withdrawn", recordKind: "alliance_funding_received", recordID: String(id),
                    summary: "Withdrew \(Money.format(after.amountPence)) received from \(after.fromName)",
                    before: Self.snapshot(before), after: Self.snapshot(after)))
            return after
        }
    }

    /// Withdraws an allocation, with the reason.
    public func withdrawAllocation(id: Int64, groupID: Int64, reason: String, by actor: AuditActor, requestID: String?)
        async throws -> Allocation
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.allocation(id: id, groupID: groupID, in: db) else { throw AppError.notFound }
            guard !before.isWithdrawn else { throw Refusal.alreadyWithdrawn }
            try db.execute(
                sql:
                    "UPDATE alliance_allocations SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?",
                arguments: [now, actor.userID, reason, id])
            let after = try Self.allocation(id: id, groupID: groupID, in: db)!
            try audit.record(
                AuditChange(
                    action: "withdrawn", recordKind: "alliance_allocation", recordID: String(id),
                    summary:
                        "Withdrew the allocation of \(Money.format(after.amountPence)) to \(after.organisationName)",
                    before: Self.snapshot(before), after: Self.snapshot(after)))
            return after
        }
    }

    // MARK: Audit snapshots (short: the figures and who, not the whole row)

    static func snapshot(_ item: FundingReceived) -> [String: String] {
        [
            "alliance": String(item.groupID), "amount": Money.format(item.amountPence), "from": item.fromName,
            "via": item.viaName ?? "",
            "to": item.toName ?? "", "period": "\(item.periodStartsOn) to \(item.periodEndsOn)",
            "description": item.description,
            "withdrawn_reason": item.withdrawnReason ?? "",
        ]
    }

    static func snapshot(_ item: Allocation) -> [String: String] {
        [
            "alliance": String(item.groupID), "organisation": item.organisationName,
            "amount": Money.format(item.amountPence),
            "period": "\(item.periodStartsOn) to \(item.periodEndsOn)", "purpose": item.purpose,
            "contract_years": String(item.contractYears),
            "contract_reference": item.contractReference, "source": item.source, "decision": String(item.decisionID),
            "withdrawn_reason": item.withdrawnReason ?? "",
        ]
    }
}
