import Foundation

/// The shapes of Open Referral UK 3.0 (the UK profile of HSDS 3.0), as its API publishes them: the field names and
/// nesting of `schema-service.json` (one full service) and `schema-service_list.json` (a service in a list) in
/// `../shared/standards/open-referral-uk/`. Encoded with snake_case keys; a value we do not have is left out (nil),
/// never sent as an empty string where the schema wants a URI or an email address.
public enum OpenReferral {
    /// The version information at the API's root (`openapi.json`, `/`).
    public struct About: Encodable, Sendable {
        public let version: String
        public let profile: String
        public let openapiUrl: String
    }

    /// A page of a list (`openapi.json`, `components.schemas.Page`, with its `contents`).
    public struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        public let totalItems: Int
        public let totalPages: Int
        public let pageNumber: Int
        public let size: Int
        public let firstPage: Bool
        public let lastPage: Bool
        public let empty: Bool
        public let contents: [Item]
    }

    public struct Organization: Encodable, Sendable, Equatable {
        public let id: String
        public let name: String
        /// Required by the standard; may be empty.
        public let description: String
        public let email: String?
        public let website: String?
    }

    /// A service in `/services` (`schema-service_list.json`): its own fields and its organisation.
    public struct ServiceSummary: Encodable, Sendable, Equatable {
        public let id: String
        public let organizationId: String
        public let name: String
        public let description: String
        public let url: String?
        public let email: String?
        /// "active", "inactive", "defunct" or "temporarily closed".
        public let status: String
        public let fees: String?
        /// The day the entry was last checked (YYYY-MM-DD).
        public let assuredDate: String?
        /// When the entry last changed (date-time with milliseconds, UTC).
        public let lastModified: String
        public let organization: Organization
    }

    /// A full service (`schema-service.json`, `/services/{id}`).
    public struct Service: Encodable, Sendable {
        public let summary: ServiceSummary
        public let schedules: [Schedule]
        public let serviceAreas: [ServiceArea]
        public let serviceAtLocations: [ServiceAtLocation]
        public let languages: [Language]
        public let contacts: [Contact]
        public let attributes: [Attribute]

        enum CodingKeys: String, CodingKey {
            case schedules, serviceAreas, serviceAtLocations, languages, contacts, attributes
        }

        public func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(schedules, forKey: .schedules)
            try container.encode(serviceAreas, forKey: .serviceAreas)
            try container.encode(serviceAtLocations, forKey: .serviceAtLocations)
            try container.encode(languages, forKey: .languages)
            try container.encode(contacts, forKey: .contacts)
            try container.encode(attributes, forKey: .attributes)
        }
    }

    /// Opening times, in words: we keep no RFC 5545 rule to publish.
    public struct Schedule: Encodable, Sendable {
        public let id: String
        public let serviceId: String
        public let description: String
    }

    public struct ServiceArea: Encodable, Sendable {
        public let id: String
        public let serviceId: String
        public let name: String
        public let serviceArea: String
    }

    /// Where a service happens. In a full service it holds its location; in `/service_at_locations` it also holds
    /// the service (as listed), as the standard's `service_at_location_list.json` does.
    public struct ServiceAtLocation: Encodable, Sendable {
        public let id: String
        public let serviceId: String
        public let locationId: String
        public let location: Location
        public var service: ServiceSummary? = nil
    }

    public struct Location: Encodable, Sendable {
        public let id: String
        /// "physical", "postal" or "virtual".
        public let locationType: String
        public let name: String
        /// Left out of a list, which holds one-to-one fields only.
        public var addresses: [Address]? = nil
        public var accessibility: [Accessibility]? = nil
    }

    public struct Address: Encodable, Sendable, Equatable {
        public let id: String
        public let locationId: String
        public let address1: String
        public let city: String
        public let stateProvince: String
        public let postalCode: String
        /// ISO 3166-1 two-letter code.
        public let country: String
        public let addressType: String

        enum CodingKeys: String, CodingKey {
            case id, locationId, address1 = "address_1", city, stateProvince, postalCode, country, addressType
        }
    }

    public struct Accessibility: Encodable, Sendable {
        public let id: String
        public let locationId: String
        public let description: String
        public let accessibility: String
    }

    /// A language the service is given in. The UK profile's language has only ids; `name` is HSDS 3.0's own field
    /// for the language's name (the schema allows fields beyond its own).
    public struct Language: Encodable, Sendable {
        public let id: String
        public let serviceId: String
        public let name: String
    }

    public struct Contact: Encodable, Sendable {
        public let id: String
        public let serviceId: String
        public let name: String
        /// The UK profile's phone (`phone.json`: id, contact_id, number), nested in its contact.
        public let phones: [Phone]
    }

    public struct Phone: Encodable, Sendable {
        public let id: String
        public let contactId: String
        public let number: String
    }

    /// A link from the service to a term of one of our taxonomies.
    public struct Attribute: Encodable, Sendable {
        public let id: String
        public let linkId: String
        public let taxonomyTermId: String
        public let taxonomyTerm: TaxonomyTerm
    }

    public struct TaxonomyTerm: Encodable, Sendable, Equatable {
        public let id: String
        public let name: String
        /// Required by the standard.
        public let description: String
        /// The taxonomy's name.
        public let taxonomy: String
        public let taxonomyId: String
    }
}
