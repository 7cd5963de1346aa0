import Foundation

/// How a status is shown: its words, and a tag style. The words always carry the meaning; colour only adds to it.
struct StatusView: Encodable, Sendable {
    let label: String
    let tagClass: String

    init(_ status: DeliverableStatus) {
        label = status.label
        switch status {
        case .notStarted: tagClass = "tag tag-grey"
        case .planning: tagClass = "tag tag-blue"
        case .inProgress: tagClass = "tag tag-yellow"
        case .atRisk: tagClass = "tag tag-missing"
        case .inPlace: tagClass = "tag"
        }
    }
}

/// A deliverable named in a list, with its status.
struct DeliverableLink: Encodable, Sendable {
    let id: Int64
    let title: String
    let href: String
    let status: StatusView

    init(_ deliverable: Deliverable) {
        id = deliverable.id
        title = deliverable.title
        href = Href.deliverable(deliverable.id)
        status = StatusView(deliverable.status)
    }
}

struct StatusCount: Encodable, Sendable {
    let label: String
    let count: Int
}

/// The roadmap overview: every live deliverable by workstream, with status counts and progress, filtered by
/// workstream, status and owner.
struct RoadmapPage: PageModel {
    static let template = "roadmap/index"
    let roadmapLinks = RoadmapLinks()
    let title = "Roadmap"
    let workstream: SelectField
    let status: SelectField
    let owner: SelectField
    let involvement: SelectField
    /// The "blocked" filter (issue 19): only deliverables waiting on something not yet in place.
    let waiting: SelectField
    let summary: String
    let totals: [StatusCount]
    let involvementCounts: [StatusCount]
    let sections: [Section]
    let hasSections: Bool
    let canManage: Bool
    let isFiltered: Bool
    /// Dedicated focus areas not started: left out of the counts and analysis (issue 19).
    let notStarted: String?
    /// The workstreams' tables, rendered from `sections` by `RoadmapSections` (and kept until the roadmap changes).
    var sectionsHTML = ""

    struct Section: Encodable, Sendable {
        let id: String
        let name: String
        let progress: String
        let percent: Int
        let counts: [StatusCount]
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let link: DeliverableLink
        let owner: String
        let target: String
        /// What it relies upon directly that is not yet in place (issue 19).
        let waitingOn: [DeliverableLink]
        /// The cycle it is in, if any: its members must move together.
        let cycle: Int?
        let involvement: String
        let notInGrid: Bool
    }

