import Foundation

/// What to work on next: the key enablers, the cycles and an order to work in.
struct RoadmapAnalysisPage: PageModel {
    static let template = "roadmap/analysis"
    let roadmapLinks = RoadmapLinks()
    let title = "What to work on next"
    let enablers: [Enabler]
    let cycles: [Cycle]
    let steps: [Step]
    let skipped: String?
    let showAllHref: String?

    struct Enabler: Encodable, Sendable {
        let rank: Int
        let link: DeliverableLink
        let direct: Int
        let transitive: Int
    }

    struct Cycle: Encodable, Sendable {
        let id: String
        let number: Int
        let progress: String
        let members: [DeliverableLink]
    }

    struct Step: Encodable, Sendable {
        let number: Int
        let cycle: Int?
        let members: [DeliverableLink]
    }

    init(graph: RoadmapGraph, showAll: Bool) {
        enablers = graph.keyEnablers().enumerated().map { rank, entry in
            Enabler(rank: rank + 1, link: DeliverableLink(graph.deliverables[entry.node]), direct: entry.reach.direct, transitive: entry.reach.transitive)
        }
        cycles = graph.cycles.enumerated().map { index, members in
            let done = members.filter { graph.deliverables[$0].status == .inPlace }.count
            return Cycle(id: "cycle-\(index + 1)", number: index + 1, progress: "\(done) of \(members.count) in place",
                         members: members.map { DeliverableLink(graph.deliverables[$0]) })
        }
        var steps: [Step] = []
        var skipped = 0
        for members in graph.components {
            if !showAll, members.allSatisfy({ graph.deliverables[$0].status == .inPlace }) { skipped += 1; continue }
            steps.append(Step(number: steps.count + 1, cycle: members.count > 1 ? graph.cycleNumber(of: members[0]) : nil,
                              members: members.map { DeliverableLink(graph.deliverables[$0]) }))
        }
        self.steps = steps
        self.skipped = skipped > 0 ? "\(skipped) step\(skipped == 1 ? " is" : "s are") already in place and left out." : nil
        showAllHref = skipped > 0 ? Href.roadmapAnalysis(query: ["all": "yes"], fragment: "work-order") : nil
    }
}

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
        since = Field("since", label: "Changes since", value: day, type: "date", hint: "For example the day of the last leaders group meeting.", errors: errors)
        quickPicks = meetings.map { QuickPick(label: "\($0.name), \(LondonTime.day($0.day))", href: Href.roadmapChanges(query: ["since": $0.day])) }
        heading = changes == nil ? nil : "Since \(LondonTime.day(day))"
        let list = changes ?? []
        let groups: [(String, Set<RoadmapChange.Kind>)] = [
            ("Deliverables added", [.added]), ("Retired or brought back", [.retired, .restored]), ("Status changes", [.status]),
            ("Owner changes", [.owner]), ("Target date changes", [.target]), ("Links added or removed", [.linkAdded, .linkRemoved]),
            ("Other changes", [.edited, .involvement, .marker]),
        ]
        counts = changes == nil ? [] : groups.map { label, kinds in StatusCount(label: label, count: list.filter { kinds.contains($0.kind) }.count) }
        rows = list.map { change in
            Row(when: LondonTime.dateTime(change.at), deliverable: change.deliverableTitle, href: Href.deliverable(change.deliverableID),
                what: change.sentence, who: change.byName ?? "Alongside", note: change.note.isEmpty ? nil : change.note)
        }
        self.errors = errors
    }
}

/// Importing a roadmap from JSON: the pasted text is kept when there are problems, each listed with where it is.
struct RoadmapImportPage: PageModel {
    static let template = "roadmap/import"
    static let hasForm = true
    let roadmapLinks = RoadmapLinks()
    let title = "Import a roadmap"
    let field: Field
    let problems: [Problem]
    let errors: FormErrors

    struct Problem: Encodable, Sendable {
        let location: String
        let message: String
    }

    init(text: String, problems: [RoadmapImport.Problem]) {
        var errors = FormErrors()
        if !problems.isEmpty {
            errors.add("roadmap", "Nothing was imported: the file has \(problems.count) problem\(problems.count == 1 ? "" : "s"), listed below the box. Fix them and import again")
        }
        field = Field("roadmap", label: "The roadmap as JSON", value: text, type: "textarea",
                      hint: "In the shape of the roadmap JSON download. Entries whose id is already a deliverable here update it; others are added.", errors: errors)
        self.problems = problems.map { Problem(location: $0.location, message: $0.message) }
        self.errors = errors
    }
}

/// Whether roadmap progress is readable without signing in.
struct RoadmapPublishingPage: PageModel {
    static let template = "roadmap/publishing"
    static let hasForm = true
    let roadmapLinks = RoadmapLinks()
    let title = "Publish roadmap progress"
    let published: ChoiceField
    let errors: FormErrors

    init(form: FormData, errors: FormErrors) {
        published = ChoiceField("published", legend: "Can anyone read the roadmap's progress without signing in?", options: [
            ("yes", "Yes: publish each deliverable's title and status, by workstream (owners, notes and history stay private)"),
            ("no", "No: only people signed in can read it"),
        ], selected: form["published"], errors: errors)
        self.errors = errors
    }
}

/// Roadmap progress for the public: workstreams, status counts and each deliverable's status. No owners or notes.
struct PublishedRoadmapPage: PageModel {
    static let template = "roadmap/published"
    let title = "Roadmap progress"
    let summary: String
    let sections: [Section]

    struct Section: Encodable, Sendable {
        let id: String
        let name: String
        let progress: String
        let percent: Int
        let rows: [Row]
    }

    struct Row: Encodable, Sendable {
        let title: String
        let status: StatusView
    }

    init(graph: RoadmapGraph, workstreams: [Workstream]) {
        let all = graph.deliverables
        let done = all.filter { $0.status == .inPlace }.count
        summary = "\(done) of \(all.count) deliverables in place."
        let byWorkstream = Dictionary(grouping: all, by: \.workstream)
        sections = workstreams.compactMap { workstream in
            guard let list = byWorkstream[workstream.key] else { return nil }
            let inPlace = list.filter { $0.status == .inPlace }.count
            return Section(id: "workstream-\(workstream.key)", name: workstream.name, progress: "\(inPlace) of \(list.count) in place",
                           percent: inPlace * 100 / list.count, rows: list.map { Row(title: $0.title, status: StatusView($0.status)) })
        }
    }
}
