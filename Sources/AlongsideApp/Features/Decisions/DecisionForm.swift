import Foundation

/// Checks the decision form. Shortfalls against the terms of reference are not errors: the page explains them
/// and the decision can then be recorded only as "not valid under the terms of reference", with a reason.
enum DecisionForm {
    /// The meeting choice for a decision taken between meetings.
    static let betweenMeetings = "between"

    /// The decision form's fields (recording a decision and correcting one). The declarations of interest are
    /// `DeclarationsForm.DeclarationField`s.
    enum DecisionField: String, FormFieldName {
        case correctionReason = "correction_reason", title, question, method, membersTotal = "members_total"
        case membersPresent = "members_present", livedExperiencePresent = "lived_experience_present"
        case votesFor = "votes_for", votesAgainst = "votes_against", votesAbstaining = "votes_abstaining", objections
        case consensusRecord = "consensus_record", outcome, rationale, meeting, reviewOn = "review_on"
        case adoptsTerms = "adopts_terms", declarations, invalidReason = "invalid_reason"
    }

    /// The field of the button that publishes a decision or makes it private again.
    enum VisibilityField: String, FormFieldName {
        case visibility
    }

    static func parse(
        _ form: FormData, proposedVersions: [Int], meetings: [DecisionMeetingChoice],
        people: [(id: Int64, name: String)], isCorrection: Bool,
        errors: inout FormErrors
    ) -> DecisionInput? {
        typealias F = DecisionField
        let correctionReason = form.trimmed(F.correctionReason)
        if isCorrection, correctionReason.isEmpty {
            errors.add(F.correctionReason, "Enter what is being corrected and why")
        }
        let title = form.trimmed(F.title), question = form.trimmed(F.question), rationale = form.trimmed(F.rationale)
        if title.isEmpty { errors.add(F.title, "Enter a short title for the decision") }
        if question.isEmpty { errors.add(F.question, "Enter the question the group decided") }
        let method = DecisionMethod(rawValue: form[F.method])
        if method == nil { errors.add(F.method, "Select how the decision was made") }
        let total = count(form, F.membersTotal, "Enter how many members the group has, as a whole number", &errors)
        let present = count(form, F.membersPresent, "Enter how many members were present, as a whole number", &errors)
        if let total, let present, present > total {
            errors.add(F.membersPresent, "Members present cannot be more than the group's members")
        }
        let lived = form[F.livedExperiencePresent]
        if lived != "yes" && lived != "no" {
            errors.add(F.livedExperiencePresent, "Select whether an expert by experience or carer was present")
        }
        var votesFor: Int?, against: Int?, abstaining: Int?, objections: Int?, consensus: String?
        var outcome = DecisionOutcome(rawValue: form[F.outcome])
        switch method {
        case .majorityVote:
            votesFor = count(form, F.votesFor, "Enter the votes for, as a whole number", &errors)
            against = count(form, F.votesAgainst, "Enter the votes against, as a whole number", &errors)
            abstaining = count(form, F.votesAbstaining, "Enter the abstentions, as a whole number", &errors)
            if let votesFor, let against {
                outcome = DecisionRules.outcome(
                    method: .majorityVote, votesFor: votesFor, against: against, objections: 0)
            }
        case .consent:
            objections = count(
                form, F.objections, "Enter the number of objections, as a whole number (0 if none)", &errors)
            if let objections {
                outcome = DecisionRules.outcome(method: .consent, votesFor: 0, against: 0, objections: objections)
            }
        case .consensus, .byLeads:
            let record = form.trimmed(F.consensusRecord)
            if record.isEmpty { errors.add(F.consensusRecord, "Describe how the group reached the decision") }
            consensus = record
            if outcome == nil { errors.add(F.outcome, "Select the outcome") }
        case nil:
            break
        }
        if rationale.isEmpty { errors.add(F.rationale, "Enter the reasons for the decision") }
        // Taken at one of the group's meetings, or between meetings (the default).
        var meetingID: Int64?
        let meeting = form.trimmed(F.meeting)
        if !meeting.isEmpty, meeting != betweenMeetings {
            meetingID = BoundedNumber.id(meeting).flatMap { id in meetings.contains { $0.id == id } ? id : nil }
            if meetingID == nil {
                errors.add(F.meeting, "Select the meeting the decision was taken at, or between meetings")
            }
        }
        let declarationList = DeclarationsForm.parse(form, people: people, errors: &errors)
        let review = form.trimmed(F.reviewOn)
        if !review.isEmpty, LondonTime.startOfDay(review) == nil {
            errors.add(F.reviewOn, "Enter the review date as a real date, like 2027-03-31")
        }
        var adopts: Int?
        if !form[F.adoptsTerms].isEmpty {
            adopts = BoundedNumber.parse(form[F.adoptsTerms], in: 1...TermsController.maxVersionNumber).flatMap {
                proposedVersions.contains($0) ? $0 : nil
            }
            if adopts == nil {
                errors.add(F.adoptsTerms, "Select a proposed version of the terms of reference, or none")
            }
        }
        let declarations = form.trimmed(F.declarations), reason = form.trimmed(F.invalidReason)
        checkLengths(form, errors: &errors)
        guard errors.isEmpty, let method, let total, let present, let outcome else { return nil }
        return DecisionInput(
            title: title, question: question, method: method, membersTotal: total, membersPresent: present,
            livedExperiencePresent: lived == "yes", votesFor: votesFor, votesAgainst: against,
            votesAbstaining: abstaining,
            objections: objections, consensusRecord: consensus, outcome: outcome, rationale: rationale,
            declarations: declarations.isEmpty ? nil : declarations, reviewOn: review.isEmpty ? nil : review,
            invalidReason: reason.isEmpty ? nil : reason, adoptsTermsVersion: adopts, meetingID: meetingID,
            declarationList: declarationList,
            correctionReason: isCorrection ? correctionReason : nil
        )
    }