    init(
        graph: RoadmapGraph, workstreams: [Workstream], owners: [(value: String, label: String)], query: FormData,
        canManage: Bool
    ) {
        typealias F = RoadmapForms.FilterField
        let none = FormErrors()
        workstream = SelectField(
            F.workstream, label: "Workstream",
            options: [("", "All workstreams")] + workstreams.map { ($0.key, $0.name) },
            form: query, errors: none)
        status = SelectField(
            F.status, label: "Status",
            options: [("", "Any status")] + DeliverableStatus.allCases.map { ($0.rawValue, $0.label) },
            form: query, errors: none)
        owner = SelectField(
            F.owner, label: "Owner", options: [("", "Anyone"), ("none", "Nobody yet")] + owners,
            form: query, errors: none)
        involvement = SelectField(
            F.involvement, label: "Involvement of experts by experience",
            options: [("", "Any"), ("none", "Not recorded")] + InvolvementRung.allCases.map { ($0.rawValue, $0.label) },
            form: query, errors: none)
        let unstarted = workstreams.filter { !$0.started }.map(\.name)
        notStarted =
            unstarted.isEmpty
            ? nil
            : "Not started here yet, so left out of the counts and analysis: \(unstarted.joined(separator: ", "))."
        waiting = SelectField(
            F.waiting, label: "Waiting on others",
            options: [("", "Any"), ("yes", "Waiting on something not in place"), ("no", "Waiting on nothing")],
            form: query, errors: none)
        let waitingOn = (0..<graph.deliverables.count).map { graph.waitingOn($0) }
        let chosen = (0..<graph.deliverables.count).filter { index in
            let deliverable = graph.deliverables[index]
            if query[F.waiting] == "yes", waitingOn[index].isEmpty { return false }
            if query[F.waiting] == "no", !waitingOn[index].isEmpty { return false }
            if !query[F.workstream].isEmpty, deliverable.workstream != query[F.workstream] { return false }
            if !query[F.status].isEmpty, deliverable.status.rawValue != query[F.status] { return false }
            switch query[F.involvement] {
            case "": break
            case "none": if deliverable.involvement != nil { return false }
            case let value: if deliverable.involvement?.rawValue != value { return false }
            }
            switch query[F.owner] {
            case "": return true
            case "none": return deliverable.owner == nil
            case let value: return deliverable.owner?.formValue == value
            }
        }
        isFiltered = !(query[F.workstream] + query[F.status] + query[F.owner] + query[F.involvement] + query[F.waiting])
            .isEmpty
        func counts(_ indices: [Int]) -> [StatusCount] {
            DeliverableStatus.allCases.map { status in
                StatusCount(
                    label: status.label, count: indices.filter { graph.deliverables[$0].status == status }.count)
            }
        }
        func progress(_ indices: [Int]) -> (String, Int) {
            let done = indices.filter { graph.deliverables[$0].status == .inPlace }.count
            let percent = indices.isEmpty ? 0 : done * 100 / indices.count
            return ("\(done) of \(indices.count) in place (\(percent)%)", percent)
        }
        totals = counts(chosen)
        involvementCounts =
            InvolvementRung.allCases.map { rung in
                StatusCount(
                    label: rung.label, count: chosen.filter { graph.deliverables[$0].involvement == rung }.count)
            } + [
                StatusCount(
                    label: "Not recorded", count: chosen.filter { graph.deliverables[$0].involvement == nil }.count)
            ]
        summary =
            "\(chosen.count) deliverable\(chosen.count == 1 ? "" : "s")"
            + (chosen.isEmpty ? "" : ", " + progress(chosen).0)
        let byWorkstream = Dictionary(grouping: chosen, by: { graph.deliverables[$0].workstream })
        sections = workstreams.compactMap { workstream in
            guard let indices = byWorkstream[workstream.key] else { return nil }
            let (text, percent) = progress(indices)
            return Section(
                id: "workstream-\(workstream.key)", name: workstream.name, progress: text, percent: percent,
                counts: counts(indices),
                rows: indices.map { index in
                    let deliverable = graph.deliverables[index]
                    return Row(
                        link: DeliverableLink(deliverable), owner: deliverable.ownerName ?? "Nobody yet",
                        target: deliverable.targetOn.map(LondonTime.day) ?? "Not set",
                        waitingOn: waitingOn[index].map { DeliverableLink(graph.deliverables[$0]) },
                        cycle: graph.cycleNumber(of: index),
                        involvement: deliverable.involvement?.label ?? "Not recorded", notInGrid: !deliverable.inGrid)
                })
        }
        hasSections = !sections.isEmpty
        self.canManage = canManage
    }
}

/// The overview's tables of deliverables, one per workstream: most of the overview, rendered on its own so it can be
/// kept until the roadmap changes.
struct RoadmapSections: Encodable, Sendable {
    static let template = "roadmap/sections"
    let roadmapLinks = RoadmapLinks()
    let sections: [RoadmapPage.Section]
    let hasSections: Bool
    let canManage: Bool

    init(_ page: RoadmapPage) {
        (sections, hasSections, canManage) = (page.sections, page.hasSections, page.canManage)
    }
}

/// One deliverable: its text, status and history, success markers, links both ways and its cycle.
struct DeliverablePage: PageModel {
    static let template = "roadmap/deliverable"
    static let hasForm = true
    let roadmapLinks = RoadmapLinks()
    let title: String
    let deliverable: Details
    let details: [LabelledLine]
    let canManage: Bool
    let canUpdate: Bool
    let statusForm: StatusForm?
    let markers: [Marker]
    let gettingStarted: [Text]
    let resources: [Text]
    let voice: [Text]
    let reliesOn: [LinkRow]
    let reliedOnBy: [DeliverableLink]
    let transitive: String
    let canRestore: Bool
    let blockers: [DeliverableLink]
    /// What it relies upon directly that is not yet in place (issue 19).
    let waitingOn: [DeliverableLink]
    let neighbourhoodHref: String?
    let reach: String
    let cycle: Cycle?
    let linkForm: SelectField?
    let confirmRetire: Field?
    let history: [HistoryRow]
    /// The decisions, action-plan items and meeting actions that name it, newest first (issue 19).
    let records: [RecordRow]
    let errors: FormErrors

