/// Who may do what with claims (issue 5). Programme managers and administrators approve, as does anyone an
/// administrator names; administrators and named finance people record payments. Nobody approves their own claim,
/// and nobody but the owner sees a draft.
public enum ClaimAccess {
    public static func canApprove(_ role: Role, named: Bool) -> Bool {
        role == .programmeManager || role == .administrator || named
    }

    public static func canRecordPayment(_ role: Role, named: Bool) -> Bool {
        role == .administrator || named
    }

    /// What one person may do with claims, worked out once per request.
    public struct Viewer: Sendable, Equatable {
        public let userID: Int64
        public let approves: Bool
        public let pays: Bool

        public init(userID: Int64, approves: Bool, pays: Bool) {
            self.userID = userID
            self.approves = approves
            self.pays = pays
        }

        /// The owner sees every state; approvers see sent claims onwards; finance sees approved and paid ones.
        public func canSee(_ claim: Claim) -> Bool {
            claim.userID == userID || (approves && claim.status != .draft) || (pays && (claim.status == .approved || claim.status == .paid))
        }

        public func canEdit(_ claim: Claim) -> Bool { claim.userID == userID && claim.status.ownerCanEdit }
        public func canDecide(_ claim: Claim) -> Bool { approves && claim.status == .submitted && claim.userID != userID }
        public func canMarkPaid(_ claim: Claim) -> Bool { pays && claim.status == .approved && claim.userID != userID }
    }
}
