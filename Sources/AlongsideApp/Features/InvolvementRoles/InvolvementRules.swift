import Foundation

/// Adverts for involvement roles: open until the end of their closing day (Europe/London), unless closed early.
public enum AdvertRules {
    /// Open on `today` ("2026-03-03"): not closed early, and the closing day has not passed. ISO days compare as text.
    public static func isOpen(closesOn: String, closedEarly: Bool, today: String) -> Bool {
        !closedEarly && today <= closesOn
    }

    /// A closing date a manager may set: a real date, today or later. Nil when it is fine, else the problem.
    public static func closingDateProblem(_ closesOn: String, today: String) -> String? {
        guard LondonTime.startOfDay(closesOn) != nil else {
            return "Enter the closing date as a real date, like 2027-03-31"
        }
        guard closesOn >= today else { return "The closing date must be today or later" }
        return nil
    }

    /// Issue 18: an advert cannot be published while it still holds the template's placeholders, such as "[name]" or
    /// "[email address]". Every "[...]" with something inside, across the texts in the order given, each once.
    public static func placeholders(in texts: [String]) -> [String] {
        var found: [String] = []
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "[") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(where: { $0 == "]" || $0 == "[" || $0 == "\n" }) else { break }
                if after[close] == "]" {
                    let inside = after[..<close]
                    let placeholder = "[\(inside)]"
                    if !inside.trimmingCharacters(in: .whitespaces).isEmpty, !found.contains(placeholder) {
                        found.append(placeholder)
                    }
                    rest = after[after.index(after: close)...]
                } else {
                    rest = after[close...]
                }
            }
        }
        return found
    }

    /// The refusal naming each placeholder left in, or nil when there are none.
    public static func placeholderProblem(in texts: [String]) -> String? {
        let found = placeholders(in: texts)
        guard !found.isEmpty else { return nil }
        let list = found.count == 1 ? found[0] : found.dropLast().joined(separator: ", ") + " and " + found.last!
        return "The role description still has the template's \(found.count == 1 ? "placeholder" : "placeholders") "
            + "\(list). Edit the role description to put the real details in before publishing the advert"
    }
}

/// People in roles: an appointment runs from its start day to its end day (the last day in the role), if it has one.
public enum AppointmentRules {
    public enum Standing: Equatable, Sendable {
        case upcoming, current, ended
    }

    public static func standing(startsOn: String, endsOn: String?, today: String) -> Standing {
        if today < startsOn { return .upcoming }
        if let endsOn, endsOn < today { return .ended }
        return .current
    }

    /// The start and end days as typed. Nil when they are fine, else the field (its name in the appointment form)
    /// and the problem.
    public static func datesProblem(startsOn: String, endsOn: String) -> (field: String, message: String)? {
        typealias F = InvolvementForms.AppointmentField
        guard LondonTime.startOfDay(startsOn) != nil else {
            return (F.startsOn.rawValue, "Enter the start date as a real date, like 2026-03-03")
        }
        return endDateProblem(endsOn, startsOn: startsOn).map { (F.endsOn.rawValue, $0) }
    }

    /// An end day for an appointment that started on `startsOn`: empty (no end), or a real day after the start.
    public static func endDateProblem(_ endsOn: String, startsOn: String) -> String? {
        guard !endsOn.isEmpty else { return nil }
        guard LondonTime.startOfDay(endsOn) != nil else { return "Enter the end date as a real date, like 2027-03-31" }
        guard endsOn > startsOn else {
            return "The end date must be after the start date (\(LondonTime.day(startsOn)))"
        }
        return nil
    }
}

/// The interest form's rule for contact details (the checks themselves are shared: `Kit/ContactRules.swift`).
extension ContactRules {
    /// Problems with the contact details, field by field (each named as the interest form names it), in the order the
    /// form shows them.
    public static func problems(email: String, phone: String, preferred: ContactMethod?) -> [(
        field: String, message: String
    )] {
        typealias F = InvolvementForms.InterestField
        var found: [(String, String)] = []
        if email.isEmpty && phone.isEmpty {
            found.append((F.email.rawValue, "Enter an email address or a phone number, so we can contact you"))
        }
        if !email.isEmpty, !isEmail(email) {
            found.append((F.email.rawValue, "Enter an email address in the right format, like name@example.com"))
        }
        if !phone.isEmpty, !isPhone(phone) {
            found.append((F.phone.rawValue, "Enter a phone number, like 01632 960 001 or 07700 900 982"))
        }
        switch preferred {
        case nil:
            found.append((F.preferredContact.rawValue, "Select how you would like us to contact you"))
        case .email where email.isEmpty:
            found.append(
                (F.preferredContact.rawValue, "You chose email: enter your email address, or choose another way"))
        case .phone where phone.isEmpty, .text where phone.isEmpty:
            found.append(
                (
                    F.preferredContact.rawValue,
                    "You chose \(preferred!.label.lowercased()): enter your phone number, or choose another way"
                ))
        default:
            break
        }
        return found
    }

    /// The first word of a name, to thank someone without repeating their details back.
    public static func firstName(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? name
    }
}
