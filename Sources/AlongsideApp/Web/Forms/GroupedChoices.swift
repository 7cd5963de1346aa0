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

    /// Ids ticked on a form, kept only when they are among those offered; `refused` is true when any was not.
    static func chosenIDs(_ values: [String], offered: Set<Int64>) -> (ids: [Int64], refused: Bool) {
        let parsed = values.filter { !$0.isEmpty }.map(BoundedNumber.id)
        let refused = parsed.contains { $0 == nil || !offered.contains($0!) }
        return (Array(Set(parsed.compactMap { $0 }.filter(offered.contains))).sorted(), refused)
    }
}
