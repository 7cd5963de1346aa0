/// The money in a claim, split the way finance and the person need it. Every figure is whole pence and every
/// total is the plain sum of its parts (see `Money` for the one rounding rule).
public struct ClaimAmounts: Equatable, Sendable {
    /// What the policy pays for the activity.
    public let rate: Int
    /// Money paid to the person through the finance system.
    public let toPerson: Int
    /// The value of vouchers given instead of money.
    public let vouchers: Int
    /// Paid to a charity the person named, instead of to them.
    public let donation: Int
    /// Expenses, never earnings.
    public let expenses: Int

    /// The involvement payment, wherever it goes.
    public var payment: Int { toPerson + vouchers + donation }
    /// What counts as the person's earnings: money and vouchers, never expenses.
    public var earnings: Int { toPerson + vouchers }
    /// Everything the claim costs.
    public var total: Int { payment + expenses }

    public init(rate: Int, choice: PaymentChoice, lowerPence: Int?, expenses: [Int]) {
        self.rate = rate
        switch choice {
        case .full: (toPerson, vouchers, donation) = (rate, 0, 0)
        case .lower: (toPerson, vouchers, donation) = (min(lowerPence ?? 0, rate), 0, 0)
        case .vouchers: (toPerson, vouchers, donation) = (0, rate, 0)
        case .charity: (toPerson, vouchers, donation) = (0, 0, rate)
        case .none: (toPerson, vouchers, donation) = (0, 0, 0)
        }
        self.expenses = expenses.reduce(0, +)
    }
}

/// One earlier claim, as the earnings check needs it.
public struct EarningsEntry: Equatable, Sendable {
    public let activityOn: String
    public let earnings: Int
    public let minutes: Int

    public init(activityOn: String, earnings: Int, minutes: Int) {
        self.activityOn = activityOn
        self.earnings = earnings
        self.minutes = minutes
    }
}

/// A claim that would take the person over the earnings limit they said applies to them: the figures, for the
/// person first and then for whoever approves it. Nothing is blocked; the person chooses what to do.
public struct EarningsWarning: Equatable, Sendable {
    public let limit: EarningsLimit
    public let first: String
    public let last: String
    public let earlierEarnings: Int
    public let claimEarnings: Int
    public let earlierMinutes: Int
    public let claimMinutes: Int

    public var totalEarnings: Int { earlierEarnings + claimEarnings }
    public var totalMinutes: Int { earlierMinutes + claimMinutes }
    public var overAmount: Bool { totalEarnings > limit.amountPence }
    public var overHours: Bool { limit.hoursLimitMinutes.map { totalMinutes > $0 } ?? false }
    /// How far over the money limit the total goes.
    public var excess: Int { max(0, totalEarnings - limit.amountPence) }
}

public enum EarningsCheck {
    /// The warning for a claim on `activityOn`, or nil when no limit applies or the claim stays within it.
    /// `period` is the limit the person said applies to them (nil: none). `others` are their other claims that
    /// count (sent, approved or paid); those outside the limit's week or month are ignored. Time counts towards
    /// an hours limit only on claims that earn something.
    public static func warning(
        period: LimitPeriod?, limits: [EarningsLimit], activityOn: String, claimEarnings: Int, claimMinutes: Int,
        others: [EarningsEntry]
    ) -> EarningsWarning? {
        guard let period, claimEarnings > 0,
            let limit = EffectiveDated.inForce(
                limits.filter { $0.period == period }, on: activityOn, from: \.effectiveFrom),
            let range = range(period, containing: activityOn)
        else { return nil }
        let inPeriod = others.filter { $0.activityOn >= range.first && $0.activityOn <= range.last && $0.earnings > 0 }
        let warning = EarningsWarning(
            limit: limit, first: range.first, last: range.last,
            earlierEarnings: inPeriod.map(\.earnings).reduce(0, +), claimEarnings: claimEarnings,
            earlierMinutes: inPeriod.map(\.minutes).reduce(0, +), claimMinutes: claimMinutes
        )
        return warning.overAmount || warning.overHours ? warning : nil
    }

    /// The Monday-to-Sunday week or the calendar month containing the day.
    public static func range(_ period: LimitPeriod, containing isoDay: String) -> (first: String, last: String)? {
        switch period {
        case .week:
            guard let monday = EarningsPeriods.weekStart(isoDay),
                let sunday = EarningsPeriods.weekEnd(weekStart: monday)
            else { return nil }
            return (monday, sunday)
        case .month:
            return EarningsPeriods.month(isoDay).flatMap(EarningsPeriods.monthRange)
        }
    }
}
