import Foundation
import GRDB

/// An organisation in the register, of any sector, with the communities it reaches.
public struct Organisation: Sendable, Equatable {
    public var id: Int64
    public var details: OrganisationDetails
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var name: String { details.name }
    public var sector: OrganisationSector { details.sector }
    /// Nil for organisations outside the VCSE sector.
    public var size: VCSESize? { details.size }

    /// `communityIDs` come from `organisation_communities`; the row holds everything else.
    init(row: Row, communityIDs: [Int64]) {
        id = row["id"]
        details = OrganisationDetails(
            name: row["name"], sector: OrganisationSector(rawValue: row["sector"]) ?? .other,
            size: (row["vcse_size"] as String?).flatMap(VCSESize.init(rawValue:)),
            kinds: Self.kinds(fromJSON: row["vcse_kinds"]),
            charityNumber: row["charity_number"], companyNumber: row["company_number"], areaServed: row["area_served"],
            communityIDs: communityIDs, contactName: row["contact_name"], contactEmail: row["contact_email"],
            contactPhone: row["contact_phone"], website: row["website"],
            status: OrganisationStatus(rawValue: row["status"]) ?? .active
        )
        version = row["version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }

    static func kinds(fromJSON json: String) -> [VCSEKind] {
        let raw = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
        return VCSEKind.allCases.filter { raw.contains($0.rawValue) }
    }
}

/// Everything a person writes about an organisation on the register's form.
public struct OrganisationDetails: Sendable, Equatable {
    public var name: String
    public var sector: OrganisationSector
    public var size: VCSESize?
    public var kinds: [VCSEKind]
    public var charityNumber: String
    public var companyNumber: String
    public var areaServed: String
    public var communityIDs: [Int64]
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String
    public var website: String
    public var status: OrganisationStatus

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
