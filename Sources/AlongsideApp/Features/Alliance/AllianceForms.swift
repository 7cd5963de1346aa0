import Foundation

/// Checks the alliance forms and turns them into input; problems go into `errors`, keyed by field name.
enum AllianceForms {
    static let maxPrinciples = 5000
    static let maxName = 200
    static let maxNote = 2000

    /// The alliance settings form's fields.
    enum SettingsField: String, FormFieldName {
        case principles, published
    }

    /// The shared principles and whether the membership is published.
    static func settings(_ form: FormData, errors: inout FormErrors) -> (principles: String, published: Bool)? {
        typealias F = SettingsField
        let principles = form.trimmed(F.principles)
        if principles.count > maxPrinciples {
            errors.add(F.principles, "The principles must be \(maxPrinciples) characters or fewer")
        }
        guard errors.isEmpty else { return nil }
        return (principles, form.all(F.published).contains("yes"))
    }

    /// The add-a-member form's own fields; the rest are `MemberDetailsField`.
    enum NewMemberField: String, FormFieldName {
        case organisation, status, onDay = "on_day"
    }

    /// Adding an organisation: it must be on the register, not closed, and not already in this alliance.
    static func newMember(
        _ form: FormData, register: [Organisation], present: Set<Int64>, termsVersions: [Int], today: String,
        errors: inout FormErrors
    ) -> NewMemberInput? {
        typealias F = NewMemberField
        let chosen = form.id(F.organisation).flatMap { id in register.first { $0.id == id } }
        if let chosen, present.contains(chosen.id) {
            errors.add(
                F.organisation, "\(chosen.name) is already in this alliance. Change its status on its member page")
        } else if let chosen, chosen.details.status == .closed {
            errors.add(F.organisation, "\(chosen.name) is closed on the register, so it cannot join")
        } else if chosen == nil {
            errors.add(F.organisation, "Select an organisation from the register")
        }
        let status = MembershipStatus(rawValue: form[F.status]).flatMap {
            MembershipRules.firstStatuses.contains($0) ? $0 : nil
        }
        if status == nil { errors.add(F.status, "Select where the organisation has got to") }
        let day = form.trimmed(F.onDay)
        if let problem = MembershipRules.dayProblem(day, statusSince: nil, today: today) {
            errors.add(
                F.onDay,
                problem == "Enter the day the status changed" ? "Enter the day it reached this status" : problem)
        }
        let details = details(form, termsVersions: termsVersions, today: today, errors: &errors)
        guard errors.isEmpty, let chosen, let status, let details else { return nil }
        return NewMemberInput(organisationID: chosen.id, status: status, onDay: day, details: details)
    }

    /// The representative and agreement fields, shared by adding a member and editing one.
    enum MemberDetailsField: String, FormFieldName {
        case representativeName = "representative_name", representativeEmail = "representative_email"
        case principlesAgreedOn = "principles_agreed_on", termsAgreedOn = "terms_agreed_on"
        case termsVersion = "terms_version"
    }

