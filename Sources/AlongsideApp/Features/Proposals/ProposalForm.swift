import Foundation

/// Checks the form that opens a proposal, and a member's answer.
enum ProposalForm {
    /// The methods a proposal can use: decisions by leads are not put to members.
    static let methods = DecisionMethod.allCases.filter { ProposalRules.answers(for: $0) != nil }

    /// The fields of the form that opens a proposal.
    enum OpenField: String, FormFieldName {
        case title, question, method, closesOn = "closes_on", closesAtTime = "closes_at_time"
    }

    /// The fields of a member's answer.
    enum ResponseField: String, FormFieldName {
        case response, reason
    }

    /// The boxes the chair ticks to confirm closing a proposal early or withdrawing it.
    enum EndField: String, FormFieldName {
        case closeEarly = "close_early", confirmWithdraw = "confirm_withdraw"
    }

    /// `termsMethod`: the method the terms in force set, if any (then it is not asked).
    static func parse(_ form: FormData, termsMethod: DecisionMethod?, now: Date, errors: inout FormErrors)
        -> ProposalInput?
    {
        typealias F = OpenField
        let title = form.trimmed(F.title), question = form.trimmed(F.question)
        if title.isEmpty {
            errors.add(F.title, "Enter a short title for the proposal")
        } else {
            errors.checkLength(title, F.title, max: TextLimit.line, label: "Title")
        }
        if question.isEmpty {
            errors.add(F.question, "Enter the question members are asked")
        } else {
            errors.checkLength(question, F.question, max: TextLimit.short, label: "The question")
        }
        let method = termsMethod ?? DecisionMethod(rawValue: form[F.method]).flatMap { methods.contains($0) ? $0 : nil }
        if method == nil { errors.add(F.method, "Select how members will decide") }
        let day = form.trimmed(F.closesOn), time = form.trimmed(F.closesAtTime)
        var closesAt: Date?
        if LondonTime.startOfDay(day) == nil {
            errors.add(F.closesOn, "Enter the closing date as a real date, like 2027-03-31")
        } else if let instant = londonInstant(day: day, time: time) {
            if instant <= now {
                errors.add(F.closesOn, "The closing time must be in the future")
            } else {
                closesAt = instant
            }
        } else {
            errors.add(F.closesAtTime, "Enter the closing time as hours and minutes, like 17:00")
        }
        guard errors.isEmpty, let method, let closesAt else { return nil }
        return ProposalInput(title: title, question: question, method: method, closesAt: closesAt)
    }

    /// The instant of a London day and a 24-hour "17:00" time; nil when either is not real or not written exactly
    /// `YYYY-MM-DD` and `HH:MM` (the shared strict reading, `LondonTime.clockParts`).
    static func londonInstant(day: String, time: String) -> Date? {
        LondonTime.instant(isoDay: day, time: time)
    }

    /// A member's answer: one the method offers, with a reason where it needs one.
    static func parseAnswer(_ form: FormData, method: DecisionMethod, errors: inout FormErrors) -> (
        ProposalAnswer, String
    )? {
        typealias F = ResponseField
        let offered = ProposalRules.answers(for: method) ?? []
        let answer = ProposalAnswer(rawValue: form[F.response]).flatMap { offered.contains($0) ? $0 : nil }
        if answer == nil { errors.add(F.response, "Select your response") }
        let reason = form.trimmed(F.reason)
        errors.checkLength(reason, F.reason, max: TextLimit.short, label: "Your reason")
        if let answer, answer.needsReason, reason.isEmpty {
            errors.add(
                F.reason, answer == .object ? "Give the reason for your objection" : "Give the reason you cannot agree")
        }
        guard errors.isEmpty, let answer else { return nil }
        return (answer, reason)
    }
}
