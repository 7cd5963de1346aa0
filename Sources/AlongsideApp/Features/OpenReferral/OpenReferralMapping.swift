import Foundation

/// A published asset as an Open Referral UK 3.0 service (issue 18). An asset linked to an organisation in the
/// register is a service of that organisation; any other asset is its own organisation, with one service. Only
/// what the public directory shows an asset with is published (never who keeps it, the register's contact person
/// or email, or whether it is listed).
public struct OpenReferralMapping: Sendable {
    public let localities: [Int64: Locality]
    public let needs: [Int64: Need]
    public let organisations: [Int64: Organisation]

    public init(localities: [Int64: Locality], needs: [Int64: Need], organisations: [Int64: Organisation]) {
        self.localities = localities
        self.needs = needs
        self.organisations = organisations
    }

    /// The service for `asset`, or nil when it has no stored UUID (an asset made in memory).
    public func service(_ asset: Asset) -> OpenReferral.Service? {
        guard let serviceUUID = OpenReferralIDs.parse(asset.openReferralID) else { return nil }
        let d = asset.details
        let serviceID = OpenReferralIDs.text(serviceUUID)
        func child(_ name: String) -> String { OpenReferralIDs.text(OpenReferralIDs.derived(serviceUUID, name)) }
        let organization = organization(for: asset, serviceUUID: serviceUUID)
        let summary = OpenReferral.ServiceSummary(
            id: serviceID, organizationId: organization.id, name: d.name, description: d.description,
            url: OpenReferralRules.uri(d.website), email: OpenReferralRules.email(d.email),
            status: OpenReferralRules.status(d.status), fees: OpenReferralRules.text(d.cost),
            assuredDate: LondonTime.isCanonicalDay(d.lastCheckedOn) ? d.lastCheckedOn : nil,
            lastModified: OpenReferralRules.dateTime(asset.updatedAt), organization: organization)
        let area = d.localityID.flatMap { localities[$0]?.name } ?? "The whole area"
        var contacts: [OpenReferral.Contact] = []
        if let phone = OpenReferralRules.text(d.phone) {
            let contactID = child("contact")
            contacts.append(
                OpenReferral.Contact(
                    id: contactID, serviceId: serviceID, name: d.name,
                    phones: [OpenReferral.Phone(id: child("contact/phone"), contactId: contactID, number: phone)]))
        }
        var terms = [OpenReferralTaxonomies.term(d.category)] + d.domains.map(OpenReferralTaxonomies.term)
        terms += d.needIDs.compactMap { needs[$0] }.map(OpenReferralTaxonomies.term)
        terms.append(OpenReferralTaxonomies.term(referralNeeded: d.referralNeeded))
        return OpenReferral.Service(
            summary: summary,
            schedules: OpenReferralRules.text(d.openingTimes).map {
                [OpenReferral.Schedule(id: child("schedule"), serviceId: serviceID, description: $0)]
            } ?? [],
            serviceAreas: [
                OpenReferral.ServiceArea(id: child("service-area"), serviceId: serviceID, name: area, serviceArea: area)
            ],
            serviceAtLocations: location(for: asset, serviceUUID: serviceUUID).map { [$0] } ?? [],
            languages: OpenReferralRules.languages(d.languages).map {
                OpenReferral.Language(id: child("language/\($0.lowercased())"), serviceId: serviceID, name: $0)
            },
            contacts: contacts,
            attributes: terms.map { term in
                OpenReferral.Attribute(
                    id: child("attribute/\(term.id)"), linkId: serviceID, taxonomyTermId: term.id, taxonomyTerm: term)
            })
    }

    func organization(for asset: Asset, serviceUUID: UUID) -> OpenReferral.Organization {
        let d = asset.details
        if let linked = d.organisationID.flatMap({ organisations[$0] }),
            let uuid = OpenReferralIDs.parse(linked.openReferralID)
        {
            // The register's contact person and email are not public: only the name and website are published.
            let area = linked.details.areaServed.trimmingCharacters(in: .whitespacesAndNewlines)
            return OpenReferral.Organization(
                id: OpenReferralIDs.text(uuid), name: linked.name,
                description: area.isEmpty ? "" : "Area served: \(area)", email: nil,
                website: OpenReferralRules.uri(linked.details.website))
        }
        return OpenReferral.Organization(
            id: OpenReferralIDs.text(OpenReferralIDs.derived(serviceUUID, "organization")), name: d.name,
            description: d.description, email: OpenReferralRules.email(d.email),
            website: OpenReferralRules.uri(d.website))
    }

    /// The place the service happens, when the asset has an address or a postcode.
    func location(for asset: Asset, serviceUUID: UUID) -> OpenReferral.ServiceAtLocation? {
        let d = asset.details
        guard OpenReferralRules.text(d.address) != nil || OpenReferralRules.text(d.postcode) != nil else { return nil }
        let locationID = OpenReferralIDs.text(OpenReferralIDs.derived(serviceUUID, "location"))
        func child(_ name: String) -> String {
            OpenReferralIDs.text(OpenReferralIDs.derived(serviceUUID, "location/\(name)"))
        }
        let parts = OpenReferralAddress.split(address: d.address, postcode: d.postcode)
        var location = OpenReferral.Location(id: locationID, locationType: "physical", name: d.name)
        location.addresses = [
            OpenReferral.Address(
                id: child("address"), locationId: locationID, address1: parts.address1, city: parts.city,
                stateProvince: "England", postalCode: parts.postalCode, country: "GB", addressType: "physical")
        ]
        location.accessibility =
            OpenReferralRules.text(d.accessInformation).map {
                [
                    OpenReferral.Accessibility(
                        id: child("accessibility"), locationId: locationID, description: $0, accessibility: $0)
                ]
            } ?? []
        return OpenReferral.ServiceAtLocation(
            id: OpenReferralIDs.text(OpenReferralIDs.derived(serviceUUID, "service-at-location")),
            serviceId: OpenReferralIDs.text(serviceUUID), locationId: locationID, location: location)
    }
}
