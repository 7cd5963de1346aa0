import Foundation

/// Checks the alliance forms and turns them into input; problems go into `errors`, keyed by field name.
enum AllianceForms {
    static let maxPrinciples = 5000
    static let maxName = 200
    static let maxNote = 2000

    /// The shared principles and whether the membership is published.
    static func settings(_ form: FormData, errors: inout FormErrors) -> (principles: String, published: Bool)? {
        let principles = form.trimmed("principles")
        if principles.count > maxPrinciples {
            errors.add("principles", "The principles must be \(maxPrinciples) characters or fewer")
        }
        guard errors.isEmpty else { return nil }
        return (principles, form.all("published").contains("yes"))
    }

    /// Adding an organisation: it must be on the register, not closed, and not already in this alliance.
    static func newMember(
        _ form: FormData, register: [Organisation], present: Set<Int64>, termsVersions: [Int], today: String,
        errors: inout FormErrors
    ) -> NewMemberInput? {
        let chosen = form.id("organisation").flatMap { id in register.first { $0.id == id } }
        if let chosen, present.contains(chosen.id) {
            errors.add(
                "organisation", "\(chosen.name) is already in this alliance. Change its status on its member page")
        } else if let chosen, chosen.details.status == .closed {
            errors.add("organisation", "\(chosen.name) is closed on the register, so it cannot join")
        } else if chosen == nil {
            errors.add("organisation", "Select an organisation from the register")
        }
        let status = MembershipStatus(rawValue: form["status"]).flatMap {
            MembershipRules.firstStatuses.contains($0) ? $0 : nil
        }
        if status == nil { errors.add("status", "Select where the organisation has got to") }
        let day = form.trimmed("on_day")
        if let problem = MembershipRules.dayProblem(day, statusSince: nil, today: today) {
            errors.add(
                "on_day",
                problem == "Enter the day the status changed" ? "Enter the day it reached this status" : problem)
        }
        let details = details(form, termsVersions: termsVersions, today: today, errors: &errors)
        guard errors.isEmpty, let chosen, let status, let details else { return nil }
        return NewMemberInput(organisationID: chosen.id, status: status, onDay: day, details: details)
    }

    /// The representative and the days the organisation agreed the principles and the terms of reference.
    static func details(_ form: FormData, termsVersions: [Int], today: String, errors: inout FormErrors)
        -> MemberDetailsInput?
    {
        let name = form.trimmed("representative_name")
        if name.count > maxName {
            errors.add("representative_name", "The representative's name must be \(maxName) characters or fewer")
        }
        let email = form.trimmed("representative_email")
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add("representative_email", "Enter an email address in the right format, like name@example.org")
        }
        func agreedDay(_ field: String) -> String? {
            let day = form.trimmed(field)
            guard !day.isEmpty else { return nil }
            if LondonTime.startOfDay(day) == nil {
                errors.add(field, "Enter a real date, for example 2026-03-03")
            } else if day > today {
                errors.add(field, "The day it was agreed cannot be in the future")
            }
            return day
        }
        let principles = agreedDay("principles_agreed_on")
        let terms = agreedDay("terms_agreed_on")
        let versionText = form.trimmed("terms_version")
        var version: Int?
        if !versionText.isEmpty {
            version = BoundedNumber.parse(versionText, in: 1...TermsController.maxVersionNumber)
            if version == nil || !termsVersions.contains(version!) {
                errors.add("terms_version", "Select a version of this alliance's terms of reference")
            }
        }
        if terms != nil, versionText.isEmpty {
            errors.add("terms_version", "Select the version of the terms of reference it agreed")
        }
        if terms == nil, !versionText.isEmpty {
            errors.add("terms_agreed_on", "Enter the day it agreed the terms of reference")
        }
        guard errors.isEmpty else { return nil }
        return MemberDetailsInput(
            representativeName: name, representativeEmail: email, principlesAgreedOn: principles,
            termsAgreedOn: terms, termsVersion: version)
    }

    /// A move to another status.
    static func statusChange(_ form: FormData, member: AllianceMember, today: String, errors: inout FormErrors)
        -> (status: MembershipStatus, day: String, note: String)?
    {
        let status = MembershipStatus(rawValue: form["status"])
        if let problem = MembershipRules.moveProblem(from: member.status, to: status) { errors.add("status", problem) }
        let day = form.trimmed("on_day")
        if let problem = MembershipRules.dayProblem(day, statusSince: member.statusSince, today: today) {
            errors.add("on_day", problem)
        }
        let note = form.trimmed("note")
        if note.count > maxNote { errors.add("note", "The note must be \(maxNote) characters or fewer") }
        guard errors.isEmpty, let status else { return nil }
        return (status, day, note)
    }

    /// Electing the accountable body: a current member, a decision that still stands, a start day.
    static func election(
        _ form: FormData, members: [AllianceMember], decisions: [DecisionReference], current: AccountableBody?,
        today: String, errors: inout FormErrors
    ) -> (organisationID: Int64, decisionID: Int64, startsOn: String)? {
        let organisation = form.id("organisation").flatMap { id in members.first { $0.organisationID == id } }
        if organisation == nil {
            errors.add("organisation", "Select an organisation that is a member of the alliance now")
        } else if organisation?.status != .member {
            errors.add(
                "organisation",
                "\(organisation!.organisationName) is \(organisation!.status.label.lowercased()), not a member: only a current member can be the accountable body"
            )
        }
        let decision = form.id("decision").flatMap { id in decisions.first { $0.id == id } }
        if decision == nil {
            errors.add(
                "decision", "Select the alliance decision that elected it: an agreed decision in this alliance's log")
        }
        let startsOn = form.trimmed("starts_on")
        if startsOn.isEmpty {
            errors.add("starts_on", "Enter the day it became the accountable body")
        } else if LondonTime.startOfDay(startsOn) == nil {
            errors.add("starts_on", "Enter a real date, for example 2026-03-03")
        } else if startsOn > today {
            errors.add("starts_on", "The day cannot be in the future: record the election once it has started")
        } else if let current, startsOn < current.startsOn {
            errors.add(
                "starts_on",
                "The day cannot be before the current accountable body started on \(LondonTime.day(current.startsOn))")
        }
        guard errors.isEmpty, let organisation, let decision else { return nil }
        return (organisation.organisationID, decision.id, startsOn)
    }
}
