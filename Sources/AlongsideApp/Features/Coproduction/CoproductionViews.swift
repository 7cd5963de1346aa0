import Foundation

/// Options for the group and workshop selects: "None" first.
enum CoproductionOptions {
    static func groups(_ scope: CoproductionScope) -> [(value: String, label: String)] {
        [("", "None")] + scope.groups.map { (String($0.group.id), $0.group.name) }
    }

    static func workshops(_ scope: CoproductionScope) -> [(value: String, label: String)] {
        [("", "None")] + scope.workshops.map { (String($0.id), $0.label) }
    }

    static func communities(_ communities: [Community]) -> [(value: String, label: String)] {
        communities.map { (String($0.id), $0.name + ($0.underServed ? " (under-served)" : "")) }
    }
}

/// A label and value in a summary list.
struct DetailLine: Encodable, Sendable {
    let label: String
    let value: String
}

/// Someone else's saved version, shown above the form when a save is refused as stale.
struct TheirVersion: Encodable, Sendable {
    let lines: [DetailLine]
}
