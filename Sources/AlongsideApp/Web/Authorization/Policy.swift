/// The authorization policy: the one place that answers "may this person do this to this record" (STYLE.md 15).
/// Handlers ask it; they never re-derive a rule, and a refusal is thrown only from here.
public enum Policy {
    /// Whether the person's standing holds the rule. `state` is whether the record is in the state the rule's
    /// `onlyWhile` limit names (true when the rule has none).
    public static func allows(_ rule: Rule, _ standing: Standing, state: Bool = true) -> Bool {
        let holders = rule.holders
        if holders.onlyWhile != nil, !state { return false }
        if holders.neverOwn, standing.isOwner { return false }
        if holders.everyone { return true }
        if holders.whenPublished, standing.isPublished { return true }
        guard let role = standing.role else { return false }
        return holders.signedIn
            || holders.roles.contains(role)
            || (standing.inAlliance && holders.rolesInAlliance.contains(role))
            || !holders.seats.isDisjoint(with: standing.seats)
            || (holders.members && standing.isMember)
            || !holders.duties.isDisjoint(with: standing.duties)
            || (holders.owner && standing.isOwner)
    }

    /// Whether the role alone holds the rule, with no record in view.
    public static func allows(_ role: Role, _ rule: Rule) -> Bool {
        allows(rule, Standing(role: role))
    }

    /// Refuses with 403 unless the person's standing holds the rule.
    public static func require(_ rule: Rule, _ standing: Standing, state: Bool = true) throws {
        guard allows(rule, standing, state: state) else { throw AppError.forbidden }
    }
}
