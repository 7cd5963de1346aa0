import Foundation
import GRDB

/// What the workspace pays for agreed activity and which expenses it covers, from a date. A new version takes
/// effect from its date; claims already approved keep the amounts they were approved at.
public struct PaymentPolicy: Codable, Sendable, Equatable, FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var id: Int64
    public var effectiveFrom: String
    public var halfDayPence: Int
    public var wholeDayPence: Int
    /// The time each length counts as, for hours of lived-experience input and weekly hours limits.
    public var halfDayMinutes: Int
    public var wholeDayMinutes: Int
    public var mileagePencePerMile: Int
    /// The most a single expense of each kind may be; nil when the policy sets no limit.
    public var travelLimitPence: Int?
    public var careLimitPence: Int?
    public var subsistenceLimitPence: Int?
    public var otherLimitPence: Int?
    public var note: String

    public func rate(_ length: ActivityLength) -> Int {
        length == .half ? halfDayPence : wholeDayPence
    }

    public func minutes(_ length: ActivityLength) -> Int {
        length == .half ? halfDayMinutes : wholeDayMinutes
    }

    public func limit(_ kind: ExpenseKind) -> Int? {
        switch kind {
        case .travel: return travelLimitPence
        case .mileage: return nil
        case .care: return careLimitPence
        case .subsistence: return subsistenceLimitPence
        case .other: return otherLimitPence
        }
    }
}

/// A limit on earnings that some benefits set, kept by the workspace because the figures change every April.
/// These are facts to compare against, never advice: people are pointed to independent benefits advice.
public struct EarningsLimit: Codable, Sendable, Equatable, FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var id: Int64
    public var period: LimitPeriod
    public var effectiveFrom: String
    public var name: String
    public var amountPence: Int
    /// Weekly limits may also limit hours (like the permitted-work rules).
    public var hoursLimitMinutes: Int?
    public var note: String
}

/// Picking the version in force on a day from effective-dated versions.
public enum EffectiveDated {
    /// The version with the latest start on or before the day; nil when none had started.
    public static func inForce<Item>(_ items: [Item], on isoDay: String, from start: (Item) -> String) -> Item? {
        items.filter { start($0) <= isoDay }.max { start($0) < start($1) }
    }
}
