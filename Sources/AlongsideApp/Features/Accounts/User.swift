import Foundation
import GRDB

/// A person with an account.
public struct User: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "users"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var email: String
    public var name: String
    public var role: Role
    public var passwordHash: String?
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// What the audit log keeps of an account: never the password hash, only whether one is set.
    public var snapshot: Snapshot {
        Snapshot(email: email, name: name, role: role.label, isActive: isActive, hasPassword: passwordHash != nil)
    }

    public struct Snapshot: Codable, Sendable, Equatable {
        public let email: String
        public let name: String
        public let role: String
        public let isActive: Bool
        public let hasPassword: Bool
    }
}

extension Role: DatabaseValueConvertible {}
