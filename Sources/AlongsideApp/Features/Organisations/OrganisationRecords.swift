import Foundation
import GRDB

/// An organisation in the register, of any sector, with the communities it reaches (kept in
/// `organisation_communities` and attached after the row is decoded: see `OrganisationStore.fetch`).
public struct Organisation: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var details: OrganisationDetails
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// The random UUID the database gave the organisation when it was registered (migration 0021): its id in Open
    /// Referral UK data, which never changes.
    public var openReferralID: String?

    public var name: String { details.name }
    public var sector: OrganisationSector { details.sector }
    /// Nil for organisations outside the VCSE sector.
    public var size: VCSESize? { details.size }

    enum CodingKeys: String, CodingKey {
        case id, version, createdAt = "created_at", updatedAt = "updated_at", openReferralID = "open_referral_id"
    }
}

/// Everything a person writes about an organisation on the register's form. Decodes from an `organisations` row
/// (`vcse_kinds` is stored as a JSON array of raw values); the communities are attached after.
public struct OrganisationDetails: Sendable, Equatable, Decodable {
    public var name: String
    public var sector: OrganisationSector
    public var size: VCSESize?
    public var kinds: [VCSEKind]
    public var charityNumber: String
    public var companyNumber: String
    public var areaServed: String
    public var communityIDs: [Int64] = []
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String
    public var website: String
    public var status: OrganisationStatus

    enum CodingKeys: String, CodingKey {
        case name, sector, size = "vcse_size", kinds = "vcse_kinds", charityNumber = "charity_number"
        case companyNumber = "company_number", areaServed = "area_served", contactName = "contact_name"
        case contactEmail = "contact_email", contactPhone = "contact_phone", website, status
    }

    public init(
        name: String, sector: OrganisationSector, size: VCSESize? = nil, kinds: [VCSEKind] = [],
        charityNumber: String = "",
        companyNumber: String = "", areaServed: String = "", communityIDs: [Int64] = [], contactName: String = "",
        contactEmail: String = "", contactPhone: String = "", website: String = "", status: OrganisationStatus = .active
    ) {
        self.name = name
        self.sector = sector
        self.size = sector == .vcse ? size : nil
        self.kinds = sector == .vcse ? kinds : []
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.areaServed = areaServed
        self.communityIDs = communityIDs
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.website = website
        self.status = status
    }

    var kindsJSON: String {
        String(decoding: (try? JSONEncoder().encode(kinds.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
    }
}

extension Organisation {
    /// The organisation's own columns, and its details from the same row: VCSE kinds in the list's order, and none
    /// outside the VCSE sector, as `OrganisationDetails.init` keeps them.
    public init(from decoder: any Decoder) throws {
        let columns = try decoder.container(keyedBy: CodingKeys.self)
        id = try columns.decode(Int64.self, forKey: .id)
        details = try OrganisationDetails(from: decoder)
        details.kinds = details.sector == .vcse ? VCSEKind.allCases.filter(details.kinds.contains) : []
        version = try columns.decode(Int.self, forKey: .version)
        createdAt = try columns.decode(Date.self, forKey: .createdAt)
        updatedAt = try columns.decode(Date.self, forKey: .updatedAt)
        openReferralID = try columns.decodeIfPresent(String.self, forKey: .openReferralID)
    }
}

/// A community in the workspace's list; under-served ones are the ones reach is measured against.
public struct Community: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var name: String
    public var underServed: Bool
    public var description: String
    public var retiredAt: Date?

    public var isRetired: Bool { retiredAt != nil }

    enum CodingKeys: String, CodingKey {
        case id, name, underServed = "under_served", description, retiredAt = "retired_at"
    }

    public init(id: Int64, name: String, underServed: Bool, description: String = "", retiredAt: Date? = nil) {
        self.id = id
        self.name = name
        self.underServed = underServed
        self.description = description
        self.retiredAt = retiredAt
    }
}
