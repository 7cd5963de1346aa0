/// The partnership's name and purpose, as the public front door shows them.
public struct FrontDoorSettings: Sendable, Equatable {
    public var name: String
    public var purpose: String

    /// True before an administrator has named the partnership.
    public var isUnset: Bool { name.isEmpty }
}

/// The front door form: a name and a purpose, both needed.
enum FrontDoorForm {
    /// The front door form's fields.
    enum Field: String, FormFieldName {
        case name = "partnership_name", purpose
    }

    /// The settings typed, or problems in `errors` (and nil).
    static func parse(_ form: FormData, errors: inout FormErrors) -> FrontDoorSettings? {
        typealias F = Field
        let name = form.trimmed(F.name), purpose = form.trimmed(F.purpose)
        if name.isEmpty {
            errors.add(F.name, "Enter the partnership's name, for example \"Example Valley partnership\"")
        }
        errors.checkLength(name, F.name, max: TextLimit.line, label: "The name")
        if purpose.isEmpty { errors.add(F.purpose, "Enter what the partnership is for, in a sentence or two") }
        errors.checkLength(purpose, F.purpose, max: 2_000, label: "The purpose")
        guard errors.isEmpty else { return nil }
        return FrontDoorSettings(name: name, purpose: purpose)
    }
}
