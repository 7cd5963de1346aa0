import Foundation

/// Checks the funding forms and turns them into input; problems go into `errors`, in the order the fields appear.
enum FundingForms {
    static let maxDescription = 1000
    static let maxPurpose = 500
    static let maxSource = 200
    static let maxReference = 100
    static let maxReason = 1000

    /// The funding received form's fields; `step` is the check page's button.
    enum ReceivedField: String, FormFieldName {
        case amount, fromOrganisation = "from_organisation", viaOrganisation = "via_organisation"
        case periodStartsOn = "period_starts_on", periodEndsOn = "period_ends_on", description, step
    }

    /// The allocation form's fields; `step` is the check page's button.
    enum AllocationField: String, FormFieldName {
        case organisation, amount, periodStartsOn = "period_starts_on", periodEndsOn = "period_ends_on", purpose
        case contractYears = "contract_years", contractReference = "contract_reference", source, decision, step
    }

    /// The withdraw form's field, for money received and allocations alike.
    enum WithdrawField: String, FormFieldName {
        case reason
    }

    /// An amount typed in pounds ("12,500" or "12500.50") as whole pence, more than nothing.
    static func amount<F: FormFieldName>(_ form: FormData, _ field: F, errors: inout FormErrors) -> Int? {
        switch Money.parse(form.trimmed(field)) {
        case .success(let pence) where pence > 0: return pence
        case .success: errors.add(field, "The amount must be more than £0")
        case .failure(.empty): errors.add(field, "Enter the amount in pounds")
        case .failure(.negative): errors.add(field, "The amount must be more than £0")
        case .failure(.tooManyPence):
            errors.add(field, "Enter the amount in pounds and pence, with no more than 2 figures after the point")
        case .failure(.notAnAmount): errors.add(field, "Enter the amount in pounds, for example 12,500 or 12500.50")
        }
        return nil
    }

    /// The period's first and last days, typed into `starts` and `ends`.
    static func period<F: FormFieldName>(
        _ form: FormData, starts: F, ends: F, acrossYears: String, errors: inout FormErrors
    ) -> (String, String) {
        let startsOn = form.trimmed(starts), endsOn = form.trimmed(ends)
        let problems = FundingRules.periodProblems(
            startsOn: startsOn, endsOn: endsOn, startField: starts.rawValue, endField: ends.rawValue,
            acrossYears: acrossYears)
        for problem in problems { errors.add(problem.field, problem.message) }
        return (startsOn, endsOn)
    }

    static func text<F: FormFieldName>(
        _ form: FormData, _ name: F, label: String, required: String?, limit: Int, errors: inout FormErrors
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
        typealias F = ReceivedField
        let known = Set(organisations.map(\.id))
        let amount = amount(form, F.amount, errors: &errors)
        let from = form.id(F.fromOrganisation).flatMap { known.contains($0) ? $0 : nil }
        if from == nil { errors.add(F.fromOrganisation, "Select the organisation the money came from") }
        var via: Int64?
        if !form[F.viaOrganisation].isEmpty {
            via = form.id(F.viaOrganisation).flatMap { known.contains($0) ? $0 : nil }
            if via == nil {
                errors.add(F.viaOrganisation, "Select the organisation the money came through, or none")
            } else if via == from {
                errors.add(
                    F.viaOrganisation,
                    "The money cannot come through the organisation it came from. Select another, or none")
            }
        }
        let (startsOn, endsOn) = period(
            form, starts: F.periodStartsOn, ends: F.periodEndsOn, acrossYears: FundingRules.receivedOneYearMessage,
            errors: &errors)
        let description = text(
            form, F.description, label: "The description", required: nil, limit: maxDescription, errors: &errors)
        guard errors.isEmpty, let amount, let from else { return nil }
        return ReceivedInput(
            amountPence: amount, fromOrganisationID: from, viaOrganisationID: via, periodStartsOn: startsOn,
            periodEndsOn: endsOn, description: description)
    }

    /// An allocation: `members` are those that may be funded, `decisions` the alliance decisions that can authorise it.
    static func allocation(
        _ form: FormData, members: [AllianceMember], decisions: [DecisionReference], errors: inout FormErrors
    ) -> AllocationInput? {
        typealias F = AllocationField
        let organisation = form.id(F.organisation).flatMap { id in
            members.contains { $0.organisationID == id } ? id : nil
        }
        if organisation == nil {
            errors.add(F.organisation, "Select a member of the alliance that is joining, a member or paused")
        }
        let amount = amount(form, F.amount, errors: &errors)
        let (startsOn, endsOn) = period(
            form, starts: F.periodStartsOn, ends: F.periodEndsOn, acrossYears: FundingRules.oneYearMessage,
            errors: &errors)
        let purpose = text(
            form, F.purpose, label: "The purpose", required: "Say what the money is for", limit: maxPurpose,
            errors: &errors)
        let yearsText = form.trimmed(F.contractYears)
        let years = BoundedNumber.parse(yearsText, in: 1...10)
        if yearsText.isEmpty {
            errors.add(F.contractYears, "Enter the contract's length in whole years, from 1 to 10")
        } else if years == nil {
            errors.add(F.contractYears, "The contract's length must be a whole number of years from 1 to 10")
        }
        let reference = text(
            form, F.contractReference, label: "The contract reference", required: nil, limit: maxReference,
            errors: &errors)
        let source = text(
            form, F.source, label: "The source",
            required: "Say where the money comes from, for example the community mental health contract",
            limit: maxSource, errors: &errors)
        let decision = form.id(F.decision).flatMap { id in decisions.contains { $0.id == id } ? id : nil }
        if decision == nil {
            errors.add(
                F.decision,
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
            form, WithdrawField.reason, label: "The reason", required: "Say why it is being withdrawn",
            limit: maxReason,
            errors: &errors)
        return errors.isEmpty ? reason : nil
    }
}
