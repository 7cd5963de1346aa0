/// What the workspace's own records say about each of the six first steps (003's check box). Plain values read by
/// `FirstStepsStore`, judged by `FirstStepsRules`; nothing here is ticked by hand.
public struct FirstStepsFacts: Sendable, Equatable {
    /// A leaders group, co-production working group or alliance that is forming or active (closed ones do not count).
    public struct GroupFacts: Sendable, Equatable {
        public var status: GroupStatus
        /// Current members who are experts by experience or carers.
        public var livedExperienceMembers: Int
        /// Current members from the statutory and voluntary sectors.
        public var staffMembers: Int
        public var hasAdoptedTerms: Bool
        /// Agreed decisions that are valid under the group's terms (first revisions only, so a correction is not counted twice).
        public var agreedDecisions: Int

        public init(
            status: GroupStatus, livedExperienceMembers: Int = 0, staffMembers: Int = 0, hasAdoptedTerms: Bool = false,
            agreedDecisions: Int = 0
        ) {
            self.status = status
            self.livedExperienceMembers = livedExperienceMembers
            self.staffMembers = staffMembers
            self.hasAdoptedTerms = hasAdoptedTerms
            self.agreedDecisions = agreedDecisions
        }
    }

    public struct AllianceFacts: Sendable, Equatable, Decodable {
        public var members: Int
        public var joining: Int
        public var hasAccountableBody: Bool
        public var hasPrinciples: Bool

        enum CodingKeys: String, CodingKey {
            case members, joining, hasAccountableBody = "body", hasPrinciples = "principles"
        }

        public init(members: Int = 0, joining: Int = 0, hasAccountableBody: Bool = false, hasPrinciples: Bool = false) {
            self.members = members
            self.joining = joining
            self.hasAccountableBody = hasAccountableBody
            self.hasPrinciples = hasPrinciples
        }
    }

    public struct Deliverable: Sendable, Equatable, Decodable {
        public var title: String
        public var status: DeliverableStatus

        public init(title: String, status: DeliverableStatus) {
            self.title = title
            self.status = status
        }
    }

    // Step 1: the leaders group.
    public var leadersGroups: [GroupFacts] = []
    // Step 2: the co-production working group, its action plan, insights and feedback.
    public var coproductionGroups: [GroupFacts] = []
    public var planItems = 0
    public var planItemsDone = 0
    public var insights = 0
    public var insightsAnswered = 0
    public var communitiesHeardFrom = 0
    public var underServedCommunitiesHeardFrom = 0
    public var publishedCommunityPages = 0
    public var workshopsHeld = 0
    // Step 3: the asset map.
    public var activeAssets = 0
    /// Appendix 2 categories with at least one active asset, by their stored keys.
    public var categoriesCovered: Set<String> = []
    /// Needs of the co-produced model (not retired) that no active asset meets anywhere.
    public var needsWithoutAsset: [String] = []
    public var staleAssets = 0
    public var staleAfterMonths = 12
    // Step 4: the alliance.
    public var alliances: [AllianceFacts] = []
    // Step 5: the new model (the roadmap's model development workstream).
    public var modelDeliverables: [Deliverable] = []
    // Step 6: the workforce plan and recruitment.
    public var workforceDeliverables: [Deliverable] = []
    public var advertsPublished = 0
    public var advertsOpen = 0
    public var appointments = 0

    public init() {}
}
