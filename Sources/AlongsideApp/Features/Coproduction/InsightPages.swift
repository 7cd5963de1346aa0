import Foundation

/// Every insight, newest heard first, with filters.
struct InsightsPage: PageModel {
    static let template = "coproduction/insights-index"
    let title = "Insights"
    let hubHref: String
    let newHref: String
    let csvHref: String
    let action: String
    let words: Field
    let community: SelectField
    let theme: SelectField
    let sourceKind: SelectField
    let answered: SelectField
    let count: String
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let heard: String
        let href: String
        let heardOn: String
        let from: String
        let communities: String
        let themes: String
        let answered: String
        let tagClass: String
    }

    init(insights: [Insight], filter: InsightFilter, communities: [Community]) {
        hubHref = Href.coproduction()
        newHref = Href.newInsight()
        csvHref = Href.insightsCSV()
        action = Href.insights()
        typealias F = InsightFilter.FilterField
        let none = FormErrors()
        words = Field(
            F.words, label: "Words", value: filter.words, hint: "In what was heard, the quote, the place or the source."
        )
        community = SelectField(
            F.community, label: "Community",
            options: [("", "Any community")] + communities.map { (String($0.id), $0.name) },
            selected: filter.communityID.map(String.init) ?? "", errors: none)
        let themes = Set(insights.flatMap(\.input.themes)).sorted()
        theme = SelectField(
            F.theme, label: "Theme", options: [("", "Any theme")] + themes.map { ($0, $0) }, selected: filter.theme,
            errors: none)
        sourceKind = SelectField(
            F.sourceKind, label: "Heard from", options: [("", "Anyone")] + SourceKind.options,
            selected: filter.sourceKind?.rawValue ?? "", errors: none)
        answered = SelectField(
            F.answered, label: "Answered",
            options: [("", "Answered or not"), ("yes", "Answered"), ("no", "Not answered yet")],
            selected: filter.answered?.rawValue ?? "", errors: none)
        let shown = insights.filter(filter.matches)
        let noun = { (n: Int) in n == 1 ? "1 insight" : "\(n) insights" }
        count = filter.isEmpty ? noun(shown.count) : "\(noun(shown.count)) of \(insights.count) match the filters"
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0.name) })
        rows = shown.map { insight in
            let input = insight.input
            return Row(
                heard: input.heard, href: Href.insight(insight.id), heardOn: LondonTime.day(input.heardOn),
                from: [input.sourceKind.label, input.sourceDetail].filter { !$0.isEmpty }.joined(separator: ": "),
                communities: input.communityIDs.compactMap { names[$0] }.joined(separator: "; "),
                themes: input.themes.joined(separator: ", "),
                answered: insight.isAnswered ? "Answered" : "Not answered yet",
                tagClass: insight.isAnswered ? "tag" : "tag tag-grey")
        }
        hasRows = !rows.isEmpty
    }
}

/// One insight, as the workspace sees it: everything, including a quote given without consent to share it.
struct InsightPage: PageModel {
    static let template = "coproduction/insight"
    let title: String
    let backHref: String
    let editHref: String?
    let answerHref: String?
    let heard: String
    let details: [DetailLine]
    let communities: [String]
    let hasCommunities: Bool
    let themes: [String]
    let hasThemes: Bool
    let quote: String?
    let consent: String
    let workshop: LinkLine?
    let informed: [LinkLine]
    let hasInformed: Bool
    let answer: AnswerView?

    struct AnswerView: Encodable, Sendable {
        let outcome: String
        let text: String
        let on: String
    }

    init(
        insight: Insight, scope: CoproductionScope, communities: [Community], deliverables: [Deliverable],
        planItems: [PlanItem],
        canEdit: Bool, canAnswer: Bool
    ) {
        let input = insight.input
        title = "Insight heard on \(LondonTime.day(input.heardOn))"
        backHref = Href.insights()
        editHref = canEdit ? Href.editInsight(insight.id) : nil
        answerHref = canAnswer ? Href.insightResponse(insight.id) : nil
        heard = input.heard
        details = [
            DetailLine(label: "Heard from", value: input.sourceKind.label),
            DetailLine(
                label: "Which group, team or setting",
                value: input.sourceDetail.isEmpty ? "Not recorded" : input.sourceDetail),
            DetailLine(label: "Where", value: input.place.isEmpty ? "Not recorded" : input.place),
            DetailLine(label: "When", value: LondonTime.day(input.heardOn)),
            DetailLine(label: "Group", value: ItemLinks.groupText(input.groupID, scope: scope)),
            DetailLine(label: "Recorded by", value: insight.recorderName.isEmpty ? "Not known" : insight.recorderName),
        ]
        self.communities = communities.filter { input.communityIDs.contains($0.id) }
            .map {
                $0.name + ($0.underServed ? " (under-served)" : "") + ($0.isRetired ? " (retired from the list)" : "")
            }
        hasCommunities = !self.communities.isEmpty
        themes = input.themes
        hasThemes = !themes.isEmpty
        quote = input.quote.isEmpty ? nil : input.quote
        consent =
            input.quote.isEmpty
            ? ""
            : (input.quoteConsent
                ? "The person agreed to this quote being shown outside the workspace."
                : "No consent to quote: this quote is never shown outside the workspace.")
        workshop = ItemLinks.workshop(input.meetingID, scope: scope)
        let decisions = scope.decisions.filter { input.decisionIDs.contains($0.id) }
            .map { LinkLine(text: "Decision: \($0.title) (\($0.groupName))", href: $0.href) }
        let hiddenDecisions = input.decisionIDs.count - decisions.count
        informed =
            ItemLinks.deliverables(input.deliverableIDs, all: deliverables).map {
                LinkLine(text: "Deliverable: \($0.text)", href: $0.href)
            }
            + decisions
            + (hiddenDecisions > 0
                ? [
                    LinkLine(
                        text: hiddenDecisions == 1
                            ? "A decision you cannot see" : "\(hiddenDecisions) decisions you cannot see", href: nil)
                ] : [])
            + planItems.filter { input.planItemIDs.contains($0.id) }.map {
                LinkLine(text: "Action-plan item: \($0.what)", href: Href.planItem($0.id))
            }
        hasInformed = !informed.isEmpty
        answer = insight.response.map {
            AnswerView(outcome: $0.outcome.label, text: $0.answer, on: LondonTime.date($0.updatedAt))
        }
    }
}
