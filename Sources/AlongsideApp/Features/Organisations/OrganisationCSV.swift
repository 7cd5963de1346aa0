import Foundation

/// The register as a spreadsheet: one row per organisation with every field; communities joined with "; ".
enum OrganisationCSV {
    static let header = [
        "id", "name", "sector", "vcse_size", "vcse_kinds", "charity_number", "company_number", "area_served",
        "communities",
        "contact_name", "contact_email", "contact_phone", "website", "status", "created_on", "updated_on",
    ]

    static func document(_ organisations: [Organisation], communities: [Community]) -> String {
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0.name) })
        let rows = organisations.map { organisation -> [String] in
            let details = organisation.details
            return [
                String(organisation.id), details.name, details.sector.label, details.size?.label ?? "",
                details.kinds.map(\.label).joined(separator: "; "), details.charityNumber, details.companyNumber,
                details.areaServed,
                details.communityIDs.compactMap { names[$0] }.sorted().joined(separator: "; "),
                details.contactName, details.contactEmail, details.contactPhone, details.website, details.status.label,
                LondonTime.isoDay(organisation.createdAt), LondonTime.isoDay(organisation.updatedAt),
            ]
        }
        return CSVFormat.document(header: header, rows: rows)
    }
}
