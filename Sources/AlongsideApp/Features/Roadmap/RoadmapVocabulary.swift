/// Where a deliverable stands locally (issue 4).
public enum DeliverableStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not_started"
    case planning
    case inProgress = "in_progress"
    case atRisk = "at_risk"
    case inPlace = "in_place"

    public var label: String {
        switch self {
        case .notStarted: return "Not started"
        case .planning: return "Planning"
        case .inProgress: return "In progress"
        case .atRisk: return "At risk"
        case .inPlace: return "In place"
        }
    }
}

/// How far a success marker has been met, with evidence.
public enum MarkerStatus: String, CaseIterable, Codable, Sendable {
    case notMet = "not_met"
    case partlyMet = "partly_met"
    case met

    public var label: String {
        switch self {
        case .notMet: return "Not met yet"
        case .partlyMet: return "Partly met"
        case .met: return "Met"
        }
    }
}

/// The ladder of co-production: how experts by experience are involved in a deliverable.
public enum InvolvementRung: String, CaseIterable, Codable, Sendable {
    case inform
    case consult
    case coDesign = "co_design"
    case coProduce = "co_produce"

    public var label: String {
        switch self {
        case .inform: return "Inform"
        case .consult: return "Consult"
        case .coDesign: return "Co-design"
        case .coProduce: return "Co-produce"
        }
    }

    public var hint: String {
        switch self {
        case .inform: return "Experts by experience are told what is happening."
        case .consult: return "Their views are asked for; others decide."
        case .coDesign: return "They shape the design alongside staff."
        case .coProduce: return "They share power and decisions from start to finish."
        }
    }
}