    struct RecordRow: Encodable, Sendable {
        let kind: String
        let title: String
        let href: String
        let context: String
        let when: String
        let state: String
    }

    struct Details: Encodable, Sendable {
        let id: Int64
        let summary: String?
        let workstream: String
        let status: StatusView
        let notInGrid: Bool
        let retired: String?
        let editHref: String
        let statusAction: String
        let linksAction: String
        let retireAction: String
        let restoreAction: String
    }

    struct StatusForm: Encodable, Sendable {
        let status: ChoiceField
        let note: Field
        /// The decision the change cites, offered when decisions name the deliverable.
        let decision: SelectField?
    }

    struct Marker: Encodable, Sendable {
        let id: String
        let text: String
        let source: String
        let status: String
        let met: Bool
        let evidence: String?
        let action: String
        let choice: SelectField
        let evidenceField: Field
    }

    struct Text: Encodable, Sendable {
        let text: String
        let source: String
    }

    struct LinkRow: Encodable, Sendable {
        let link: DeliverableLink
        let removeAction: String?
    }

    struct Cycle: Encodable, Sendable {
        let number: Int
        let href: String
        let others: [DeliverableLink]
    }

    struct HistoryRow: Encodable, Sendable {
        let when: String
        let what: String
        let who: String
        let note: String?
        /// The decision a status change cites: a link when the person may read it.
        let cites: Cited?
    }

    struct Cited: Encodable, Sendable {
        let title: String
        let href: String?
    }

