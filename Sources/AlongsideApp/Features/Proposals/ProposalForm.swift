import Foundation

/// Checks the form that opens a proposal, and a member's answer.
enum ProposalForm {
    /// The methods a proposal can use: decisions by leads are not put to members.
    static let methods = DecisionMethod.allCases.filter { ProposalRules.answers(for: $0) != nil }

    /// `termsMethod`: the method the terms in force set, if any (then it is not asked).
    static func parse(_ form: FormData, termsMethod: DecisionMethod?, now: Date, errors: inout FormErrors)
        -> ProposalInput?
    {
        let title = form.trimmed("title"), question = form.trimmed("question")
        if title.isEmpty {
            errors.add("title", "Enter a short title for the proposal")
        } else {
            errors.checkLength(title, "title", max: TextLimit.line, label: "Title")
        }
        if question.isEmpty {
            errors.add("question", "Enter the question members are asked")
        } else {
            errors.checkLength(question, "question", max: TextLimit.short, label: "The question")
        }
        let method = termsMethod ?? DecisionMethod(rawValue: form["method"]).flatMap { methods.contains($0) ? $0 : nil }
        if method == nil { errors.add("method", "Select how members will decide") }
        let day = form.trimmed("closes_on"), time = form.trimmed("closes_at_time")
        var closesAt: Date?
        if LondonTime.startOfDay(day) == nil {
            errors.add("closes_on", "Enter the closing date as a real date, like 2027-03-31")
        } else if let instant = londonInstant(day: day, time: time) {
            if instant <= now {
                errors.add("closes_on", "The closing time must be in the future")
            } else {
                closesAt = instant
            }
        } else {
            errors.add("closes_at_time", "Enter the closing time as hours and minutes, like 17:00")
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
        let offered = ProposalRules.answers(for: method) ?? []
        let answer = ProposalAnswer(rawValue: form["response"]).flatMap { offered.contains($0) ? $0 : nil }
        if answer == nil { errors.add("response", "Select your response") }
        let reason = form.trimmed("reason")
        errors.checkLength(reason, "reason", max: TextLimit.short, label: "Your reason")
        if let answer, answer.needsReason, reason.isEmpty {
            errors.add(
                "reason", answer == .object ? "Give the reason for your objection" : "Give the reason you cannot agree")
        }
        guard errors.isEmpty, let answer else { return nil }
        return (answer, reason)
    }
}
