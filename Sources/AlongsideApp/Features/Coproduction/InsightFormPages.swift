import Foundation

/// Recording or editing an insight. An edit refused because someone else saved first shows their version above
/// what this person typed.
struct InsightFormPage: PageModel {
    static let template = "coproduction/insight-form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let heard: Field
    let sourceKind: ChoiceField
    let sourceDetail: Field
    let place: Field
    let heardOn: Field
    let communities: ChoiceField
    let hasCommunities: Bool
    let themes: Field
    let quote: Field
    let consent: ChoiceField
    let group: SelectField
    let workshop: SelectField
    let deliverables: GroupedChoices
    let decisions: GroupedChoices
    let planItems: GroupedChoices
    let theirs: TheirVersion?
    let errors: FormErrors

    init(
        editing: Insight?, form: FormData, choices: CoproductionChoices, errors: FormErrors = FormErrors(),
        conflict: Insight? = nil
    ) {
        title = editing == nil ? "Record an insight" : "Edit the insight"
        action = editing.map { Href.editInsight($0.id) } ?? Href.newInsight()
        cancelHref = editing.map { Href.insight($0.id) } ?? Href.insights()
        typealias F = CoproductionForms.InsightField
        version = editing == nil ? nil : form[EditField.version]
        heard = Field(
            F.heard, label: "What was heard", form: form, type: "textarea",
            hint: "A summary in your own words. Never include anyone's name.", errors: errors)
        sourceKind = ChoiceField(
            radios: F.sourceKind, legend: "Who it was heard from", options: SourceKind.options, form: form,
            errors: errors)
        sourceDetail = Field(
            F.sourceDetail, label: "Which group, team or setting (optional)", form: form,
            hint: "For example, \"a carers' coffee morning\" or \"the north community team\". Never a person's name.",
            errors: errors)
        place = Field(
            F.place, label: "Where it was heard (optional)", form: form,
            hint: "A town, a venue or \"online\".", errors: errors)
        heardOn = Field(
            F.heardOn, label: "When it was heard", form: form, type: "date",
            hint: "For example, 2026-03-03. Today or earlier.", errors: errors)
        communities = ChoiceField(
            checkboxes: F.communities, legend: "Communities it came from (optional)",
            hint:
                "Select all that apply. Under-served communities are marked. The answer is shown on each community's page.",
            options: CoproductionOptions.communities(choices.communities), form: form, errors: errors)
        hasCommunities = !choices.communities.isEmpty
        themes = Field(
            F.themes, label: "Themes (optional)", form: form,
            hint: "Separate themes with commas, for example: waiting times, peer support.", errors: errors)
        quote = Field(
            F.quote, label: "A quote in the person's own words (optional)", form: form, type: "textarea",
            hint: "Never include the person's name. Without their consent the quote stays inside the workspace.",
            errors: errors)
        consent = ChoiceField(
            checkboxes: F.quoteConsent, legend: "Consent to quote",
            hint:
                "Tick only if the person agreed that their words may be shown outside the workspace, on the community's public page.",
            options: [("yes", "The person agreed to be quoted outside the workspace")], form: form, errors: errors)
        group = SelectField(
            F.group, label: "Group (optional)", hint: "Only groups you can see are listed.",
            options: CoproductionOptions.groups(choices.scope), form: form, errors: errors)
        workshop = SelectField(
            F.workshop, label: "Workshop it was heard at (optional)",
            options: CoproductionOptions.workshops(choices.scope), form: form, errors: errors)
        deliverables = GroupedChoices.deliverables(
            F.deliverables, choices.deliverables, form: form, errors: errors,
            hint: "The roadmap deliverables this insight informed, grouped by workstream.")
        var byGroup: [String: [(value: String, label: String)]] = [:], order: [String] = []
        for decision in choices.scope.decisions {
            if byGroup[decision.groupName] == nil { order.append(decision.groupName) }
            byGroup[decision.groupName, default: []].append((String(decision.id), decision.title))
        }
        decisions = GroupedChoices(
            F.decisions, legend: "Decisions it informed (optional)", hint: "Decisions in groups you can see, by group.",
            sections: order.map { (heading: $0, options: byGroup[$0] ?? []) }, selected: Set(form.all(F.decisions)),
            emptyText: "No decisions you can see are recorded yet.", errors: errors)
        planItems = GroupedChoices(
            F.planItems, legend: "Action-plan items it informed (optional)", hint: nil,
            sections: [(heading: nil, options: choices.planItems.map { (value: String($0.id), label: $0.what) })],
            selected: Set(form.all(F.planItems)),
            emptyText: "The action plan has no items yet.", errors: errors)
        theirs = conflict.map { insight in
            TheirVersion(lines: [
                DetailLine(label: "What was heard", value: insight.heard),
                DetailLine(label: "Who it was heard from", value: insight.input.sourceKind.label),
                DetailLine(label: "Which group, team or setting", value: insight.input.sourceDetail),
                DetailLine(label: "Where", value: insight.input.place),
                DetailLine(label: "When", value: LondonTime.day(insight.input.heardOn)),
                DetailLine(label: "Themes", value: insight.input.themes.joined(separator: ", ")),
                DetailLine(label: "Quote", value: insight.input.quote),
                DetailLine(label: "Consent to quote", value: insight.input.quoteConsent ? "Yes" : "No"),
            ])
        }
        self.errors = errors
    }
}

/// Answering an insight: "you said, we did".
struct ResponseFormPage: PageModel {
    static let template = "coproduction/response-form"
    static let hasForm = true
    let title = "Answer the insight"
    let action: String
    let cancelHref: String
    let heard: String
    let heardOn: String
    let version: String?
    let outcome: ChoiceField
    let answer: Field
    let theirs: TheirVersion?
    let errors: FormErrors

    init(insight: Insight, form: FormData, errors: FormErrors = FormErrors(), conflict: InsightResponse? = nil) {
        action = Href.insightResponse(insight.id)
        cancelHref = Href.insight(insight.id)
        heard = insight.heard
        heardOn = LondonTime.day(insight.input.heardOn)
        typealias F = CoproductionForms.ResponseField
        version = form[EditField.version].isEmpty ? nil : form[EditField.version]
        outcome = ChoiceField(
            radios: F.outcome, legend: "What happened because of it", options: ResponseOutcome.options, form: form,
            errors: errors)
        answer = Field(
            F.answer, label: "The answer, in plain language", form: form, type: "textarea",
            hint:
                "What changed, or why nothing did. It may be shown publicly on the community's page, so never name anyone.",
            errors: errors)
        theirs = conflict.map {
            TheirVersion(lines: [
                DetailLine(label: "What happened", value: $0.outcome.label),
                DetailLine(label: "The answer", value: $0.answer),
            ])
        }
        self.errors = errors
    }
}
