import Foundation

/// Which communities the alliance reaches through its members (003 step 4; issue 6 "Reach").
public enum ReachRules {
    /// One organisation in the alliance and the communities it reaches.
    public struct MemberReach: Sendable, Equatable {
        public var organisationName: String
        public var status: MembershipStatus
        public var communityIDs: [Int64]

        public init(organisationName: String, status: MembershipStatus, communityIDs: [Int64]) {
            self.organisationName = organisationName
            self.status = status
            self.communityIDs = communityIDs
        }
    }

    /// A community the alliance reaches, with the organisations that reach it, by name.
    public struct Reached: Sendable, Equatable {
        public var community: Community
        public var organisations: [String]
    }

    public struct Reach: Sendable, Equatable {
        /// Under-served communities reached by a joining or current member.
        public var underServedReached: [Reached]
        /// Under-served communities no joining or current member reaches yet.
        public var notYetReached: [Community]
        /// Other communities on the list that members reach.
        public var otherReached: [Reached]
    }

    /// Reach through organisations that are joining or members; retired communities are left out.
    public static func reach(communities: [Community], memberCommunities: [MemberReach]) -> Reach {
        var reachers: [Int64: [String]] = [:]
        for member in memberCommunities where MembershipRules.countsTowardsReach.contains(member.status) {
            for id in Set(member.communityIDs) { reachers[id, default: []].append(member.organisationName) }
        }
        let open = communities.filter { !$0.isRetired }
        func reached(_ community: Community) -> Reached? {
            guard let names = reachers[community.id], !names.isEmpty else { return nil }
            return Reached(
                community: community,
                organisations: names.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending })
        }
        return Reach(
            underServedReached: open.filter(\.underServed).compactMap(reached),
            notYetReached: open.filter { $0.underServed && reachers[$0.id] == nil },
            otherReached: open.filter { !$0.underServed }.compactMap(reached)
        )
    }
}