    /// The representative and the days the organisation agreed the principles and the terms of reference.
    static func details(_ form: FormData, termsVersions: [Int], today: String, errors: inout FormErrors)
        -> MemberDetailsInput?
    {
        typealias F = MemberDetailsField
        let name = form.trimmed(F.representativeName)
        if name.count > maxName {
            errors.add(F.representativeName, "The representative's name must be \(maxName) characters or fewer")
        }
        let email = form.trimmed(F.representativeEmail)
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add(F.representativeEmail, "Enter an email address in the right format, like name@example.org")
        }
        func agreedDay(_ field: F) -> String? {
            let day = form.trimmed(field)
            guard !day.isEmpty else { return nil }
            if LondonTime.startOfDay(day) == nil {
                errors.add(field, "Enter a real date, for example 2026-03-03")
            } else if day > today {
                errors.add(field, "The day it was agreed cannot be in the future")
            }
            return day
        }
        let principles = agreedDay(F.principlesAgreedOn)
        let terms = agreedDay(F.termsAgreedOn)
        let versionText = form.trimmed(F.termsVersion)
        var version: Int?
        if !versionText.isEmpty {
            version = BoundedNumber.parse(versionText, in: 1...TermsController.maxVersionNumber)
            if version == nil || !termsVersions.contains(version!) {
                errors.add(F.termsVersion, "Select a version of this alliance's terms of reference")
            }
        }
        if terms != nil, versionText.isEmpty {
            errors.add(F.termsVersion, "Select the version of the terms of reference it agreed")
        }
        if terms == nil, !versionText.isEmpty {
            errors.add(F.termsAgreedOn, "Enter the day it agreed the terms of reference")
        }
        guard errors.isEmpty else { return nil }
        return MemberDetailsInput(
            representativeName: name, representativeEmail: email, principlesAgreedOn: principles,
            termsAgreedOn: terms, termsVersion: version)
    }

    /// The status change form's fields.
    enum StatusChangeField: String, FormFieldName {
        case status, onDay = "on_day", note
    }

    /// A move to another status.
    static func statusChange(_ form: FormData, member: AllianceMember, today: String, errors: inout FormErrors)
        -> (status: MembershipStatus, day: String, note: String)?
    {
        typealias F = StatusChangeField
        let status = MembershipStatus(rawValue: form[F.status])
        if let problem = MembershipRules.moveProblem(from: member.status, to: status) { errors.add(F.status, problem) }
        let day = form.trimmed(F.onDay)
        if let problem = MembershipRules.dayProblem(day, statusSince: member.statusSince, today: today) {
            errors.add(F.onDay, problem)
        }
        let note = form.trimmed(F.note)
        if note.count > maxNote { errors.add(F.note, "The note must be \(maxNote) characters or fewer") }
        guard errors.isEmpty, let status else { return nil }
        return (status, day, note)
    }

    /// The accountable body election form's fields.
    enum ElectionField: String, FormFieldName {
        case organisation, decision, startsOn = "starts_on"
    }

    /// Why the accountable body in place is not elected again (issue 17). In 003 step 4 a member "was elected as
    /// accountable body ... to oversee delivery"; an election records a new term from its start day and ends the current
    /// one that day, so electing the body in place would cut its term in two and record a change that did not happen.
    /// Its term simply continues.
    static func alreadyInPlace(name: String, since: String) -> String {
        "\(name) is already the accountable body, since \(LondonTime.day(since)), and its term continues: "
            + "there is no new election to record. To record a new accountable body, choose another member"
    }

    /// Electing the accountable body: a current member that is not the accountable body already, a decision that still
    /// stands, a start day.
    static func election(
        _ form: FormData, members: [AllianceMember], decisions: [DecisionReference], current: AccountableBody?,
        today: String, errors: inout FormErrors
    ) -> (organisationID: Int64, decisionID: Int64, startsOn: String)? {
        typealias F = ElectionField
        let organisation = form.id(F.organisation).flatMap { id in members.first { $0.organisationID == id } }
        if organisation == nil {
            errors.add(F.organisation, "Select an organisation that is a member of the alliance now")
        } else if organisation?.status != .member {
            errors.add(
                F.organisation,
                "\(organisation!.organisationName) is \(organisation!.status.label.lowercased()), not a member: only a current member can be the accountable body"
            )
        }
        if let organisation, organisation.status == .member, let current,
            current.organisationID == organisation.organisationID
        {
            errors.add(F.organisation, alreadyInPlace(name: organisation.organisationName, since: current.startsOn))
        }
        let decision = form.id(F.decision).flatMap { id in decisions.first { $0.id == id } }
        if decision == nil {
            errors.add(
                F.decision, "Select the alliance decision that elected it: an agreed decision in this alliance's log")
        }
        let startsOn = form.trimmed(F.startsOn)
        if startsOn.isEmpty {
            errors.add(F.startsOn, "Enter the day it became the accountable body")
        } else if LondonTime.startOfDay(startsOn) == nil {
            errors.add(F.startsOn, "Enter a real date, for example 2026-03-03")
        } else if startsOn > today {
            errors.add(F.startsOn, "The day cannot be in the future: record the election once it has started")
        } else if let current, startsOn < current.startsOn {
            errors.add(
                F.startsOn,
                "The day cannot be before the current accountable body started on \(LondonTime.day(current.startsOn))")
        }
        guard errors.isEmpty, let organisation, let decision else { return nil }
        return (organisation.organisationID, decision.id, startsOn)
    }
}
