/// The "check your answers" pieces named by a form's field enum (`FormFieldName`), so the check page names each field
/// as its form does.
extension CheckAnswerRow {
    /// `field` names the form's input for this answer; `form` is where the form posts.
    init<F: FormFieldName>(_ label: String, _ value: String, field: F, form: String) {
        self.init(label, value, field: field.rawValue, form: form)
    }
}

extension CarriedValue {
    /// The values `form` holds for `fields`, carried through the check page.
    static func all<F: FormFieldName>(_ fields: [F], from form: FormData) -> [CarriedValue] {
        all(fields.map(\.rawValue), from: form)
    }
}
