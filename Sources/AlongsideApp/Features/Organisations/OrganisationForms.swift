import Foundation

/// Checks the register's forms and turns them into input; problems go into `errors`.
enum OrganisationForms {
    static let maxName = 200
    static let maxText = 300

    /// The organisation form. `communities` are the ones a person may choose (retired ones are not offered).
    /// Size and kinds are only read for VCSE organisations; for any other sector they are set aside.
    static func organisation(_ form: FormData, communities: [Community], errors: inout FormErrors)
        -> OrganisationDetails?
    {
        func text(_ name: String, _ label: String, limit: Int = maxText) -> String {
            let value = form.trimmed(name)
            if value.count > limit { errors.add(name, "\(label) must be \(limit) characters or fewer") }
            return value
        }
        let name = form.trimmed("name")
        if name.isEmpty {
            errors.add("name", "Enter the organisation's name")
        } else if name.count > maxName {
            errors.add("name", "The name must be \(maxName) characters or fewer")
        }
        let sector = OrganisationSector(rawValue: form["sector"])
        if sector == nil { errors.add("sector", "Select the organisation's sector") }
        var size: VCSESize?
        var kinds: [VCSEKind] = []
        if sector == .vcse {
            size = VCSESize(rawValue: form["vcse_size"])
            if size == nil { errors.add("vcse_size", "Select the size of the VCSE organisation, by its annual income") }
            let chosen = form.all("vcse_kinds")
            kinds = VCSEKind.allCases.filter { chosen.contains($0.rawValue) }
        }
        var charity = "", company = "", website = ""
        switch OrganisationNumbers.charityNumber(form["charity_number"]) {
        case .success(let number): charity = number
        case .failure(let problem): errors.add("charity_number", problem.message)
        }
        switch OrganisationNumbers.companyNumber(form["company_number"]) {
        case .success(let number): company = number
        case .failure(let problem): errors.add("company_number", problem.message)
        }
        let area = text("area_served", "The area served")
        let offered = Set(communities.filter { !$0.isRetired }.map(\.id))
        let chosenCommunities = form.ids("communities")
        if chosenCommunities.contains(where: { $0 == nil || !offered.contains($0!) }) {
            errors.add("communities", "Select communities from the list")
        }
        let communityIDs = chosenCommunities.compactMap { $0 }.filter(offered.contains).sorted()
        let contactName = text("contact_name", "The contact's name", limit: maxName)
        let email = form.trimmed("contact_email")
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add("contact_email", "Enter an email address in the right format, like name@example.org")
        }
        let phone = form.trimmed("contact_phone")
        if !phone.isEmpty, !ContactRules.isPhone(phone) {
            errors.add("contact_phone", "Enter a phone number, like 01632 960 001 or 07700 900 982")
        }
        switch WebsiteRules.normalise(form["website"]) {
        case .success(let address): website = address
        case .failure(let problem): errors.add("website", problem.message)
        }
        let status = OrganisationStatus(rawValue: form["status"])
        if status == nil { errors.add("status", "Select whether the organisation is active") }
        guard errors.isEmpty, let sector, let status else { return nil }
        return OrganisationDetails(
            name: name, sector: sector, size: size, kinds: kinds, charityNumber: charity, companyNumber: company,
            areaServed: area,
            communityIDs: communityIDs, contactName: contactName, contactEmail: email, contactPhone: phone,
            website: website, status: status
        )
    }

    /// The form filled from saved details (and the version an edit starts from).
    static func formData(_ details: OrganisationDetails, version: Int? = nil) -> FormData {
        var pairs: [(String, String)] = [
            ("name", details.name), ("sector", details.sector.rawValue), ("vcse_size", details.size?.rawValue ?? ""),
            ("charity_number", details.charityNumber), ("company_number", details.companyNumber),
            ("area_served", details.areaServed),
            ("contact_name", details.contactName), ("contact_email", details.contactEmail),
            ("contact_phone", details.contactPhone),
            ("website", details.website), ("status", details.status.rawValue),
        ]
        pairs += details.kinds.map { ("vcse_kinds", $0.rawValue) }
        pairs += details.communityIDs.map { ("communities", String($0)) }
        if let version { pairs.append(("version", String(version))) }
        return FormData(pairs)
    }

    /// A blank form for a new organisation: active, sector not yet chosen.
    static var blank: FormData { FormData([("status", OrganisationStatus.active.rawValue)]) }

    /// Saving past a duplicate warning: the box is ticked and every possible duplicate was shown to the person
    /// (a match that appeared since, say after changing the name, is warned about again).
    static func duplicatesConfirmed(_ form: FormData, matches: [OrganisationDuplicates.Match]) -> Bool {
        guard form["confirm_not_duplicate"] == "yes" else { return false }
        let seen = Set(form["seen_duplicates"].split(separator: ",").compactMap { BoundedNumber.id(String($0)) })
        return matches.allSatisfy { seen.contains($0.id) }
    }

    static let maxCommunityName = 150
    static let maxCommunityDescription = 1000

    /// Adding or editing a community in the workspace's list.
    static func community(_ form: FormData, errors: inout FormErrors) -> CommunityInput? {
        let name = form.trimmed("name")
        if name.isEmpty {
            errors.add("name", "Enter the community's name")
        } else if name.count > maxCommunityName {
            errors.add("name", "The name must be \(maxCommunityName) characters or fewer")
        }
        let description = form.trimmed("description")
        if description.count > maxCommunityDescription {
            errors.add("description", "The description must be \(maxCommunityDescription) characters or fewer")
        }
        guard errors.isEmpty else { return nil }
        return CommunityInput(name: name, description: description, underServed: form["under_served"] == "yes")
    }

    static func formData(_ community: Community) -> FormData {
        var pairs = [("name", community.name), ("description", community.description)]
        if community.underServed { pairs.append(("under_served", "yes")) }
        return FormData(pairs)
    }
}

/// What a person writes about a community.
public struct CommunityInput: Sendable, Equatable {
    public var name: String
    public var description: String
    public var underServed: Bool

    public init(name: String, description: String = "", underServed: Bool) {
        self.name = name
        self.description = description
        self.underServed = underServed
    }
}
