/// The kinds of group a partnership runs (003 steps 1, 2 and 4; 001 "Joint governance with ICB oversight").
public enum GroupKind: String, CaseIterable, Codable, Sendable {
    case leadersGroup = "leaders_group"
    case coproductionWorkingGroup = "coproduction_working_group"
    case vcseAlliance = "vcse_alliance"
    case ebeAdvisoryGroup = "ebe_advisory_group"
    case taskAndFinishGroup = "task_and_finish_group"

    public var label: String {
        switch self {
        case .leadersGroup: return "Leaders group"
        case .coproductionWorkingGroup: return "Co-production working group"
        case .vcseAlliance: return "Voluntary, community and social enterprise (VCSE) alliance"
        case .ebeAdvisoryGroup: return "Expert-by-experience advisory group"
        case .taskAndFinishGroup: return "Task and finish group"
        }
    }

    /// Who a new group of this kind must have at the table, before anyone changes it.
    public var defaultRequirements: [SeatRequirement] {
        switch self {
        // 003 step 1 "This group must include" and the list of representation.
        case .leadersGroup:
            return [
                .icb, .mentalHealthServices, .primaryCare, .livedExperience, .localAuthority, .employmentServices,
                .vcse, .publicHealth, .underServedCommunities,
            ]
        case .coproductionWorkingGroup:
            return [.livedExperience, .mentalHealthServices, .vcse, .underServedCommunities]
        case .vcseAlliance:
            return [.vcse, .livedExperience]
        case .ebeAdvisoryGroup:
            return [.livedExperience]
        case .taskAndFinishGroup:
            return []
        }
    }
}

public enum GroupStatus: String, CaseIterable, Codable, Sendable {
    case forming, active, closed

    public var label: String {
        switch self {
        case .forming: return "Forming"
        case .active: return "Active"
        case .closed: return "Closed"
        }
    }
}

/// Private groups are seen by their members and staff; published ones by anyone, without signing in.
public enum Visibility: String, CaseIterable, Codable, Sendable {
    case `private`, published

    public var label: String { self == .private ? "Private: members and staff only" : "Published: anyone can read it" }
}

/// The sector or community a member represents.
public enum Sector: String, CaseIterable, Codable, Sendable {
    case icb
    case mentalHealthProvider = "mental_health_provider"
    case primaryCare = "primary_care"
    case socialCare = "la_social_care"
    case publicHealth = "la_public_health"
    case housing = "la_housing"
    case drugAndAlcohol = "la_drug_alcohol"
    case employmentServices = "employment_services"
    case vcse
    case expertByExperience = "expert_by_experience"
    case carer
    case underServedCommunity = "under_served_community"

    public var label: String {
        switch self {
        case .icb: return "Integrated care board (ICB)"
        case .mentalHealthProvider: return "NHS mental health provider"
        case .primaryCare: return "Primary care or primary care network (PCN)"
        case .socialCare: return "Local authority: social care"
        case .publicHealth: return "Local authority: public health"
        case .housing: return "Local authority: housing"
        case .drugAndAlcohol: return "Local authority: drug and alcohol services"
        case .employmentServices: return "Employment services"
        case .vcse: return "Voluntary, community and social enterprise (VCSE)"
        case .expertByExperience: return "Expert by experience"
        case .carer: return "Carer"
        case .underServedCommunity: return "A named under-served community"
        }
    }

    /// People who bring lived experience: experts by experience and carers.
    public var isLivedExperience: Bool { self == .expertByExperience || self == .carer }
}

/// Representation a group must have; each is met by a member from any of its sectors.
public enum SeatRequirement: String, CaseIterable, Codable, Sendable {
    case icb
    case mentalHealthServices = "mental_health_services"
    case primaryCare = "primary_care"
    case livedExperience = "lived_experience"
    case localAuthority = "local_authority"
    case employmentServices = "employment_services"
    case vcse
    case publicHealth = "public_health"
    case underServedCommunities = "under_served_communities"

    public var label: String {
        switch self {
        case .icb: return "Integrated care board (ICB)"
        case .mentalHealthServices: return "Mental health services"
        case .primaryCare: return "Primary care, including primary care networks (PCNs)"
        case .livedExperience: return "Experts by experience and carers"
        case .localAuthority: return "Local authority"
        case .employmentServices: return "Employment services"
        case .vcse: return "Voluntary, community and social enterprise (VCSE) organisations"
        case .publicHealth: return "Public health"
        case .underServedCommunities: return "People from under-served communities"
        }
    }

    public var sectors: Set<Sector> {
        switch self {
        case .icb: return [.icb]
        case .mentalHealthServices: return [.mentalHealthProvider]
        case .primaryCare: return [.primaryCare]
        case .livedExperience: return [.expertByExperience, .carer]
        case .localAuthority: return [.socialCare, .publicHealth, .housing, .drugAndAlcohol]
        case .employmentServices: return [.employmentServices]
        case .vcse: return [.vcse]
        case .publicHealth: return [.publicHealth]
        case .underServedCommunities: return [.underServedCommunity]
        }
    }
}
