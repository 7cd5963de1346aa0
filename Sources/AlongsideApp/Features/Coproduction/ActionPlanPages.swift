import Foundation

/// The action plan, by status then due date, with a status filter.
struct ActionPlanPage: PageModel {
    static let template = "coproduction/plan-index"
    let title = "Co-production action plan"
    let hubHref: String
    let action: String
    let status: SelectField
    let count: String
    let rows: [Row]
    let hasRows: Bool
    let newHref: String?
    let csvHref: String

    struct Row: Encodable, Sendable {
        let what: String
        let href: String
        let who: String
        let due: String
        let status: String
        let tagClass: String
    }

    /// Status order first (not started, in progress, done, stopped), then due date with undated items last.
    static func ordered(_ items: [PlanItem]) -> [PlanItem] {
        let rank = Dictionary(uniqueKeysWithValues: PlanStatus.allCases.enumerated().map { ($1, $0) })
        return items.sorted {
            if $0.status != $1.status { return rank[$0.status]! < rank[$1.status]! }
            switch ($0.input.dueOn, $1.input.dueOn) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            default: return $0.id < $1.id
            }
        }
    }

    /// The filter's field in the query string.
    enum FilterField: String, FormFieldName {
        case status
    }

    init(items: [PlanItem], status filter: PlanStatus?, canManage: Bool) {
        hubHref = Href.coproduction()
        action = Href.actionPlan()
        status = SelectField(
            FilterField.status, label: "Status", options: [("", "Any status")] + PlanStatus.options,
            selected: filter?.rawValue ?? "",
            errors: FormErrors())
        let shown = Self.ordered(items.filter { filter == nil || $0.status == filter })
        let noun = { (n: Int) in n == 1 ? "1 item" : "\(n) items" }
        count = filter == nil ? noun(shown.count) : "\(noun(shown.count)) of \(items.count) match the filter"
        rows = shown.map {
            Row(
                what: $0.what, href: Href.planItem($0.id), who: $0.input.who,
                due: $0.input.dueOn.map(LondonTime.day) ?? "No date set",
                status: $0.status.label, tagClass: $0.status.tagClass)
        }
        hasRows = !rows.isEmpty
        newHref = canManage ? Href.newPlanItem() : nil
        csvHref = Href.actionPlanCSV()
    }
}

/// One action-plan item: what, how, who and when, its group and workshop, deliverables and the insights behind it.
struct PlanItemPage: PageModel {
    static let template = "coproduction/plan-item"
    let title: String
    let backHref: String
    let editHref: String?
    let status: String
    let tagClass: String
    let details: [DetailLine]
    let workshop: LinkLine?
    let deliverables: [LinkLine]
    let hasDeliverables: Bool
    let insights: [LinkLine]
    let hasInsights: Bool

    init(item: PlanItem, scope: CoproductionScope, deliverables: [Deliverable], insights: [Insight], canManage: Bool) {
        let input = item.input
        title = input.what
        backHref = Href.actionPlan()
        editHref = canManage ? Href.editPlanItem(item.id) : nil
        status = input.status.label
        tagClass = input.status.tagClass
        details = [
            DetailLine(label: "How", value: input.how.isEmpty ? "Not recorded" : input.how),
            DetailLine(label: "Who", value: input.who.isEmpty ? "Not recorded" : input.who),
            DetailLine(label: "When", value: input.dueOn.map(LondonTime.day) ?? "No date set"),
            DetailLine(label: "Group", value: ItemLinks.groupText(input.groupID, scope: scope)),
            DetailLine(label: "Notes", value: input.notes.isEmpty ? "None" : input.notes),
            DetailLine(label: "Last changed", value: LondonTime.dateTime(item.updatedAt)),
        ]
        self.deliverables = ItemLinks.deliverables(input.deliverableIDs, all: deliverables)
        hasDeliverables = !self.deliverables.isEmpty
        self.insights = insights.map { LinkLine(text: $0.heard, href: Href.insight($0.id)) }
        hasInsights = !self.insights.isEmpty
        workshop = ItemLinks.workshop(input.meetingID, scope: scope)
    }
}

