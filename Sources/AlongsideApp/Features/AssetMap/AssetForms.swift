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

    static func asset(_ form: FormData, choices: Choices, today: String, errors: inout FormErrors) -> AssetDetails? {
        func text(_ name: String, _ label: String, limit: Int = maxText) -> String {
            let value = form.trimmed(name)
            if value.count > limit { errors.add(name, "\(label) must be \(limit) characters or fewer") }
            return value
        }
        let name = form.trimmed("name")
        if name.isEmpty {
            errors.add("name", "Enter the asset's name")
        } else if name.count > maxName {
            errors.add("name", "The name must be \(maxName) characters or fewer")
        }
        let category = AssetCategory(rawValue: form["category"])
        if category == nil { errors.add("category", "Select the kind of asset") }
        let domains = AssetDomain.allCases.filter { form.all("domains").contains($0.rawValue) }
        let description = text("description", "The description")
        var localityID: Int64?
        if !form["locality"].isEmpty {
            let offered = choices.localities.filter { !$0.isRetired }.map(\.id)
            if let id = form.id("locality"), offered.contains(id) {
                localityID = id
            } else {
                errors.add("locality", "Select a locality from the list, or the whole area")
            }
        }
        let address = text("address", "The address", limit: 500)
        let postcode = text("postcode", "The postcode", limit: 20)
        let openingTimes = text("opening_times", "Opening times", limit: 500)
        let phone = text("phone", "The phone number", limit: 100)
        let email = form.trimmed("email")
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add("email", "Enter an email address in the right format, like name@example.org")
        }
        var website = ""
        switch WebsiteRules.normalise(form["website"]) {
        case .success(let address): website = address
        case .failure(let problem): errors.add("website", problem.message)
        }
        let contactNotes = text("contact_notes", "Other ways to get in touch", limit: 500)
        let referral = form["referral_needed"]
        if referral != "yes", referral != "no" {
            errors.add("referral_needed", "Select whether people need a referral")
        }
        let access = text("access_information", "Access information")
        let languages = text("languages", "Languages", limit: 500)
        let cost = text("cost", "Cost", limit: 500)
        let offeredNeeds = Set(choices.needs.filter { !$0.isRetired }.map(\.id))
        let chosenNeeds = form.ids("needs")
        if chosenNeeds.contains(where: { $0 == nil || !offeredNeeds.contains($0!) }) {
            errors.add("needs", "Select needs from the list")
        }
        let lastChecked = form.trimmed("last_checked")
        if lastChecked.isEmpty {
            errors.add("last_checked", "Enter the date the entry was last checked")
        } else if LondonTime.startOfDay(lastChecked) == nil {
            errors.add("last_checked", "Enter the date last checked as a real date, like 2026-03-03")
        } else if lastChecked > today {
            errors.add("last_checked", "The date last checked must be today or in the past")
        }
        let status = AssetStatus(rawValue: form["status"])
        if status == nil { errors.add("status", "Select whether the asset is active, paused or closed") }
        let listed = form["listed_publicly"]
        if listed != "yes", listed != "no" {
            errors.add("listed_publicly", "Select whether to list the asset in the public directory")
        }
        var organisationID: Int64?
        if !form["organisation"].isEmpty {
            if let id = form.id("organisation"), choices.organisations.contains(where: { $0.id == id }) {
                organisationID = id
            } else {
                errors.add("organisation", "Select an organisation from the register, or none")
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
        var pairs: [(String, String)] = [
            ("name", d.name), ("category", d.category.rawValue), ("description", d.description),
            ("locality", d.localityID.map(String.init) ?? ""), ("address", d.address), ("postcode", d.postcode),
            ("opening_times", d.openingTimes), ("phone", d.phone), ("email", d.email), ("website", d.website),
            ("contact_notes", d.contactNotes), ("referral_needed", d.referralNeeded ? "yes" : "no"),
            ("access_information", d.accessInformation), ("languages", d.languages), ("cost", d.cost),
            ("last_checked", d.lastCheckedOn), ("status", d.status.rawValue),
            ("listed_publicly", d.listedPublicly ? "yes" : "no"),
            ("organisation", d.organisationID.map(String.init) ?? ""),
        ]
        pairs += d.domains.map { ("domains", $0.rawValue) }
        pairs += d.needIDs.map { ("needs", String($0)) }
        if let version { pairs.append(("version", String(version))) }
        return FormData(pairs)
    }

    /// A new asset: active, listed, checked today.
    static func blank(today: String) -> FormData {
        FormData([("status", AssetStatus.active.rawValue), ("listed_publicly", "yes"), ("last_checked", today)])
    }

    /// Adding or editing a locality or a need.
    static func listEntry(_ form: FormData, noun: String, withKind: Bool, errors: inout FormErrors) -> AssetListInput? {
        let name = form.trimmed("name")
        if name.isEmpty {
            errors.add("name", "Enter the \(noun)'s name")
        } else if name.count > maxListName {
            errors.add("name", "The name must be \(maxListName) characters or fewer")
        }
        let description = form.trimmed("description")
        if description.count > 1000 { errors.add("description", "The description must be 1000 characters or fewer") }
        var kind = LocalityKind.locality
        if withKind {
            if let chosen = LocalityKind(rawValue: form["kind"]) {
                kind = chosen
            } else {
                errors.add("kind", "Select whether it is a locality or a primary care network")
            }
        }
        guard errors.isEmpty else { return nil }
        return AssetListInput(name: name, description: description, kind: kind)
    }

    static let monthsMessage =
        "Enter a whole number of months from \(StaleRule.monthRange.lowerBound) to \(StaleRule.monthRange.upperBound)"

    static func months(_ form: FormData, errors: inout FormErrors) -> Int? {
        guard let months = BoundedNumber.parse(form["stale_after_months"], in: StaleRule.monthRange) else {
            errors.add("stale_after_months", monthsMessage)
            return nil
        }
        return months
    }
}
