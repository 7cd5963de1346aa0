import Foundation

/// The asset map as a spreadsheet. The same columns are read back by the import, so an exported file can be edited
/// and imported: categories, domains, statuses, localities, needs and organisations are written by name, and cells
/// holding several values are joined with "; ".
enum AssetCSV {
    static let header = [
        "id", "name", "category", "domains", "description", "locality", "address", "postcode", "opening_times", "phone",
        "email",
        "website", "other_contact", "referral_needed", "access_information", "languages", "cost", "needs",
        "last_checked", "status",
        "listed_publicly", "organisation",
    ]

    /// What the import page says about each column.
    static let columnHelp: [(column: String, help: String)] = [
        ("id", "leave empty to add an asset; an exported id updates that asset"),
        ("name", "required"),
        (
            "category",
            "one of the nine categories, in words: " + AssetCategory.allCases.map(\.label).joined(separator: "; ")
        ),
        ("domains", "any of: " + AssetDomain.allCases.map(\.label).joined(separator: "; ") + ", separated by \"; \""),
        ("locality", "a locality or primary care network by name; empty or \"\(wholeArea)\" for the whole area"),
        ("referral_needed and listed_publicly", "yes or no"),
        ("needs", "needs from the list, by name, separated by \"; \""),
        ("last_checked", "required, a date like 2026-03-03, not in the future"),
        ("status", "Active, Paused or Closed"),
        ("organisation", "empty, or an organisation in the register, by name"),
    ]

    static let wholeArea = "Whole area"

    static func document(_ assets: [Asset], localities: [Locality], needs: [Need], organisations: [OrganisationChoice])
        -> String
    {
        let localityNames = Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0.name) })
        let needNames = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0.name) })
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let rows = assets.map { asset -> [String] in
            let d = asset.details
            return [
                String(asset.id), d.name, d.category.label, d.domains.map(\.label).joined(separator: "; "),
                d.description,
                d.localityID.flatMap { localityNames[$0] } ?? "", d.address, d.postcode, d.openingTimes, d.phone,
                d.email, d.website,
                d.contactNotes, d.referralNeeded ? "yes" : "no", d.accessInformation, d.languages, d.cost,
                d.needIDs.compactMap { needNames[$0] }.sorted().joined(separator: "; "), d.lastCheckedOn,
                d.status.label,
                d.listedPublicly ? "yes" : "no", d.organisationID.flatMap { organisationNames[$0] } ?? "",
            ]
        }
        return CSVFormat.document(header: header, rows: rows)
    }
}
