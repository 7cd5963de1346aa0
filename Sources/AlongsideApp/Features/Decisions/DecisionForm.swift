import Foundation

/// Checks the decision form. Shortfalls against the terms of reference are not errors: the page explains them
/// and the decision can then be recorded only as "not valid under the terms of reference", with a reason.
enum DecisionForm {
    /// The meeting choice for a decision taken between meetings.
    static let betweenMeetings = "between"

    static func parse(
        _ form: FormData, proposedVersions: [Int], meetings: [DecisionMeetingChoice],
        people: [(id: Int64, name: String)], isCorrection: Bool,
        errors: inout FormErrors
    ) -> DecisionInput? {
        let correctionReason = form.trimmed("correction_reason")
        if isCorrection, correctionReason.isEmpty {
            errors.add("correction_reason", "Enter what is being corrected and why")
        }
        let title = form.trimmed("title"), question = form.trimmed("question"), rationale = form.trimmed("rationale")
        if title.isEmpty { errors.add("title", "Enter a short title for the decision") }
        if question.isEmpty { errors.add("question", "Enter the question the group decided") }
        let method = DecisionMethod(rawValue: form["method"])
        if method == nil { errors.add("method", "Select how the decision was made") }
        let total = count(form, "members_total", "Enter how many members the group has, as a whole number", &errors)
        let present = count(form, "members_present", "Enter how many members were present, as a whole number", &errors)
        if let total, let present, present > total {
            errors.add("members_present", "Members present cannot be more than the group's members")
        }
        let lived = form["lived_experience_present"]
        if lived != "yes" && lived != "no" {
            errors.add("lived_experience_present", "Select whether an expert by experience or carer was present")
        }
        var votesFor: Int?, against: Int?, abstaining: Int?, objections: Int?, consensus: String?
        var outcome = DecisionOutcome(rawValue: form["outcome"])
        switch method {
        case .majorityVote:
            votesFor = count(form, "votes_for", "Enter the votes for, as a whole number", &errors)
            against = count(form, "votes_against", "Enter the votes against, as a whole number", &errors)
            abstaining = count(form, "votes_abstaining", "Enter the abstentions, as a whole number", &errors)
            if let votesFor, let against {
                outcome = DecisionRules.outcome(
                    method: .majorityVote, votesFor: votesFor, against: against, objections: 0)
            }
        case .consent:
            objections = count(
                form, "objections", "Enter the number of objections, as a whole number (0 if none)", &errors)
            if let objections {
                outcome = DecisionRules.outcome(method: .consent, votesFor: 0, against: 0, objections: objections)
            }
        case .consensus, .byLeads:
            let record = form.trimmed("consensus_record")
            if record.isEmpty { errors.add("consensus_record", "Describe how the group reached the decision") }
            consensus = record
            if outcome == nil { errors.add("outcome", "Select the outcome") }
        case nil:
            break
        }
        if rationale.isEmpty { errors.add("rationale", "Enter the reasons for the decision") }
        // Taken at one of the group's meetings, or between meetings (the default).
        var meetingID: Int64?
        let meeting = form.trimmed("meeting")
        if !meeting.isEmpty, meeting != betweenMeetings {
            meetingID = BoundedNumber.id(meeting).flatMap { id in meetings.contains { $0.id == id } ? id : nil }
            if meetingID == nil {
                errors.add("meeting", "Select the meeting the decision was taken at, or between meetings")
            }
        }
        let declarationList = DeclarationsForm.parse(form, people: people, errors: &errors)
        let review = form.trimmed("review_on")
        if !review.isEmpty, LondonTime.startOfDay(review) == nil {
            errors.add("review_on", "Enter the review date as a real date, like 2027-03-31")
        }
        var adopts: Int?
        if !form["adopts_terms"].isEmpty {
            adopts = BoundedNumber.parse(form["adopts_terms"], in: 1...TermsController.maxVersionNumber).flatMap {
                proposedVersions.contains($0) ? $0 : nil
            }
            if adopts == nil {
                errors.add("adopts_terms", "Select a proposed version of the terms of reference, or none")
            }
        }
        let declarations = form.trimmed("declarations"), reason = form.trimmed("invalid_reason")
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

    /// A count a person typed: a whole number from 0 to `maxCount`.
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
        errors.checkLength(form, "correction_reason", max: TextLimit.paragraph, label: "The reason for the correction")
        errors.checkLength(form, "title", max: TextLimit.line, label: "The title")
        errors.checkLength(form, "question", max: TextLimit.short, label: "The question")
        errors.checkLength(
            form, "consensus_record", max: TextLimit.paragraph, label: "How the group reached the decision")
        errors.checkLength(form, "rationale", max: TextLimit.paragraph, label: "The reasons for the decision")
        errors.checkLength(form, "declarations", max: TextLimit.paragraph, label: "The declarations of interest")
        errors.checkLength(form, "invalid_reason", max: TextLimit.paragraph, label: "The reason")
    }
}

extension DecisionForm {
    /// A revision as the form would have sent it: the starting point of a correction.
    static func formData(for decision: Decision) -> FormData {
        var pairs: [(String, String)] = [
            ("title", decision.title), ("question", decision.question), ("method", decision.method.rawValue),
            ("members_total", String(decision.membersTotal)), ("members_present", String(decision.membersPresent)),
            ("lived_experience_present", decision.livedExperiencePresent ? "yes" : "no"),
            ("votes_for", decision.votesFor.map(String.init) ?? ""),
            ("votes_against", decision.votesAgainst.map(String.init) ?? ""),
            ("votes_abstaining", decision.votesAbstaining.map(String.init) ?? ""),
            ("objections", decision.objections.map(String.init) ?? ""),
            ("consensus_record", decision.consensusRecord ?? ""), ("outcome", decision.outcome.rawValue),
            ("rationale", decision.rationale),
            ("declarations", decision.declarations ?? ""), ("review_on", decision.reviewOn ?? ""),
            ("invalid_reason", decision.invalidReason ?? ""),
            ("meeting", decision.meetingID.map(String.init) ?? betweenMeetings),
        ]
        pairs += DeclarationsForm.pairs(decision.declarationList)
        return FormData(pairs)
    }
}
