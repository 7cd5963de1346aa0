import Foundation

struct DecisionsPage: PageModel {
    static let template = "decisions/index"
    let title: String
    let groupName: String
    let groupHref: String
    let newHref: String?
    let proposalsHref: String
    let reviewsDueHref = Href.reviewsDue()
    let searchHref: String
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let recorded: String
        let outcome: String
        let validity: String?
        let isCorrected: Bool
        let isPublished: Bool
    }

    init(group: Group, decisions: [Decision], canRecord: Bool) {
        title = "Decisions: \(group.name)"
        groupName = group.name
        groupHref = Href.group(group.id)
        newHref = canRecord ? Href.newDecision(group.id) : nil
        proposalsHref = Href.proposals(group.id)
        searchHref = Href.decisionSearch(query: ["group": group.id])
        rows = decisions.map {
            Row(
                title: $0.title, href: Href.decision(group.id, $0.id), recorded: LondonTime.date($0.recordedAt),
                outcome: $0.outcome.label, validity: $0.isValid ? nil : "Not valid under the terms of reference",
                isCorrected: $0.correctsDecisionID != nil, isPublished: $0.visibility == .published)
        }
        hasRows = !rows.isEmpty
    }
}

/// A published decision, readable without signing in: the latest revision, and the note of its correction.
struct PublishedDecisionPage: PageModel {
    static let template = "decisions/published"
    let title: String
    let groupName: String
    let groupHref: String?
    let rows: [DecisionPage.Row]
    let correctionNote: String?

    init(group: Group, decision: Decision, meetings: [DecisionMeetingChoice]) {
        title = decision.title
        groupName = group.name
        groupHref = group.visibility == .published ? Href.publishedGroup(group.id) : nil
        let meetingLabel = decision.meetingID.flatMap { id in meetings.first { $0.id == id }?.label }
        rows =
            DecisionRevisions.fields(decision, meetingLabel: meetingLabel).filter { $0.label != "Title" }
            .map { DecisionPage.Row(label: $0.label, value: $0.value) }
            + [DecisionPage.Row(label: "Recorded", value: LondonTime.date(decision.recordedAt))]
        correctionNote = decision.correctionReason.map { "Corrected on \(LondonTime.date(decision.recordedAt)): \($0)" }
    }
}
