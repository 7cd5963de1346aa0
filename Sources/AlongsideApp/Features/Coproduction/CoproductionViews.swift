import Foundation

/// Checkboxes in sections (deliverables by workstream, decisions by group) inside one fieldset, so the whole set
/// has one legend, hint and error, and each box a unique id. The first box carries the field's id so the error
/// summary's link lands on it.
struct GroupedChoices: Encodable, Sendable {
    struct Section: Encodable, Sendable {
        let heading: String?
        let choices: [Choice]
    }

    let name: String
    let legend: String
    let hint: String?
    let hintID: String?
    let error: String?
    let errorID: String?
    let describedBy: String?
    let sections: [Section]
    let isEmpty: Bool
    let emptyText: String

    init<F: FormFieldName>(
        _ field: F, legend: String, hint: String?,
        sections: [(heading: String?, options: [(value: String, label: String)])],
        selected: Set<String>, emptyText: String, errors: FormErrors
    ) {
        let name = field.rawValue
        self.name = name
        self.legend = legend
        self.hint = hint
        let id = Field.inputID(name)
        hintID = hint == nil ? nil : "\(id)-hint"
        error = errors[name]
        errorID = error == nil ? nil : "\(id)-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        describedBy = described.isEmpty ? nil : described
        var first = true
        self.sections = sections.filter { !$0.options.isEmpty }.map { section in
            Section(
                heading: section.heading,
                choices: section.options.map { option in
                    defer { first = false }
                    return Choice(
                        value: option.value, label: option.label, id: first ? id : "\(id)-\(option.value)",
                        checked: selected.contains(option.value))
                })
        }
        isEmpty = self.sections.isEmpty
        self.emptyText = emptyText
    }

    /// Live deliverables, one section per workstream in roadmap order, as `field`, with those chosen in `form` ticked.
    static func deliverables<F: FormFieldName>(
        _ field: F, _ deliverables: [Deliverable], form: FormData, errors: FormErrors, hint: String
    ) -> GroupedChoices {
        var order: [String] = []
        var byWorkstream: [String: [(value: String, label: String)]] = [:]
        for deliverable in deliverables {
            if byWorkstream[deliverable.workstreamName] == nil { order.append(deliverable.workstreamName) }
            byWorkstream[deliverable.workstreamName, default: []].append((String(deliverable.id), deliverable.title))
        }
        return GroupedChoices(
            field, legend: "Roadmap deliverables (optional)", hint: hint,
            sections: order.map { (heading: $0, options: byWorkstream[$0] ?? []) },
            selected: Set(form.all(field)),
            emptyText: "The roadmap has no deliverables yet.", errors: errors)
    }
}

/// Options for the group and workshop selects: "None" first.
enum CoproductionOptions {
    static func groups(_ scope: CoproductionScope) -> [(value: String, label: String)] {
        [("", "None")] + scope.groups.map { (String($0.group.id), $0.group.name) }
    }

    static func workshops(_ scope: CoproductionScope) -> [(value: String, label: String)] {
        [("", "None")] + scope.workshops.map { (String($0.id), $0.label) }
    }

    static func communities(_ communities: [Community]) -> [(value: String, label: String)] {
        communities.map { (String($0.id), $0.name + ($0.underServed ? " (under-served)" : "")) }
    }
}

/// A label and value in a summary list.
struct DetailLine: Encodable, Sendable {
    let label: String
    let value: String
}

/// Someone else's saved version, shown above the form when a save is refused as stale.
struct TheirVersion: Encodable, Sendable {
    let lines: [DetailLine]
}
