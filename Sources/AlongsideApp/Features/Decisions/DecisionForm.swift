import Foundation

/// Checks the decision form. Shortfalls against the terms of reference are not errors: the page explains them
/// and the decision can then be recorded only as "not valid under the terms of reference", with a reason.
enum DecisionForm {
    /// The meeting choice for a decision taken between meetings.
    static let betweenMeetings = "between"

    /// The decision form's fields (recording a decision and correcting one). The declarations of interest are
    /// `DeclarationsForm.DeclarationField`s.
    enum DecisionField: String, FormFieldName, CaseIterable {
        case correctionReason = "correction_reason", title, question, method, membersTotal = "members_total"
        case membersPresent = "members_present", livedExperiencePresent = "lived_experience_present"
        case votesFor = "votes_for", votesAgainst = "votes_against", votesAbstaining = "votes_abstaining", objections
        case consensusRecord = "consensus_record", outcome, rationale, meeting, reviewOn = "review_on"
        case adoptsTerms = "adopts_terms", declarations, invalidReason = "invalid_reason"
        /// Which method and meeting the questions on the page were drawn for (`choiceKey`), and the buttons' step:
        /// `choose` redraws the questions, `change` comes back from the check page, `confirm` records.
        case drawnFor = "drawn_for", step
    }

    /// The field of the button that publishes a decision or makes it private again.
    enum VisibilityField: String, FormFieldName {
        case visibility
    }

    /// What the form is checked against besides what was typed: the meeting's recorded attendance when the decision
    /// was taken at one, the time now (no decision at a meeting that has not started), and the meeting of the
    /// revision being corrected (which may since have been cancelled).
    struct Checks: Sendable {
        var attendance: DecisionAttendance?
        var now: Date
        var correctingMeetingID: Int64? = nil
    }

    /// The meeting the form names: nil for between meetings (or nothing chosen), `.some(nil)` for a value that is not
    /// one of the group's meetings.
    static func meetingChoice(_ form: FormData, meetings: [DecisionMeetingChoice]) -> DecisionMeetingChoice?? {
        let meeting = form.trimmed(DecisionField.meeting)
        guard !meeting.isEmpty, meeting != betweenMeetings else { return nil }
        return .some(BoundedNumber.id(meeting).flatMap { id in meetings.first { $0.id == id } })
    }

    /// Which method and meeting the form's questions were drawn for: "consent|12", "majority_vote|between".
    static func choiceKey(_ form: FormData) -> String {
        let meeting = form.trimmed(DecisionField.meeting)
        return form[DecisionField.method] + "|" + (meeting.isEmpty ? betweenMeetings : meeting)
    }

    static func parse(
        _ form: FormData, proposedVersions: [Int], meetings: [DecisionMeetingChoice],
        people: [(id: Int64, name: String)], isCorrection: Bool, checks: Checks,
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
        let drawnFor = form[F.drawnFor]
        if method != nil, !drawnFor.isEmpty, drawnFor != choiceKey(form) {
            errors.add(
                F.method,
                "You changed where or how the decision was made, so the questions have changed. Answer them, then continue"
            )
        }
        // Taken at one of the group's meetings, or between meetings (the default).
        var meetingID: Int64?
        var total: Int?, present: Int?, lived: Bool?
        switch meetingChoice(form, meetings: meetings) {
        case .some(.some(let meeting)):
            meetingID = meeting.id
            if meeting.startsAt > checks.now {
                errors.add(
                    F.meeting,
                    "That meeting has not started yet (it starts on \(LondonTime.date(meeting.startsAt)) at \(LondonTime.time(meeting.startsAt))). Record the decision once the meeting has started"
                )
            } else if meeting.isCancelled, meeting.id != checks.correctingMeetingID {
                errors.add(F.meeting, "That meeting was cancelled. Select the meeting the decision was taken at")
            } else if let attendance = checks.attendance, attendance.isRecorded {
                total = attendance.memberCount
                present = attendance.present
                lived = attendance.livedExperiencePresent
            } else {
                errors.add(
                    F.meeting,
                    "Record the meeting's attendance first: a decision taken at a meeting counts who was there from it")
            }
        case .some(.none):
            errors.add(F.meeting, "Select the meeting the decision was taken at, or between meetings")
        case .none:
            total = count(form, F.membersTotal, "Enter how many members the group has, as a whole number", &errors)
            present = count(form, F.membersPresent, "Enter how many members were present, as a whole number", &errors)
            switch form[F.livedExperiencePresent] {
            case "yes": lived = true
            case "no": lived = false
            default: errors.add(F.livedExperiencePresent, "Select whether an expert by experience or carer was present")
            }
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
        if let total, let present {
            let counts = DecisionCounts(
                membersTotal: total, membersPresent: present, votesFor: votesFor, votesAgainst: against,
                votesAbstaining: abstaining, objections: objections)
            for problem in counts.problems(limit: maxCount) { errors.add(field(for: problem.count), problem.message) }
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
        guard errors.isEmpty, let method, let total, let present, let lived, let outcome else { return nil }
        return DecisionInput(
            title: title, question: question, method: method, membersTotal: total, membersPresent: present,
            livedExperiencePresent: lived, votesFor: votesFor, votesAgainst: against,
            votesAbstaining: abstaining,
            objections: objections, consensusRecord: consensus, outcome: outcome, rationale: rationale,
            declarations: declarations.isEmpty ? nil : declarations, reviewOn: review.isEmpty ? nil : review,
            invalidReason: reason.isEmpty ? nil : reason, adoptsTermsVersion: adopts, meetingID: meetingID,
            declarationList: declarationList,
            correctionReason: isCorrection ? correctionReason : nil
        )
    }

    /// The input a count's problem is shown beside.
    static func field(for count: DecisionCounts.Count) -> DecisionField {
        switch count {
        case .membersTotal: return .membersTotal
        case .membersPresent: return .membersPresent
        case .votesFor: return .votesFor
        case .votesAgainst: return .votesAgainst
        case .votesAbstaining: return .votesAbstaining
        case .objections: return .objections
        }
    }

    /// The largest count of members or votes: far more than any group, small enough that sums cannot overflow.
    static let maxCount = 10_000

    /// A count a person typed into `field`: a whole number from 0 to `maxCount`.
    static func count(_ form: FormData, _ field: DecisionField, _ message: String, _ errors: inout FormErrors) -> Int? {
        let label = DecisionCounts.Count.allCases.first { Self.field(for: $0) == field }?.label ?? "The number"
        return count(form, field.rawValue, message, label: label, &errors)
    }

    /// A count a person typed into the field named `name`: a whole number from 0 to `maxCount`.
    static func count(
        _ form: FormData, _ name: String, _ message: String, label: String = "The number", _ errors: inout FormErrors
    ) -> Int? {
        if let value = BoundedNumber.parse(form[name], in: 0...maxCount) { return value }
        // Whole numbers of any length are read as digits, never converted: 9223372036854775807 is only "too many".
        let text = form[name].trimmingCharacters(in: .whitespaces)
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let isWhole = !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if isWhole, text.hasPrefix("-") {
            errors.add(name, "\(label) cannot be a negative number")
        } else if isWhole {
            errors.add(name, "\(label) must be \(NumberText.grouped(maxCount)) or fewer")
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
