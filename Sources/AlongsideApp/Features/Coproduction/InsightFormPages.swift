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
        version = editing == nil ? nil : form["version"]
        heard = Field(
            "heard", label: "What was heard", value: form["heard"], type: "textarea",
            hint: "A summary in your own words. Never include anyone's name.", errors: errors)
        sourceKind = ChoiceField(
            "source_kind", legend: "Who it was heard from", options: SourceKind.options, selected: form["source_kind"],
            errors: errors)
        sourceDetail = Field(
            "source_detail", label: "Which group, team or setting (optional)", value: form["source_detail"],
            hint: "For example, \"a carers' coffee morning\" or \"the north community team\". Never a person's name.",
            errors: errors)
        place = Field(
            "place", label: "Where it was heard (optional)", value: form["place"],
            hint: "A town, a venue or \"online\".", errors: errors)
        heardOn = Field(
            "heard_on", label: "When it was heard", value: form["heard_on"], type: "date",
            hint: "For example, 2026-03-03. Today or earlier.", errors: errors)
        communities = ChoiceField(
            "communities", legend: "Communities it came from (optional)",
            hint:
                "Select all that apply. Under-served communities are marked. The answer is shown on each community's page.",
            multiple: true, options: CoproductionOptions.communities(choices.communities),
            selected: Set(form.all("communities")), errors: errors)
        hasCommunities = !choices.communities.isEmpty
        themes = Field(
            "themes", label: "Themes (optional)", value: form["themes"],
            hint: "Separate themes with commas, for example: waiting times, peer support.", errors: errors)
        quote = Field(
            "quote", label: "A quote in the person's own words (optional)", value: form["quote"], type: "textarea",
            hint: "Never include the person's name. Without their consent the quote stays inside the workspace.",
            errors: errors)
        consent = ChoiceField(
            "quote_consent", legend: "Consent to quote",
            hint:
                "Tick only if the person agreed that their words may be shown outside the workspace, on the community's public page.",
            multiple: true, options: [("yes", "The person agreed to be quoted outside the workspace")],
            selected: Set(form.all("quote_consent")), errors: errors)
        group = SelectField(
            "group", label: "Group (optional)", hint: "Only groups you can see are listed.",
            options: CoproductionOptions.groups(choices.scope), selected: form["group"], errors: errors)
        workshop = SelectField(
            "workshop", label: "Workshop it was heard at (optional)",
            options: CoproductionOptions.workshops(choices.scope),
            selected: form["workshop"], errors: errors)
        deliverables = GroupedChoices.deliverables(
            choices.deliverables, form: form, errors: errors,
            hint: "The roadmap deliverables this insight informed, grouped by workstream.")
        var byGroup: [String: [(value: String, label: String)]] = [:], order: [String] = []
        for decision in choices.scope.decisions {
            if byGroup[decision.groupName] == nil { order.append(decision.groupName) }
            byGroup[decision.groupName, default: []].append((String(decision.id), decision.title))
        }
        decisions = GroupedChoices(
            "decisions", legend: "Decisions it informed (optional)", hint: "Decisions in groups you can see, by group.",
            sections: order.map { (heading: $0, options: byGroup[$0] ?? []) }, selected: Set(form.all("decisions")),
            emptyText: "No decisions you can see are recorded yet.", errors: errors)
        planItems = GroupedChoices(
            "plan_items", legend: "Action-plan items it informed (optional)", hint: nil,
            sections: [(heading: nil, options: choices.planItems.map { (value: String($0.id), label: $0.what) })],
            selected: Set(form.all("plan_items")),
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
        version = form["version"].isEmpty ? nil : form["version"]
        outcome = ChoiceField(
            "outcome", legend: "What happened because of it", options: ResponseOutcome.options,
            selected: form["outcome"], errors: errors)
        answer = Field(
            "answer", label: "The answer, in plain language", value: form["answer"], type: "textarea",
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
