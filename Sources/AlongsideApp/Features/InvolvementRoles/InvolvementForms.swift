import Foundation

/// Checks the involvement forms and turns them into input; problems go into `errors`.
enum InvolvementForms {
    static let maxLongText = 5000

    /// The first question before writing a role description: from the template or blank (a query string).
    enum RoleStartField: String, FormFieldName {
        case start
    }

    /// The role description form's fields.
    enum RoleField: String, FormFieldName {
        case title, location, payment, about, purpose, tasks, kinds, responsibilities, support, essential, desirable
        case howToApply = "how_to_apply"
    }

    /// The role description form (and the form data that shows a description for editing).
    static func role(_ form: FormData, errors: inout FormErrors) -> RoleContent? {
        typealias F = RoleField
        func text(_ name: F, _ label: String, required: String?, limit: Int = maxLongText) -> String {
            let value = form.trimmed(name)
            if value.isEmpty, let required {
                errors.add(name, required)
            } else if value.count > limit {
                errors.add(name, "\(label) must be \(limit) characters or fewer")
            }
            return value
        }
        let title = text(F.title, "The title", required: "Enter the role's title", limit: 150)
        let location = text(F.location, "The location", required: nil, limit: 200)
        let payment = text(
            F.payment, "Payment and expenses", required: "Say what the role pays and which expenses are covered",
            limit: 300)
        let about = text(F.about, "About the role", required: "Say what the role is about")
        let purpose = text(F.purpose, "The purpose", required: "Say what the role is for")
        let tasks = text(F.tasks, "The tasks", required: "List the tasks involved")
        let chosen = form.all(F.kinds)
        let kinds = InvolvementKind.allCases.filter { chosen.contains($0.rawValue) }
        if kinds.isEmpty { errors.add(F.kinds, "Select at least one kind of involvement") }
        let responsibilities = text(F.responsibilities, "The responsibilities", required: nil)
        let support = text(F.support, "Support and training", required: nil)
        let essential = text(F.essential, "Essential skills and experience", required: nil)
        let desirable = text(F.desirable, "Desirable skills and experience", required: nil)
        let howToApply = text(F.howToApply, "How to apply", required: "Say how people can find out more or apply")
        guard errors.isEmpty else { return nil }
        return RoleContent(
            title: title, location: location, payment: payment, about: about, purpose: purpose, tasks: tasks,
            kinds: kinds,
            responsibilities: responsibilities, support: support, essential: essential, desirable: desirable,
            howToApply: howToApply
        )
    }

    static func formData(_ content: RoleContent, version: Int? = nil) -> FormData {
        typealias F = RoleField
        var pairs: [(F, String)] = [
            (F.title, content.title), (F.location, content.location), (F.payment, content.payment),
            (F.about, content.about),
            (F.purpose, content.purpose), (F.tasks, content.tasks), (F.responsibilities, content.responsibilities),
            (F.support, content.support), (F.essential, content.essential), (F.desirable, content.desirable),
            (F.howToApply, content.howToApply),
        ]
        pairs += content.kinds.map { (F.kinds, $0.rawValue) }
        let form = FormData(pairs)
        return version.map { form.replacing(EditField.version, with: String($0)) } ?? form
    }

    /// The advert form's field.
    enum AdvertField: String, FormFieldName {
        case closesOn = "closes_on"
    }

    /// Publishing an advert: its closing day.
    static func closingDate(_ form: FormData, today: String, errors: inout FormErrors) -> String? {
        typealias F = AdvertField
        let closesOn = form.trimmed(F.closesOn)
        if let problem = AdvertRules.closingDateProblem(closesOn, today: today) { errors.add(F.closesOn, problem) }
        return errors.isEmpty ? closesOn : nil
    }

    static let maxNameLength = 200
    static let maxAboutLength = 2000
    static let maxAccessNeedsLength = 2000

    /// The expression of interest form's fields.
    enum InterestField: String, FormFieldName {
        case name, email, phone, preferredContact = "preferred_contact", accessNeeds = "access_needs", about
    }

