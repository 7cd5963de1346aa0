/// What one person may do with claims (issue 5), answered by the policy's claim rules (`PaymentsFeature`). The
/// duties an administrator named the person to are the facts this feature supplies.
public enum ClaimAccess {
    /// The policy's duty for a duty named in the payment policy.
    static func duty(_ named: ClaimDuty.Duty) -> Duty {
        switch named {
        case .approve: return .approveClaims
        case .pay: return .recordPayments
        }
    }

    /// What one person may do with claims, worked out once per request.
    public struct Viewer: Sendable, Equatable {
        public let userID: Int64
        public let role: Role
        public let duties: Set<Duty>

        public init(userID: Int64, role: Role, duties: Set<Duty>) {
            self.userID = userID
            self.role = role
            self.duties = duties
        }

        /// The person's standing with no claim in view.
        public var standing: Standing { Standing(role: role, duties: duties) }

        /// The person's standing towards one claim: they own it when it is theirs.
        public func standing(_ claim: Claim) -> Standing {
            Standing(role: role, duties: duties, isOwner: claim.userID == userID)
        }

        public var approves: Bool { Policy.allows(.approveClaims, standing) }
        public var pays: Bool { Policy.allows(.recordPayments, standing) }

        /// Which claims the person is shown at all (others answer 404): the owner sees every state; approvers see sent
        /// claims onwards; finance sees approved and paid ones.
        public func canSee(_ claim: Claim) -> Bool {
            claim.userID == userID || (approves && claim.status != .draft)
                || (pays && (claim.status == .approved || claim.status == .paid))
        }

        public func canEdit(_ claim: Claim) -> Bool {
            Policy.allows(.editClaim, standing(claim), state: claim.status.ownerCanEdit)
        }
        /// Whether the page offers approving or returning: the rule, and a claim still waiting for a decision.
        public func canDecide(_ claim: Claim) -> Bool {
            Policy.allows(.decideClaim, standing(claim)) && claim.status == .submitted
        }
        public func canMarkPaid(_ claim: Claim) -> Bool {
            Policy.allows(.markClaimPaid, standing(claim), state: claim.status == .approved)
        }
    }
}
