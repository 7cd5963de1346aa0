import Foundation

/// The names an asset's page needs to show its links in words: localities, needs and organisations by id.
struct AssetNames: Sendable {
    let localities: [Int64: Locality]
    let needs: [Int64: Need]
    let organisations: [Int64: String]

    init(localities: [Locality], needs: [Need], organisations: [OrganisationChoice] = []) {
        self.localities = Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0) })
        self.needs = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0) })
        self.organisations = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
    }

    var needNames: [Int64: String] { needs.mapValues(\.name) }

    func locality(_ id: Int64?) -> String {
        guard let id else { return "The whole area" }
        return localities[id]?.labelWithKind ?? "The whole area"
    }

    func needs(_ ids: [Int64]) -> String {
        ids.compactMap { needs[$0]?.name }.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
            .joined(separator: "; ")
    }
}

/// Every field of an asset as a summary list (the asset's page, and "their version" on a conflict).
struct AssetDetailsView: Encodable, Sendable {
    let details: [DetailRow]

    init(_ d: AssetDetails, names: AssetNames) {
        details = [
            DetailRow("Name", d.name), DetailRow("Category", d.category.label),
            DetailRow("Domains", d.domains.map(\.label).joined(separator: "; ")),
            DetailRow("Description", d.description), DetailRow("Locality", names.locality(d.localityID)),
            DetailRow("Address", [d.address, d.postcode].filter { !$0.isEmpty }.joined(separator: ", ")),
            DetailRow("Opening times", d.openingTimes), DetailRow("Phone", d.phone),
            DetailRow("Email", d.email, href: ContactRules.isEmail(d.email) ? "mailto:" + d.email : nil),
            DetailRow("Website", d.website, href: OrganisationDetailsView.isWebAddress(d.website) ? d.website : nil),
            DetailRow("Other ways to get in touch", d.contactNotes),
            DetailRow(
                "Referral needed",
                d.referralNeeded ? "Yes, a referral is needed" : "No, people can get in touch directly"),
            DetailRow("Access information", d.accessInformation), DetailRow("Languages", d.languages),
            DetailRow("Cost", d.cost),
            DetailRow("Needs it helps with", names.needs(d.needIDs)),
            DetailRow("Last checked", LondonTime.day(d.lastCheckedOn)),
            DetailRow("Status", d.status.label),
            DetailRow("In the public directory", d.listedPublicly ? "Yes" : "No, only people signed in see it"),
            DetailRow(
                "Organisation in the register", d.organisationID.flatMap { names.organisations[$0] } ?? "",
                href: d.organisationID.map { Href.organisation($0) }),
        ]
    }
}

/// "Due for a check" in words, never by colour alone.
enum StaleLabel {
    static func text(_ d: AssetDetails, today: String, months: Int) -> String? {
        StaleRule.isStale(lastCheckedOn: d.lastCheckedOn, today: today, months: months) ? "Due for a check" : nil
    }
}
