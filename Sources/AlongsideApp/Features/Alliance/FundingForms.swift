import Foundation

/// Checks the funding forms and turns them into input; problems go into `errors`, in the order the fields appear.
enum FundingForms {
    static let maxDescription = 1000
    static let maxPurpose = 500
    static let maxSource = 200
    static let maxReference = 100
    static let maxReason = 1000

    /// An amount typed in pounds ("12,500" or "12500.50") as whole pence, more than nothing.
    static func amount(_ form: FormData, errors: inout FormErrors) -> Int? {
        switch Money.parse(form.trimmed("amount")) {
        case .success(let pence) where pence > 0: return pence
        case .success: errors.add("amount", "The amount must be more than £0")
        case .failure(.empty): errors.add("amount", "Enter the amount in pounds")
        case .failure(.negative): errors.add("amount", "The amount must be more than £0")
        case .failure(.tooManyPence):
            errors.add("amount", "Enter the amount in pounds and pence, with no more than 2 figures after the point")
        case .failure(.notAnAmount): errors.add("amount", "Enter the amount in pounds, for example 12,500 or 12500.50")
        }
        return nil
    }

    static func period(_ form: FormData, acrossYears: String, errors: inout FormErrors) -> (String, String) {
        let startsOn = form.trimmed("period_starts_on"), endsOn = form.trimmed("period_ends_on")
        for problem in FundingRules.periodProblems(startsOn: startsOn, endsOn: endsOn, acrossYears: acrossYears) {
            errors.add(problem.field, problem.message)
        }
        return (startsOn, endsOn)
    }

    static func text(
        _ form: FormData, _ name: String, label: String, required: String?, limit: Int, errors: inout FormErrors
    ) -> String {
        let value = form.trimmed(name)
        if value.isEmpty, let required {
            errors.add(name, required)
        } else if value.count > limit {
            errors.add(name, "\(label) must be \(limit) characters or fewer")
        }
        return value
    }

    /// Money received: `organisations` is the register (any organisation may pay or pass money on).
    static func received(_ form: FormData, organisations: [Organisation], errors: inout FormErrors) -> ReceivedInput? {
        let known = Set(organisations.map(\.id))
        let amount = amount(form, errors: &errors)
        let from = form.id("from_organisation").flatMap { known.contains($0) ? $0 : nil }
        if from == nil { errors.add("from_organisation", "Select the organisation the money came from") }
        var via: Int64?
        if !form["via_organisation"].isEmpty {
            via = form.id("via_organisation").flatMap { known.contains($0) ? $0 : nil }
            if via == nil {
                errors.add("via_organisation", "Select the organisation the money came through, or none")
            } else if via == from {
                errors.add(
                    "via_organisation",
                    "The money cannot come through the organisation it came from. Select another, or none")
            }
        }
        let (startsOn, endsOn) = period(form, acrossYears: FundingRules.receivedOneYearMessage, errors: &errors)
        let description = text(
            form, "description", label: "The description", required: nil, limit: maxDescription, errors: &errors)
        guard errors.isEmpty, let amount, let from else { return nil }
        return ReceivedInput(
            amountPence: amount, fromOrganisationID: from, viaOrganisationID: via, periodStartsOn: startsOn,
            periodEndsOn: endsOn, description: description)
    }

    /// An allocation: `members` are those that may be funded, `decisions` the alliance decisions that can authorise it.
    static func allocation(
        _ form: FormData, members: [AllianceMember], decisions: [DecisionReference], errors: inout FormErrors
    ) -> AllocationInput? {
        let organisation = form.id("organisation").flatMap { id in
            members.contains { $0.organisationID == id } ? id : nil
        }
        if organisation == nil {
            errors.add("organisation", "Select a member of the alliance that is joining, a member or paused")
        }
        let amount = amount(form, errors: &errors)
        let (startsOn, endsOn) = period(form, acrossYears: FundingRules.oneYearMessage, errors: &errors)
        let purpose = text(
            form, "purpose", label: "The purpose", required: "Say what the money is for", limit: maxPurpose,
            errors: &errors)
        let yearsText = form.trimmed("contract_years")
        let years = BoundedNumber.parse(yearsText, in: 1...10)
        if yearsText.isEmpty {
            errors.add("contract_years", "Enter the contract's length in whole years, from 1 to 10")
        } else if years == nil {
            errors.add("contract_years", "The contract's length must be a whole number of years from 1 to 10")
        }
        let reference = text(
            form, "contract_reference", label: "The contract reference", required: nil, limit: maxReference,
            errors: &errors)
        let source = text(
            form, "source", label: "The source",
            required: "Say where the money comes from, for example the community mental health contract",
            limit: maxSource, errors: &errors)
        let decision = form.id("decision").flatMap { id in decisions.contains { $0.id == id } ? id : nil }
        if decision == nil {
            errors.add(
                "decision",
                decisions.isEmpty
                    ? "Record the alliance's decision to make this allocation in its decision log first"
                    : "Select the agreed alliance decision that authorised this allocation")
        }
        guard errors.isEmpty, let organisation, let amount, let years, let decision else { return nil }
        return AllocationInput(
            organisationID: organisation, amountPence: amount, periodStartsOn: startsOn, periodEndsOn: endsOn,
            purpose: purpose,
            contractYears: years, contractReference: reference, source: source, decisionID: decision)
    }

    /// A withdrawal's reason.
    static func reason(_ form: FormData, errors: inout FormErrors) -> String? {
        let reason = text(
            form, "reason", label: "The reason", required: "Say why it is being withdrawn", limit: maxReason,
            errors: &errors)
        return errors.isEmpty ? reason : nil
    }
}
