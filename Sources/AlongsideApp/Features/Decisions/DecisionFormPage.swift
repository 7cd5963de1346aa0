import Foundation

struct DecisionFormPage: PageModel {
    static let template = "decisions/form"
    let title: String
    let heading: String
    let submitLabel: String
    let groupName: String
    let termsSummary: String
    /// Correcting: what is being corrected and why (required), and the revision being corrected.
    let correctionReason: Field?
    let correctingRecorded: String?
    let meeting: SelectField
    let declarationRows: [DeclarationRow]
    /// Free-text declarations from before they were structured: shown only when the revision being corrected has them.
    let freeTextDeclarations: Field?
    let theirRevision: [DecisionPage.Row]?
    let hasTheirRevision: Bool
    let titleField: Field
    let question: Field
    let method: ChoiceField
    /// Which method and meeting the questions below were drawn for, sent back so a change is noticed.
    let drawnFor: CarriedValue
    let chooseLabel = "Show the questions for this meeting and method"
    /// Between meetings the counts are typed; at a meeting they come from its attendance (`attendanceSummary`).
    let membersTotal: Field?
    let membersPresent: Field?
    let livedExperiencePresent: ChoiceField?
    let attendanceSummary: String?
    let attendanceHref: String?
    /// Only the chosen method's questions are drawn.
    let votesFor: Field?
    let votesAgainst: Field?
    let votesAbstaining: Field?
    let objections: Field?
    let consensusRecord: Field?
    let outcome: ChoiceField?
    let methodHint: String?
    let rationale: Field
    let reviewOn: Field
    let adoptsTerms: SelectField?
    let shortfalls: [String]
    let hasShortfalls: Bool
    let invalidReason: Field
    let errors: FormErrors
    let action: String
    let cancelHref: String

    struct DeclarationRow: Encodable, Sendable {
        let legend: String
        let person: SelectField
        let name: Field
        let interest: Field
        let tookPart: ChoiceField
        /// Folded away until someone opens it (issue 18: the form was 4,000 px tall on a phone); open when shown
        /// again with anything typed in it or an error, so nothing typed is hidden.
        let isOpen: Bool
    }

    /// The context the form is shown in: the group's meetings and people, and the revision being corrected, if any.
    struct Setting: Sendable {
        var meetings: [DecisionMeetingChoice]
        var people: [(id: Int64, name: String)]
        var correcting: Decision? = nil
        /// The chosen meeting's recorded attendance, when the form names one of the group's meetings.
        var attendance: DecisionAttendance? = nil
        /// Someone else corrected the decision first: their revision, shown beside the form (nothing typed is lost).
        var theirs: Decision? = nil
    }

