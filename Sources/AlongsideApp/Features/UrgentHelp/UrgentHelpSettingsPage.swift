/// Setting the partnership's own crisis line.
struct UrgentHelpSettingsPage: PageModel {
    static let template = "urgent-help/settings"
    static let hasForm = true
    let title = "Urgent help on public pages"
    let action = Href.urgentHelpSettings()
    let cancelHref = Href.home()
    let name: Field
    let phone: Field
    let hours: Field
    let errors: FormErrors

    init(form: FormData, errors: FormErrors = FormErrors()) {
        typealias F = UrgentHelpForm.LineField
        name = Field(
            F.name, label: "Who answers the line", form: form,
            hint: "For example, \"Example NHS crisis line\".", errors: errors)
        phone = Field(
            F.phone, label: "Phone number", form: form, type: "tel",
            hint: "For example, 0800 123 4567.", autocomplete: "off", errors: errors)
        hours = Field(
            F.hours, label: "When it is open (optional)", form: form,
            hint: "For example, \"24 hours a day, every day\".", errors: errors)
        self.errors = errors
    }
}
