import Foundation

/// The filters on the register, read from the query string. An unknown sector or size is ignored.
struct OrganisationFilter: Sendable, Equatable {
    var sector: OrganisationSector?
    var size: VCSESize?
    var words: String

    init(sector: OrganisationSector? = nil, size: VCSESize? = nil, words: String = "") {
        self.sector = sector
        self.size = size
        self.words = words
    }

    /// The filters' fields in the query string.
    enum FilterField: String, FormFieldName {
        case sector, size, words
    }

    init(_ query: FormData) {
        typealias F = FilterField
        self.init(
            sector: OrganisationSector(rawValue: query[F.sector]), size: VCSESize(rawValue: query[F.size]),
            words: query.searchWords(F.words).text)
    }

    var isEmpty: Bool { sector == nil && size == nil && words.isEmpty }

    /// Every word typed must appear in the name, the area served or a charity or company number.
    func matches(_ organisation: Organisation) -> Bool {
        if let sector, organisation.sector != sector { return false }
        if let size, organisation.size != size { return false }
        let details = organisation.details
        let haystack = [details.name, details.areaServed, details.charityNumber, details.companyNumber].joined(
            separator: " ")
        return words.split(whereSeparator: \.isWhitespace).allSatisfy {
            haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}

/// The register of organisations, with filters.
struct OrganisationsPage: PageModel {
    static let template = "organisations/index"
    let title = "Register of organisations"
    let action: String
    let words: Field
    let sector: SelectField
    let size: SelectField
    let count: String
    let rows: [Row]
    let hasRows: Bool
    let newHref: String?
    let csvHref: String
    let communitiesHref: String

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let sector: String
        let vcse: String
        let area: String
        let status: String
        let statusTag: String
    }

    init(organisations: [Organisation], filter: OrganisationFilter, canManage: Bool) {
        typealias F = OrganisationFilter.FilterField
        action = Href.organisations()
        words = Field(F.words, label: "Name, area or number", value: filter.words)
        sector = SelectField(
            F.sector, label: "Sector", options: [("", "Any sector")] + OrganisationSector.options,
            selected: filter.sector?.rawValue ?? "", errors: FormErrors())
        size = SelectField(
            F.size, label: "Size (VCSE organisations)",
            options: [("", "Any size")] + VCSESize.allCases.map { ($0.rawValue, $0.label) },
            selected: filter.size?.rawValue ?? "", errors: FormErrors())
        let shown = organisations.filter(filter.matches)
        let noun = { (n: Int) in n == 1 ? "1 organisation" : "\(n) organisations" }
        count = filter.isEmpty ? noun(shown.count) : "\(noun(shown.count)) of \(organisations.count) match the filters"
        rows = shown.map { organisation in
            let vcse =
                organisation.sector == .vcse
                ? ([organisation.size?.label].compactMap { $0 } + organisation.details.kinds.map(\.label)).joined(
                    separator: "; ")
                : ""
            return Row(
                name: organisation.name, href: Href.organisation(organisation.id), sector: organisation.sector.label,
                vcse: vcse,
                area: organisation.details.areaServed, status: organisation.details.status.label,
                statusTag: organisation.details.status == .active ? "tag" : "tag tag-grey")
        }
        hasRows = !rows.isEmpty
        newHref = canManage ? Href.newOrganisation() : nil
        csvHref = Href.organisationsCSV()
        communitiesHref = Href.communities()
    }
}

/// Registering or editing an organisation. Possible duplicates are shown for the person to check before saving;
/// an edit refused because someone else saved first shows their version above what this person typed.
struct OrganisationFormPage: PageModel {
    static let template = "organisations/form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let name: Field
    let sector: ChoiceField
    let size: ChoiceField
    let kinds: ChoiceField
    let charityNumber: Field
    let companyNumber: Field
    let areaServed: Field
    let communities: ChoiceField
    let hasCommunities: Bool
    let communitiesHref: String
    let contactName: Field
    let contactEmail: Field
    let contactPhone: Field
    let website: Field
    let status: ChoiceField
    let duplicates: [DuplicateRow]
    let hasDuplicates: Bool
    let seenDuplicates: String
    let theirs: OrganisationDetailsView?
    /// The page to go back to once it is registered, carried in a hidden field.
    let then: String?
    let errors: FormErrors

    struct DuplicateRow: Encodable, Sendable {
        let name: String
        let href: String
        let reasons: String
    }

