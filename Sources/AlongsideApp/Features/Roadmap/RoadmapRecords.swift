import Foundation
import GRDB

public struct Workstream: Sendable, Equatable, FetchableRecord, Decodable {
    public let key: String
    public let name: String
    /// False for a dedicated focus area the partnership has not started (issue 19): left out of counts and analysis.
    public let started: Bool
}

/// Who a deliverable belongs to: a person or a group.
public enum DeliverableOwner: Sendable, Equatable, Hashable {
    case person(Int64)
    case group(Int64)

    /// "person:3" or "group:2", as forms and filters carry it.
    public var formValue: String {
        switch self {
        case .person(let id): return "person:\(id)"
        case .group(let id): return "group:\(id)"
        }
    }

    /// The owner as the two table columns: `owner_user_id`, `owner_group_id`.
    var columns: (userID: Int64?, groupID: Int64?) {
        switch self {
        case .person(let id): return (id, nil)
        case .group(let id): return (nil, id)
        }
    }

    public init?(formValue: String) {
        let parts = formValue.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = BoundedNumber.id(String(parts[1])) else { return nil }
        switch parts[0] {
        case "person": self = .person(id)
        case "group": self = .group(id)
        default: return nil
        }
    }
}

/// A deliverable as stored, with its workstream's and owner's names (a group owner's name is filled in from the groups'
/// store: see `RoadmapStore.withGroupOwnerNames`).
public struct Deliverable: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var nationalKey: String?
    public var title: String
    public var workstream: String
    public var workstreamName: String
    public var summary: String
    public var inGrid: Bool
    public var status: DeliverableStatus
    var ownerUserID: Int64?
    var ownerGroupID: Int64?
    public var ownerName: String?
    public var targetOn: String?
    public var involvement: InvolvementRung?
    public var retiredAt: Date?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    static let selectSQL = """
        SELECT d.*, w.name AS workstream_name, u.name AS owner_name
          FROM deliverables d
          JOIN roadmap_workstreams w ON w.key = d.workstream
          LEFT JOIN users u ON u.id = d.owner_user_id
        """

    enum CodingKeys: String, CodingKey {
        case id, nationalKey = "national_key", title, workstream, workstreamName = "workstream_name", summary
        case inGrid = "in_grid", status, ownerUserID = "owner_user_id", ownerGroupID = "owner_group_id"
        case ownerName = "owner_name", targetOn = "target_on", involvement, retiredAt = "retired_at", version
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public var owner: DeliverableOwner? {
        ownerUserID.map(DeliverableOwner.person) ?? ownerGroupID.map(DeliverableOwner.group)
    }

    public var isRetired: Bool { retiredAt != nil }

    var snapshot: [String: String] {
        [
            "title": title, "workstream": workstream, "summary": summary, "status": status.rawValue,
            "owner": owner?.formValue ?? "", "target_on": targetOn ?? "", "involvement": involvement?.rawValue ?? "",
            "retired": retiredAt == nil ? "no" : "yes",
        ]
    }
}

/// A getting-started step, success marker, resource or service-user voice line.
public struct DeliverableItem: Sendable, Equatable, FetchableRecord, Decodable {
    public enum Kind: String, Sendable, CaseIterable, Decodable {
        case gettingStarted = "getting_started"
        case successMarker = "success_marker"
        case resource
        case serviceUserVoice = "service_user_voice"
    }

    public var id: Int64
    public var deliverableID: Int64
    public var kind: Kind
    public var position: Int
    public var text: String
    public var source: String
    public var markerStatus: MarkerStatus?
    public var evidence: String

    enum CodingKeys: String, CodingKey {
        case id, deliverableID = "deliverable_id", kind, position, text, source, markerStatus = "marker_status"
        case evidence
    }
}

/// One change to a deliverable: its history and "what changed since".
public struct RoadmapChange: Sendable, Equatable, FetchableRecord, Decodable {
    public enum Kind: String, Sendable, CaseIterable, Decodable {
        case added, edited, status, owner, target, involvement, marker
        case linkAdded = "link_added"
        case linkRemoved = "link_removed"
        case retired, restored
    }

    public var id: Int64
    public var deliverableID: Int64
    public var deliverableTitle: String
    public var kind: Kind
    public var from: String
    public var to: String
    public var otherID: Int64?
    public var otherTitle: String?
    public var note: String
    public var byName: String?
    public var at: Date
    /// The decision (its first revision) a status change cites (issue 19).
    public var decisionID: Int64?

    static let selectSQL = """
        SELECT c.*, d.title AS deliverable_title, o.title AS other_title, u.name AS by_name
          FROM roadmap_changes c
          JOIN deliverables d ON d.id = c.deliverable_id
          LEFT JOIN deliverables o ON o.id = c.other_deliverable_id
          LEFT JOIN users u ON u.id = c.user_id
        """

    enum CodingKeys: String, CodingKey {
        case id, deliverableID = "deliverable_id", deliverableTitle = "deliverable_title", kind, from = "from_value"
        case to = "to_value", otherID = "other_deliverable_id", otherTitle = "other_title", note, byName = "by_name", at
        case decisionID = "decision_id"
    }

    /// What happened, in plain words: "Status changed from Planning to At risk".
    public var sentence: String {
        func status(_ raw: String) -> String { DeliverableStatus(rawValue: raw)?.label ?? raw }
        func day(_ raw: String) -> String { raw.isEmpty ? "none" : LondonTime.day(raw) }
        func rung(_ raw: String) -> String { InvolvementRung(rawValue: raw)?.label ?? "not recorded" }
        func named(_ raw: String) -> String { raw.isEmpty ? "nobody" : raw }
        switch kind {
        case .added: return "Added to the roadmap" + (to.isEmpty ? "" : " (\(to))")
        case .edited: return "Details edited" + (to.isEmpty ? "" : ": \(to)")
        case .status: return "Status changed from \(status(from)) to \(status(to))"
        case .owner: return "Owner changed from \(named(from)) to \(named(to))"
        case .target: return "Target date changed from \(day(from)) to \(day(to))"
        case .involvement: return "Involvement changed from \(rung(from)) to \(rung(to))"
        case .marker: return "Success marker \"\(from)\" now \((MarkerStatus(rawValue: to)?.label ?? to).lowercased())"
        case .linkAdded: return "Now relies upon \(otherTitle ?? "a deliverable")"
        case .linkRemoved: return "No longer relies upon \(otherTitle ?? "a deliverable")"
        case .retired: return "Retired"
        case .restored: return "Brought back from retirement"
        }
    }
}

extension Deliverable {
    /// A deliverable's owner: the person it names, or any member of the group it names.
    func isOwned(by userID: Int64, memberOf groupIDs: Set<Int64>) -> Bool {
        switch owner {
        case .person(let id): return id == userID
        case .group(let id): return groupIDs.contains(id)
        case nil: return false
        }
    }
}
