import Foundation

/// Finding a person's other claims that may be for the same agreed activity (issue 17). 003 Appendix 1 pays "£50 half
/// day agreed activity, £100 whole day agreed activity": one payment for one piece of activity, so a second claim for it
/// is a mistake to catch before it is paid twice. It is a warning, not a refusal: the person may have done two things.
///
/// Which claims count: every claim that still exists, whatever its state. A draft may be sent at any time; a returned
/// claim is not rejected but comes back to be corrected and sent again; submitted, approved and paid claims are on
/// their way to being paid or paid. Alongside has no withdrawn or rejected state (a draft is deleted outright, and a
/// deleted draft is gone), so nothing is left out.
///
/// When two claims are for the same activity:
/// - both name a meeting: the same meeting (a claim names the meeting, so the day typed does not matter);
/// - either names no meeting: the same day. The form asks only whether the activity was up to half a day or a whole
///   day, not which part of the day, so any two claims on one day may be for the same session (a whole day covers
///   every session). Two half days on one day can be honest, and the warning says so.
public enum DuplicateClaims {
    /// A claim as the rule needs it.
    public struct Entry: Sendable, Equatable {
        public let id: Int64
        public let meetingID: Int64?
        public let activityOn: String

        public init(id: Int64, meetingID: Int64?, activityOn: String) {
            self.id = id
            self.meetingID = meetingID
            self.activityOn = activityOn
        }

        init(_ claim: Claim) {
            self.init(id: claim.id, meetingID: claim.meetingID, activityOn: claim.activityOn)
        }
    }

    /// Whether two of one person's claims may be for the same activity; a claim is never a duplicate of itself.
    public static func sameActivity(_ one: Entry, _ other: Entry) -> Bool {
        guard one.id != other.id else { return false }
        if let first = one.meetingID, let second = other.meetingID { return first == second }
        return one.activityOn == other.activityOn
    }

    /// The person's other claims that may be for the same activity as `claim`, in the order given. `others` must all be
    /// the same person's claims.
    public static func matches<C>(for claim: Entry, among others: [C], entry: (C) -> Entry) -> [C] {
        others.filter { sameActivity(claim, entry($0)) }
    }
}

/// The warning about possible duplicate claims, in words: to the claimant ("you") or to whoever else sees the claim,
/// with a link to each other claim the viewer may open. Rendered by the partial `payments/claims/duplicates`.
struct DuplicateClaimsView: Encodable, Sendable {
    let heading: String
    let others: [Other]
    let advice: [String]

    struct Other: Encodable, Sendable {
        let label: String
        /// nil when the viewer may not open that claim (an approver and someone else's draft).
        let href: String?
        let detail: String
    }

    /// nil when there are no other claims to show.
    init?(_ claim: Claim, duplicates: [Claim], forPerson: Bool, canOpen: (Claim) -> Bool = { _ in true }) {
        guard !duplicates.isEmpty else { return nil }
        let many = duplicates.count > 1
        heading =
            forPerson
            ? "You may have claimed for this already"
            : "\(claim.personName) has \(many ? "other claims" : "another claim") that may be for the same activity"
        others = duplicates.map { other in
            let same =
                other.meetingID != nil && other.meetingID == claim.meetingID
                ? "same meeting" : "same day, \(LondonTime.day(other.activityOn))"
            let open = canOpen(other)
            return Other(
                label: "Claim: \(other.activity)", href: open ? Href.claim(other.id) : nil,
                detail: "\(same); \(other.status.label.lowercased()); \(Money.format(other.amounts.total))"
                    + (open ? "" : " (you cannot open a claim that has not been sent)"))
        }
        advice =
            forPerson
            ? [
                "If \(many ? "one of these is" : "it is") for the same activity, do not send this claim: change it, or delete it if it is a draft.",
                "If it was a different activity, such as a morning and an afternoon session, you can send it. Whoever approves it will see both claims.",
            ]
            : [
                "Check they are for different activities before approving this claim.",
                "If they are for the same activity, return this claim with a reason.",
            ]
    }
}
