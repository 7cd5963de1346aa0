import Foundation

/// What the co-production forms may offer one person: their scope plus the live lists.
struct CoproductionChoices: Sendable {
    let scope: CoproductionScope
    /// Live communities (retired ones are not offered).
    let communities: [Community]
    /// Live deliverables, in workstream order.
    let deliverables: [Deliverable]
    let planItems: [PlanItem]
}

/// Checks the co-production forms and turns them into input; problems go into `errors`.
enum CoproductionForms {
    static let maxShort = 300
    static let maxLong = 5000

    /// The trimmed text typed into `name`, with a problem recorded when it is longer than `limit`.
    static func text<F: FormFieldName>(
        _ form: FormData, _ name: F, _ label: String, limit: Int, errors: inout FormErrors
    ) -> String {
        let value = form.trimmed(name)
        if value.count > limit { errors.add(name, "\(label) must be \(limit) characters or fewer") }
        return value
    }

    /// An optional single choice (a select whose first option is "None"): nil when none, an error when not offered.
    static func optionalID<F: FormFieldName>(
        _ form: FormData, _ name: F, offered: Set<Int64>, message: String, errors: inout FormErrors
    ) -> Int64? {
        let raw = form.trimmed(name)
        guard !raw.isEmpty else { return nil }
        guard let id = BoundedNumber.id(raw), offered.contains(id) else {
            errors.add(name, message)
            return nil
        }
        return id
    }

    /// The offered ids ticked for `name`, with a problem recorded when any was not offered.
    static func ids<F: FormFieldName>(
        _ form: FormData, _ name: F, offered: Set<Int64>, message: String, errors: inout FormErrors
    ) -> [Int64] {
        let chosen = GroupedChoices.chosenIDs(form.all(name), offered: offered)
        if chosen.refused { errors.add(name, message) }
        return chosen.ids
    }

    /// The action-plan item form's fields.
    enum PlanItemField: String, FormFieldName {
        case what, how, who, dueOn = "due_on", status, group, workshop, deliverables, notes
    }

    /// The group, workshop and deliverables an action-plan item or an insight is linked to, each only from what the
    /// form offered this person.
    static func links<F: FormFieldName>(
        _ form: FormData, group: F, workshop: F, deliverables: F, choices: CoproductionChoices,
        errors: inout FormErrors
    ) -> (groupID: Int64?, meetingID: Int64?, deliverableIDs: [Int64]) {
        let groupID = optionalID(
            form, group, offered: choices.scope.groupIDs, message: "Select a group from the list", errors: &errors)
        let meetingID = optionalID(
            form, workshop, offered: choices.scope.workshopIDs, message: "Select a workshop from the list",
            errors: &errors)
        let deliverableIDs = ids(
            form, deliverables, offered: Set(choices.deliverables.map(\.id)),
            message: "Select deliverables from the list", errors: &errors)
        return (groupID, meetingID, deliverableIDs)
    }

    static func planItem(_ form: FormData, choices: CoproductionChoices, errors: inout FormErrors) -> PlanItemInput? {
        typealias F = PlanItemField
        let what = text(form, F.what, "What will be done", limit: maxShort, errors: &errors)
        if what.isEmpty { errors.add(F.what, "Enter what will be done") }
        let how = text(form, F.how, "How it will be done", limit: maxLong, errors: &errors)
        let who = text(form, F.who, "Who will do it", limit: maxShort, errors: &errors)
        var dueOn: String?
        switch CoproductionRules.checkDay(form.trimmed(F.dueOn)) {
        case .success(let day): dueOn = day
        case .failure: errors.add(F.dueOn, "Enter the date it is due as a real date, like 2027-03-31")
        }
        let status = PlanStatus(rawValue: form[F.status])
        if status == nil { errors.add(F.status, "Select where the item has got to") }
        let (groupID, meetingID, deliverableIDs) = links(
            form, group: F.group, workshop: F.workshop, deliverables: F.deliverables, choices: choices, errors: &errors)
        let notes = text(form, F.notes, "The notes", limit: maxLong, errors: &errors)
        guard errors.isEmpty, let status else { return nil }
        return PlanItemInput(
            what: what, how: how, who: who, dueOn: dueOn, status: status, groupID: groupID, meetingID: meetingID,
            deliverableIDs: deliverableIDs, notes: notes)
    }

    static func formData(_ item: PlanItem) -> FormData {
        typealias F = PlanItemField
        let input = item.input
        var pairs = [
            (F.what, input.what), (F.how, input.how), (F.who, input.who), (F.dueOn, input.dueOn ?? ""),
            (F.status, input.status.rawValue),
            (F.group, input.groupID.map(String.init) ?? ""), (F.workshop, input.meetingID.map(String.init) ?? ""),
            (F.notes, input.notes),
        ]
        pairs += input.deliverableIDs.map { (F.deliverables, String($0)) }
        return FormData(pairs).replacing(EditField.version, with: String(item.version))
    }

    /// The insight form's fields.
    enum InsightField: String, FormFieldName {
        case heard, sourceKind = "source_kind", sourceDetail = "source_detail", place, heardOn = "heard_on"
        case communities, themes, quote, quoteConsent = "quote_consent", group, workshop, deliverables, decisions
        case planItems = "plan_items"
    }

