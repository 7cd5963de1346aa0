import Foundation

/// Radios or checkboxes with a hint tied to the fieldset (the shared partials have no hint for radios),
/// drawn by `partials/hinted-choices`.
struct HintedChoices: Encodable, Sendable {
    let name: String
    let id: String
    let legend: String
    let hint: String?
    let hintID: String?
    let error: String?
    let errorID: String?
    let describedBy: String?
    let inputType: String
    let choices: [Choice]

    init(_ name: String, legend: String, hint: String?, multiple: Bool, options: [(value: String, label: String)],
         selected: Set<String>, errors: FormErrors) {
        self.name = name
        id = Field.inputID(name)
        self.legend = legend
        self.hint = hint
        hintID = hint == nil ? nil : "\(id)-hint"
        error = errors[name]
        errorID = error == nil ? nil : "\(id)-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        describedBy = described.isEmpty ? nil : described
        inputType = multiple ? "checkbox" : "radio"
        // The first choice carries the field's id so the error summary link lands on it.
        choices = options.enumerated().map { index, option in
            Choice(value: option.value, label: option.label, id: index == 0 ? Field.inputID(name) : "\(Field.inputID(name))-\(option.value)",
                   checked: selected.contains(option.value))
        }
    }
}
