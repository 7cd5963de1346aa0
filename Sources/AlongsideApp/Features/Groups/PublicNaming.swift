/// Whether a group's public page says a member is an expert by experience or a carer (issue 18: "does not label named
/// members as 'Expert by experience' or 'Carer' unless that person agreed to be named that way publicly"). The choice
/// is the member's own, off until they make it.
enum PublicNaming {
    /// The naming form's one field.
    enum Field: String, FormFieldName {
        case namedPublicly = "named_publicly"
    }

    /// What the public page says a member represents when they have not agreed to be named by their seat.
    static let notShown = "Not shown publicly"

    /// The seat in words, for the member's own choice: "an expert by experience" or "a carer".
    static func seatPhrase(_ sector: Sector) -> String { sector == .carer ? "a carer" : "an expert by experience" }

    /// True when the public page must not show what this member represents: a lived-experience seat without consent.
    static func hidesSeat(of member: Membership) -> Bool {
        member.hasLivedExperienceSeat && !member.namedPublicly
    }

    /// Who fills a required seat, as the public page says it: for the lived-experience seat, only those who agreed to
    /// be named, and a count of the rest; other seats as they are. Nil when nobody fills it.
    static func filledBy(_ names: [String], requirement: SeatRequirement, unnamed: Set<String>) -> String? {
        guard !names.isEmpty else { return nil }
        guard requirement == .livedExperience else { return names.joined(separator: ", ") }
        let shown = names.filter { !unnamed.contains($0) }
        let others = names.count - shown.count
        var parts = shown
        if others > 0 { parts.append(others == 1 ? "1 member not named here" : "\(others) members not named here") }
        return parts.joined(separator: ", ")
    }

    /// The choice as the form sends it: "yes" or "no"; anything else is a problem.
    static func parse(_ form: FormData, errors: inout FormErrors) -> Bool? {
        switch form.trimmed(Field.namedPublicly) {
        case "yes": return true
        case "no": return false
        default:
            errors.add(
                Field.namedPublicly,
                "Choose whether the public page may say you are here as an expert by experience or carer")
            return nil
        }
    }
}
