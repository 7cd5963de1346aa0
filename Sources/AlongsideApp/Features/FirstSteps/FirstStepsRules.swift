/// How far a first step has come, judged from the records. The raw values are what `/first-steps.json` says.
public enum FirstStepState: String, Sendable, Equatable {
    case notStarted = "not_started"
    case partly
    case inPlace = "in_place"

    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .partly: return "Partly in place"
        case .inPlace: return "In place"
        }
    }
}

/// Where the records behind a line of evidence, or the place to fix what is missing, are kept. The page turns each
/// into a typed link (`Href`); the rules stay plain values.
public enum FirstStepLink: Sendable, Equatable {
    case groups, group(Int64), terms(Int64), decisions(Int64), meetings(Int64), meeting(group: Int64, meeting: Int64)
    case actionPlan, insights, feedback
    case assets, assetGaps, assetReview
    case alliances, alliance(Int64)
    case deliverable(Int64), roadmap(workstream: String)
    case involvementRoles
}

/// One line of what the records show, or of what is missing, with where to look.
public struct FirstStepNote: Sendable, Equatable {
    public let text: String
    public let link: FirstStepLink?

    public init(_ text: String, _ link: FirstStepLink? = nil) {
        self.text = text
        self.link = link
    }
}

/// One of the six first steps with the evidence it used and what is still missing.
public struct FirstStepAssessment: Sendable, Equatable {
    public let number: Int
    public let outcome: String
    public let state: FirstStepState
    public let evidence: [FirstStepNote]
    public let missing: [FirstStepNote]

    /// The evidence in words.
    public var shows: [String] { evidence.map(\.text) }
    /// What is missing, in words.
    public var missingText: [String] { missing.map(\.text) }
}

/// The six outcomes of 003's check box ("By March 2021, you will have…"), each judged by a plain rule from the
/// facts. The rules ask for what the guide asks for, and say in words what is missing, so the page can never
/// claim a step is done because someone ticked a box.
public enum FirstStepsRules {
    /// `categories` are the nine Appendix 2 categories (key and label), in order.
    public static func assess(_ facts: FirstStepsFacts, categories: [(key: String, label: String)])
        -> [FirstStepAssessment]
    {
        [
            leadersGroup(facts),
            coproduction(facts),
            assetMap(facts, categories: categories),
            alliance(facts),
            newModel(facts),
            workforce(facts),
        ]
    }

    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// The group that has come furthest, for a step that needs one: active before forming, then adopted terms, fewest
    /// missing seats, decisions and members.
    static func furthest(_ groups: [FirstStepsFacts.GroupFacts]) -> FirstStepsFacts.GroupFacts? {
        groups.max { left, right in
            let l = (
                left.status == .active ? 1 : 0, left.hasAdoptedTerms ? 1 : 0, -left.missingSeats.count,
                left.agreedDecisions, left.livedExperienceMembers + left.staffMembers
            )
            let r = (
                right.status == .active ? 1 : 0, right.hasAdoptedTerms ? 1 : 0, -right.missingSeats.count,
                right.agreedDecisions, right.livedExperienceMembers + right.staffMembers
            )
            return l < r
        }
    }

    /// What a group's membership lacks: the guide asks for experts by experience and staff together. A seat the
    /// composition check already reports missing is not said twice.
    static func membershipGaps(_ group: FirstStepsFacts.GroupFacts, name: String) -> [FirstStepNote] {
        var missing: [FirstStepNote] = []
        if group.livedExperienceMembers == 0, !group.missingSeats.contains(.livedExperience) {
            missing.append(
                .init("The \(name) has no expert by experience or carer among its members.", .group(group.id)))
        }
        if group.staffMembers == 0 {
            missing.append(
                .init("The \(name) has no staff members from the statutory or voluntary sectors.", .group(group.id)))
        }
        if group.status != .active {
            missing.append(.init("The \(name) is still forming: mark it active once it meets.", .group(group.id)))
        }
        return missing
    }

    static func membershipLine(_ group: FirstStepsFacts.GroupFacts, name: String) -> FirstStepNote {
        .init(
            "The \(name) is \(group.status.label.lowercased()), with "
                + count(
                    group.livedExperienceMembers, "expert by experience or carer", "experts by experience or carers")
                + " and " + count(group.staffMembers, "staff member", "staff members") + ".", .group(group.id))
    }

    static func state(started: Bool, done: Bool) -> FirstStepState {
        done ? .inPlace : (started ? .partly : .notStarted)
    }

    /// Step 1, 003 "Leadership and governance": the leaders group "must include" the STP/ICS (NHS and local
    /// authorities), voluntary and community organisations, experts by experience and people from under-served
    /// communities, with governance "agreed from the outset and included in the terms of reference"; 001 "Joint
    /// governance" success marker 1 lists the minimum representation and its service-user voice asks for committees
    /// "co-chaired with someone with lived experience". In place only with every required seat filled (by the group
    /// page's own composition check), a lived-experience chair or co-chair and adopted terms of reference.
    static func leadersGroup(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A leaders group of experts by experience and staff who can sign off decisions"
        guard let group = furthest(facts.leadersGroups) else {
            return FirstStepAssessment(
                number: 1, outcome: outcome, state: .notStarted,
                evidence: [.init("There is no leaders group yet.", .groups)],
                missing: [.init("Create a leaders group and add its members.", .groups)])
        }
        let link = FirstStepLink.group(group.id)
        let filled = group.requiredSeats - group.missingSeats.count
        var evidence = [membershipLine(group, name: "leaders group")]
        evidence.append(
            .init(
                group.missingSeats.isEmpty
                    ? "Every seat the group must have is filled (" + count(group.requiredSeats, "seat", "seats") + ")."
                    : "\(filled) of the " + count(group.requiredSeats, "seat", "seats")
                        + " the group must have \(filled == 1 ? "is" : "are") filled.", link))
        evidence.append(
            .init(
                group.hasLivedExperienceChair
                    ? "An expert by experience or carer is chair or co-chair."
                    : "No expert by experience or carer is chair or co-chair.", link))
        evidence.append(
            .init(
                group.hasAdoptedTerms
                    ? "Its terms of reference are adopted." : "Its terms of reference are not adopted yet.",
                .terms(group.id)))
        evidence.append(
            .init(
                count(group.agreedDecisions, "agreed decision is", "agreed decisions are") + " in its decision log.",
                .decisions(group.id)))
        var missing = group.missingSeats.map { FirstStepNote("No one sits for: \($0.label).", link) }
        if !group.hasLivedExperienceChair {
            missing.append(.init("Make an expert by experience or carer the chair or a co-chair.", link))
        }
        missing += membershipGaps(group, name: "leaders group")
        if !group.hasAdoptedTerms {
            missing.append(.init("Adopt terms of reference that say how the group makes decisions.", .terms(group.id)))
        }
        if group.agreedDecisions == 0 {
            missing.append(.init("Record the group's first agreed decision.", .decisions(group.id)))
        }
        return FirstStepAssessment(
            number: 1, outcome: outcome, state: state(started: true, done: missing.isEmpty), evidence: evidence,
            missing: missing)
    }
}
