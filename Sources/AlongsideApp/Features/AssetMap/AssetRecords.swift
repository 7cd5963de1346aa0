import Foundation
import GRDB

/// Everything a person writes about a community asset. Decodes from an `assets` row; the domains and needs live in
/// their own tables and are attached after (see `AssetStore.assets`).
public struct AssetDetails: Sendable, Equatable, Decodable {
    public var name: String
    public var category: AssetCategory
    public var domains: [AssetDomain] = []
    public var description: String = ""
    /// Nil: the asset serves the whole area.
    public var localityID: Int64?
    public var address: String = ""
    public var postcode: String = ""
    public var openingTimes: String = ""
    public var phone: String = ""
    public var email: String = ""
    public var website: String = ""
    public var contactNotes: String = ""
    public var referralNeeded: Bool = false
    public var accessInformation: String = ""
    public var languages: String = ""
    public var cost: String = ""
    public var needIDs: [Int64] = []
    /// ISO day, London.
    public var lastCheckedOn: String
    public var status: AssetStatus = .active
    public var listedPublicly: Bool = true
    public var organisationID: Int64?

    enum CodingKeys: String, CodingKey {
        case name, category, description, localityID = "locality_id", address, postcode, openingTimes = "opening_times"
        case phone = "contact_phone", email = "contact_email", website, contactNotes = "contact_notes"
        case referralNeeded = "referral_needed", accessInformation = "access_information", languages, cost
        case lastCheckedOn = "last_checked_on", status, listedPublicly = "listed_publicly"
        case organisationID = "organisation_id"
    }

    public init(
        name: String, category: AssetCategory, domains: [AssetDomain] = [], description: String = "",
        localityID: Int64? = nil,
        address: String = "", postcode: String = "", openingTimes: String = "", phone: String = "", email: String = "",
        website: String = "", contactNotes: String = "", referralNeeded: Bool = false, accessInformation: String = "",
        languages: String = "", cost: String = "", needIDs: [Int64] = [], lastCheckedOn: String,
        status: AssetStatus = .active,
        listedPublicly: Bool = true, organisationID: Int64? = nil
    ) {
        self.name = name
        self.category = category
        self.domains = AssetDomain.allCases.filter(domains.contains)
        self.description = description
        self.localityID = localityID
        self.address = address
        self.postcode = postcode
        self.openingTimes = openingTimes
        self.phone = phone
        self.email = email
        self.website = website
        self.contactNotes = contactNotes
        self.referralNeeded = referralNeeded
        self.accessInformation = accessInformation
        self.languages = languages
        self.cost = cost
        self.needIDs = Array(Set(needIDs)).sorted()
        self.lastCheckedOn = lastCheckedOn
        self.status = status
        self.listedPublicly = listedPublicly
        self.organisationID = organisationID
    }
}

/// A community asset on the map.
public struct Asset: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var details: AssetDetails
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// The random UUID the database gave the asset when it was added (migration 0021): its id in Open Referral UK
    /// data, which never changes. Nil only for an asset made in memory without one.
    public var openReferralID: String?

    public var name: String { details.name }

    enum CodingKeys: String, CodingKey {
        case id, version, createdAt = "created_at", updatedAt = "updated_at", openReferralID = "open_referral_id"
    }

    /// The asset's own columns, and its details from the same row.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        details = try AssetDetails(from: decoder)
        version = try columns.decode(Int.self, forKey: .version)
        createdAt = try columns.decode(Date.self, forKey: .createdAt)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
        openReferralID = try columns.decodeIfPresent(String.self, forKey: .openReferralID)
    }

    /// An asset made in memory, for rules that take plain values (and their tests).
    public init(
        id: Int64, details: AssetDetails, version: Int = 1, createdAt: Date = Date(timeIntervalSince1970: 0),
        openReferralID: String? = nil
    ) {
        self.id = id
        self.details = details
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.openReferralID = openReferralID
    }
}

/// A locality or primary care network the map is analysed by; retired ones stay for history.
public struct Locality: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var name: String
    public var kind: LocalityKind
    public var retiredAt: Date?

    public var isRetired: Bool { retiredAt != nil }

    enum CodingKeys: String, CodingKey {
        case id, name, kind, retiredAt = "retired_at"
    }

    public init(id: Int64, name: String, kind: LocalityKind = .locality, retiredAt: Date? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.retiredAt = retiredAt
    }

    /// "Northfield (primary care network)" or just "Northfield".
    var labelWithKind: String { kind == .pcn ? "\(name) (primary care network)" : name }
}

/// A need of the co-produced model that assets help with; the group keeps the list.
public struct Need: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var name: String
    public var description: String
    public var retiredAt: Date?

    public var isRetired: Bool { retiredAt != nil }

    enum CodingKeys: String, CodingKey {
        case id, name, description, retiredAt = "retired_at"
    }

    public init(id: Int64, name: String, description: String = "", retiredAt: Date? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.retiredAt = retiredAt
    }
}