    /// An expression of interest from a public advert.
    static func interest(_ form: FormData, errors: inout FormErrors) -> InterestInput? {
        typealias F = InterestField
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter your name")
        } else if name.count > maxNameLength {
            errors.add(F.name, "Your name must be \(maxNameLength) characters or fewer")
        }
        let email = form.trimmed(F.email), phone = form.trimmed(F.phone)
        let preferred = ContactMethod(rawValue: form[F.preferredContact])
        for problem in ContactRules.problems(email: email, phone: phone, preferred: preferred) {
            errors.add(problem.field, problem.message)
        }
        let accessNeeds = form.trimmed(F.accessNeeds)
        if accessNeeds.count > maxAccessNeedsLength {
            errors.add(F.accessNeeds, "Access needs must be \(maxAccessNeedsLength) characters or fewer")
        }
        let about = form.trimmed(F.about)
        if about.isEmpty {
            errors.add(F.about, "Tell us a little about yourself and why the role interests you")
        } else if about.count > maxAboutLength {
            errors.add(F.about, "What you tell us about yourself must be \(maxAboutLength) characters or fewer")
        }
        guard errors.isEmpty, let preferred else { return nil }
        return InterestInput(
            name: name, email: email, phone: phone, preferredContact: preferred, accessNeeds: accessNeeds, about: about)
    }

    /// The statuses a manager moves interest to by hand: "appointed" comes from appointing the person.
    static let settableStatuses = InterestStatus.allCases.filter { $0 != .appointed }

    /// The fields of the form that moves an expression of interest on.
    enum InterestStatusField: String, FormFieldName {
        case status, note
    }

    /// The fields of the filter over the interest received (a query string).
    enum InterestFilterField: String, FormFieldName {
        case role, status
    }

    static func status(_ form: FormData, errors: inout FormErrors) -> (InterestStatus, String)? {
        typealias F = InterestStatusField
        let status = InterestStatus(rawValue: form[F.status])
        if status == .appointed {
            errors.add(F.status, "To mark someone appointed, appoint them to the role")
        } else if status == nil {
            errors.add(F.status, "Select a status")
        }
        let note = form.trimmed(F.note)
        if note.count > maxLongText { errors.add(F.note, "The note must be \(maxLongText) characters or fewer") }
        guard errors.isEmpty, let status else { return nil }
        return (status, note)
    }

    /// The appointment form's fields.
    enum AppointmentField: String, FormFieldName {
        case interest, personName = "person_name", account, startsOn = "starts_on", endsOn = "ends_on"
    }

    /// Appointing someone: from an expression of interest for the role, an account, or a name typed in.
    static func appointment(_ form: FormData, interests: [Interest], accounts: [User], errors: inout FormErrors)
        -> AppointmentInput?
    {
        typealias F = AppointmentField
        var interest: Interest?
        if !form[F.interest].isEmpty {
            interest = form.id(F.interest).flatMap { id in interests.first { $0.id == id } }
            if interest == nil { errors.add(F.interest, "Select an expression of interest from the list, or none") }
        }
        var account: User?
        if !form[F.account].isEmpty {
            account = form.id(F.account).flatMap { id in accounts.first { $0.id == id && $0.isActive } }
            if account == nil { errors.add(F.account, "Select an account from the list, or no account") }
        }
        let typed = form.trimmed(F.personName)
        if typed.count > maxNameLength {
            errors.add(F.personName, "The name must be \(maxNameLength) characters or fewer")
        }
        let name = typed.isEmpty ? (interest?.name ?? account?.name ?? "") : typed
        if name.isEmpty, errors[F.interest] == nil, errors[F.account] == nil {
            errors.add(F.personName, "Enter the person's name, or choose their expression of interest or account")
        }
        let startsOn = form.trimmed(F.startsOn), endsOn = form.trimmed(F.endsOn)
        if let problem = AppointmentRules.datesProblem(startsOn: startsOn, endsOn: endsOn) {
            errors.add(problem.field, problem.message)
        }
        guard errors.isEmpty else { return nil }
        return AppointmentInput(
            personName: name, interestID: interest?.id, userID: account?.id, startsOn: startsOn,
            endsOn: endsOn.isEmpty ? nil : endsOn)
    }

    /// The field of the form that ends an appointment.
    enum EndAppointmentField: String, FormFieldName {
        case endsOn = "ends_on"
    }

    /// Ending an appointment: its last day, after its start.
    static func endDate(_ form: FormData, appointment: Appointment, errors: inout FormErrors) -> String? {
        typealias F = EndAppointmentField
        let endsOn = form.trimmed(F.endsOn)
        if endsOn.isEmpty {
            errors.add(F.endsOn, "Enter the last day in the role")
        } else if let problem = AppointmentRules.endDateProblem(endsOn, startsOn: appointment.startsOn) {
            errors.add(F.endsOn, problem)
        }
        return errors.isEmpty ? endsOn : nil
    }
}
