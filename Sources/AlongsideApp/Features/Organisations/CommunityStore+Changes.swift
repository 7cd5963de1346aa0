import Foundation
import GRDB

/// Changing the workspace's list of communities. Names are unique whatever their case; a retired community
/// is hidden from choice lists but kept, with the organisations that reached it.
extension CommunityStore {
    public typealias SaveOutcome = KeptListOutcome<Community>

    public func community(id: Int64) async throws -> Community? {
        try await list.entry(id: id)
    }

    /// The communities a form offers: not retired, by name.
    public func choices() async throws -> [Community] {
        try await all().filter { !$0.isRetired }
    }

    /// How many organisations reach each community, by community id (communities nobody reaches are absent).
    public func reachCounts() async throws -> [Int64: Int] {
        try await list.pool.read { db in
            try KeyedValue<Int>.keyed(
                db,
                sql: "SELECT community_id AS key, COUNT(*) AS value FROM organisation_communities GROUP BY community_id"
            )
        }
    }

    public func create(_ input: CommunityInput, by actor: AuditActor, requestID: String?) async throws -> SaveOutcome {
        try await list.save(nil, input, by: actor, requestID: requestID)
    }

    public func update(_ id: Int64, _ input: CommunityInput, by actor: AuditActor, requestID: String?) async throws
        -> SaveOutcome
    {
        try await list.save(id, input, by: actor, requestID: requestID)
    }

    /// Retires the community (`retired` true) or brings it back. Returns false when it was already so.
    public func setRetired(_ id: Int64, _ retired: Bool, by actor: AuditActor, requestID: String?) async throws -> Bool
    {
        try await list.setRetired(id, retired, by: actor, requestID: requestID)
    }
}

extension Community: KeptListEntry {
    public static let table = "communities"
    public static let noun = "community"

    public static func name(_ input: CommunityInput) -> String { input.name }

    public static func columns(_ input: CommunityInput) -> [(name: String, value: any DatabaseValueConvertible)] {
        [("under_served", input.underServed), ("description", input.description)]
    }

    public var snapshot: [String: String] {
        [
            "name": name, "under_served": underServed ? "yes" : "no", "description": description,
            "retired": isRetired ? "yes" : "no",
        ]
    }
}
