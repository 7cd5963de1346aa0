/// Checks the terms of reference form.
enum TermsForm {
    /// The largest quorum a group could need, as a count or a percentage (percentages are checked against 100 too).
    static let maxQuorum = 10_000

    /// The terms of reference form's fields. `revision` is the hidden revision the edit was made from.
    enum TermsField: String, FormFieldName {
        case scope, attendance, deputiesAllowed = "deputies_allowed", decisionMethod = "decision_method"
        case quorumKind = "quorum_kind", quorumValue = "quorum_value"
        case quorumNeedsLivedExperience = "quorum_needs_lived_experience", waysOfWorking = "ways_of_working"
        case reviewOn = "review_on", revision
    }

    /// The field of the button that publishes a version or makes it private again.
    enum VisibilityField: String, FormFieldName {
        case visibility
    }

    /// The fields of the form that compares two versions (a query string).
    enum CompareField: String, FormFieldName {
        case from, to
    }

    static func parse(_ form: FormData, errors: inout FormErrors) -> TermsContent? {
        typealias F = TermsField
        let scope = form.trimmed(F.scope), attendance = form.trimmed(F.attendance),
            ways = form.trimmed(F.waysOfWorking)
        if scope.isEmpty { errors.add(F.scope, "Enter the scope and approach") }
        if attendance.isEmpty { errors.add(F.attendance, "Enter how attendance works") }
        let deputies = form[F.deputiesAllowed]
        if deputies != "yes" && deputies != "no" {
            errors.add(F.deputiesAllowed, "Select whether members may send a deputy")
        }
        let method = DecisionMethod(rawValue: form[F.decisionMethod])
        if method == nil { errors.add(F.decisionMethod, "Select how decisions are made") }
        let kind = QuorumKind(rawValue: form[F.quorumKind])
        if kind == nil { errors.add(F.quorumKind, "Select how the quorum is counted") }
        // Typed by a person: a bounded whole number, so the quorum arithmetic in `DecisionRules` cannot overflow.
        let value = BoundedNumber.parse(form[F.quorumValue], in: 1...maxQuorum)
        if let value {
            if kind == .share, value > 100 { errors.add(F.quorumValue, "A percentage must be 100 or less") }
        } else {
            errors.add(F.quorumValue, "Enter the quorum as a whole number, like 5 or 50")
        }
        let lived = form[F.quorumNeedsLivedExperience]
        if lived != "yes" && lived != "no" {
            errors.add(
                F.quorumNeedsLivedExperience, "Select whether an expert by experience or carer must be present")
        }
        if ways.isEmpty { errors.add(F.waysOfWorking, "Enter the group's ways of working") }
        // Each section is a whole part of a document that can be adopted and kept for ever: long, but not unbounded.
        errors.checkLength(scope, F.scope, max: TextLimit.document, label: "The scope and approach")
        errors.checkLength(attendance, F.attendance, max: TextLimit.document, label: "How attendance works")
        errors.checkLength(ways, F.waysOfWorking, max: TextLimit.document, label: "The ways of working")
        let review = form.trimmed(F.reviewOn)
        if !review.isEmpty, LondonTime.startOfDay(review) == nil {
            errors.add(F.reviewOn, "Enter the review date as a real date, like 2027-03-31")
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
        typealias F = TermsField
        return FormData([
            (F.scope, content.scope), (F.attendance, content.attendance),
            (F.deputiesAllowed, content.deputiesAllowed ? "yes" : "no"),
            (F.decisionMethod, content.decisionMethod.rawValue), (F.quorumKind, content.quorumKind.rawValue),
            (F.quorumValue, String(content.quorumValue)),
            (F.quorumNeedsLivedExperience, content.quorumNeedsLivedExperience ? "yes" : "no"),
            (F.waysOfWorking, content.waysOfWorking), (F.reviewOn, content.reviewOn ?? ""),
            (F.revision, String(revision)),
        ])
    }
}
