import Foundation

/// Naming the roadmap deliverables a decision affects (issue 19): the deliverables by workstream, those it names
/// ticked. The deliverable pages list the decision in return.
struct DecisionDeliverablesPage: PageModel {
    static let template = "decisions/deliverables"
    let title: String
    let decisionTitle: String
    let groupName: String
    let action: String
    let cancelHref: String
    let deliverables: GroupedChoices
    let errors: FormErrors

    enum DeliverablesField: String, FormFieldName {
        case deliverables
    }

    init(group: Group, decision: Decision, deliverables: [Deliverable], form: FormData, errors: FormErrors) {
        title = "Deliverables this decision affects"
        decisionTitle = decision.title
        groupName = group.name
        action = Href.decisionDeliverables(group.id, decision.id)
        cancelHref = Href.decision(group.id, decision.id)
        self.deliverables = GroupedChoices.deliverables(
            DeliverablesField.deliverables, deliverables, form: form, errors: errors,
            hint:
                "Select the roadmap deliverables this decision changes or moves on, grouped by workstream. Each one's page will list this decision, and a status change there can cite it."
        )
        self.errors = errors
    }

    /// The form as the decision now stands: the deliverables it names ticked.
    static func formData(for ids: [Int64]) -> FormData {
        FormData(ids.map { (DeliverablesField.deliverables, String($0)) })
    }
}
