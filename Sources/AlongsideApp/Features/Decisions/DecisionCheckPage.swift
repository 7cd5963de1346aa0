import Foundation

/// "Check your answers" before a decision (or a correction) is written to the log, which is permanent: nothing in it
/// is ever edited, only corrected by a new revision (issue 17; DESIGN.md, forms; WCAG 3.3.4).
struct DecisionCheckPage: CheckAnswersPage {
    let title: String
    let intro: String
    let rows: [CheckAnswerRow]
    let hidden: [CarriedValue]
    let action: String
    let confirmLabel: String
    let cancelHref: String
    let afterwards: String

    /// Every field the form sends, carried through so "Change" shows the form as the person left it.
    static var carried: [String] {
        DecisionForm.DecisionField.allCases.filter { $0 != .step }.map(\.rawValue)
            + DeclarationsForm.rows.flatMap { row in
                DeclarationsForm.DeclarationField.Part.allCases.map { DeclarationsForm.name(row, $0).rawValue }
            }
    }

    init(
        group: Group, input: DecisionInput, form: FormData, setting: DecisionFormPage.Setting, termsVersion: Int?,
        quorumMet: Bool
    ) {
        typealias F = DecisionForm.DecisionField
        let correcting = setting.correcting
        let action = correcting.map { Href.correctDecision(group.id, $0.id) } ?? Href.decisions(group.id)
        title =
            correcting == nil
            ? "Check the decision before it is recorded" : "Check the correction before it is recorded"
        intro =
            "Nothing is saved yet. The decision log of \(group.name) is permanent, so check each answer, then record it."
        afterwards =
            "Once recorded, the decision cannot be edited or deleted. A mistake is put right by a correction: a new revision, with the reason beside it, and the original still readable."
        confirmLabel = correcting == nil ? "Record decision" : "Record the correction"
        var rows: [CheckAnswerRow] = []
        func row(_ label: String, _ value: String, _ field: F?) {
            rows.append(CheckAnswerRow(label, value, field: field?.rawValue, form: action))
        }
        if let reason = input.correctionReason { row("What is being corrected and why", reason, .correctionReason) }
        row("Title", input.title, .title)
        let meeting = input.meetingID.flatMap { id in setting.meetings.first { $0.id == id } }
        row("Where it was taken", meeting?.label ?? "Between meetings", .meeting)
        row("Question", input.question, .question)
        row("How it was made", input.method.label, .method)
        let present =
            "\(input.membersPresent) of \(input.membersTotal) members"
            + (input.livedExperiencePresent
                ? ", including an expert by experience or carer" : ", with no expert by experience or carer")
        if meeting != nil, let attendance = setting.attendance {
            // Taken from the meeting's attendance: changed there, not here.
            rows.append(
                CheckAnswerRow("Present (from the meeting's attendance)", attendance.summary, field: nil, form: action))
        } else {
            row("Taking part", present, .membersPresent)
        }
        rows.append(
            CheckAnswerRow(
                "Terms of reference",
                termsVersion.map { "Version \($0); quorum \(quorumMet ? "met" : "not met")" } ?? "None adopted",
                field: nil, form: action))
        if let votesFor = input.votesFor {
            row(
                "Votes",
                "\(votesFor) for, \(input.votesAgainst ?? 0) against, \(input.votesAbstaining ?? 0) abstaining",
                .votesFor)
        }
        if let objections = input.objections { row("Objections", String(objections), .objections) }
        if let record = input.consensusRecord { row("How the group reached it", record, .consensusRecord) }
        row("Outcome", input.outcome.label, input.method == .consensus || input.method == .byLeads ? .outcome : nil)
        row("Reasons", input.rationale, .rationale)
        let declared = input.declarationList.map(\.summary) + [input.declarations].compactMap { $0 }
        rows.append(
            CheckAnswerRow(
                "Declarations of interest", declared.isEmpty ? "None" : declared.joined(separator: "\n"),
                field: DeclarationsForm.name(1, .person).rawValue, form: action))
        row("Review date", input.reviewOn.map(LondonTime.day) ?? "None", .reviewOn)
        if correcting == nil {
            let adopts = input.adoptsTermsVersion.map { "Version \($0) of the terms of reference" }
            if let adopts { row("Adopts", adopts, .adoptsTerms) }
        }
        if let reason = input.invalidReason {
            row("Not valid under the terms of reference, because", reason, .invalidReason)
        }
        self.rows = rows
        hidden = CarriedValue.all(Self.carried, from: form)
        self.action = action
        cancelHref = correcting.map { Href.decision(group.id, $0.id) } ?? Href.decisions(group.id)
    }
}
