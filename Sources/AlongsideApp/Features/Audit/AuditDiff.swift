import Foundation

/// Which fields a change touched, read from the before and after snapshots the audit log keeps.
public enum AuditDiff {
    public struct Change: Encodable, Sendable, Equatable {
        public let field: String
        /// nil when the field was empty before (Mustache treats "" as true, so absence must be nil).
        public let before: String?
        public let after: String
    }

    public static func changes(before: String?, after: String?) -> [Change] {
        let old = object(before), new = object(after)
        let fields = Set(old.keys).union(new.keys).sorted()
        return fields.compactMap { field in
            let from = old[field] ?? "", to = new[field] ?? ""
            return from == to ? nil : Change(field: label(field), before: from.isEmpty ? nil : from, after: to)
        }
    }

    static func object(_ json: String?) -> [String: String] {
        guard let json, let values = try? JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8)) else {
            return [:]
        }
        return values.mapValues(\.text)
    }

    /// A snapshot's value: snapshots hold flat scalars.
    enum Scalar: Decodable {
        case text(String), flag(Bool), number(Double), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        var text: String {
            switch self {
            case .text(let text): return text
            case .flag(let flag): return flag ? "yes" : "no"
            case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
            case .null: return ""
            }
        }
    }

    /// "isActive" → "is active"
    static func label(_ key: String) -> String {
        var words = ""
        for character in key {
            if character.isUppercase { words += " " + character.lowercased() } else { words.append(character) }
        }
        return words.replacingOccurrences(of: "_", with: " ")
    }
}
