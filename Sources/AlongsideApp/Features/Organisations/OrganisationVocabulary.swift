import Foundation

/// The sector an organisation belongs to (issue 6: "any sector").
public enum OrganisationSector: String, CaseIterable, Codable, Sendable {
    case icb
    case nhsTrust = "nhs_trust"
    case pcn
    case localAuthority = "local_authority"
    case vcse
    case privateEmployer = "private_employer"
    case other

    public var label: String {
        switch self {
        case .icb: return "Integrated care board (ICB)"
        case .nhsTrust: return "NHS trust"
        case .pcn: return "Primary care network (PCN)"
        case .localAuthority: return "Local authority"
        case .vcse: return "Voluntary, community and social enterprise (VCSE)"
        case .privateEmployer: return "Private employer"
        case .other: return "Other"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

/// A VCSE organisation's size by annual income (the bands the sector's own almanac uses).
public enum VCSESize: String, CaseIterable, Codable, Sendable {
    case micro, small, medium, large

    public var label: String {
        switch self {
        case .micro: return "Micro"
        case .small: return "Small"
        case .medium: return "Medium"
        case .large: return "Large"
        }
    }

    /// The income band, in words.
    public var band: String {
        switch self {
        case .micro: return "annual income under £10,000"
        case .small: return "annual income £10,000 to £99,999"
        case .medium: return "annual income £100,000 to £999,999"
        case .large: return "annual income £1 million or more"
        }
    }

    /// Micro and small organisations: the ones an alliance exists to keep going (003 step 4).
    public var isSmallOrMicro: Bool { self == .micro || self == .small }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, "\($0.label): \($0.band)") } }
}

/// What kind of VCSE organisation it is; an organisation may be several (a user-led charity).
public enum VCSEKind: String, CaseIterable, Codable, Sendable {
    case grassroots
    case faith
    case userLed = "user_led"
    case charity
    case socialEnterprise = "social_enterprise"
    case communityInterestCompany = "community_interest_company"

    public var label: String {
        switch self {
        case .grassroots: return "Grassroots or community group"
        case .faith: return "Faith organisation"
        case .userLed: return "User-led organisation"
        case .charity: return "Registered charity"
        case .socialEnterprise: return "Social enterprise"
        case .communityInterestCompany: return "Community interest company (CIC)"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}

/// Whether an organisation is still working.
public enum OrganisationStatus: String, CaseIterable, Codable, Sendable {
    case active
    case inactive
    case closed

    public var label: String {
        switch self {
        case .active: return "Active"
        case .inactive: return "Not active at the moment"
        case .closed: return "Closed"
        }
    }

    static var options: [(value: String, label: String)] { allCases.map { ($0.rawValue, $0.label) } }
}
