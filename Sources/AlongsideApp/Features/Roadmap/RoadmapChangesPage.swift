import Foundation

/// Every change since a date: status, owner, target date, involvement, links, deliverables added or retired.
struct RoadmapChangesPage: PageModel {
    static let template = "roadmap/changes"
    let roadmapLinks = RoadmapLinks()
    let title = "What changed since"
    let since: Field
    let quickPicks: [QuickPick]
    let heading: String?
    let counts: [StatusCount]
    let rows: [Row]
    let errors: FormErrors

    struct QuickPick: Encodable, Sendable {
        let label: String
        let href: String
    }

    struct Row: Encodable, Sendable {
        let when: String
        let deliverable: String
        let href: String
        let what: String
        let who: String
        let note: String?
    }

    init(since day: String, changes: [RoadmapChange]?, meetings: [(name: String, day: String)], errors: FormErrors) {
        since = Field(
            RoadmapForms.ChangesField.since, label: "Changes since", value: day, type: "date",
            hint: "For example the day of the last leaders group meeting.", errors: errors)
        quickPicks = meetings.map {
            QuickPick(
                label: "\($0.name), \(LondonTime.day($0.day))", href: Href.roadmapChanges(query: ["since": $0.day]))
        }
        heading = changes == nil ? nil : "Since \(LondonTime.day(day))"
        let list = changes ?? []
        let groups: [(String, Set<RoadmapChange.Kind>)] = [
            ("Deliverables added", [.added]), ("Retired or brought back", [.retired, .restored]),
            ("Status changes", [.status]),
            ("Owner changes", [.owner]), ("Target date changes", [.target]),
            ("Links added or removed", [.linkAdded, .linkRemoved]),
            ("Other changes", [.edited, .involvement, .marker]),
        ]
        counts =
            changes == nil
            ? []
            : groups.map { label, kinds in
                StatusCount(label: label, count: list.filter { kinds.contains($0.kind) }.count)
            }
        rows = list.map { change in
            Row(
                when: LondonTime.dateTime(change.at), deliverable: change.deliverableTitle,
                href: Href.deliverable(change.deliverableID),
                what: change.sentence, who: change.byName ?? "Alongside", note: change.note.isEmpty ? nil : change.note)
        }
        self.errors = errors
    }
}
