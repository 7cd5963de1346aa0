import Foundation

extension GroupedChoices {
    /// Live deliverables, one section per workstream in roadmap order, as `field`, with those chosen in `form` ticked.
    static func deliverables<F: FormFieldName>(
        _ field: F, _ deliverables: [Deliverable], form: FormData, errors: FormErrors, hint: String
    ) -> GroupedChoices {
        var order: [String] = []
        var byWorkstream: [String: [(value: String, label: String)]] = [:]
        for deliverable in deliverables {
            if byWorkstream[deliverable.workstreamName] == nil { order.append(deliverable.workstreamName) }
            byWorkstream[deliverable.workstreamName, default: []].append((String(deliverable.id), deliverable.title))
        }
        return GroupedChoices(
            field, legend: "Roadmap deliverables (optional)", hint: hint,
            sections: order.map { (heading: $0, options: byWorkstream[$0] ?? []) },
            selected: Set(form.all(field)),
            emptyText: "The roadmap has no deliverables yet.", errors: errors)
    }
}
