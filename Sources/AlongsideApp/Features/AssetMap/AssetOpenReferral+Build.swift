import Foundation

extension AssetOpenReferral {
    /// An asset linked to an organisation in the register is one of its services; any other asset is its own
    /// organisation, with one service.
    static func document(_ assets: [Asset], localities: [Locality], needs: [Need], organisations: [Int64: Organisation])
        -> Document
    {
        let localityNames = Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0.name) })
        let needNames = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0.name) })
        var organizations: [String: Organization] = [:]
        var services: [Service] = []
        var locations: [Location] = []
        var links: [ServiceAtLocation] = []
        for asset in assets {
            let d = asset.details
            let serviceID = "asset-\(asset.id)"
            let organizationID: String
            if let linked = d.organisationID.flatMap({ organisations[$0] }) {
                organizationID = "organisation-\(linked.id)"
                organizations[organizationID] = Organization(
                    id: organizationID, name: linked.name, description: linked.details.areaServed,
                    email: linked.details.contactEmail, url: linked.details.website)
            } else {
                organizationID = "asset-organisation-\(asset.id)"
                organizations[organizationID] = Organization(
                    id: organizationID, name: d.name, description: d.description, email: d.email, url: d.website)
            }
            let phones = d.phone.isEmpty ? [] : [Phone(id: "\(serviceID)-phone", number: d.phone)]
            let contacts =
                phones.isEmpty && d.contactNotes.isEmpty
                ? [] : [Contact(id: "\(serviceID)-contact", name: d.contactNotes, phones: phones)]
            let languages = d.languages.split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .enumerated().map { Language(id: "\(serviceID)-language-\($0.offset + 1)", language: $0.element) }
            let area = d.localityID.flatMap { localityNames[$0] } ?? AssetCSV.wholeArea
            var taxonomies = [
                ServiceTaxonomy(
                    id: "\(serviceID)-category",
                    taxonomy: Taxonomy(
                        id: "category-\(d.category.rawValue)", name: d.category.label, vocabulary: "asset-category"))
            ]
            taxonomies += d.domains.map {
                ServiceTaxonomy(
                    id: "\(serviceID)-domain-\($0.rawValue)",
                    taxonomy: Taxonomy(id: "domain-\($0.rawValue)", name: $0.label, vocabulary: "domain"))
            }
            taxonomies += d.needIDs.compactMap { id in
                needNames[id].map {
                    ServiceTaxonomy(
                        id: "\(serviceID)-need-\(id)",
                        taxonomy: Taxonomy(id: "need-\(id)", name: $0, vocabulary: "need"))
                }
            }
            services.append(
                Service(
                    id: serviceID, organizationId: organizationID, name: d.name, description: d.description,
                    url: d.website, email: d.email,
                    status: d.status == .active ? "active" : "inactive", fees: d.cost,
                    applicationProcess: d.referralNeeded
                        ? "A referral is needed" : "No referral needed: get in touch directly",
                    assuredDate: d.lastCheckedOn, contacts: contacts, languages: languages,
                    regularSchedules: d.openingTimes.isEmpty
                        ? [] : [Schedule(id: "\(serviceID)-schedule", description: d.openingTimes)],
                    serviceAreas: [ServiceArea(id: "\(serviceID)-area", serviceArea: area)],
                    serviceTaxonomys: taxonomies
                ))
            if !d.address.isEmpty || !d.postcode.isEmpty {
                let locationID = "location-\(asset.id)"
                locations.append(
                    Location(
                        id: locationID, name: d.name, description: d.address,
                        physicalAddresses: [
                            Address(
                                id: "\(locationID)-address", address1: d.address, postalCode: d.postcode, country: "GB")
                        ],
                        accessibilityForDisabilities: d.accessInformation.isEmpty
                            ? [] : [Accessibility(id: "\(locationID)-access", accessibility: d.accessInformation)]
                    ))
                links.append(
                    ServiceAtLocation(id: "\(serviceID)-at-\(locationID)", serviceId: serviceID, locationId: locationID)
                )
            }
        }
        return Document(
            organizations: organizations.values.sorted { $0.id < $1.id }, services: services, locations: locations,
            serviceAtLocations: links)
    }

    static func json(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
