/// Checks the terms of reference form.
enum TermsForm {
    /// The largest quorum a group could need, as a count or a percentage (percentages are checked against 100 too).
    static let maxQuorum = 10_000

    static func parse(_ form: FormData, errors: inout FormErrors) -> TermsContent? {
        let scope = form.trimmed("scope"), attendance = form.trimmed("attendance"),
            ways = form.trimmed("ways_of_working")
        if scope.isEmpty { errors.add("scope", "Enter the scope and approach") }
        if attendance.isEmpty { errors.add("attendance", "Enter how attendance works") }
        let deputies = form["deputies_allowed"]
        if deputies != "yes" && deputies != "no" {
            errors.add("deputies_allowed", "Select whether members may send a deputy")
        }
        let method = DecisionMethod(rawValue: form["decision_method"])
        if method == nil { errors.add("decision_method", "Select how decisions are made") }
        let kind = QuorumKind(rawValue: form["quorum_kind"])
        if kind == nil { errors.add("quorum_kind", "Select how the quorum is counted") }
        // Typed by a person: a bounded whole number, so the quorum arithmetic in `DecisionRules` cannot overflow.
        let value = BoundedNumber.parse(form["quorum_value"], in: 1...maxQuorum)
        if let value {
            if kind == .share, value > 100 { errors.add("quorum_value", "A percentage must be 100 or less") }
        } else {
            errors.add("quorum_value", "Enter the quorum as a whole number, like 5 or 50")
        }
        let lived = form["quorum_needs_lived_experience"]
        if lived != "yes" && lived != "no" {
            errors.add(
                "quorum_needs_lived_experience", "Select whether an expert by experience or carer must be present")
        }
        if ways.isEmpty { errors.add("ways_of_working", "Enter the group's ways of working") }
        // Each section is a whole part of a document that can be adopted and kept for ever: long, but not unbounded.
        errors.checkLength(scope, "scope", max: TextLimit.document, label: "The scope and approach")
        errors.checkLength(attendance, "attendance", max: TextLimit.document, label: "How attendance works")
        errors.checkLength(ways, "ways_of_working", max: TextLimit.document, label: "The ways of working")
        let review = form.trimmed("review_on")
        if !review.isEmpty, LondonTime.startOfDay(review) == nil {
            errors.add("review_on", "Enter the review date as a real date, like 2027-03-31")
        }
        guard errors.isEmpty, let method, let kind, let value else { return nil }
        return TermsContent(
            scope: scope, attendance: attendance, deputiesAllowed: deputies == "yes", decisionMethod: method,
            quorumKind: kind,
            quorumValue: value, quorumNeedsLivedExperience: lived == "yes", waysOfWorking: ways,
            reviewOn: review.isEmpty ? nil : review
        )
    }

    /// The stored content as the form would have sent it.
    static func formData(_ content: TermsContent, revision: Int) -> FormData {
        FormData([
            ("scope", content.scope), ("attendance", content.attendance),
            ("deputies_allowed", content.deputiesAllowed ? "yes" : "no"),
            ("decision_method", content.decisionMethod.rawValue), ("quorum_kind", content.quorumKind.rawValue),
            ("quorum_value", String(content.quorumValue)),
            ("quorum_needs_lived_experience", content.quorumNeedsLivedExperience ? "yes" : "no"),
            ("ways_of_working", content.waysOfWorking), ("review_on", content.reviewOn ?? ""),
            ("revision", String(revision)),
        ])
    }
}
