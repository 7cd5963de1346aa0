import Foundation

/// One answer on a "check your answers" page (`Views/check-answers.mustache`), with where "Change" lands.
struct CheckAnswerRow: Encodable, Sendable {
    let label: String
    let value: String
    /// The form with this answer's input in view; nil for answers the form does not ask for.
    let changeAction: String?
    /// Read after "Change" by screen readers: "Change amount".
    let changeLabel: String

    /// `field` names the form's input for this answer; `form` is where the form posts.
    init(_ label: String, _ value: String, field: String?, form: String) {
        self.label = label
        self.value = value
        changeAction = field.map { form + "#" + Field.inputID($0) }
        changeLabel = label.lowercased()
    }
}

/// A value carried from the form through the check page unchanged, so "Change" shows the form as the person left it.
struct CarriedValue: Encodable, Sendable {
    let name: String
    let value: String

    static func all(_ names: [String], from form: FormData) -> [CarriedValue] {
        names.map { CarriedValue(name: $0, value: form[$0]) }
    }
}

/// What every "check your answers" page shows before something permanent is saved (DESIGN.md, forms; WCAG 3.3.4):
/// the answers, each with "Change", the typed values carried through, and one button to confirm. Page models that
/// conform render with the one shared template.
protocol CheckAnswersPage: PageModel {
    var intro: String { get }
    var rows: [CheckAnswerRow] { get }
    var hidden: [CarriedValue] { get }
    /// Where the form posts: the confirm button sends `step=confirm`, "Change" sends `step=change`.
    var action: String { get }
    var afterwards: String { get }
    var confirmLabel: String { get }
    var cancelHref: String { get }
}

extension CheckAnswersPage {
    static var template: String { "check-answers" }
    static var hasForm: Bool { true }
}

/// A warning a "check your answers" page shows above the answers, before anything is saved (issue 17: an allocation
/// beyond the money received). A page model that has one names it `checkWarning`; pages without one show nothing.
struct CheckWarning: Encodable, Sendable {
    let heading: String
    let lines: [String]
    let advice: String
}
