/// Who may see and manage a group (issue 3, "Permissions" and "Visibility").
public enum GroupAccess {
    /// Programme managers and administrators manage any group; alliance leads manage VCSE alliance groups.
    public static func canManage(_ kind: GroupKind, role: Role) -> Bool {
        switch role {
        case .administrator, .programmeManager: return true
        case .allianceLead: return kind == .vcseAlliance
        case .expertByExperience, .member: return false
        }
    }

    /// Kinds of group a role may create.
    public static func creatableKinds(for role: Role) -> [GroupKind] {
        GroupKind.allCases.filter { canManage($0, role: role) }
    }

    /// Managers see every group; members see their own; everyone sees published groups.
    public static func canView(_ kind: GroupKind, visibility: Visibility, role: Role, isMember: Bool) -> Bool {
        canManage(kind, role: role) || isMember || visibility == .published
    }

    /// Managers, and the group's chair, co-chair and secretary, record its decisions.
    public static func canRecordDecisions(_ kind: GroupKind, role: Role, seats: [Seat]) -> Bool {
        canManage(kind, role: role) || seats.contains { $0 == .chair || $0 == .coChair || $0 == .secretary }
    }

    /// The same people run the group's meetings: agenda, attendance, minutes, declarations and actions.
    public static func canRunMeetings(_ kind: GroupKind, role: Role, seats: [Seat]) -> Bool {
        canRecordDecisions(kind, role: role, seats: seats)
    }
}
