/// One line of the error summary: a link to the field and the message shown beside it.
public struct ErrorItem: Encodable, Sendable, Equatable {
    public let href: String
    public let message: String
}

/// The problems found when checking a submitted form, in the order the fields appear.
public struct FormErrors: Sendable, Equatable, Encodable {
    private var messages: [(field: String, message: String)] = []

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    /// Records the first problem for a field; later ones for the same field are ignored.
    public mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        messages.append((field, message))
    }

    public subscript(_ field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    /// The summary items, each linking to its field's input by id.
    public var summary: [ErrorItem] {
        messages.map { ErrorItem(href: "#\(Field.inputID($0.field))", message: $0.message) }
    }

    /// Encoded as its summary, so a page model can hold its errors as a plain stored property.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
    }

    public static func == (left: FormErrors, right: FormErrors) -> Bool {
        left.messages.map(\.field) == right.messages.map(\.field)
            && left.messages.map(\.message) == right.messages.map(\.message)
    }
}

/// How a field's hint and error are tied to its input: their ids and the `aria-describedby` that names them.
/// Worked out once here for every kind of field.
struct FieldDescription: Sendable, Equatable {
    let error: String?
    let hintID: String?
    let errorID: String?
    let describedBy: String?

    init(id: String, name: String, hint: String?, errors: FormErrors) {
        error = errors[name]
        hintID = hint == nil ? nil : "\(id)-hint"
        errorID = error == nil ? nil : "\(id)-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        describedBy = described.isEmpty ? nil : described
    }
}

/// A form field as the `partials/field` template draws it: label, hint, error and the value typed,
/// with `aria-describedby` tying the hint and error to the input.
public struct Field: Encodable, Sendable, Equatable {
    public let name: String
    public let id: String
    public let label: String
    public let value: String
    public let type: String
    public let hint: String?
    public let hintID: String?
    public let error: String?
    public let errorID: String?
    public let describedBy: String?
    public let autocomplete: String?
    public let isPassword: Bool

    public init(
        _ name: String, label: String, value: String = "", type: String = "text", hint: String? = nil,
        autocomplete: String? = nil, errors: FormErrors = FormErrors()
    ) {
        self.name = name
        self.id = Self.inputID(name)
        self.label = label
        self.type = type
        self.isPassword = type == "password"
        // Passwords are never sent back to the browser, even after a failed submit. What the person typed before their
        // session ended comes back in place of the page's own value (`KeptForm`).
        self.value = type == "password" ? "" : (KeptForm.values(for: name)?.first ?? value)
        self.hint = hint
        let description = FieldDescription(id: id, name: name, hint: hint, errors: errors)
        (error, hintID, errorID, describedBy) = (
            description.error, description.hintID, description.errorID, description.describedBy
        )
        self.autocomplete = autocomplete
    }

    static func inputID(_ name: String) -> String { "field-\(name)" }
}

/// One radio button or checkbox in a `ChoiceField`.
public struct Choice: Encodable, Sendable, Equatable {
    public let value: String
    public let label: String
    public let id: String
    public let checked: Bool
}

/// Radio buttons (one answer) or checkboxes (any number) under a legend, with a hint and error tied to the
/// fieldset, drawn by `partials/choices`.
public struct ChoiceField: Encodable, Sendable, Equatable {
    public let name: String
    public let id: String
    public let legend: String
    public let hint: String?
    public let hintID: String?
    public let error: String?
    public let errorID: String?
    public let describedBy: String?
    /// "radio" or "checkbox".
    public let inputType: String
    public let choices: [Choice]

    /// Radio buttons: one answer.
    public init(
        _ name: String, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        selected: String,
        errors: FormErrors
    ) {
        self.init(
            name, legend: legend, hint: hint, multiple: false, options: options, selected: [selected], errors: errors)
    }

    /// Checkboxes: any number of answers.
    public init(
        _ name: String, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        selected: Set<String>,
        errors: FormErrors
    ) {
        self.init(
            name, legend: legend, hint: hint, multiple: true, options: options, selected: selected, errors: errors)
    }

    public init(
        _ name: String, legend: String, hint: String?, multiple: Bool, options: [(value: String, label: String)],
        selected: Set<String>, errors: FormErrors
    ) {
        self.name = name
        id = Field.inputID(name)
        self.legend = legend
        self.hint = hint
        let description = FieldDescription(id: id, name: name, hint: hint, errors: errors)
        (error, hintID, errorID, describedBy) = (
            description.error, description.hintID, description.errorID, description.describedBy
        )
        inputType = multiple ? "checkbox" : "radio"
        // What the person typed before their session ended, if it was kept (`KeptForm`), else what the page chose.
        let chosen: Set<String> = KeptForm.values(for: name).map { Set($0) } ?? selected
        // The first choice carries the field's id so the error summary link lands on it.
        choices = options.enumerated().map { index, option in
            Choice(
                value: option.value, label: option.label,
                id: index == 0 ? Field.inputID(name) : "\(Field.inputID(name))-\(option.value)",
                checked: chosen.contains(option.value))
        }
    }
}

/// A drop-down list with a label and error, like `Field`.
public struct SelectField: Encodable, Sendable, Equatable {
    public struct Option: Encodable, Sendable, Equatable {
        public let value: String
        public let label: String
        public let selected: Bool
    }

    public let name: String
    public let id: String
    public let label: String
    public let hint: String?
    public let hintID: String?
    public let options: [Option]
    public let error: String?
    public let errorID: String?
    public let describedBy: String?

    public init(
        _ name: String, label: String, hint: String? = nil, options: [(value: String, label: String)], selected: String,
        errors: FormErrors
    ) {
        self.name = name
        self.id = Field.inputID(name)
        self.label = label
        self.hint = hint
        let chosen = KeptForm.values(for: name)?.first ?? selected
        self.options = options.map { Option(value: $0.value, label: $0.label, selected: $0.value == chosen) }
        let description = FieldDescription(id: id, name: name, hint: hint, errors: errors)
        (error, hintID, errorID, describedBy) = (
            description.error, description.hintID, description.errorID, description.describedBy
        )
    }
}
