import Foundation

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
        typealias F = RoadmapForms.ImportField
        var errors = FormErrors()
        if !problems.isEmpty {
            errors.add(
                F.roadmap,
                "Nothing was imported: the file has \(problems.count) problem\(problems.count == 1 ? "" : "s"), listed below the box. Fix them and import again"
            )
        }
        field = Field(
            F.roadmap, label: "The roadmap as JSON", value: text, type: "textarea",
            hint:
                "In the shape of the roadmap JSON download. Entries whose id is already a deliverable here update it; others are added.",
            errors: errors)
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
        published = ChoiceField(
            radios: RoadmapForms.PublishingField.published,
            legend: "Can anyone read the roadmap's progress without signing in?",
            options: [
                (
                    "yes",
                    "Yes: publish each deliverable's title and status, by workstream (owners, notes and history stay private)"
                ),
                ("no", "No: only people signed in can read it"),
            ], form: form, errors: errors)
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
            return Section(
                id: "workstream-\(workstream.key)", name: workstream.name,
                progress: "\(inPlace) of \(list.count) in place",
                percent: inPlace * 100 / list.count,
                rows: list.map { Row(title: $0.title, status: StatusView($0.status)) })
        }
    }
}

/// Which dedicated focus areas the partnership has started (issue 19; 001 footnote 6: two of the three).
struct RoadmapFocusAreasPage: PageModel {
    static let template = "roadmap/focus-areas"
    static let hasForm = true
    let roadmapLinks = RoadmapLinks()
    let title = "Dedicated focus areas"
    let started: ChoiceField?
    let errors: FormErrors

    init(workstreams: [Workstream], form: FormData, errors: FormErrors) {
        let focus = workstreams.filter { FocusAreas.keys.contains($0.key) }
        started =
            focus.isEmpty
            ? nil
            : ChoiceField(
                checkboxes: RoadmapForms.FocusField.started, legend: "Which focus areas has the partnership started?",
                hint:
                    "The national roadmap expects work on at least 2 of the 3. One not started is left out of the roadmap's counts and analysis until it is.",
                options: focus.map { ($0.key, $0.name) }, form: form, errors: errors)
        self.errors = errors
    }
}
