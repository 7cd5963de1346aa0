import Foundation

/// Checks the asset map's forms and turns them into input; problems go into `errors`, field by field in form order.
enum AssetForms {
    static let maxName = 200
    static let maxText = 2000
    static let maxListName = 150

    /// What the form may offer: current localities and needs, and the register's organisations.
    struct Choices: Sendable {
        var localities: [Locality]
        var needs: [Need]
        var organisations: [OrganisationChoice]
    }

    /// The asset form's fields.
    enum AssetField: String, FormFieldName {
        case name, category, domains, description, locality, address, postcode, openingTimes = "opening_times"
        case phone, email, website, contactNotes = "contact_notes", referralNeeded = "referral_needed"
        case accessInformation = "access_information", languages, cost, needs, lastChecked = "last_checked", status
        case listedPublicly = "listed_publicly", organisation
    }

    static func asset(_ form: FormData, choices: Choices, today: String, errors: inout FormErrors) -> AssetDetails? {
        typealias F = AssetField
        func text(_ name: F, _ label: String, limit: Int = maxText) -> String {
            let value = form.trimmed(name)
            if value.count > limit { errors.add(name, "\(label) must be \(limit) characters or fewer") }
            return value
        }
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter the asset's name")
        } else if name.count > maxName {
            errors.add(F.name, "The name must be \(maxName) characters or fewer")
        }
        let category = AssetCategory(rawValue: form[F.category])
        if category == nil { errors.add(F.category, "Select the kind of asset") }
        let domains = AssetDomain.allCases.filter { form.all(F.domains).contains($0.rawValue) }
        let description = text(F.description, "The description")
        var localityID: Int64?
        if !form[F.locality].isEmpty {
            let offered = choices.localities.filter { !$0.isRetired }.map(\.id)
            if let id = form.id(F.locality), offered.contains(id) {
                localityID = id
            } else {
                errors.add(F.locality, "Select a locality from the list, or the whole area")
            }
        }
        let address = text(F.address, "The address", limit: 500)
        let postcode = text(F.postcode, "The postcode", limit: 20)
        let openingTimes = text(F.openingTimes, "Opening times", limit: 500)
        let phone = text(F.phone, "The phone number", limit: 100)
        let email = form.trimmed(F.email)
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add(F.email, "Enter an email address in the right format, like name@example.org")
        }
        var website = ""
        switch WebsiteRules.normalise(form[F.website]) {
        case .success(let address): website = address
        case .failure(let problem): errors.add(F.website, problem.message)
        }
        let contactNotes = text(F.contactNotes, "Other ways to get in touch", limit: 500)
        let referral = form[F.referralNeeded]
        if referral != "yes", referral != "no" {
            errors.add(F.referralNeeded, "Select whether people need a referral")
        }
        let access = text(F.accessInformation, "Access information")
        let languages = text(F.languages, "Languages", limit: 500)
        let cost = text(F.cost, "Cost", limit: 500)
        let offeredNeeds = Set(choices.needs.filter { !$0.isRetired }.map(\.id))
        let chosenNeeds = form.ids(F.needs)
        if chosenNeeds.contains(where: { $0 == nil || !offeredNeeds.contains($0!) }) {
            errors.add(F.needs, "Select needs from the list")
        }
        let lastChecked = form.trimmed(F.lastChecked)
        if lastChecked.isEmpty {
            errors.add(F.lastChecked, "Enter the date the entry was last checked")
        } else if LondonTime.startOfDay(lastChecked) == nil {
            errors.add(F.lastChecked, "Enter the date last checked as a real date, like 2026-03-03")
        } else if lastChecked > today {
            errors.add(F.lastChecked, "The date last checked must be today or in the past")
        }
        let status = AssetStatus(rawValue: form[F.status])
        if status == nil { errors.add(F.status, "Select whether the asset is active, paused or closed") }
        let listed = form[F.listedPublicly]
        if listed != "yes", listed != "no" {
            errors.add(F.listedPublicly, "Select whether to list the asset in the public directory")
        }
        var organisationID: Int64?
        if !form[F.organisation].isEmpty {
            if let id = form.id(F.organisation), choices.organisations.contains(where: { $0.id == id }) {
                organisationID = id
            } else {
                errors.add(F.organisation, "Select an organisation from the register, or none")
            }
        }
        guard errors.isEmpty, let category, let status else { return nil }
        return AssetDetails(
            name: name, category: category, domains: domains, description: description, localityID: localityID,
            address: address,
            postcode: postcode, openingTimes: openingTimes, phone: phone, email: email, website: website,
            contactNotes: contactNotes,
            referralNeeded: referral == "yes", accessInformation: access, languages: languages, cost: cost,
            needIDs: chosenNeeds.compactMap { $0 }, lastCheckedOn: lastChecked, status: status,
            listedPublicly: listed == "yes",
            organisationID: organisationID
        )
    }

    /// The form filled from saved details (and the version an edit starts from).
    static func formData(_ d: AssetDetails, version: Int? = nil) -> FormData {
        typealias F = AssetField
        var pairs: [(F, String)] = [
            (F.name, d.name), (F.category, d.category.rawValue), (F.description, d.description),
            (F.locality, d.localityID.map(String.init) ?? ""), (F.address, d.address), (F.postcode, d.postcode),
            (F.openingTimes, d.openingTimes), (F.phone, d.phone), (F.email, d.email), (F.website, d.website),
            (F.contactNotes, d.contactNotes), (F.referralNeeded, d.referralNeeded ? "yes" : "no"),
            (F.accessInformation, d.accessInformation), (F.languages, d.languages), (F.cost, d.cost),
            (F.lastChecked, d.lastCheckedOn), (F.status, d.status.rawValue),
            (F.listedPublicly, d.listedPublicly ? "yes" : "no"),
            (F.organisation, d.organisationID.map(String.init) ?? ""),
        ]
        pairs += d.domains.map { (F.domains, $0.rawValue) }
        pairs += d.needIDs.map { (F.needs, String($0)) }
        let form = FormData(pairs)
        return version.map { form.replacing(EditField.version, with: String($0)) } ?? form
    }

    /// A new asset: active, listed, checked today.
    static func blank(today: String) -> FormData {
        typealias F = AssetField
        return FormData([(F.status, AssetStatus.active.rawValue), (F.listedPublicly, "yes"), (F.lastChecked, today)])
    }

    /// The fields of the form adding or editing a locality (name and kind) or a need (name and description).
    enum ListEntryField: String, FormFieldName {
        case name, description, kind
    }

    /// Adding or editing a locality or a need.
    static func listEntry(_ form: FormData, noun: String, withKind: Bool, errors: inout FormErrors) -> AssetListInput? {
        typealias F = ListEntryField
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter the \(noun)'s name")
        } else if name.count > maxListName {
            errors.add(F.name, "The name must be \(maxListName) characters or fewer")
        }
        let description = form.trimmed(F.description)
        if description.count > 1000 { errors.add(F.description, "The description must be 1000 characters or fewer") }
        var kind = LocalityKind.locality
        if withKind {
            if let chosen = LocalityKind(rawValue: form[F.kind]) {
                kind = chosen
            } else {
                errors.add(F.kind, "Select whether it is a locality or a primary care network")
            }
        }
        guard errors.isEmpty else { return nil }
        return AssetListInput(name: name, description: description, kind: kind)
    }

    static let monthsMessage =
        "Enter a whole number of months from \(StaleRule.monthRange.lowerBound) to \(StaleRule.monthRange.upperBound)"

    /// The settings form's field.
    enum SettingsField: String, FormFieldName {
        case staleAfterMonths = "stale_after_months"
    }

    static func months(_ form: FormData, errors: inout FormErrors) -> Int? {
        guard let months = BoundedNumber.parse(form[SettingsField.staleAfterMonths], in: StaleRule.monthRange) else {
            errors.add(SettingsField.staleAfterMonths, monthsMessage)
            return nil
        }
        return months
    }

    /// The field of the "still correct" form: `review` when it was sent from the review list.
    enum CheckedField: String, FormFieldName {
        case from
    }

    /// The import form's fields: a chosen CSV file, or CSV text pasted in.
    enum ImportField: String, FormFieldName {
        case file, csv
    }
}