    init(
        deliverable item: Deliverable, items: [DeliverableItem], graph: RoadmapGraph, history changes: [RoadmapChange],
        canManage: Bool, canUpdate: Bool, records: [DeliverableRecord] = [], form: FormData, errors: FormErrors,
        errorMarkerID: Int64? = nil
    ) {
        title = item.title
        let decisions = records.filter { $0.kind == .decision }
        let id = item.id
        deliverable = Details(
            id: id, summary: item.summary.isEmpty ? nil : item.summary, workstream: item.workstreamName,
            status: StatusView(item.status),
            notInGrid: !item.inGrid, retired: item.retiredAt.map(LondonTime.date), editHref: Href.editDeliverable(id),
            statusAction: Href.deliverableStatus(id), linksAction: Href.deliverableLinks(id),
            retireAction: Href.retireDeliverable(id), restoreAction: Href.restoreDeliverable(id)
        )
        details = [
            LabelledLine(label: "Workstream", value: item.workstreamName),
            LabelledLine(label: "Owner", value: item.ownerName ?? "Nobody yet"),
            LabelledLine(label: "Target date", value: item.targetOn.map(LondonTime.day) ?? "Not set"),
            LabelledLine(
                label: "Involvement of experts by experience",
                value: item.involvement.map { "\($0.label): \($0.hint)" } ?? "Not recorded"),
        ]
        self.canManage = canManage && !item.isRetired
        self.canUpdate = canUpdate && !item.isRetired
        canRestore = canManage && item.isRetired
        statusForm =
            canUpdate && !item.isRetired
            ? StatusForm(
                // The status it has now comes first, so the person starts from where it stands (issue 19).
                status: ChoiceField(
                    radios: RoadmapForms.StatusField.status, legend: "New status",
                    hint: "It is \(item.status.label.lowercased()) now.",
                    options: [(item.status.rawValue, "\(item.status.label) (as now)")]
                        + DeliverableStatus.allCases.filter { $0 != item.status }.map { ($0.rawValue, $0.label) },
                    form: form, errors: errors),
                note: Field(
                    RoadmapForms.StatusField.note, label: "What happened", form: form, type: "textarea",
                    hint: "Kept in the history with your name and the date.", errors: errors),
                decision: decisions.isEmpty
                    ? nil
                    : SelectField(
                        RoadmapForms.StatusField.decision, label: "The decision that made this change (optional)",
                        hint: "Decisions that name this deliverable.",
                        options: [("", "None")] + decisions.map { (String($0.id), "\($0.title) (\($0.context))") },
                        form: form, errors: errors)
            ) : nil
        markers = items.filter { $0.kind == .successMarker }.map { marker in
            let mine = errorMarkerID == marker.id
            let markerErrors = mine ? errors : FormErrors()
            let statusField = RoadmapForms.MarkerField(.status, marker.id)
            let evidenceField = RoadmapForms.MarkerField(.evidence, marker.id)
            return Marker(
                id: "marker-\(marker.id)", text: marker.text, source: marker.source,
                status: (marker.markerStatus ?? .notMet).label,
                met: marker.markerStatus == .met, evidence: marker.evidence.isEmpty ? nil : marker.evidence,
                action: Href.successMarker(id, marker.id),
                choice: SelectField(
                    statusField, label: "How far it is met",
                    options: MarkerStatus.allCases.map { ($0.rawValue, $0.label) },
                    selected: mine ? form[statusField] : (marker.markerStatus ?? .notMet).rawValue,
                    errors: markerErrors),
                evidenceField: Field(
                    evidenceField, label: "Evidence",
                    value: mine ? form[evidenceField] : marker.evidence,
                    type: "textarea", errors: markerErrors)
            )
        }
        func texts(_ kind: DeliverableItem.Kind) -> [Text] {
            items.filter { $0.kind == kind }.map { Text(text: $0.text, source: $0.source) }
        }
        gettingStarted = texts(.gettingStarted)
        resources = texts(.resource)
        voice = texts(.serviceUserVoice)
        if let node = graph.index(of: id) {
            reliesOn = graph.reliesOn(node).map {
                LinkRow(
                    link: DeliverableLink(graph.deliverables[$0]),
                    removeAction: canManage ? Href.removeDeliverableLink(id, graph.deliverables[$0].id) : nil)
            }
            reliedOnBy = graph.reliedOnBy(node).map { DeliverableLink(graph.deliverables[$0]) }
            let count = graph.reliesOnTransitively(node).count
            transitive =
                "With what those rely upon in turn, it relies on \(count) deliverable\(count == 1 ? "" : "s") in all."
            blockers = graph.blockers(of: node).map { DeliverableLink(graph.deliverables[$0]) }
            waitingOn = graph.waitingOn(node).map { DeliverableLink(graph.deliverables[$0]) }
            neighbourhoodHref = Href.roadmapGraph(query: [
                RoadmapForms.PictureFilterField.deliverable.rawValue: String(id)
            ])
            let reach = graph.reach[node]
            self.reach =
                "\(reach.direct) deliverable\(reach.direct == 1 ? "" : "s") rely on it directly, \(reach.transitive) directly or through others."
            cycle = graph.cycleNumber(of: node).map { number in
                Cycle(
                    number: number, href: Href.roadmapAnalysis() + "#cycle-\(number)",
                    others: graph.components[graph.componentOf[node]].filter { $0 != node }.map {
                        DeliverableLink(graph.deliverables[$0])
                    })
            }
            let linked = Set(graph.reliesOn(node))
            linkForm =
                canManage
                ? SelectField(
                    RoadmapForms.LinkField.reliesOn, label: "Relies upon",
                    options: [("", "Select a deliverable")]
                        + graph.deliverables.indices
                        .filter { $0 != node && !linked.contains($0) }.map {
                            (String(graph.deliverables[$0].id), graph.deliverables[$0].title)
                        },
                    selected: errorMarkerID == nil ? form[RoadmapForms.LinkField.reliesOn] : "", errors: errors) : nil
        } else {
            reliesOn = []; reliedOnBy = []; transitive = ""; blockers = []; waitingOn = []; neighbourhoodHref = nil
            reach =
                item.isRetired
                ? "Retired deliverables are left out of the analysis."
                : "Its focus area is not started yet, so it is left out of the counts and the analysis."
            cycle = nil; linkForm = nil
        }
        confirmRetire =
            canManage && !item.isRetired
            ? Field(RoadmapForms.RetireField.confirm, label: "Yes, retire this deliverable", value: "", errors: errors)
            : nil
        history = changes.map { change in
            HistoryRow(
                when: LondonTime.dateTime(change.at), what: change.sentence, who: change.byName ?? "Alongside",
                note: change.note.isEmpty ? nil : change.note,
                cites: change.decisionID.map { id in
                    decisions.first { $0.id == id }.map { Cited(title: $0.title, href: $0.href) }
                        ?? Cited(title: "a decision you cannot read here", href: nil)
                })
        }
        self.records = records.map {
            RecordRow(
                kind: $0.kind.label, title: $0.title, href: $0.href, context: $0.context, when: LondonTime.date($0.at),
                state: $0.state)
        }
        self.errors = errors
    }
}