    init(
        group: Group, form: FormData, errors: FormErrors, inForce: TermsVersion?, proposed: [Int], shortfalls: [String],
        setting: Setting
    ) {
        typealias F = DecisionForm.DecisionField
        let correcting = setting.correcting
        title = (correcting == nil ? "Record a decision: " : "Correct a decision: ") + group.name
        heading = correcting == nil ? "Record a decision" : "Correct a decision"
        submitLabel = "Continue"
        groupName = group.name
        correctionReason =
            correcting == nil
            ? nil
            : Field(
                F.correctionReason, label: "What is being corrected and why", form: form,
                type: "textarea",
                hint: "The correction becomes a new revision. The original stays visible, with this reason beside it.",
                errors: errors
            )
        correctingRecorded = correcting.map {
            "You are correcting the revision recorded on \(LondonTime.dateTime($0.recordedAt)) by \($0.recordedByName)."
        }
        meeting = SelectField(
            F.meeting, label: "Where the decision was taken",
            hint: "At a meeting, who was present comes from the attendance recorded for it.",
            options: [(DecisionForm.betweenMeetings, "Between meetings")]
                + setting.meetings.map { (String($0.id), $0.label) },
            selected: form[F.meeting].isEmpty ? DecisionForm.betweenMeetings : form[F.meeting], errors: errors
        )
        let personOptions: [(value: String, label: String)] =
            [("", "Not a member: type the name below")] + setting.people.map { (String($0.id), $0.name) }
        declarationRows = DeclarationsForm.rows.map { row in
            let name = { (part: DeclarationsForm.DeclarationField.Part) in DeclarationsForm.name(row, part) }
            return DeclarationRow(
                legend: "Declaration of interest \(row) (optional)",
                person: SelectField(
                    name(.person), label: "Who declared it", options: personOptions, form: form, errors: errors),
                name: Field(name(.name), label: "Or their name, if they are not a member", form: form, errors: errors),
                interest: Field(name(.interest), label: "The interest", form: form, errors: errors),
                tookPart: ChoiceField(
                    radios: name(.tookPart), legend: "Did they take part in the decision?",
                    options: [("yes", "Yes"), ("no", "No")], form: form, errors: errors),
                isOpen: DeclarationsForm.DeclarationField.Part.allCases.contains { part in
                    !form[name(part)].isEmpty || errors[name(part).rawValue] != nil
                }
            )
        }
        theirRevision = setting.theirs.map { theirs in
            DecisionRevisions.fields(
                theirs, meetingLabel: theirs.meetingID.flatMap { id in setting.meetings.first { $0.id == id }?.label }
            )
            .map { DecisionPage.Row(label: $0.label, value: $0.value) }
                + [DecisionPage.Row(label: "Why they corrected it", value: theirs.correctionReason ?? "")]
        }
        hasTheirRevision = theirRevision != nil
        freeTextDeclarations =
            form[F.declarations].isEmpty
            ? nil
            : Field(
                F.declarations, label: "Declarations of interest as first recorded (free text)",
                form: form, type: "textarea", errors: errors
            )
        termsSummary =
            inForce.map {
                "Checked against version \($0.number) of the terms of reference: \($0.content.decisionMethod.label.lowercased()); quorum \($0.content.sections.first { $0.title == "Quorum" }?.text ?? "")."
            }
            ?? (setting.correcting == nil
                ? "The group has no adopted terms of reference yet, so there is nothing to check the decision against."
                : "No terms of reference were adopted when this decision was taken, so there is nothing to check it against.")
        titleField = Field(F.title, label: "Title", form: form, errors: errors)
        question = Field(
            F.question, label: "The question decided", form: form, type: "textarea", errors: errors)
        method = ChoiceField(
            radios: F.method, legend: "How the decision was made",
            hint: "Then show the questions for it: each method asks for different numbers.",
            options: DecisionMethod.allCases.map { ($0.rawValue, $0.label) }, form: form, errors: errors)
        drawnFor = CarriedValue(name: F.drawnFor.rawValue, value: DecisionForm.choiceKey(form))
        let chosenMethod = DecisionMethod(rawValue: form[F.method])
        let atMeeting: DecisionMeetingChoice?
        if case .some(.some(let meeting)) = DecisionForm.meetingChoice(form, meetings: setting.meetings) {
            atMeeting = meeting
        } else {
            atMeeting = nil
        }
        if let atMeeting {
            membersTotal = nil
            membersPresent = nil
            livedExperiencePresent = nil
            attendanceSummary =
                "From the attendance recorded for \(atMeeting.label): "
                + (setting.attendance?.summary ?? "No attendance has been recorded for this meeting yet.")
            attendanceHref = Href.attendance(group.id, atMeeting.id)
        } else {
            membersTotal = Field(F.membersTotal, label: "Members of the group", form: form, errors: errors)
            membersPresent = Field(
                F.membersPresent, label: "Members taking part", form: form,
                hint: "Between meetings: the members who took part. At most the group's members.", errors: errors)
            livedExperiencePresent = ChoiceField(
                radios: F.livedExperiencePresent, legend: "Did an expert by experience or carer take part?",
                options: [("yes", "Yes"), ("no", "No")], form: form, errors: errors)
            attendanceSummary = nil
            attendanceHref = nil
        }
        let counting = "Votes cast and objections are at most the members present."
        votesFor =
            chosenMethod == .majorityVote
            ? Field(F.votesFor, label: "Votes for", form: form, hint: counting, errors: errors) : nil
        votesAgainst =
            chosenMethod == .majorityVote
            ? Field(F.votesAgainst, label: "Votes against", form: form, errors: errors) : nil
        votesAbstaining =
            chosenMethod == .majorityVote
            ? Field(F.votesAbstaining, label: "Abstentions", form: form, errors: errors) : nil
        objections =
            chosenMethod == .consent
            ? Field(
                F.objections, label: "Objections", form: form, hint: "0 if nobody objected. " + counting, errors: errors
            )
            : nil
        let recorded = chosenMethod == .consensus || chosenMethod == .byLeads
        consensusRecord =
            recorded
            ? Field(
                F.consensusRecord, label: "How the group reached it", form: form, type: "textarea", errors: errors)
            : nil
        outcome =
            recorded
            ? ChoiceField(
                radios: F.outcome, legend: "Outcome",
                options: DecisionOutcome.allCases.map { ($0.rawValue, $0.label) }, form: form, errors: errors)
            : nil
        switch chosenMethod {
        case .majorityVote: methodHint = "The outcome follows from the votes: agreed when more vote for than against."
        case .consent: methodHint = "The outcome follows from the objections: agreed when nobody objects."
        case .consensus, .byLeads: methodHint = nil
        case nil:
            methodHint =
                "Choose how the decision was made, then show the questions for it."
        }
        rationale = Field(F.rationale, label: "Reasons", form: form, type: "textarea", errors: errors)
        reviewOn = Field(
            F.reviewOn, label: "Review date (optional)", form: form, type: "date", errors: errors)
        adoptsTerms =
            proposed.isEmpty || correcting != nil
            ? nil
            : SelectField(
                F.adoptsTerms, label: "Does this decision adopt proposed terms of reference?",
                options: [("", "No")] + proposed.map { (String($0), "Yes: adopt version \($0)") },
                form: form, errors: errors
            )
        self.shortfalls = shortfalls
        hasShortfalls = !shortfalls.isEmpty
        invalidReason = Field(
            F.invalidReason, label: "Why it is being recorded anyway", form: form, type: "textarea",
            errors: errors)
        self.errors = errors
        action = correcting.map { Href.correctDecision(group.id, $0.id) } ?? Href.decisions(group.id)
        cancelHref = correcting.map { Href.decision(group.id, $0.id) } ?? Href.decisions(group.id)
    }
}
