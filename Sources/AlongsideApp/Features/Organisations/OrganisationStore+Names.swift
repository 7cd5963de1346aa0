import Foundation
import GRDB

/// What other features read of the register for records that name organisations, inside their own transactions,
/// instead of joining the organisations table (issue 16: a feature reads another's tables only through the owner's store).
extension OrganisationStore {
    /// The organisations' names, by id, each with its place when the register is listed by name (`name COLLATE
    /// NOCASE`; organisations whose names differ only in case share a place). Ids not on the register are left out.
    static func names(ids: some Sequence<Int64>, in db: Database) throws -> [Int64: (name: String, place: Int)] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try KeyedRecord<PlacedName>.keyed(
            db,
            sql: """
                SELECT id AS key, name, DENSE_RANK() OVER (ORDER BY name COLLATE NOCASE) AS place FROM organisations
                 WHERE id IN (\(databaseQuestionMarks(count: unique.count)))
                """, arguments: StatementArguments(unique)
        )
        .mapValues { (name: $0.name, place: $0.place) }
    }
}

/// An organisation's name and its place in the register's order by name.
private struct PlacedName: Sendable, Decodable {
    var name: String
    var place: Int
}
