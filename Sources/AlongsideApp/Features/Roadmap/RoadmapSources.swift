import Foundation

/// Held meetings the "what changed since" page offers as quick choices, answered by Meetings (`MeetingStore`), wired
/// in `AppServices`. Meetings build on the roadmap (a meeting's actions name the deliverables they affect), so the
/// roadmap asks through this rather than depending on Meetings (issue 19).
protocol RecentMeetingsSource: Sendable {
    /// The latest held (not cancelled) meetings of `groupIDs` before `date`, newest first: each one's group and start.
    func recentMeetings(groupIDs: [Int64], before date: Date, limit: Int) async throws -> [(
        groupID: Int64, startsAt: Date
    )]
}

/// The records other features keep that name a deliverable: decisions, action-plan items and meeting actions,
/// answered in `App/DeliverableRecordsFromFeatures.swift`, which may know every feature (issue 19).
protocol DeliverableRecordsSource: Sendable {
    /// Those naming `deliverableID` that `user` may read, newest first.
    func records(naming deliverableID: Int64, for user: SessionUser) async throws -> [DeliverableRecord]
}

/// A decision, action-plan item or meeting action that names a deliverable, as the deliverable page lists it.
struct DeliverableRecord: Sendable, Equatable {
    enum Kind: String, Sendable {
        case decision, planItem, action

        var label: String {
            switch self {
            case .decision: "Decision"
            case .planItem: "Action-plan item"
            case .action: "Meeting action"
            }
        }
    }

    let kind: Kind
    /// The decision's first revision (the id a status change cites), the plan item's or the action's id.
    let id: Int64
    let title: String
    /// Where it belongs: the group's name, or "Co-production action plan".
    let context: String
    /// When it was decided, added or agreed: the list's order.
    let at: Date
    /// A line of state: the decision's outcome, the item's or action's status.
    let state: String
    let href: String
}
