import Foundation

/// One revision of a decision: what it says, whether it was corrected, every revision and what each changed.
struct DecisionPage: PageModel {
    static let template = "decisions/show"
    let title: String
    let groupName: String
    let decisionsHref: String
    let rows: [Row]
    let invalidReason: String?
    /// On an earlier revision: it was corrected, and where the latest is.
    let supersededBy: String?
    /// On the latest revision of a corrected decision: "Corrected on … by …: reason".
    let correctionNote: String?
    let meetingHref: String?
    let proposalHref: String?
    let correctHref: String?
    let visibilityAction: String?
    let isPublished: Bool
    let publishedHref: String?
    let revisions: [Revision]
    let hasRevisions: Bool
    /// The roadmap deliverables it affects (issue 19), and where to change them.
    let deliverables: [NamedDeliverable]
    let deliverablesHref: String?

    struct NamedDeliverable: Encodable, Sendable {
        let title: String
        let href: String
    }

    struct Row: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct Revision: Encodable, Sendable {
        let number: Int
        let href: String
        let recorded: String
        let reason: String?
        let isCurrent: Bool
        let changes: [Change]
        let hasChanges: Bool
    }

    struct Change: Encodable, Sendable {
        let label: String
        let before: String
        let after: String
    }

    /// `revisions`: every revision of the decision, oldest first; `meetings` labels the meeting it was taken at.
    init(
        group: Group, decision: Decision, revisions: [Decision], meetings: [DecisionMeetingChoice],
        proposalHref: String?, canRecord: Bool, deliverables: [Deliverable] = []
    ) {
        title = decision.title
        groupName = group.name
        decisionsHref = Href.decisions(group.id)
        let label = { (revision: Decision) in revision.meetingID.flatMap { id in meetings.first { $0.id == id }?.label }
        }
        rows =
            DecisionRevisions.fields(decision, meetingLabel: label(decision)).filter {
                $0.label != "Title" && $0.label != "Validity"
            }
            .map { Row(label: $0.label, value: $0.value) }
            + [
                Row(
                    label: "Recorded",
                    value: "\(LondonTime.dateTime(decision.recordedAt)) by \(decision.recordedByName)")
            ]
        invalidReason = decision.isValid ? nil : (decision.invalidReason ?? "")
        let latest = revisions.last ?? decision
        let isLatest = latest.id == decision.id
        supersededBy = isLatest ? nil : Href.decision(group.id, latest.id)
        correctionNote =
            isLatest
            ? decision.correctionReason.map {
                "Corrected on \(LondonTime.date(decision.recordedAt)) by \(decision.recordedByName): \($0)"
            } : nil
        meetingHref = decision.meetingID.map { Href.meeting(group.id, $0) }
        self.proposalHref = proposalHref
        correctHref = canRecord && isLatest ? Href.correctDecision(group.id, decision.id) : nil
        visibilityAction = canRecord && isLatest ? Href.decisionVisibility(group.id, decision.id) : nil
        isPublished = latest.visibility == .published
        publishedHref = isPublished ? Href.publishedDecision(group.id, decision.chainID) : nil
        var previous: [DecisionRevisions.Field]?
        var built: [Revision] = []
        for (index, revision) in revisions.enumerated() {
            let fields = DecisionRevisions.fields(revision, meetingLabel: label(revision))
            let changes = previous.map { DecisionRevisions.changes(from: $0, to: fields) } ?? []
            built.append(
                Revision(
                    number: index + 1, href: Href.decision(group.id, revision.id),
                    recorded: "\(LondonTime.dateTime(revision.recordedAt)) by \(revision.recordedByName)",
                    reason: revision.correctionReason,
                    isCurrent: revision.id == decision.id,
                    changes: changes.map { Change(label: $0.label, before: $0.before, after: $0.after) },
                    hasChanges: !changes.isEmpty
                ))
            previous = fields
        }
        self.revisions = built
        hasRevisions = built.count > 1
        self.deliverables = deliverables.map { NamedDeliverable(title: $0.title, href: Href.deliverable($0.id)) }
        deliverablesHref = canRecord && isLatest ? Href.decisionDeliverables(group.id, decision.id) : nil
    }
}
