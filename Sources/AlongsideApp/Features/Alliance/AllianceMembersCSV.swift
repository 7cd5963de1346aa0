import Foundation

/// The members download: one row per organisation in the alliance. Representatives are named, but their
/// email addresses stay in the app.
enum AllianceMembersCSV {
    static let header = [
        "Organisation", "Sector", "Size", "Kinds", "Status", "Since", "Joined on", "Representative",
        "Principles agreed on", "Terms agreed on", "Terms version", "Communities reached",
    ]

    static func document(_ roster: AllianceRoster) -> String {
        let communities = Dictionary(uniqueKeysWithValues: roster.communities.map { ($0.id, $0.name) })
        let rows = roster.entries.map { entry -> [String] in
            let member = entry.member, details = entry.organisation.details
            return [
                member.organisationName, details.sector.label, details.size?.label ?? "",
                details.kinds.map(\.label).joined(separator: "; "),
                member.status.label, member.statusSince, entry.joinedOn ?? "", member.representativeName,
                member.principlesAgreedOn ?? "", member.termsAgreedOn ?? "", member.termsVersion.map(String.init) ?? "",
                details.communityIDs.compactMap { communities[$0] }.sorted().joined(separator: "; "),
            ]
        }
        return CSVFormat.document(header: header, rows: rows)
    }

    static func fileName(_ group: Group) -> String {
        let slug = group.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return (slug.isEmpty ? "alliance" : slug) + "-members.csv"
    }
}
