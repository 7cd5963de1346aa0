import Foundation
import GRDB

/// The two lists the group keeps for the map: localities (or primary care networks) and needs, kept like every
/// `KeptList`: names are unique whatever their case; a retired entry is no longer offered or analysed, but assets keep it.
public typealias AssetListOutcome<Entry: KeptListEntry> = KeptListOutcome<Entry>

/// What a person writes about a locality or a need (`kind` is for localities, `description` for needs).
public struct AssetListInput: Sendable, Equatable {
    public var name: String
    public var description: String = ""
    public var kind: LocalityKind = .locality

    public init(name: String, description: String = "", kind: LocalityKind = .locality) {
        self.name = name
        self.description = description
        self.kind = kind
    }
}

public typealias LocalityStore = KeptList<Locality>
public typealias NeedStore = KeptList<Need>

extension Locality: KeptListEntry {
    public static let table = "localities"
    public static let noun = "locality"

    public static func name(_ input: AssetListInput) -> String { input.name }

    public static func columns(_ input: AssetListInput) -> [(name: String, value: any DatabaseValueConvertible)] {
        [("kind", input.kind.rawValue)]
    }

    public var snapshot: [String: String] {
        ["name": name, "kind": kind.rawValue, "retired": isRetired ? "yes" : "no"]
    }
}

extension Need: KeptListEntry {
    public static let table = "needs"
    public static let noun = "need"

    public static func name(_ input: AssetListInput) -> String { input.name }

    public static func columns(_ input: AssetListInput) -> [(name: String, value: any DatabaseValueConvertible)] {
        [("description", input.description)]
    }

    public var snapshot: [String: String] {
        ["name": name, "description": description, "retired": isRetired ? "yes" : "no"]
    }
}
