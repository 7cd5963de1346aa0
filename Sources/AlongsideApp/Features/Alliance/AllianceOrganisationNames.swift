import Foundation
import GRDB

/// An alliance record that shows the names of the organisations it names: read without them, then named from the
/// register (`OrganisationStore.names`), so the alliance joins no organisations table (issue 16).
protocol NamesOrganisations {
    /// The organisations the record names.
    var organisationIDs: [Int64] { get }
    /// Fills in the names from the register's answer.
    mutating func name(from names: [Int64: (name: String, place: Int)])
}

extension Array where Element: NamesOrganisations {
    /// The records with their organisations' names, and each organisation's place in name order (for sorting by name).
    func namingOrganisations(in db: Database) throws -> (records: [Element], places: [Int64: Int]) {
        let names = try OrganisationStore.names(ids: flatMap(\.organisationIDs), in: db)
        let records = map { record in
            var named = record
            named.name(from: names)
            return named
        }
        return (records, names.mapValues(\.place))
    }

    /// The records with their organisations' names.
    func namedOrganisations(in db: Database) throws -> [Element] {
        try namingOrganisations(in: db).records
    }
}

extension AllianceMember: NamesOrganisations {
    var organisationIDs: [Int64] { [organisationID] }
    mutating func name(from names: [Int64: (name: String, place: Int)]) {
        organisationName = names[organisationID]?.name ?? ""
    }
}

extension AccountableBody: NamesOrganisations {
    var organisationIDs: [Int64] { [organisationID] }
    mutating func name(from names: [Int64: (name: String, place: Int)]) {
        organisationName = names[organisationID]?.name ?? ""
    }
}

extension Allocation: NamesOrganisations {
    var organisationIDs: [Int64] { [organisationID] }
    mutating func name(from names: [Int64: (name: String, place: Int)]) {
        organisationName = names[organisationID]?.name ?? ""
    }
}

extension FundingReceived: NamesOrganisations {
    var organisationIDs: [Int64] { [fromOrganisationID] + [viaOrganisationID, toOrganisationID].compactMap { $0 } }
    mutating func name(from names: [Int64: (name: String, place: Int)]) {
        fromName = names[fromOrganisationID]?.name ?? ""
        viaName = viaOrganisationID.flatMap { names[$0]?.name }
        toName = toOrganisationID.flatMap { names[$0]?.name }
    }
}
