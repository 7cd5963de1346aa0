/// Sums over claims for finance and for the person's own page. Plain functions: every total is the sum of the
/// rows above it, in whole pence.
public enum FinanceReports {
    /// One line of totals.
    public struct Totals: Equatable, Sendable {
        public var claims = 0
        public var minutes = 0
        public var toPerson = 0
        public var vouchers = 0
        public var donation = 0
        public var expenses = 0

        public var payment: Int { toPerson + vouchers + donation }
        public var earnings: Int { toPerson + vouchers }
        public var total: Int { payment + expenses }

        public init() {}

        public mutating func add(_ claim: Claim) {
            let amounts = claim.amounts
            claims += 1
            minutes += claim.minutes
            toPerson += amounts.toPerson
            vouchers += amounts.vouchers
            donation += amounts.donation
            expenses += amounts.expenses
        }

        public static func of(_ claims: [Claim]) -> Totals {
            var totals = Totals()
            for claim in claims { totals.add(claim) }
            return totals
        }
    }

    /// Claims grouped by a key, in the order the keys first appear after sorting by `order`.
    public static func grouped<Key: Hashable>(_ claims: [Claim], by key: (Claim) -> Key) -> [(key: Key, totals: Totals)]
    {
        var order: [Key] = []
        var totals: [Key: Totals] = [:]
        for claim in claims {
            let value = key(claim)
            if totals[value] == nil { order.append(value) }
            totals[value, default: Totals()].add(claim)
        }
        return order.map { ($0, totals[$0]!) }
    }
}
