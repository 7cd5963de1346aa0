/// The names of one form's fields, declared once as an enum in the form's feature:
///
///     enum PlanItemFormField: String, FormFieldName {
///         case what, how, dueOn = "due_on"
///     }
///
/// The parser reads `form[F.what]` and records `errors.add(F.what, …)`, the page model draws `Field(F.what, …)`, and
/// the template names only the page model's property; so a field's name is written once, and a misspelt name does not
/// compile. The raw value is the name the browser sends, which tests post as written.
public protocol FormFieldName: RawRepresentable, Sendable where RawValue == String {}

extension FormData {
    /// A form holding `pairs`, as a page that fills a form from a saved record builds it.
    public init<F: FormFieldName>(_ pairs: [(F, String)]) {
        self.init(pairs.map { ($0.0.rawValue, $0.1) })
    }

    /// The first value for `field`, or "" when it was not sent.
    public subscript<F: FormFieldName>(_ field: F) -> String { self[field.rawValue] }

    /// The first value for `field` with surrounding spaces removed.
    public func trimmed<F: FormFieldName>(_ field: F) -> String { trimmed(field.rawValue) }

    /// Every value sent for `field` (checkboxes).
    public func all<F: FormFieldName>(_ field: F) -> [String] { all(field.rawValue) }

    /// A record id chosen for `field`, or nil.
    public func id<F: FormFieldName>(_ field: F) -> Int64? { id(field.rawValue) }

    /// Every id sent for `field`, with anything that is not an id as nil.
    public func ids<F: FormFieldName>(_ field: F) -> [Int64?] { ids(field.rawValue) }

    /// A number the page itself sends for `field`, bounded to `range`; see `number(_:in:)`.
    public func number<F: FormFieldName>(_ field: F, in range: ClosedRange<Int>) throws -> Int? {
        try number(field.rawValue, in: range)
    }

    /// The words typed into a search field.
    public func searchWords<F: FormFieldName>(_ field: F) -> SearchWords { searchWords(field.rawValue) }

    /// The same form with `field`'s value replaced.
    public func replacing<F: FormFieldName>(_ field: F, with value: String) -> FormData {
        replacing(field.rawValue, with: value)
    }
}

extension FormErrors {
    /// Records the first problem for `field`.
    public mutating func add<F: FormFieldName>(_ field: F, _ message: String) { add(field.rawValue, message) }

    /// The problem recorded for `field`, if any.
    public subscript<F: FormFieldName>(_ field: F) -> String? { self[field.rawValue] }

    /// Records a problem when `field`'s trimmed value is longer than `max`; true when it fits.
    @discardableResult
    public mutating func checkLength<F: FormFieldName>(_ form: FormData, _ field: F, max: Int, label: String) -> Bool {
        checkLength(form, field.rawValue, max: max, label: label)
    }

    /// Records a problem for `field` when `value` is longer than `max`; true when it fits.
    @discardableResult
    public mutating func checkLength<F: FormFieldName>(_ value: String, _ field: F, max: Int, label: String) -> Bool {
        checkLength(value, field.rawValue, max: max, label: label)
    }
}

extension Field {
    /// A field named by its form's enum, showing `value`.
    public init<F: FormFieldName>(
        _ field: F, label: String, value: String, type: String = "text", hint: String? = nil,
        autocomplete: String? = nil, errors: FormErrors = FormErrors()
    ) {
        self.init(
            field.rawValue, label: label, value: value, type: type, hint: hint, autocomplete: autocomplete,
            errors: errors)
    }

    /// A field named by its form's enum, showing what was typed into it in `form`.
    public init<F: FormFieldName>(
        _ field: F, label: String, form: FormData, type: String = "text", hint: String? = nil,
        autocomplete: String? = nil, errors: FormErrors = FormErrors()
    ) {
        self.init(
            field.rawValue, label: label, value: form[field], type: type, hint: hint, autocomplete: autocomplete,
            errors: errors)
    }
}

extension SelectField {
    /// A drop-down list named by its form's enum, with the option chosen in `form` selected.
    public init<F: FormFieldName>(
        _ field: F, label: String, hint: String? = nil, options: [(value: String, label: String)], form: FormData,
        errors: FormErrors
    ) {
        self.init(field.rawValue, label: label, hint: hint, options: options, selected: form[field], errors: errors)
    }

    /// A drop-down list named by its form's enum, with `selected` selected.
    public init<F: FormFieldName>(
        _ field: F, label: String, hint: String? = nil, options: [(value: String, label: String)], selected: String,
        errors: FormErrors
    ) {
        self.init(field.rawValue, label: label, hint: hint, options: options, selected: selected, errors: errors)
    }
}

extension ChoiceField {
    /// Radio buttons named by their form's enum, with the answer chosen in `form` checked.
    public init<F: FormFieldName>(
        radios field: F, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        form: FormData, errors: FormErrors
    ) {
        self.init(
            field.rawValue, legend: legend, hint: hint, multiple: false, options: options, selected: [form[field]],
            errors: errors)
    }

    /// Checkboxes named by their form's enum, with every answer chosen in `form` checked.
    public init<F: FormFieldName>(
        checkboxes field: F, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        form: FormData, errors: FormErrors
    ) {
        self.init(
            field.rawValue, legend: legend, hint: hint, multiple: true, options: options,
            selected: Set(form.all(field)), errors: errors)
    }

    /// Radio buttons or checkboxes named by their form's enum, with `selected` checked.
    public init<F: FormFieldName>(
        _ field: F, legend: String, hint: String? = nil, multiple: Bool = false,
        options: [(value: String, label: String)], selected: Set<String>, errors: FormErrors
    ) {
        self.init(
            field.rawValue, legend: legend, hint: hint, multiple: multiple, options: options, selected: selected,
            errors: errors)
    }
}

/// A field a form repeats once per record or row, named by the field's part and the record's id or the row's number:
/// "minutes_12" is agenda item 12's minutes, "expense_kind_2" the second expense row's kind.
public struct NumberedField<Part: RawRepresentable & Sendable>: FormFieldName where Part.RawValue == String {
    public let part: Part
    public let number: Int64

    public init(_ part: Part, _ number: Int64) {
        self.part = part
        self.number = number
    }

    public init(_ part: Part, _ number: Int) {
        self.init(part, Int64(number))
    }

    /// The field a name sent by the browser stands for, or nil when it is not one of these.
    public init?(rawValue: String) {
        guard let split = rawValue.lastIndex(of: "_"), let part = Part(rawValue: String(rawValue[..<split])),
            let number = BoundedNumber.id(String(rawValue[rawValue.index(after: split)...]))
        else { return nil }
        self.init(part, number)
    }

    public var rawValue: String { "\(part.rawValue)_\(number)" }
}

/// Fields every edit form shares.
public enum EditField: String, FormFieldName {
    /// The version of the record the edit was made from (a hidden field), checked so one person's save cannot
    /// silently overwrite another's.
    case version
}
