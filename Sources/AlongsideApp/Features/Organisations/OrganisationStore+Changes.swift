import Foundation
import GRDB

/// Registering and editing organisations, and what the organisation page reads besides the record itself.
extension OrganisationStore {
    public enum EditOutcome: Sendable {
        case saved(Organisation)
        /// Someone else saved first; their version is returned so both can be shown.
        case conflict(current: Organisation)
    }

    public func create(_ details: OrganisationDetails, by actor: AuditActor, requestID: String?) async throws
        -> Organisation
    {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            try db.execute(
                sql: """
                    INSERT INTO organisations (name, sector, vcse_size, vcse_kinds, charity_number, company_number, area_served, contact_name,
                                               contact_email, contact_phone, website, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: Self.arguments(details) + [now, now])
            let id = db.lastInsertedRowID
            try Self.setCommunities(details.communityIDs, organisationID: id, in: db)
            let organisation = try Self.organisation(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "created", recordKind: "organisation", recordID: String(id),
                    summary: "Registered the organisation \"\(organisation.name)\"", before: nil,
                    after: organisation.snapshot))
            return organisation
        }
    }

    /// Saves an edit made from `expectedVersion`; refuses it when someone else has saved since. Links to communities
    /// retired since are kept (the form no longer offers them), so the organisation's history stays true.
    public func update(
        _ id: Int64, _ details: OrganisationDetails, expectedVersion: Int, by actor: AuditActor,
        requestID: String?
    ) async throws -> EditOutcome {
        let now = clock.now()
        return try await pool.writeAudited(by: actor, at: now, requestID: requestID) { db, audit in
            guard let before = try Self.organisation(id: id, in: db) else { throw AppError.notFound }
            guard before.version == expectedVersion else { return .conflict(current: before) }
            try db.execute(
                sql: """
                    UPDATE organisations SET name = ?, sector = ?, vcse_size = ?, vcse_kinds = ?, charity_number = ?, company_number = ?,
                           area_served = ?, contact_name = ?, contact_email = ?, contact_phone = ?, website = ?, status = ?,
                           version = version + 1, updated_at = ?
                     WHERE id = ?
                    """, arguments: Self.arguments(details) + [now, id])
            let retired = try Int64.fetchAll(
                db,
                sql: """
                    SELECT oc.community_id FROM organisation_communities oc JOIN communities c ON c.id = oc.community_id
                     WHERE oc.organisation_id = ? AND c.retired_at IS NOT NULL
                    """, arguments: [id])
            try Self.setCommunities(Array(Set(details.communityIDs).union(retired)), organisationID: id, in: db)
            let after = try Self.organisation(id: id, in: db)!
            try audit.record(
                AuditChange(
                    action: "updated", recordKind: "organisation", recordID: String(id),
                    summary: "Edited the organisation \"\(after.name)\"", before: before.snapshot, after: after.snapshot
                ))
            return .saved(after)
        }
    }

    static func arguments(_ details: OrganisationDetails) -> StatementArguments {
        [
            details.name, details.sector.rawValue, details.sector == .vcse ? details.size?.rawValue : nil,
            details.kindsJSON,
            details.charityNumber, details.companyNumber, details.areaServed, details.contactName, details.contactEmail,
            details.contactPhone, details.website, details.status.rawValue,
        ]
    }

    static func setCommunities(_ ids: [Int64], organisationID: Int64, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM organisation_communities WHERE organisation_id = ?", arguments: [organisationID])
        for id in Set(ids).sorted() {
            try db.execute(
                sql: "INSERT INTO organisation_communities (organisation_id, community_id) VALUES (?, ?)",
                arguments: [organisationID, id])
        }
    }
}

/// An organisation's place in one alliance, as its page lists it.
public struct OrganisationMembership: Sendable, Equatable {
    public var groupID: Int64
    public var groupName: String
    /// The membership status in words ("Member"), and the tag class that styles it.
    public var statusLabel: String
    public var statusTagClass: String
    /// ISO day.
    public var statusSince: String
}

/// Where an organisation's alliance places come from. The alliance feature answers (wired in `AppServices`), so the
/// register of organisations does not depend on the alliance, which builds on the register (issue 16).
public protocol OrganisationMembershipSource: Sendable {
    /// The alliances the organisation has a place in, limited to those `user` may see.
    func memberships(organisationID: Int64, for user: SessionUser, today: String) async throws
        -> [OrganisationMembership]
}

extension Organisation {
    /// What the audit log keeps: flat and short.
    var snapshot: [String: String] {
        let details = details
        return [
            "name": details.name, "sector": details.sector.rawValue, "vcse_size": details.size?.rawValue ?? "",
            "vcse_kinds": details.kinds.map(\.rawValue).joined(separator: ", "),
            "charity_number": details.charityNumber,
            "company_number": details.companyNumber, "area_served": details.areaServed,
            "communities": details.communityIDs.map(String.init).joined(separator: ", "),
            "contact_name": details.contactName,
            "contact_email": details.contactEmail, "contact_phone": details.contactPhone, "website": details.website,
            "status": details.status.rawValue, "version": String(version),
        ]
    }
}
