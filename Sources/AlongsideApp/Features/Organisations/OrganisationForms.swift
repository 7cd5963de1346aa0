import Foundation

/// Checks the register's forms and turns them into input; problems go into `errors`.
enum OrganisationForms {
    static let maxName = 200
    static let maxText = 300

    /// The organisation form's fields, with the duplicate warning's tick box and the ids of the duplicates it showed.
    enum OrganisationField: String, FormFieldName {
        case name, sector, vcseSize = "vcse_size", vcseKinds = "vcse_kinds", charityNumber = "charity_number"
        case companyNumber = "company_number", areaServed = "area_served", communities, contactName = "contact_name"
        case contactEmail = "contact_email", contactPhone = "contact_phone", website, status
        case confirmNotDuplicate = "confirm_not_duplicate", seenDuplicates = "seen_duplicates"
        /// Where to go once it is registered (`OrganisationThen`).
        case then
    }

    /// The organisation form. `communities` are the ones a person may choose (retired ones are not offered).
    /// Size and kinds are only read for VCSE organisations; for any other sector they are set aside.
    static func organisation(_ form: FormData, communities: [Community], errors: inout FormErrors)
        -> OrganisationDetails?
    {
        typealias F = OrganisationField
        func text(_ name: F, _ label: String, limit: Int = maxText) -> String {
            let value = form.trimmed(name)
            if value.count > limit { errors.add(name, "\(label) must be \(limit) characters or fewer") }
            return value
        }
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter the organisation's name")
        } else if name.count > maxName {
            errors.add(F.name, "The name must be \(maxName) characters or fewer")
        }
        let sector = OrganisationSector(rawValue: form[F.sector])
        if sector == nil { errors.add(F.sector, "Select the organisation's sector") }
        var size: VCSESize?
        var kinds: [VCSEKind] = []
        if sector == .vcse {
            size = VCSESize(rawValue: form[F.vcseSize])
            if size == nil { errors.add(F.vcseSize, "Select the size of the VCSE organisation, by its annual income") }
            let chosen = form.all(F.vcseKinds)
            kinds = VCSEKind.allCases.filter { chosen.contains($0.rawValue) }
        }
        var charity = "", company = "", website = ""
        switch OrganisationNumbers.charityNumber(form[F.charityNumber]) {
        case .success(let number): charity = number
        case .failure(let problem): errors.add(F.charityNumber, problem.message)
        }
        switch OrganisationNumbers.companyNumber(form[F.companyNumber]) {
        case .success(let number): company = number
        case .failure(let problem): errors.add(F.companyNumber, problem.message)
        }
        let area = text(F.areaServed, "The area served")
        let offered = Set(communities.filter { !$0.isRetired }.map(\.id))
        let chosenCommunities = form.ids(F.communities)
        if chosenCommunities.contains(where: { $0 == nil || !offered.contains($0!) }) {
            errors.add(F.communities, "Select communities from the list")
        }
        let communityIDs = chosenCommunities.compactMap { $0 }.filter(offered.contains).sorted()
        let contactName = text(F.contactName, "The contact's name", limit: maxName)
        let email = form.trimmed(F.contactEmail)
        if !email.isEmpty, !ContactRules.isEmail(email) {
            errors.add(F.contactEmail, "Enter an email address in the right format, like name@example.org")
        }
        let phone = form.trimmed(F.contactPhone)
        if !phone.isEmpty, !ContactRules.isPhone(phone) {
            errors.add(F.contactPhone, "Enter a phone number, like 01632 960 001 or 07700 900 982")
        }
        switch WebsiteRules.normalise(form[F.website]) {
        case .success(let address): website = address
        case .failure(let problem): errors.add(F.website, problem.message)
        }
        let status = OrganisationStatus(rawValue: form[F.status])
        if status == nil { errors.add(F.status, "Select whether the organisation is active") }
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
        typealias F = OrganisationField
        var pairs: [(F, String)] = [
            (F.name, details.name), (F.sector, details.sector.rawValue), (F.vcseSize, details.size?.rawValue ?? ""),
            (F.charityNumber, details.charityNumber), (F.companyNumber, details.companyNumber),
            (F.areaServed, details.areaServed),
            (F.contactName, details.contactName), (F.contactEmail, details.contactEmail),
            (F.contactPhone, details.contactPhone),
            (F.website, details.website), (F.status, details.status.rawValue),
        ]
        pairs += details.kinds.map { (F.vcseKinds, $0.rawValue) }
        pairs += details.communityIDs.map { (F.communities, String($0)) }
        let form = FormData(pairs)
        return version.map { form.replacing(EditField.version, with: String($0)) } ?? form
    }

    /// A blank form for a new organisation: active, sector not yet chosen.
    static var blank: FormData { FormData([(OrganisationField.status, OrganisationStatus.active.rawValue)]) }

    /// Saving past a duplicate warning: the box is ticked and every possible duplicate was shown to the person
    /// (a match that appeared since, say after changing the name, is warned about again).
    static func duplicatesConfirmed(_ form: FormData, matches: [OrganisationDuplicates.Match]) -> Bool {
        typealias F = OrganisationField
        guard form[F.confirmNotDuplicate] == "yes" else { return false }
        let seen = Set(form[F.seenDuplicates].split(separator: ",").compactMap { BoundedNumber.id(String($0)) })
        return matches.allSatisfy { seen.contains($0.id) }
    }

    static let maxCommunityName = 150
    static let maxCommunityDescription = 1000

    /// The community form's fields.
    enum CommunityField: String, FormFieldName {
        case name, description, underServed = "under_served"
    }

    /// Adding or editing a community in the workspace's list.
    static func community(_ form: FormData, errors: inout FormErrors) -> CommunityInput? {
        typealias F = CommunityField
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter the community's name")
        } else if name.count > maxCommunityName {
            errors.add(F.name, "The name must be \(maxCommunityName) characters or fewer")
        }
        let description = form.trimmed(F.description)
        if description.count > maxCommunityDescription {
            errors.add(F.description, "The description must be \(maxCommunityDescription) characters or fewer")
        }
        guard errors.isEmpty else { return nil }
        return CommunityInput(name: name, description: description, underServed: form[F.underServed] == "yes")
    }

    static func formData(_ community: Community) -> FormData {
        typealias F = CommunityField
        var pairs = [(F.name, community.name), (F.description, community.description)]
        if community.underServed { pairs.append((F.underServed, "yes")) }
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
