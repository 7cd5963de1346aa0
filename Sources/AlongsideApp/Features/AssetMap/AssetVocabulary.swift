import Foundation

/// The nine kinds of community asset, after the asset mapping tool in 003 Appendix 2 (described in our own words).
public enum AssetCategory: String, CaseIterable, Sendable, Codable {
    case hubsAndSpaces = "hubs_and_spaces"
    case statutoryOrganisations = "statutory_organisations"
    case vcseOrganisations = "vcse_organisations"
    case groupsAndNetworks = "groups_and_networks"
    case individualVolunteers = "individual_volunteers"
    case individualProfessionals = "individual_professionals"
    case socialPrescribing = "social_prescribing"
    case primaryCareNetworks = "primary_care_networks"
    case localEconomy = "local_economy"

    public var label: String {
        switch self {
        case .hubsAndSpaces: return "Local hubs, buildings and spaces"
        case .statutoryOrganisations: return "Statutory organisations"
        case .vcseOrganisations: return "Voluntary, community and social enterprise (VCSE) organisations"
        case .groupsAndNetworks: return "Associations, groups, forums and networks"
        case .individualVolunteers: return "Individuals: volunteers and community champions"
        case .individualProfessionals: return "Individuals: professionals and local leaders"
        case .socialPrescribing: return "Social prescribing"
        case .primaryCareNetworks: return "Primary care networks"
        case .localEconomy: return "Local economy and private sector"
        }
    }

    /// A few examples, so people place an asset the same way.
    public var examples: String {
        switch self {
        case .hubsAndSpaces: return "community centres, libraries, cafés, informal meeting places"
        case .statutoryOrganisations: return "community mental health teams, council social work teams"
        case .vcseOrganisations: return "advice services, men's sheds, local charities"
        case .groupsAndNetworks: return "support groups, provider forums, peer networks"
        case .individualVolunteers: return "experts by experience, community champions"
        case .individualProfessionals: return "independent counsellors, councillors, faith leaders"
        case .socialPrescribing: return "link workers, health coaches"
        case .primaryCareNetworks: return "the practices of a primary care network working together"
        case .localEconomy: return "employers and businesses that want to help"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }

    /// Matches an imported cell by its words or its stored value, ignoring case.
    static func named(_ text: String) -> AssetCategory? {
        allCases.first {
            $0.label.caseInsensitiveCompare(text) == .orderedSame
                || $0.rawValue.caseInsensitiveCompare(text) == .orderedSame
        }
    }
}

/// The four domains community assets fall into (000 section 4.5); an asset may be in several.
public enum AssetDomain: String, CaseIterable, Sendable, Codable {
    case healthAndSocialCare = "health_and_social_care"
    case localFacilities = "local_facilities"
    case personalInterests = "personal_interests"
    case personalRelationships = "personal_relationships"

    public var label: String {
        switch self {
        case .healthAndSocialCare: return "Health and social care services"
        case .localFacilities: return "Local facilities and services"
        case .personalInterests: return "Personal interests"
        case .personalRelationships: return "Personal relationships"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }

    static func named(_ text: String) -> AssetDomain? {
        allCases.first {
            $0.label.caseInsensitiveCompare(text) == .orderedSame
                || $0.rawValue.caseInsensitiveCompare(text) == .orderedSame
        }
    }
}

/// Whether people can use an asset now. Only active assets count in the gap analysis.
public enum AssetStatus: String, CaseIterable, Sendable, Codable {
    case active, paused, closed

    public var label: String {
        switch self {
        case .active: return "Active"
        case .paused: return "Paused"
        case .closed: return "Closed"
        }
    }

    var tagClass: String { self == .active ? "tag" : "tag tag-grey" }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }

    static func named(_ text: String) -> AssetStatus? {
        allCases.first { $0.label.caseInsensitiveCompare(text) == .orderedSame }
    }
}

/// A place the map is analysed by: a locality, or a primary care network (PCN).
public enum LocalityKind: String, CaseIterable, Sendable, Codable {
    case locality
    case pcn

    public var label: String {
        switch self {
        case .locality: return "Locality"
        case .pcn: return "Primary care network"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}