/// Turning stored ids into links, showing only what the person may see.
enum ItemLinks {
    static func groupText(_ id: Int64?, scope: CoproductionScope) -> String {
        guard let id else { return "None" }
        return scope.groupName(id) ?? "A group you cannot see"
    }

    static func workshop(_ id: Int64?, scope: CoproductionScope) -> LinkLine? {
        guard let id else { return nil }
        guard let workshop = scope.workshop(id) else { return LinkLine(text: "A workshop you cannot see", href: nil) }
        return LinkLine(text: workshop.label, href: workshop.href)
    }

    static func deliverables(_ ids: [Int64], all: [Deliverable]) -> [LinkLine] {
        all.filter { ids.contains($0.id) }.map {
            LinkLine(text: $0.title + ($0.retiredAt == nil ? "" : " (retired)"), href: Href.deliverable($0.id))
        }
    }
}

/// Adding or editing an action-plan item. An edit refused because someone else saved first shows their version
/// above what this person typed.
struct PlanItemFormPage: PageModel {
    static let template = "coproduction/plan-form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let what: Field
    let how: Field
    let who: Field
    let dueOn: Field
    let status: ChoiceField
    let group: SelectField
    let workshop: SelectField
    let deliverables: GroupedChoices
    let notes: Field
    let theirs: TheirVersion?
    let errors: FormErrors

    init(
        editing: PlanItem?, form: FormData, choices: CoproductionChoices, errors: FormErrors = FormErrors(),
        conflict: PlanItem? = nil
    ) {
        title = editing.map { "Edit action-plan item: \($0.what)" } ?? "Add an action-plan item"
        action = editing.map { Href.editPlanItem($0.id) } ?? Href.newPlanItem()
        cancelHref = editing.map { Href.planItem($0.id) } ?? Href.actionPlan()
        typealias F = CoproductionForms.PlanItemField
        version = editing == nil ? nil : form[EditField.version]
        what = Field(F.what, label: "What will be done", form: form, errors: errors)
        how = Field(
            F.how, label: "How it will be done (optional)", form: form, type: "textarea", errors: errors)
        who = Field(
            F.who, label: "Who will do it (optional)", form: form,
            hint: "People, a group or an organisation, for example \"The co-production working group\".", errors: errors
        )
        dueOn = Field(
            F.dueOn, label: "When it is due (optional)", form: form, type: "date",
            hint: "For example, 2027-03-31.", errors: errors)
        status = ChoiceField(
            radios: F.status, legend: "Status", options: PlanStatus.options, form: form, errors: errors)
        group = SelectField(
            F.group, label: "Group (optional)",
            hint: "The group that owns the item. Only groups you can see are listed.",
            options: CoproductionOptions.groups(choices.scope), form: form, errors: errors)
        workshop = SelectField(
            F.workshop, label: "Workshop it came from (optional)",
            options: CoproductionOptions.workshops(choices.scope),
            form: form, errors: errors)
        deliverables = GroupedChoices.deliverables(
            F.deliverables, choices.deliverables, form: form, errors: errors,
            hint: "Select the deliverables this item helps, grouped by workstream.")
        notes = Field(F.notes, label: "Notes (optional)", form: form, type: "textarea", errors: errors)
        theirs = conflict.map { item in
            TheirVersion(lines: [
                DetailLine(label: "What", value: item.what), DetailLine(label: "How", value: item.input.how),
                DetailLine(label: "Who", value: item.input.who),
                DetailLine(label: "When", value: item.input.dueOn.map(LondonTime.day) ?? "No date set"),
                DetailLine(label: "Status", value: item.status.label),
                DetailLine(label: "Notes", value: item.input.notes),
            ])
        }
        self.errors = errors
    }
}
