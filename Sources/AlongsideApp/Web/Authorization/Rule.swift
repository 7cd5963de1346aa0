/// One named rule of the authorization policy: a thing a person may do, and who may do it (issue 16).
///
/// Rules are declared once: the cross-cutting ones in `Rule+Administration.swift`, the rest by the feature they
/// belong to, in its `<Name>Feature.swift`. `Policy` answers every rule from the same `Holders`, and the
/// administrators' authorization page prints them, so what the page says is what the code does.
public struct Rule: Sendable, Hashable, Identifiable {
    /// A stable name, as the code spells it ("manageAccounts").
    public let id: String
    /// What the rule permits, in plain words, starting with a verb ("Manage people's accounts").
    public let permits: String
    /// Who holds the rule.
    public let holders: Holders
    /// What the rule is checked against when it needs a record ("the group"); nil when the role alone decides.
    public let record: String?

    public init(_ id: String, permits: String, holders: Holders, record: String? = nil) {
        self.id = id
        self.permits = permits
        self.holders = holders
        self.record = record
    }

    public static func == (left: Rule, right: Rule) -> Bool { left.id == right.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Who holds a rule: from the person's role, their seats in the record's group, a duty an administrator named
/// them to, and their ownership of the record. Anyone matching one line holds the rule, unless a limit says no.
public struct Holders: Sendable {
    /// Anyone, signed in or not.
    public var everyone: Bool
    /// Any signed-in person.
    public var signedIn: Bool
    /// Roles that hold the rule for every record.
    public var roles: Set<Role>
    /// Roles that hold it only for the VCSE alliance's records (an alliance lead runs the alliance, not other groups).
    public var rolesInAlliance: Set<Role>
    /// Seats in the record's group that hold it.
    public var seats: Set<Seat>
    /// True when any current member of the record's group holds it, whatever their seat.
    public var members: Bool
    /// Duties an administrator names people to (see the payment policy).
    public var duties: Set<Duty>
    /// True when the record's owner holds it (the claimant, the person who recorded an insight, an action's owner).
    public var owner: Bool
    /// True when anyone may when the record is published.
    public var whenPublished: Bool
    /// A limit: nobody holds it for their own record (nobody approves their own claim or deactivates themselves).
    public var neverOwn: Bool
    /// A limit: the state the record must be in, in plain words; the check is given whether it is.
    public var onlyWhile: String?

    public init(
        everyone: Bool = false, signedIn: Bool = false, roles: Set<Role> = [], rolesInAlliance: Set<Role> = [],
        seats: Set<Seat> = [], members: Bool = false, duties: Set<Duty> = [], owner: Bool = false,
        whenPublished: Bool = false, neverOwn: Bool = false, onlyWhile: String? = nil
    ) {
        self.everyone = everyone
        self.signedIn = signedIn
        self.roles = roles
        self.rolesInAlliance = rolesInAlliance
        self.seats = seats
        self.members = members
        self.duties = duties
        self.owner = owner
        self.whenPublished = whenPublished
        self.neverOwn = neverOwn
        self.onlyWhile = onlyWhile
    }

    /// The same holders, plus those of `other` (a rule that widens another, such as running meetings widening
    /// managing the group).
    public func adding(_ other: Holders) -> Holders {
        var joined = self
        joined.everyone = everyone || other.everyone
        joined.signedIn = signedIn || other.signedIn
        joined.roles.formUnion(other.roles)
        joined.rolesInAlliance.formUnion(other.rolesInAlliance)
        joined.seats.formUnion(other.seats)
        joined.members = members || other.members
        joined.duties.formUnion(other.duties)
        joined.owner = owner || other.owner
        joined.whenPublished = whenPublished || other.whenPublished
        return joined
    }
}
