import Foundation

/// The rule: `maxFailures` failed sign-ins within `window` lock the key (an email, or an address) until
/// `lockout` after the failure that tipped it over. Refused attempts do not extend the lock, so an attacker
/// can keep a real person out for at most one lockout at a time.
public struct ThrottleRule: Sendable, Equatable {
    public var maxFailures: Int
    public var window: TimeInterval
    public var lockout: TimeInterval

    public static let perEmail = ThrottleRule(maxFailures: 5, window: 15 * 60, lockout: 15 * 60)
    public static let perAddress = ThrottleRule(maxFailures: 50, window: 15 * 60, lockout: 15 * 60)

    /// When the lock ends, or nil if `failures` (oldest first) do not lock the key at `now`.
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        guard failures.count >= maxFailures else { return nil }
        // Look for any run of `maxFailures` failures inside one window whose lockout has not yet ended.
        for end in stride(from: failures.count - 1, through: maxFailures - 1, by: -1) {
            let first = failures[end - maxFailures + 1], last = failures[end]
            if last.timeIntervalSince(first) <= window {
                let until = last.addingTimeInterval(lockout)
                return until > now ? until : nil
            }
        }
        return nil
    }

    /// Failures that can still matter at `now`.
    func pruned(_ failures: [Date], now: Date) -> [Date] {
        failures.filter { now.timeIntervalSince($0) < window + lockout }
    }
}

/// Counts failed sign-ins per email and per address, in memory.
public actor SignInThrottle {
    let perEmail: ThrottleRule
    let perAddress: ThrottleRule
    private var emailFailures: [String: [Date]] = [:]
    private var addressFailures: [String: [Date]] = [:]

    public init(perEmail: ThrottleRule = .perEmail, perAddress: ThrottleRule = .perAddress) {
        self.perEmail = perEmail
        self.perAddress = perAddress
    }

    public func isLocked(email: String, address: String, now: Date) -> Bool {
        let key = email.lowercased()
        return perEmail.lockedUntil(failures: emailFailures[key] ?? [], now: now) != nil
            || perAddress.lockedUntil(failures: addressFailures[address] ?? [], now: now) != nil
    }

    public func recordFailure(email: String, address: String, now: Date) {
        let key = email.lowercased()
        emailFailures[key] = perEmail.pruned(emailFailures[key] ?? [], now: now) + [now]
        addressFailures[address] = perAddress.pruned(addressFailures[address] ?? [], now: now) + [now]
        if emailFailures.count + addressFailures.count > 20_000 { prune(now: now) }
    }

    public func recordSuccess(email: String) {
        emailFailures[email.lowercased()] = nil
    }

    private func prune(now: Date) {
        emailFailures = emailFailures.compactMapValues { list in
            let kept = perEmail.pruned(list, now: now)
            return kept.isEmpty ? nil : kept
        }
        addressFailures = addressFailures.compactMapValues { list in
            let kept = perAddress.pruned(list, now: now)
            return kept.isEmpty ? nil : kept
        }
    }
}
