import Foundation

/// How to get urgent help now, shown on every public page and first among the directory's results for a search about
/// a crisis (issue 18): a public mental-health directory must never leave someone in crisis with only a referral-only
/// team. The national lines are fixed; the partnership's own crisis line is set by an administrator.
public enum UrgentHelp {
    /// Words that mean someone may be looking for help in a crisis. Matched as whole words, any case.
    static let crisisWords: Set<String> = [
        "crisis", "emergency", "urgent", "suicide", "suicidal", "self-harm", "selfharm", "harm", "overdose",
        "samaritans", "danger", "kill", "die", "a&e",
    ]

    /// Whether a directory search is about a crisis, so urgent help comes first.
    public static func isCrisisSearch(_ text: String) -> Bool {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "&") }
        return words.contains { crisisWords.contains(String($0)) }
    }
}

/// The partnership's own crisis line: who answers, the number, and when.
public struct CrisisLine: Sendable, Equatable {
    public let name: String
    public let phone: String
    /// When it is open, in the partnership's words ("24 hours a day"); may be empty.
    public let hours: String

    public init(name: String, phone: String, hours: String) {
        (self.name, self.phone, self.hours) = (name, phone, hours)
    }

    /// The number as a `tel:` link dials it: digits, and a leading "+".
    public var dialable: String {
        let kept = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return kept.hasPrefix("+") ? "+" + kept.dropFirst().filter(\.isNumber) : kept.filter(\.isNumber)
    }
}

/// Where the renderer finds the partnership's crisis line (answered by the urgent-help feature's store).
public protocol CrisisLineSource: Sendable {
    func crisisLine() async throws -> CrisisLine?
}

/// The urgent-help box as the layout and the directory draw it (`partials/urgent-help`).
struct UrgentHelpBox: Encodable, Sendable {
    struct Local: Encodable, Sendable {
        let name: String
        let phone: String
        let tel: String
        let hours: String?
    }

    let local: Local?

    init(_ line: CrisisLine?) {
        local = line.map {
            Local(name: $0.name, phone: $0.phone, tel: "tel:" + $0.dialable, hours: $0.hours.isEmpty ? nil : $0.hours)
        }
    }
}
