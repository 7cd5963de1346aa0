extension FirstStepsRules {
    /// Step 2, 003 "Co-production", its suggested timeline: form a co-production working group (3); co-produce an
    /// action plan (4) that obtains insights "from representative groups of people with lived experience in different
    /// local communities" (4a) and "from staff and peer support workers" (4b); "carry out a number of workshops to
    /// share insights, and develop your local model" (5); feed back to communities (7). In place needs all of it:
    /// workshops that have happened, not just been scheduled, with outputs; insights from communities and from staff
    /// or peer support workers; and a published "you said, we did" page with answers on it.
    static func coproduction(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A co-production working group gathering insights and feeding back to communities"
        var evidence: [FirstStepNote] = []
        var missing: [FirstStepNote] = []
        let group = furthest(facts.coproductionGroups)
        if let group {
            evidence.append(membershipLine(group, name: "co-production working group"))
            missing += membershipGaps(group, name: "co-production working group")
        } else {
            evidence.append(.init("There is no co-production working group yet.", .groups))
            missing.append(.init("Create a co-production working group of experts by experience and staff.", .groups))
        }
        evidence.append(
            .init(
                count(facts.planItems, "action-plan item", "action-plan items") + ", \(facts.planItemsDone) done.",
                .actionPlan))
        evidence.append(
            .init(
                count(facts.insights, "insight", "insights") + " recorded from "
                    + count(facts.communitiesHeardFrom, "community", "communities")
                    + ", "
                    + count(facts.underServedCommunitiesHeardFrom, "of them under-served", "of them under-served")
                    + ".", .insights))
        evidence.append(
            .init(
                count(facts.communityInsights, "insight was", "insights were")
                    + " heard from community groups or people in communities; "
                    + count(facts.staffInsights, "insight was", "insights were")
                    + " heard from staff or peer support workers.", .insights))
        let workshopLink: FirstStepLink? =
            facts.latestWorkshop.map { .meeting(group: $0.groupID, meeting: $0.meetingID) }
            ?? group.map { .meetings($0.id) }
        evidence.append(
            .init(
                count(facts.workshopsHeld, "workshop has", "workshops have") + " been held, "
                    + "\(facts.workshopsWithOutputs) with outputs recorded; "
                    + count(facts.workshopsPlanned, "is", "are") + " planned and not marked held yet.", workshopLink))
        evidence.append(
            .init(
                count(facts.insightsAnswered, "insight has", "insights have") + " a \"you said, we did\" answer; "
                    + count(facts.publishedCommunityPages, "community page is", "community pages are")
                    + " published, \(facts.publishedPagesWithAnswers) with answers on it.", .feedback))
        if facts.planItems == 0 {
            missing.append(.init("Write the co-production action plan: what, how, who and when.", .actionPlan))
        }
        if facts.communityInsights == 0 {
            missing.append(.init("Record insights heard from community groups or people in communities.", .insights))
        }
        if facts.underServedCommunitiesHeardFrom == 0 {
            missing.append(.init("Hear from at least one under-served community.", .insights))
        }
        if facts.staffInsights == 0 {
            missing.append(.init("Record insights heard from staff or peer support workers.", .insights))
        }
        if facts.workshopsHeld == 0 {
            let planned = facts.workshopsPlanned == 0 ? "" : " (a planned one counts once it is marked held)"
            missing.append(
                .init("Hold a workshop to share insights and develop the local model\(planned).", workshopLink))
        } else if facts.workshopsWithOutputs == 0 {
            missing.append(
                .init(
                    "Record what came out of the workshops held: insights heard there, action-plan items or minutes.",
                    workshopLink))
        }
        if facts.insightsAnswered == 0 {
            missing.append(.init("Answer insights with what changed, or why not.", .insights))
        }
        if facts.publishedPagesWithAnswers == 0 {
            missing.append(
                .init(
                    "Publish a community's \"you said, we did\" page, with at least one answer on it, so it can be shared.",
                    .feedback))
        }
        let started =
            group != nil || facts.insights > 0 || facts.planItems > 0 || facts.workshopsHeld > 0
            || facts.workshopsPlanned > 0
        return FirstStepAssessment(
            number: 2, outcome: outcome, state: state(started: started, done: missing.isEmpty), evidence: evidence,
            missing: missing)
    }

    /// Step 3, 003 "Mapping community assets" (and Appendix 2): every category mapped, every need of the co-produced
    /// model met somewhere, and the map kept checked.
    static func assetMap(_ facts: FirstStepsFacts, categories: [(key: String, label: String)]) -> FirstStepAssessment {
        let outcome = "An understanding of the support already in the community: the asset map"
        let covered = categories.filter { facts.categoriesCovered.contains($0.key) }
        let evidence = [
            FirstStepNote(
                count(facts.activeAssets, "active asset is", "active assets are")
                    + " on the map, in \(covered.count) of the \(categories.count) categories.", .assets),
            FirstStepNote(
                count(facts.staleAssets, "entry has", "entries have")
                    + " not been checked for \(facts.staleAfterMonths) months or more.", .assetReview),
        ]
        var missing: [FirstStepNote] = []
        let uncovered = categories.filter { !facts.categoriesCovered.contains($0.key) }.map(\.label)
        if !uncovered.isEmpty {
            missing.append(.init("No assets yet in: " + uncovered.joined(separator: "; ") + ".", .assets))
        }
        if !facts.needsWithoutAsset.isEmpty {
            missing.append(
                .init(
                    "No asset meets these needs anywhere: " + facts.needsWithoutAsset.joined(separator: "; ") + ".",
                    .assetGaps))
        }
        if facts.staleAssets > 0 {
            missing.append(
                .init("Check the " + count(facts.staleAssets, "entry", "entries") + " due for review.", .assetReview))
        }
        return FirstStepAssessment(
            number: 3, outcome: outcome,
            state: state(started: facts.activeAssets > 0, done: facts.activeAssets > 0 && missing.isEmpty),
            evidence: evidence, missing: missing)
    }

    /// Step 4, 003 "Alliance building": organisations coming together, principles agreed early, and (the Somerset
    /// case study) an accountable body elected.
    static func alliance(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "An alliance of voluntary and community organisations forming"
        guard let alliance = facts.alliances.max(by: { ($0.members, $0.joining) < ($1.members, $1.joining) }) else {
            return FirstStepAssessment(
                number: 4, outcome: outcome, state: .notStarted,
                evidence: [.init("There is no VCSE alliance yet.", .alliances)],
                missing: [.init("Create a VCSE alliance group and bring organisations into it.", .groups)])
        }
        let link = FirstStepLink.alliance(alliance.id)
        let evidence = [
            FirstStepNote(
                "The alliance has " + count(alliance.members, "member organisation", "member organisations")
                    + " and \(alliance.joining) joining.", link),
            FirstStepNote(
                alliance.hasAccountableBody
                    ? "It has elected an accountable body." : "It has not elected an accountable body yet.", link),
            FirstStepNote(
                alliance.hasPrinciples
                    ? "Its shared principles are written down." : "Its shared principles are not written down yet.",
                link),
        ]
        var missing: [FirstStepNote] = []
        if alliance.members < 2 { missing.append(.init("At least two organisations become members.", link)) }
        if !alliance.hasPrinciples {
            missing.append(.init("Agree and write down the alliance's shared principles.", link))
        }
        if !alliance.hasAccountableBody {
            missing.append(.init("Elect an accountable body by a decision of the alliance.", link))
        }
        return FirstStepAssessment(
            number: 4, outcome: outcome, state: state(started: true, done: missing.isEmpty), evidence: evidence,
            missing: missing)
    }
}
