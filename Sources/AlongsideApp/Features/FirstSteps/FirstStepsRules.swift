/// How far a first step has come, judged from the records.
public enum FirstStepState: String, Sendable, Equatable {
    case notStarted = "not_started"
    case underWay = "under_way"
    case inPlace = "in_place"

    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .underWay: return "Under way"
        case .inPlace: return "In place"
        }
    }
}

/// One of the six first steps with what the data shows and what is still missing.
public struct FirstStepAssessment: Sendable, Equatable {
    public let number: Int
    public let outcome: String
    public let state: FirstStepState
    public let shows: [String]
    public let missing: [String]
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

    /// The group that has come furthest, for a step that needs one: active before forming, then by decisions and members.
    static func furthest(_ groups: [FirstStepsFacts.GroupFacts]) -> FirstStepsFacts.GroupFacts? {
        groups.max { left, right in
            let l = (
                left.status == .active ? 1 : 0, left.hasAdoptedTerms ? 1 : 0, left.agreedDecisions,
                left.livedExperienceMembers + left.staffMembers
            )
            let r = (
                right.status == .active ? 1 : 0, right.hasAdoptedTerms ? 1 : 0, right.agreedDecisions,
                right.livedExperienceMembers + right.staffMembers
            )
            return l < r
        }
    }

    /// What a group's membership lacks: the guide asks for experts by experience and staff together.
    static func membershipGaps(_ group: FirstStepsFacts.GroupFacts, name: String) -> [String] {
        var missing: [String] = []
        if group.livedExperienceMembers == 0 {
            missing.append("The \(name) has no expert by experience or carer among its members.")
        }
        if group.staffMembers == 0 {
            missing.append("The \(name) has no staff members from the statutory or voluntary sectors.")
        }
        if group.status != .active { missing.append("The \(name) is still forming: mark it active once it meets.") }
        return missing
    }

    static func membershipLine(_ group: FirstStepsFacts.GroupFacts, name: String) -> String {
        "The \(name) is \(group.status.label.lowercased()), with "
            + count(group.livedExperienceMembers, "expert by experience or carer", "experts by experience or carers")
            + " and " + count(group.staffMembers, "staff member", "staff members") + "."
    }

    static func state(started: Bool, done: Bool) -> FirstStepState {
        done ? .inPlace : (started ? .underWay : .notStarted)
    }

    // 1: "A 'leaders group' of experts by experience and staff who can sign off decisions."
    static func leadersGroup(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A leaders group of experts by experience and staff who can sign off decisions"
        guard let group = furthest(facts.leadersGroups) else {
            return FirstStepAssessment(
                number: 1, outcome: outcome, state: .notStarted, shows: ["There is no leaders group yet."],
                missing: ["Create a leaders group and add its members."])
        }
        var shows = [membershipLine(group, name: "leaders group")]
        shows.append(
            group.hasAdoptedTerms
                ? "Its terms of reference are adopted." : "Its terms of reference are not adopted yet.")
        shows.append(
            count(group.agreedDecisions, "agreed decision is", "agreed decisions are") + " in its decision log.")
        var missing = membershipGaps(group, name: "leaders group")
        if !group.hasAdoptedTerms { missing.append("Adopt terms of reference that say how the group makes decisions.") }
        if group.agreedDecisions == 0 { missing.append("Record the group's first agreed decision.") }
        return FirstStepAssessment(
            number: 1, outcome: outcome, state: state(started: true, done: missing.isEmpty), shows: shows,
            missing: missing)
    }

    // 2: "A 'co-production project group' … gaining local insights, co-producing a new model and feeding back to the community."
    static func coproduction(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A co-production working group gathering insights and feeding back to communities"
        var shows: [String] = []
        var missing: [String] = []
        if let group = furthest(facts.coproductionGroups) {
            shows.append(membershipLine(group, name: "co-production working group"))
            missing += membershipGaps(group, name: "co-production working group")
        } else {
            shows.append("There is no co-production working group yet.")
            missing.append("Create a co-production working group of experts by experience and staff.")
        }
        shows.append(count(facts.planItems, "action-plan item", "action-plan items") + ", \(facts.planItemsDone) done.")
        shows.append(
            count(facts.insights, "insight", "insights") + " recorded from "
                + count(facts.communitiesHeardFrom, "community", "communities")
                + ", " + count(facts.underServedCommunitiesHeardFrom, "of them under-served", "of them under-served")
                + ".")
        shows.append(
            count(facts.insightsAnswered, "insight has", "insights have") + " a \"you said, we did\" answer; "
                + count(facts.publishedCommunityPages, "community page is", "community pages are") + " published.")
        shows.append(count(facts.workshopsHeld, "workshop held", "workshops held") + ".")
        if facts.planItems == 0 { missing.append("Write the co-production action plan: what, how, who and when.") }
        if facts.insights == 0 { missing.append("Record insights from communities, staff and peer support workers.") }
        if facts.underServedCommunitiesHeardFrom == 0 {
            missing.append("Hear from at least one under-served community.")
        }
        if facts.insightsAnswered == 0 { missing.append("Answer insights with what changed, or why not.") }
        if facts.publishedCommunityPages == 0 {
            missing.append("Publish a community's \"you said, we did\" page so it can be shared.")
        }
        let started = !facts.coproductionGroups.isEmpty || facts.insights > 0 || facts.planItems > 0
        return FirstStepAssessment(
            number: 2, outcome: outcome, state: state(started: started, done: missing.isEmpty), shows: shows,
            missing: missing)
    }

