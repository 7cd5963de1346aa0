/// The crisis line form: all three fields empty removes the line; otherwise a name and a number are needed.
enum UrgentHelpForm {
    /// The crisis line form's fields.
    enum LineField: String, FormFieldName {
        case name, phone, hours
    }

    /// The line typed, nil to remove it, or problems in `errors` (and nil).
    static func parse(_ form: FormData, errors: inout FormErrors) -> CrisisLine?? {
        typealias F = LineField
        let name = form.trimmed(F.name), phone = form.trimmed(F.phone), hours = form.trimmed(F.hours)
        if name.isEmpty, phone.isEmpty, hours.isEmpty { return .some(nil) }
        if name.isEmpty { errors.add(F.name, "Enter who answers the line, for example \"Example crisis team\"") }
        errors.checkLength(name, F.name, max: TextLimit.line, label: "The name")
        if let problem = phoneProblem(phone) { errors.add(F.phone, problem) }
        errors.checkLength(hours, F.hours, max: TextLimit.line, label: "When it is open")
        guard errors.isEmpty else { return nil }
        return .some(CrisisLine(name: name, phone: phone, hours: hours))
    }

    /// A UK phone number as people write it: digits, spaces and brackets, perhaps a leading "+", 3 to 15 digits.
    static func phoneProblem(_ phone: String) -> String? {
        if phone.isEmpty { return "Enter the line's phone number, for example 0800 123 4567" }
        let allowed = phone.enumerated().allSatisfy { index, character in
            (character.isASCII && character.isNumber) || character == " " || character == "(" || character == ")"
                || character == "-" || (character == "+" && index == 0)
        }
        let digits = phone.filter { $0.isASCII && $0.isNumber }.count
        guard allowed, (3...15).contains(digits) else {
            return "Enter the phone number using digits and spaces only, for example 0800 123 4567"
        }
        return nil
    }
}
