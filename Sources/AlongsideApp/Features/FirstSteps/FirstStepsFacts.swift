/// What the workspace's own records say about each of the six first steps (003's check box). Plain values read by
/// `FirstStepsStore`, judged by `FirstStepsRules`; nothing here is ticked by hand.
public struct FirstStepsFacts: Sendable, Equatable {
    /// A leaders group, co-production working group or alliance that is forming or active (closed ones do not count).
    public struct GroupFacts: Sendable, Equatable {
        /// The group's id, for links; 0 in tests that do not need one.
        public var id: Int64 = 0
        public var status: GroupStatus
        /// Current members who are experts by experience or carers.
        public var livedExperienceMembers: Int
        /// Current members from the statutory and voluntary sectors.
        public var staffMembers: Int
        public var hasAdoptedTerms: Bool
        /// Agreed decisions that are valid under the group's terms (first revisions only, so a correction is not counted twice).
        public var agreedDecisions: Int
        /// Seats the group must have that no current member fills, from the group page's own composition check.
        public var missingSeats: [SeatRequirement]
        /// How many seats the group must have.
        public var requiredSeats: Int
        /// A current chair or co-chair is an expert by experience or carer (the composition check's answer).
        public var hasLivedExperienceChair: Bool

        public init(
            id: Int64 = 0, status: GroupStatus, livedExperienceMembers: Int = 0, staffMembers: Int = 0,
            hasAdoptedTerms: Bool = false, agreedDecisions: Int = 0, missingSeats: [SeatRequirement] = [],
            requiredSeats: Int = 0, hasLivedExperienceChair: Bool = false
        ) {
            self.id = id
            self.missingSeats = missingSeats
            self.requiredSeats = requiredSeats
            self.hasLivedExperienceChair = hasLivedExperienceChair
            self.status = status
            self.livedExperienceMembers = livedExperienceMembers
            self.staffMembers = staffMembers
            self.hasAdoptedTerms = hasAdoptedTerms
            self.agreedDecisions = agreedDecisions
        }
    }

    public struct AllianceFacts: Sendable, Equatable, Decodable {
        /// The alliance group's id, for links; 0 in tests that do not need one.
        public var id: Int64 = 0
        public var members: Int
        public var joining: Int
        public var hasAccountableBody: Bool
        public var hasPrinciples: Bool

        enum CodingKeys: String, CodingKey {
            case id, members, joining, hasAccountableBody = "body", hasPrinciples = "principles"
        }

        public init(members: Int = 0, joining: Int = 0, hasAccountableBody: Bool = false, hasPrinciples: Bool = false) {
            self.members = members
            self.joining = joining
            self.hasAccountableBody = hasAccountableBody
            self.hasPrinciples = hasPrinciples
        }
    }

    public struct Deliverable: Sendable, Equatable, Decodable {
        public var id: Int64
        /// The key in the national roadmap data (001), nil for a deliverable added locally.
        public var key: String?
        public var title: String
        public var status: DeliverableStatus

        enum CodingKeys: String, CodingKey {
            case id, key = "national_key", title, status
        }

        public init(id: Int64 = 0, key: String? = nil, title: String, status: DeliverableStatus) {
            self.id = id
            self.key = key
            self.title = title
            self.status = status
        }
    }

    /// A held workshop, for a link to it.
    public struct Workshop: Sendable, Equatable {
        public var groupID: Int64
        public var meetingID: Int64

        public init(groupID: Int64, meetingID: Int64) {
            self.groupID = groupID
            self.meetingID = meetingID
        }
    }

    // Step 1: the leaders group.
    public var leadersGroups: [GroupFacts] = []
    // Step 2: the co-production working group, its action plan, insights and feedback.
    public var coproductionGroups: [GroupFacts] = []
    public var planItems = 0
    public var planItemsDone = 0
    public var insights = 0
    /// Insights heard from community groups or individuals in communities (003 step 2, 4a).
    public var communityInsights = 0
    /// Insights heard from staff or peer support workers (003 step 2, 4b).
    public var staffInsights = 0
    public var insightsAnswered = 0
    public var communitiesHeardFrom = 0
    public var underServedCommunitiesHeardFrom = 0
    public var publishedCommunityPages = 0
    /// Published "you said, we did" pages of communities with at least one answered insight: a page with answers on it.
    public var publishedPagesWithAnswers = 0
    /// Workshops marked held whose start has passed: ones that happened, not ones only scheduled (003 step 2, 5).
    public var workshopsHeld = 0
    /// Held workshops with an output recorded: an insight heard there, an action-plan item from it, or minutes.
    public var workshopsWithOutputs = 0
    /// Workshops planned but not yet held.
    public var workshopsPlanned = 0
    /// The latest held workshop, for a link.
    public var latestWorkshop: Workshop?
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
    // Step 5: the new model (the roadmap's model development workstream, all of it; the rules pick the ones they use).
    public var modelDeliverables: [Deliverable] = []
    // Step 6: the workforce plan and recruitment (the roadmap's workforce workstream).
    public var workforceDeliverables: [Deliverable] = []
    /// Expert-by-experience involvement role adverts (003 Appendix 1): shown, but they are not staff recruitment.
    public var advertsPublished = 0
    public var advertsOpen = 0
    public var appointments = 0

    public init() {}
}