    init(
        editing: Organisation?, form: FormData, communities: [Community], errors: FormErrors = FormErrors(),
        duplicates: [OrganisationDuplicates.Match] = [], conflict: Organisation? = nil, then: OrganisationThen? = nil
    ) {
        title = editing.map { "Edit organisation: \($0.name)" } ?? "Register an organisation"
        action = editing.map { Href.editOrganisation($0.id) } ?? Href.newOrganisation()
        cancelHref = editing.map { Href.organisation($0.id) } ?? then?.path ?? Href.organisations()
        self.then = editing == nil ? then?.path : nil
        typealias F = OrganisationForms.OrganisationField
        version = editing == nil ? nil : form[EditField.version]
        name = Field(F.name, label: "Name", form: form, errors: errors)
        sector = ChoiceField(
            radios: F.sector, legend: "Sector", options: OrganisationSector.options, form: form, errors: errors)
        let vcseOnly = "For VCSE organisations only."
        size = ChoiceField(
            radios: F.vcseSize, legend: "Size, by annual income", hint: "\(vcseOnly) Required when the sector is VCSE.",
            options: VCSESize.options, form: form, errors: errors)
        kinds = ChoiceField(
            checkboxes: F.vcseKinds, legend: "Kind of organisation", hint: "\(vcseOnly) Select all that apply.",
            options: VCSEKind.options, form: form, errors: errors)
        charityNumber = Field(
            F.charityNumber, label: "Charity number (optional)", form: form,
            hint: "Registered charities only: \(OrganisationNumbers.charityFormat).", errors: errors)
        companyNumber = Field(
            F.companyNumber, label: "Company number (optional)", form: form,
            hint: "From Companies House: 8 characters, like 01234567 or SC123456. Include any zeros at the start.",
            errors: errors)
        areaServed = Field(
            F.areaServed, label: "Area served (optional)", form: form,
            hint: "For example, a town, a district or the whole county.", errors: errors)
        let offered = communities.filter { !$0.isRetired }
        self.communities = ChoiceField(
            checkboxes: F.communities, legend: "Communities reached (optional)",
            hint: "Select all the communities the organisation works with. Under-served communities are marked.",
            options: offered.map { (String($0.id), $0.name + ($0.underServed ? " (under-served)" : "")) },
            form: form, errors: errors)
        hasCommunities = !offered.isEmpty
        communitiesHref = Href.communities()
        contactName = Field(
            F.contactName, label: "Contact's name (optional)", form: form, errors: errors)
        contactEmail = Field(
            F.contactEmail, label: "Contact email address (optional)", form: form, type: "email",
            hint: "A work address for the organisation, like info@example.org.", errors: errors)
        contactPhone = Field(
            F.contactPhone, label: "Contact phone number (optional)", form: form, type: "tel",
            errors: errors)
        website = Field(
            F.website, label: "Website (optional)", form: form,
            hint: "For example, www.example.org. We add https:// if you leave it out.", errors: errors)
        status = ChoiceField(
            radios: F.status, legend: "Status", options: OrganisationStatus.options, form: form, errors: errors)
        self.duplicates = duplicates.map {
            DuplicateRow(name: $0.name, href: Href.organisation($0.id), reasons: $0.reasonText)
        }
        hasDuplicates = !duplicates.isEmpty
        seenDuplicates = duplicates.map { String($0.id) }.joined(separator: ",")
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0) })
        theirs = conflict.map { OrganisationDetailsView($0.details, communities: names) }
        self.errors = errors
    }
}

/// One organisation: every field, the communities it reaches and its places in alliances.
struct OrganisationPage: PageModel {
    static let template = "organisations/show"
    let title: String
    let registerHref: String
    let editHref: String?
    let summary: OrganisationDetailsView
    let reached: [Reached]
    let hasReached: Bool
    let memberships: [MembershipRow]
    let hasMemberships: Bool

    struct Reached: Encodable, Sendable {
        let name: String
        let underServed: Bool
        let retired: Bool
    }

    struct MembershipRow: Encodable, Sendable {
        let alliance: String
        let href: String
        let status: String
        let tagClass: String
        let since: String
    }

    init(organisation: Organisation, communities: [Community], memberships: [OrganisationMembership], canManage: Bool) {
        title = organisation.name
        registerHref = Href.organisations()
        editHref = canManage ? Href.editOrganisation(organisation.id) : nil
        summary = OrganisationDetailsView(organisation.details, communities: nil)
        reached = communities.filter { organisation.details.communityIDs.contains($0.id) }
            .map { Reached(name: $0.name, underServed: $0.underServed, retired: $0.isRetired) }
        hasReached = !reached.isEmpty
        self.memberships = memberships.map {
            MembershipRow(
                alliance: $0.groupName, href: Href.alliance($0.groupID), status: $0.statusLabel,
                tagClass: $0.statusTagClass,
                since: LondonTime.day($0.statusSince))
        }
        hasMemberships = !self.memberships.isEmpty
    }
}
