import Foundation

/// Every field of an organisation as a summary list (the organisation page, and "their version" on a conflict).
struct OrganisationDetailsView: Encodable, Sendable {
    let details: [DetailRow]

    /// `communities` names the ones reached; without it (the organisation page lists them apart) the row is left out.
    init(_ organisation: OrganisationDetails, communities: [Int64: Community]?) {
        var rows = [DetailRow("Name", organisation.name), DetailRow("Sector", organisation.sector.label)]
        if organisation.sector == .vcse {
            rows.append(DetailRow("Size", organisation.size.map { "\($0.label): \($0.band)" } ?? ""))
            rows.append(DetailRow("Kind of organisation", organisation.kinds.map(\.label).joined(separator: ", ")))
        }
        rows += [
            DetailRow("Charity number", organisation.charityNumber),
            DetailRow("Company number", organisation.companyNumber),
            DetailRow("Area served", organisation.areaServed),
        ]
        if let communities {
            rows.append(DetailRow("Communities reached", Self.communityNames(organisation.communityIDs, communities)))
        }
        rows += [
            DetailRow("Contact", organisation.contactName),
            DetailRow(
                "Email", organisation.contactEmail,
                href: ContactRules.isEmail(organisation.contactEmail) ? "mailto:" + organisation.contactEmail : nil),
            DetailRow("Phone", organisation.contactPhone),
            DetailRow(
                "Website", organisation.website,
                href: Self.isWebAddress(organisation.website) ? organisation.website : nil),
            DetailRow("Status", organisation.status.label),
        ]
        details = rows
    }

    static func communityNames(_ ids: [Int64], _ communities: [Int64: Community]) -> String {
        ids.compactMap { communities[$0] }.sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        .map { $0.name + ($0.underServed ? " (under-served)" : "") }.joined(separator: "; ")
    }

    /// Only http and https addresses become links, so a stored value can never run script.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
