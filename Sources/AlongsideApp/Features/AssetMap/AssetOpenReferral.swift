import Foundation

/// The asset map for other systems, shaped after the Open Referral UK data standard (openreferraluk.org): the
/// organisations that run services, the services, the places they happen and which service is at which place.
/// Field names follow the standard; ids are strings, as the standard's are. The README documents the shape.
enum AssetOpenReferral {
    struct Document: Encodable, Sendable {
        let organizations: [Organization]
        let services: [Service]
        let locations: [Location]
        let serviceAtLocations: [ServiceAtLocation]
    }

    struct Organization: Encodable, Sendable, Equatable {
        let id: String
        let name: String
        let description: String
        let email: String
        let url: String
    }

    struct Service: Encodable, Sendable {
        let id: String
        let organizationId: String
        let name: String
        let description: String
        let url: String
        let email: String
        /// "active", or "inactive" for a paused or closed asset.
        let status: String
        let fees: String
        /// Whether a referral is needed, in words.
        let applicationProcess: String
        /// The day the entry was last checked (ISO 8601).
        let assuredDate: String
        let contacts: [Contact]
        let languages: [Language]
        let regularSchedules: [Schedule]
        let serviceAreas: [ServiceArea]
        let serviceTaxonomys: [ServiceTaxonomy]
    }

    struct Contact: Encodable, Sendable {
        let id: String
        let name: String
        let phones: [Phone]
    }

    struct Phone: Encodable, Sendable {
        let id: String
        let number: String
    }

    struct Language: Encodable, Sendable {
        let id: String
        let language: String
    }

    struct Schedule: Encodable, Sendable {
        let id: String
        let description: String
    }

    struct ServiceArea: Encodable, Sendable {
        let id: String
        let serviceArea: String
    }

    struct ServiceTaxonomy: Encodable, Sendable {
        let id: String
        let taxonomy: Taxonomy
    }

    struct Taxonomy: Encodable, Sendable {
        let id: String
        let name: String
        /// Which list the term comes from: the asset category, the domain or the need.
        let vocabulary: String
    }

    struct Location: Encodable, Sendable {
        let id: String
        let name: String
        let description: String
        let physicalAddresses: [Address]
        let accessibilityForDisabilities: [Accessibility]
    }

    struct Address: Encodable, Sendable {
        let id: String
        let address1: String
        let postalCode: String
        let country: String

        enum CodingKeys: String, CodingKey {
            case id, address1 = "address_1", postalCode = "postal_code", country
        }
    }

    struct Accessibility: Encodable, Sendable {
        let id: String
        let accessibility: String
    }

    struct ServiceAtLocation: Encodable, Sendable {
        let id: String
        let serviceId: String
        let locationId: String
    }
}
