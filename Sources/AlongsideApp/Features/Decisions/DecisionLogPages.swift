import Foundation

/// A decision in a list that spans groups.
struct DecisionListRow: Encodable, Sendable {
    let title: String
    let href: String
    let groupName: String
    let recorded: String
    let outcome: String
    let reviewOn: String?
    let validity: String?
    let isCorrected: Bool

    init(_ item: GroupDecision) {
        let decision = item.decision
        title = decision.title
        href = Href.decision(decision.groupID, decision.id)
        groupName = item.groupName
        recorded = LondonTime.date(decision.recordedAt)
        outcome = decision.outcome.label
        reviewOn = decision.reviewOn.map(LondonTime.day)
        validity = decision.isValid ? nil : "Not valid under the terms of reference"
        isCorrected = decision.correctsDecisionID != nil
    }
}

struct DecisionSearchPage: PageModel {
    static let template = "decisions/search"
    let title = "Search the decision log"
    let action = Href.decisionSearch()
    let reviewsDueHref = Href.reviewsDue()
    /// For administrators: decisions already recorded whose counts cannot be.
    let countsHref: String?
    let words: Field
    let from: Field
    let to: Field
    let group: SelectField
    let outcome: SelectField
    /// Nil while a filter is wrong: an export of the wrong filters would mislead.
    let csvHref: String?
    let jsonHref: String?
    let rows: [DecisionListRow]
    let hasRows: Bool
    let resultCount: String
    let errors: FormErrors

    init(
        input: DecisionSearchInput, errors: FormErrors, groups: [Group], results: [GroupDecision],
        showCounts: Bool = false
    ) {
        typealias F = DecisionSearchInput.SearchField
        countsHref = showCounts ? Href.decisionCounts() : nil
        words = Field(
            F.words, label: "Words", value: input.words, type: "search",
            hint: "Found in the title, question or reasons." + (SearchWords(input.words).note.map { " " + $0 } ?? ""),
            errors: errors)
        from = Field(F.from, label: "Recorded from", value: input.from, type: "date", errors: errors)
        to = Field(F.to, label: "Recorded to", value: input.to, type: "date", errors: errors)
        group = SelectField(
            F.group, label: "Group", options: [("", "Any group you can see")] + groups.map { (String($0.id), $0.name) },
            selected: input.group, errors: errors)
        outcome = SelectField(
            F.outcome, label: "Outcome",
            options: [("", "Any outcome")] + DecisionOutcome.allCases.map { ($0.rawValue, $0.label) },
            selected: input.outcome, errors: errors)
        csvHref = errors.isEmpty ? Href.decisionsCSV(query: input.query) : nil
        jsonHref = errors.isEmpty ? Href.decisionsJSON(query: input.query) : nil
        rows = results.map(DecisionListRow.init)
        hasRows = !rows.isEmpty
        resultCount = rows.count == 1 ? "1 decision" : "\(rows.count) decisions"
        self.errors = errors
    }
}

struct ReviewsDuePage: PageModel {
    static let template = "decisions/reviews-due"
    let title = "Decisions due for review"
    let searchHref = Href.decisionSearch()
    let today: String
    let rows: [DecisionListRow]
    let hasRows: Bool

    init(due: [GroupDecision], today: String) {
        self.today = LondonTime.day(today)
        rows = due.map(DecisionListRow.init)
        hasRows = !rows.isEmpty
    }
}

/// Decisions already in the log whose counts cannot be, for an administrator to correct (issue 17: nothing already
/// recorded is rewritten; a correction is a new revision with its reason).
struct DecisionCountsPage: PageModel {
    static let template = "decisions/counts"
    let title = "Decisions whose counts cannot be"
    let rows: [Row]
    let hasRows: Bool
    let searchHref = Href.decisionSearch()

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let groupName: String
        let recorded: String
        let counts: String
        let problems: [String]
        let correctHref: String
    }

    init(found: [(GroupDecision, [String])]) {
        rows = found.map { item, problems in
            let decision = item.decision
            var counts = "\(decision.membersPresent) of \(decision.membersTotal) members present"
            if let votesFor = decision.votesFor {
                counts +=
                    "; \(votesFor) for, \(decision.votesAgainst ?? 0) against, \(decision.votesAbstaining ?? 0) abstaining"
            }
            if let objections = decision.objections { counts += "; \(objections) objections" }
            return Row(
                title: decision.title, href: Href.decision(decision.groupID, decision.id), groupName: item.groupName,
                recorded: LondonTime.date(decision.recordedAt), counts: counts, problems: problems,
                correctHref: Href.correctDecision(decision.groupID, decision.id))
        }
        hasRows = !rows.isEmpty
    }
}
