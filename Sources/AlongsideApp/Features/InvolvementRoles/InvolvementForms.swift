import Foundation

/// Checks the involvement forms and turns them into input; problems go into `errors`.
enum InvolvementForms {
    static let maxLongText = 5000

    /// The role description form (and the form data that shows a description for editing).
    static func role(_ form: FormData, errors: inout FormErrors) -> RoleContent? {
        func text(_ name: String, _ label: String, required: String?, limit: Int = maxLongText) -> String {
            let value = form.trimmed(name)
            if value.isEmpty, let required {
                errors.add(name, required)
            } else if value.count > limit {
                errors.add(name, "\(label) must be \(limit) characters or fewer")
            }
            return value
        }
        let title = text("title", "The title", required: "Enter the role's title", limit: 150)
        let location = text("location", "The location", required: nil, limit: 200)
        let payment = text(
            "payment", "Payment and expenses", required: "Say what the role pays and which expenses are covered",
            limit: 300)
        let about = text("about", "About the role", required: "Say what the role is about")
        let purpose = text("purpose", "The purpose", required: "Say what the role is for")
        let tasks = text("tasks", "The tasks", required: "List the tasks involved")
        let chosen = form.all("kinds")
        let kinds = InvolvementKind.allCases.filter { chosen.contains($0.rawValue) }
        if kinds.isEmpty { errors.add("kinds", "Select at least one kind of involvement") }
        let responsibilities = text("responsibilities", "The responsibilities", required: nil)
        let support = text("support", "Support and training", required: nil)
        let essential = text("essential", "Essential skills and experience", required: nil)
        let desirable = text("desirable", "Desirable skills and experience", required: nil)
        let howToApply = text("how_to_apply", "How to apply", required: "Say how people can find out more or apply")
        guard errors.isEmpty else { return nil }
        return RoleContent(
            title: title, location: location, payment: payment, about: about, purpose: purpose, tasks: tasks,
            kinds: kinds,
            responsibilities: responsibilities, support: support, essential: essential, desirable: desirable,
            howToApply: howToApply
        )
    }

    static func formData(_ content: RoleContent, version: Int? = nil) -> FormData {
        var pairs: [(String, String)] = [
            ("title", content.title), ("location", content.location), ("payment", content.payment),
            ("about", content.about),
            ("purpose", content.purpose), ("tasks", content.tasks), ("responsibilities", content.responsibilities),
            ("support", content.support), ("essential", content.essential), ("desirable", content.desirable),
            ("how_to_apply", content.howToApply),
        ]
        pairs += content.kinds.map { ("kinds", $0.rawValue) }
        if let version { pairs.append(("version", String(version))) }
        return FormData(pairs)
    }

    /// Publishing an advert: its closing day.
    static func closingDate(_ form: FormData, today: String, errors: inout FormErrors) -> String? {
        let closesOn = form.trimmed("closes_on")
        if let problem = AdvertRules.closingDateProblem(closesOn, today: today) { errors.add("closes_on", problem) }
        return errors.isEmpty ? closesOn : nil
    }

    static let maxNameLength = 200
    static let maxAboutLength = 2000
    static let maxAccessNeedsLength = 2000

    /// An expression of interest from a public advert.
    static func interest(_ form: FormData, errors: inout FormErrors) -> InterestInput? {
        let name = form.trimmed("name")
        if name.isEmpty {
            errors.add("name", "Enter your name")
        } else if name.count > maxNameLength {
            errors.add("name", "Your name must be \(maxNameLength) characters or fewer")
        }
        let email = form.trimmed("email"), phone = form.trimmed("phone")
        let preferred = ContactMethod(rawValue: form["preferred_contact"])
        for problem in ContactRules.problems(email: email, phone: phone, preferred: preferred) {
            errors.add(problem.field, problem.message)
        }
        let accessNeeds = form.trimmed("access_needs")
        if accessNeeds.count > maxAccessNeedsLength {
            errors.add("access_needs", "Access needs must be \(maxAccessNeedsLength) characters or fewer")
        }
        let about = form.trimmed("about")
        if about.isEmpty {
            errors.add("about", "Tell us a little about yourself and why the role interests you")
        } else if about.count > maxAboutLength {
            errors.add("about", "What you tell us about yourself must be \(maxAboutLength) characters or fewer")
        }
        guard errors.isEmpty, let preferred else { return nil }
        return InterestInput(
            name: name, email: email, phone: phone, preferredContact: preferred, accessNeeds: accessNeeds, about: about)
    }

    /// The statuses a manager moves interest to by hand: "appointed" comes from appointing the person.
    static let settableStatuses = InterestStatus.allCases.filter { $0 != .appointed }

    static func status(_ form: FormData, errors: inout FormErrors) -> (InterestStatus, String)? {
        let status = InterestStatus(rawValue: form["status"])
        if status == .appointed {
            errors.add("status", "To mark someone appointed, appoint them to the role")
        } else if status == nil {
            errors.add("status", "Select a status")
        }
        let note = form.trimmed("note")
        if note.count > maxLongText { errors.add("note", "The note must be \(maxLongText) characters or fewer") }
        guard errors.isEmpty, let status else { return nil }
        return (status, note)
    }

    /// Appointing someone: from an expression of interest for the role, an account, or a name typed in.
    static func appointment(_ form: FormData, interests: [Interest], accounts: [User], errors: inout FormErrors)
        -> AppointmentInput?
    {
        var interest: Interest?
        if !form["interest"].isEmpty {
            interest = form.id("interest").flatMap { id in interests.first { $0.id == id } }
            if interest == nil { errors.add("interest", "Select an expression of interest from the list, or none") }
        }
        var account: User?
        if !form["account"].isEmpty {
            account = form.id("account").flatMap { id in accounts.first { $0.id == id && $0.isActive } }
            if account == nil { errors.add("account", "Select an account from the list, or no account") }
        }
        let typed = form.trimmed("person_name")
        if typed.count > maxNameLength {
            errors.add("person_name", "The name must be \(maxNameLength) characters or fewer")
        }
        let name = typed.isEmpty ? (interest?.name ?? account?.name ?? "") : typed
        if name.isEmpty, errors["interest"] == nil, errors["account"] == nil {
            errors.add("person_name", "Enter the person's name, or choose their expression of interest or account")
        }
        let startsOn = form.trimmed("starts_on"), endsOn = form.trimmed("ends_on")
        if let problem = AppointmentRules.datesProblem(startsOn: startsOn, endsOn: endsOn) {
            errors.add(problem.field, problem.message)
        }
        guard errors.isEmpty else { return nil }
        return AppointmentInput(
            personName: name, interestID: interest?.id, userID: account?.id, startsOn: startsOn,
            endsOn: endsOn.isEmpty ? nil : endsOn)
    }

    /// Ending an appointment: its last day, after its start.
    static func endDate(_ form: FormData, appointment: Appointment, errors: inout FormErrors) -> String? {
        let endsOn = form.trimmed("ends_on")
        if endsOn.isEmpty {
            errors.add("ends_on", "Enter the last day in the role")
        } else if let problem = AppointmentRules.endDateProblem(endsOn, startsOn: appointment.startsOn) {
            errors.add("ends_on", problem)
        }
        return errors.isEmpty ? endsOn : nil
    }
}