    static func insight(_ form: FormData, choices: CoproductionChoices, today: String, errors: inout FormErrors)
        -> InsightInput?
    {
        typealias F = InsightField
        let heard = text(form, F.heard, "What was heard", limit: maxLong, errors: &errors)
        if heard.isEmpty { errors.add(F.heard, "Enter what was heard") }
        let sourceKind = SourceKind(rawValue: form[F.sourceKind])
        if sourceKind == nil { errors.add(F.sourceKind, "Select who it was heard from") }
        let sourceDetail = text(form, F.sourceDetail, "Which group, team or setting", limit: maxShort, errors: &errors)
        let place = text(form, F.place, "Where it was heard", limit: maxShort, errors: &errors)
        var heardOn: String?
        let typedDay = form.trimmed(F.heardOn)
        switch CoproductionRules.checkDay(typedDay, notAfter: today) {
        case .success(let day):
            heardOn = day
            if day == nil { errors.add(F.heardOn, "Enter the date it was heard") }
        case .failure(.notADate): errors.add(F.heardOn, "Enter the date it was heard as a real date, like 2026-03-03")
        case .failure(.inTheFuture): errors.add(F.heardOn, "The date it was heard must be today or in the past")
        }
        let communityIDs = ids(
            form, F.communities, offered: Set(choices.communities.map(\.id)),
            message: "Select communities from the list",
            errors: &errors)
        let themes = CoproductionRules.themes(form[F.themes])
        if themes.contains(where: { $0.count > CoproductionRules.maxThemeLength }) {
            errors.add(F.themes, "Each theme must be \(CoproductionRules.maxThemeLength) characters or fewer")
        }
        let quote = text(form, F.quote, "The quote", limit: maxLong, errors: &errors)
        let consent = form[F.quoteConsent] == "yes"
        if consent, quote.isEmpty {
            errors.add(F.quote, "Enter the quote the person agreed to, or untick consent to quote")
        }
        let (groupID, meetingID, deliverableIDs) = links(
            form, group: F.group, workshop: F.workshop, deliverables: F.deliverables, choices: choices, errors: &errors)
        let decisionIDs = ids(
            form, F.decisions, offered: choices.scope.decisionIDs, message: "Select decisions from the list",
            errors: &errors)
        let planItemIDs = ids(
            form, F.planItems, offered: Set(choices.planItems.map(\.id)),
            message: "Select action-plan items from the list",
            errors: &errors)
        guard errors.isEmpty, let sourceKind, let heardOn else { return nil }
        return InsightInput(
            heard: heard, sourceKind: sourceKind, sourceDetail: sourceDetail, place: place, heardOn: heardOn,
            communityIDs: communityIDs, themes: themes, quote: quote, quoteConsent: consent, groupID: groupID,
            meetingID: meetingID, deliverableIDs: deliverableIDs, decisionIDs: decisionIDs, planItemIDs: planItemIDs)
    }

    static func formData(_ insight: Insight) -> FormData {
        typealias F = InsightField
        let input = insight.input
        var pairs = [
            (F.heard, input.heard), (F.sourceKind, input.sourceKind.rawValue), (F.sourceDetail, input.sourceDetail),
            (F.place, input.place), (F.heardOn, input.heardOn), (F.themes, input.themes.joined(separator: ", ")),
            (F.quote, input.quote), (F.group, input.groupID.map(String.init) ?? ""),
            (F.workshop, input.meetingID.map(String.init) ?? ""),
        ]
        if input.quoteConsent { pairs.append((F.quoteConsent, "yes")) }
        pairs += input.communityIDs.map { (F.communities, String($0)) }
        pairs += input.deliverableIDs.map { (F.deliverables, String($0)) }
        pairs += input.decisionIDs.map { (F.decisions, String($0)) }
        pairs += input.planItemIDs.map { (F.planItems, String($0)) }
        return FormData(pairs).replacing(EditField.version, with: String(insight.version))
    }

    /// The answer form's fields.
    enum ResponseField: String, FormFieldName {
        case outcome, answer
    }

    /// The answer: an outcome and the words, required.
    static func answer(_ form: FormData, errors: inout FormErrors) -> (ResponseOutcome, String)? {
        typealias F = ResponseField
        let outcome = ResponseOutcome(rawValue: form[F.outcome])
        if outcome == nil { errors.add(F.outcome, "Select what happened because of what was heard") }
        let answer = text(form, F.answer, "The answer", limit: maxLong, errors: &errors)
        if answer.isEmpty {
            errors.add(F.answer, "Enter the answer in plain language: what changed, or why nothing did")
        }
        guard errors.isEmpty, let outcome else { return nil }
        return (outcome, answer)
    }

    /// The query string of a link from a workshop's page to a new insight or action-plan item: the workshop.
    enum FromWorkshopField: String, FormFieldName {
        case meeting
    }

    /// The field of the form publishing or withdrawing a community's "you said, we did" page: `yes` or `no`.
    enum PublishField: String, FormFieldName {
        case publish
    }
}