/// Adding or editing a deliverable. On an edit refused because someone else saved first, their version is
/// shown beside what this person typed.
struct DeliverableFormPage: PageModel {
    static let template = "roadmap/form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let titleField: Field
    let workstream: SelectField
    let summary: Field
    let owner: SelectField
    let targetOn: Field
    let involvement: ChoiceField
    let conflict: [LabelledLine]
    let hasConflict: Bool
    let errors: FormErrors

    init(
        editing: Deliverable?, workstreams: [Workstream], owners: [(value: String, label: String)], form: FormData,
        errors: FormErrors,
        version: Int? = nil, conflict: Deliverable? = nil
    ) {
        typealias F = RoadmapForms.DeliverableField
        title = editing.map { "Edit: \($0.title)" } ?? "Add a deliverable"
        action = editing.map { Href.editDeliverable($0.id) } ?? Href.newDeliverable()
        cancelHref = editing.map { Href.deliverable($0.id) } ?? Href.roadmap()
        self.version = (version ?? editing?.version).map(String.init)
        titleField = Field(F.title, label: "Title", form: form, errors: errors)
        workstream = SelectField(
            F.workstream, label: "Workstream",
            options: [("", "Select a workstream")] + workstreams.map { ($0.key, $0.name) },
            form: form, errors: errors)
        summary = Field(
            F.summary, label: "Summary (optional)", form: form, type: "textarea",
            hint: "What it is and why it matters, in plain words.", errors: errors)
        owner = SelectField(
            F.owner, label: "Owner (optional)", hint: "A person or a group.", options: [("", "Nobody yet")] + owners,
            form: form, errors: errors)
        targetOn = Field(
            F.targetOn, label: "Target date (optional)", form: form, type: "date", errors: errors)
        involvement = ChoiceField(
            radios: F.involvement, legend: "How are experts by experience involved?",
            options: [("", "Not recorded yet")]
                + InvolvementRung.allCases.map { ($0.rawValue, "\($0.label): \($0.hint)") },
            form: form, errors: errors)
        hasConflict = conflict != nil
        self.conflict =
            conflict.map { current in
                [
                    LabelledLine(label: "Title", value: current.title),
                    LabelledLine(label: "Workstream", value: current.workstreamName),
                    LabelledLine(label: "Summary", value: current.summary.isEmpty ? "None" : current.summary),
                    LabelledLine(label: "Owner", value: current.ownerName ?? "Nobody yet"),
                    LabelledLine(label: "Target date", value: current.targetOn.map(LondonTime.day) ?? "Not set"),
                    LabelledLine(label: "Involvement", value: current.involvement?.label ?? "Not recorded"),
                ]
            } ?? []
        self.errors = errors
    }

    static func formData(for deliverable: Deliverable) -> FormData {
        typealias F = RoadmapForms.DeliverableField
        return FormData([
            (F.title, deliverable.title), (F.workstream, deliverable.workstream), (F.summary, deliverable.summary),
            (F.owner, deliverable.owner?.formValue ?? ""), (F.targetOn, deliverable.targetOn ?? ""),
            (F.involvement, deliverable.involvement?.rawValue ?? ""),
        ])
    }
}
