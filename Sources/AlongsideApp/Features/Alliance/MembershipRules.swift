import Foundation

/// How an organisation moves through an alliance (003 step 4): interested, joining, member, paused, left,
/// and back again when it rejoins. Plain functions over plain values, unit-tested.
public enum MembershipRules {
    /// The statuses each status may move to.
    public static func allowedMoves(from status: MembershipStatus) -> [MembershipStatus] {
        switch status {
        case .interested: return [.joining, .member, .left]
        case .joining: return [.member, .interested, .left]
        case .member: return [.paused, .left]
        case .paused: return [.member, .left]
        // Rejoining starts again.
        case .left: return [.interested, .joining]
        }
    }

    public static func canMove(from: MembershipStatus, to: MembershipStatus) -> Bool {
        allowedMoves(from: from).contains(to)
    }

    /// The statuses an organisation may be added to an alliance with.
    public static let firstStatuses: [MembershipStatus] = [.interested, .joining, .member]

    /// The order the alliance page lists members in: current members first, those who left last.
    public static let displayOrder: [MembershipStatus] = [.member, .joining, .interested, .paused, .left]

    /// Statuses whose organisations count towards the alliance's reach and appear on its published page.
    public static let countsTowardsReach: Set<MembershipStatus> = [.joining, .member]

    /// Why a day cannot be used for a move, or nil when it can: a real date, not before the member's
    /// current status began and not after today.
    public static func dayProblem(_ day: String, statusSince: String?, today: String) -> String? {
        guard !day.isEmpty else { return "Enter the day the status changed" }
        guard LondonTime.startOfDay(day) != nil else { return "Enter a real date, for example 2026-03-03" }
        if day > today { return "The day cannot be in the future" }
        if let statusSince, day < statusSince {
            return "The day cannot be before the current status began on \(LondonTime.day(statusSince))"
        }
        return nil
    }

    /// Why a move cannot be made, or nil when it can.
    public static func moveProblem(from: MembershipStatus, to: MembershipStatus?) -> String? {
        guard let to else { return "Select the new status" }
        guard canMove(from: from, to: to) else {
            let allowed = allowedMoves(from: from).map { $0.label.lowercased() }
            return
                "\(from.label) cannot move to \(to.label.lowercased()). It can move to: \(allowed.joined(separator: ", "))"
        }
        return nil
    }

    /// The first day the organisation became a member, from its history in any order; nil if it never has.
    public static func joinedOn(history: [(status: MembershipStatus, onDay: String)]) -> String? {
        history.filter { $0.status == .member }.map(\.onDay).min()
    }
}
