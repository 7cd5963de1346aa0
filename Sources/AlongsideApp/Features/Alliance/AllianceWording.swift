import Foundation

/// Words shared by the alliance pages and the members download.
enum AllianceWording {
    /// "Yes, 3 March 2026" or "Not yet".
    static func agreed(_ day: String?) -> String {
        day.map { "Yes, \(LondonTime.day($0))" } ?? "Not yet"
    }

    static func terms(_ day: String?, version: Int?) -> String {
        guard let day else { return "Not yet" }
        return "Yes, \(LondonTime.day(day))" + (version.map { " (version \($0))" } ?? "")
    }

    /// "Small" or "Small; Registered charity, User-led organisation"; "Not VCSE" outside the sector.
    static func sizeAndKinds(_ organisation: Organisation) -> String {
        guard organisation.sector == .vcse else { return organisation.sector.label }
        let parts = [
            organisation.size?.label ?? "Size not given",
            organisation.details.kinds.map(\.label).joined(separator: ", "),
        ]
        return parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The lines of a block of text, blank lines dropped: each becomes a paragraph.
    static func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "4 members, 1 joining, 2 interested" (only statuses that have anyone).
    static func counts(_ roster: AllianceRoster) -> String {
        let parts = MembershipRules.displayOrder.compactMap { status -> String? in
            let count = roster.count(status)
            guard count > 0 else { return nil }
            switch status {
            case .member: return count == 1 ? "1 member" : "\(count) members"
            default: return "\(count) \(status.label.lowercased())"
            }
        }
        return parts.isEmpty ? "No organisations yet" : parts.joined(separator: ", ")
    }
}