    /// The largest count of members or votes: far more than any group, small enough that sums cannot overflow.
    static let maxCount = 10_000

    /// A count a person typed into `field`: a whole number from 0 to `maxCount`.
    static func count(_ form: FormData, _ field: DecisionField, _ message: String, _ errors: inout FormErrors) -> Int? {
        count(form, field.rawValue, message, &errors)
    }

    /// A count a person typed into the field named `name`: a whole number from 0 to `maxCount`.
    static func count(_ form: FormData, _ name: String, _ message: String, _ errors: inout FormErrors) -> Int? {
        if let value = BoundedNumber.parse(form[name], in: 0...maxCount) { return value }
        if BoundedNumber.parse(form[name], in: 0...Int.max) != nil {
            errors.add(name, "The number must be \(NumberText.grouped(maxCount)) or fewer")
        } else {
            errors.add(name, message)
        }
        return nil
    }

    /// The decision log is append-only and can never be cleaned, so every text is limited before it is written.
    static func checkLengths(_ form: FormData, errors: inout FormErrors) {
        typealias F = DecisionField
        errors.checkLength(form, F.correctionReason, max: TextLimit.paragraph, label: "The reason for the correction")
        errors.checkLength(form, F.title, max: TextLimit.line, label: "The title")
        errors.checkLength(form, F.question, max: TextLimit.short, label: "The question")
        errors.checkLength(
            form, F.consensusRecord, max: TextLimit.paragraph, label: "How the group reached the decision")
        errors.checkLength(form, F.rationale, max: TextLimit.paragraph, label: "The reasons for the decision")
        errors.checkLength(form, F.declarations, max: TextLimit.paragraph, label: "The declarations of interest")
        errors.checkLength(form, F.invalidReason, max: TextLimit.paragraph, label: "The reason")
    }
}

extension DecisionForm {
    /// A revision as the form would have sent it: the starting point of a correction.
    static func formData(for decision: Decision) -> FormData {
        typealias F = DecisionField
        let pairs: [(F, String)] = [
            (F.title, decision.title), (F.question, decision.question), (F.method, decision.method.rawValue),
            (F.membersTotal, String(decision.membersTotal)), (F.membersPresent, String(decision.membersPresent)),
            (F.livedExperiencePresent, decision.livedExperiencePresent ? "yes" : "no"),
            (F.votesFor, decision.votesFor.map(String.init) ?? ""),
            (F.votesAgainst, decision.votesAgainst.map(String.init) ?? ""),
            (F.votesAbstaining, decision.votesAbstaining.map(String.init) ?? ""),
            (F.objections, decision.objections.map(String.init) ?? ""),
            (F.consensusRecord, decision.consensusRecord ?? ""), (F.outcome, decision.outcome.rawValue),
            (F.rationale, decision.rationale),
            (F.declarations, decision.declarations ?? ""), (F.reviewOn, decision.reviewOn ?? ""),
            (F.invalidReason, decision.invalidReason ?? ""),
            (F.meeting, decision.meetingID.map(String.init) ?? betweenMeetings),
        ]
        return DeclarationsForm.pairs(decision.declarationList).reduce(FormData(pairs)) { form, pair in
            form.replacing(pair.0, with: pair.1)
        }
    }
}
