import GRDB

/// How long the agreed activity was; the policy in force on the day sets what each pays (003 Appendix 1).
public enum ActivityLength: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case half, whole

    public var label: String {
        switch self {
        case .half: return "Up to half a day"
        case .whole: return "A whole day"
        }
    }
}

/// The kinds of expense the policy covers. Expenses are kept apart from the involvement payment and never
/// count as earnings.
public enum ExpenseKind: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case travel, mileage, care, subsistence, other

    public var label: String {
        switch self {
        case .travel: return "Travel: fares, taxis or parking"
        case .mileage: return "Mileage in your own vehicle"
        case .care: return "Care or childcare cover"
        case .subsistence: return "Food and drink"
        case .other: return "Something else"
        }
    }

    public var shortLabel: String {
        switch self {
        case .travel: return "Travel"
        case .mileage: return "Mileage"
        case .care: return "Care or childcare cover"
        case .subsistence: return "Food and drink"
        case .other: return "Other"
        }
    }
}

/// What the person wants done with the involvement payment, per claim, with a default they keep.
public enum PaymentChoice: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case full, lower, charity, vouchers, none

    public var label: String {
        switch self {
        case .full: return "Pay me in full through the finance team"
        case .lower: return "Pay me a lower amount that I name"
        case .charity: return "Pay it to a charity that I name"
        case .vouchers: return "Give me vouchers instead of money"
        case .none: return "No payment (I can still claim expenses)"
        }
    }

    public var shortLabel: String {
        switch self {
        case .full: return "Paid in full"
        case .lower: return "A lower amount"
        case .charity: return "To a charity"
        case .vouchers: return "Vouchers"
        case .none: return "No payment"
        }
    }

    /// Whether this choice counts as the person's earnings (vouchers do, for most benefits; a gift to charity
    /// made instead of being paid, or no payment, does not).
    public var countsAsEarnings: Bool {
        switch self {
        case .full, .lower, .vouchers: return true
        case .charity, .none: return false
        }
    }
}

/// Where a claim has got to: draft → submitted → approved or returned → paid.
public enum ClaimStatus: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case draft, submitted, returned, approved, paid

    public var label: String {
        switch self {
        case .draft: return "Not sent yet"
        case .submitted: return "Waiting for approval"
        case .returned: return "Returned to you"
        case .approved: return "Approved, waiting to be paid"
        case .paid: return "Paid"
        }
    }

    /// What the state means for the person, in plain words.
    public var explanation: String {
        switch self {
        case .draft: return "You have not sent this claim yet. Check your answers and send it when you are ready."
        case .submitted: return "You have sent this claim. Someone who approves claims will look at it soon."
        case .returned:
            return "This claim has come back to you. Read the reason, change what is needed and send it again."
        case .approved: return "This claim is approved. The finance team will pay it."
        case .paid: return "This claim has been paid."
        }
    }

    /// What the state means, for someone who is not the claim's owner (an approver or finance).
    public func explanation(for name: String) -> String {
        switch self {
        case .draft: return "\(name) has not sent this claim yet."
        case .submitted: return "\(name) has sent this claim. It is waiting for someone who approves claims."
        case .returned: return "This claim was returned to \(name) to change and send again."
        case .approved: return "This claim is approved. The finance team will pay it."
        case .paid: return "This claim has been paid."
        }
    }

    /// Only the owner edits, and only before anyone has approved it: after approval a claim is frozen.
    public var ownerCanEdit: Bool { self == .draft || self == .returned }
    /// Claims that are on their way to being paid, or paid: what earnings are added up from.
    public var counts: Bool { self == .submitted || self == .approved || self == .paid }
}

/// The period an earnings limit covers.
public enum LimitPeriod: String, CaseIterable, Codable, Sendable, DatabaseValueConvertible {
    case week, month

    public var label: String {
        switch self {
        case .week: return "Weekly"
        case .month: return "Monthly"
        }
    }

    public var noun: String { rawValue }
}