    // 3: "A comprehensive understanding of who is currently delivering support…" (the asset map, 003 step 3).
    static func assetMap(_ facts: FirstStepsFacts, categories: [(key: String, label: String)]) -> FirstStepAssessment {
        let outcome = "An understanding of the support already in the community: the asset map"
        let covered = categories.filter { facts.categoriesCovered.contains($0.key) }
        var shows = [
            count(facts.activeAssets, "active asset is", "active assets are")
                + " on the map, in \(covered.count) of the \(categories.count) categories."
        ]
        shows.append(
            count(facts.staleAssets, "entry has", "entries have")
                + " not been checked for \(facts.staleAfterMonths) months or more.")
        var missing: [String] = []
        let uncovered = categories.filter { !facts.categoriesCovered.contains($0.key) }.map(\.label)
        if !uncovered.isEmpty { missing.append("No assets yet in: " + uncovered.joined(separator: "; ") + ".") }
        if !facts.needsWithoutAsset.isEmpty {
            missing.append(
                "No asset meets these needs anywhere: " + facts.needsWithoutAsset.joined(separator: "; ") + ".")
        }
        if facts.staleAssets > 0 {
            missing.append("Check the " + count(facts.staleAssets, "entry", "entries") + " due for review.")
        }
        return FirstStepAssessment(
            number: 3, outcome: outcome,
            state: state(started: facts.activeAssets > 0, done: facts.activeAssets > 0 && missing.isEmpty),
            shows: shows, missing: missing)
    }

    // 4: "An alliance of voluntary and community organisations coming together, ready for procurement."
    static func alliance(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "An alliance of voluntary and community organisations forming"
        guard let alliance = facts.alliances.max(by: { ($0.members, $0.joining) < ($1.members, $1.joining) }) else {
            return FirstStepAssessment(
                number: 4, outcome: outcome, state: .notStarted, shows: ["There is no VCSE alliance yet."],
                missing: ["Create a VCSE alliance group and bring organisations into it."])
        }
        let shows = [
            "The alliance has " + count(alliance.members, "member organisation", "member organisations")
                + " and \(alliance.joining) joining.",
            alliance.hasAccountableBody
                ? "It has elected an accountable body." : "It has not elected an accountable body yet.",
            alliance.hasPrinciples
                ? "Its shared principles are written down." : "Its shared principles are not written down yet.",
        ]
        var missing: [String] = []
        if alliance.members < 2 { missing.append("At least two organisations become members.") }
        if !alliance.hasPrinciples { missing.append("Agree and write down the alliance's shared principles.") }
        if !alliance.hasAccountableBody { missing.append("Elect an accountable body by a decision of the alliance.") }
        return FirstStepAssessment(
            number: 4, outcome: outcome, state: state(started: true, done: missing.isEmpty), shows: shows,
            missing: missing)
    }

    static func statusCounts(_ deliverables: [FirstStepsFacts.Deliverable]) -> String {
        DeliverableStatus.allCases.compactMap { status in
            let n = deliverables.filter { $0.status == status }.count
            return n == 0 ? nil : "\(status.label.lowercased()): \(n)"
        }.joined(separator: ", ")
    }

    // 5: "A new model of community mental health care forming (but not necessarily finalised)."
    static func newModel(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A new model of community mental health care forming"
        let deliverables = facts.modelDeliverables
        guard !deliverables.isEmpty else {
            return FirstStepAssessment(
                number: 5, outcome: outcome, state: .notStarted,
                shows: ["The roadmap has no model development deliverables."],
                missing: ["Load the national roadmap, or add the model development deliverables."])
        }
        let shows = [
            count(deliverables.count, "model development deliverable", "model development deliverables")
                + " on the roadmap ("
                + statusCounts(deliverables) + ")."
        ]
        var missing: [String] = []
        let notStarted = deliverables.filter { $0.status == .notStarted }.map(\.title)
        if !notStarted.isEmpty { missing.append("Not started: " + notStarted.joined(separator: "; ") + ".") }
        let moving = deliverables.contains { [.inProgress, .atRisk, .inPlace].contains($0.status) }
        if !moving { missing.append("None is in progress yet.") }
        let started = deliverables.contains { $0.status != .notStarted }
        return FirstStepAssessment(
            number: 5, outcome: outcome, state: state(started: started, done: missing.isEmpty), shows: shows,
            missing: missing)
    }

    // 6: "A workforce plan and recruitment starting with role adverts published."
    static func workforce(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A workforce plan, with recruitment started and role adverts published"
        var shows = [
            count(facts.advertsPublished, "role advert has", "role adverts have")
                + " been published; \(facts.advertsOpen) open now; "
                + count(facts.appointments, "person appointed", "people appointed") + "."
        ]
        let planned = facts.workforceDeliverables.filter { $0.status != .notStarted }
        if !facts.workforceDeliverables.isEmpty {
            shows.append(
                "\(planned.count) of "
                    + count(facts.workforceDeliverables.count, "workforce deliverable", "workforce deliverables")
                    + " on the roadmap have started (" + statusCounts(facts.workforceDeliverables) + ").")
        }
        var missing: [String] = []
        if facts.workforceDeliverables.isEmpty {
            missing.append("Load the national roadmap, or add the workforce deliverables, to plan the workforce.")
        } else if planned.isEmpty {
            missing.append("Start planning the workforce deliverables on the roadmap.")
        }
        if facts.advertsPublished == 0 { missing.append("Publish a role advert.") }
        let started = facts.advertsPublished > 0 || !planned.isEmpty
        return FirstStepAssessment(
            number: 6, outcome: outcome, state: state(started: started, done: missing.isEmpty), shows: shows,
            missing: missing)
    }
}
