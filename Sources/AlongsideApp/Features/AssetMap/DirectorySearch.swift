import Foundation
import GRDB

extension AssetStore {
    /// The assets the public directory may show that could match `search`, by name: the cheap filters and the words
    /// are asked of SQLite (the words of the trigram index `asset_search`, migration 0019), so a search reads the
    /// assets it may find rather than every asset. The answer may hold a few more than match (the index narrows, it
    /// does not decide): the directory page keeps only those `AssetSearch.matches` (issue 16: same results, in the
    /// same order, as checking every asset).
    func directoryCandidates(_ search: AssetSearch, needNames: [Int64: String]) async throws -> [Asset] {
        let query = DirectorySearchSQL(search, needNames: needNames)
        return try await pool.read { db in try Self.assets(where: query.clause, arguments: query.arguments, in: db) }
    }
}

/// The `WHERE` clause for `AssetStore.directoryCandidates`: every condition is implied by the directory's own rules
/// (`DirectoryRules`, `AssetSearch.matches`), so it never leaves out an asset they would show.
struct DirectorySearchSQL {
    private(set) var conditions = ["listed_publicly = 1", "status <> 'closed'"]
    private(set) var arguments = StatementArguments()

    var clause: String { "WHERE " + conditions.joined(separator: " AND ") }

    /// A character other than printable ASCII, a tab or a line break. The index matches case in ASCII only and
    /// does not fold accents (SQLite 3.40), so an asset whose words hold such a character is always a candidate.
    static let beyondASCII = "*[^\t\n\r -~]*"

    init(_ search: AssetSearch, needNames: [Int64: String]) {
        if search.noReferralNeeded { conditions.append("referral_needed = 0") }
        if let localityID = search.localityID {
            // An asset serving the whole area is found in every locality.
            add("(locality_id IS NULL OR locality_id = ?)", localityID)
        }
        if let needID = search.needID { add("id IN (SELECT asset_id FROM asset_needs WHERE need_id = ?)", needID) }
        if let category = search.category { add("category = ?", category.rawValue) }
        if let status = search.status { add("status = ?", status.rawValue) }
        for word in search.searchWords {
            guard let condition = Self.condition(for: word, needNames: needNames) else { continue }
            conditions.append(condition.sql)
            arguments += condition.arguments
        }
    }

    private mutating func add(_ condition: String, _ value: some DatabaseValueConvertible) {
        conditions.append(condition)
        arguments += [value]
    }

    /// Where `word` may appear: the asset's own words (through the index), its category's name or a need it helps
    /// with (decided here, with the word rule itself, as there are few of them). `nil` when the index cannot answer
    /// for the word (fewer than three letters, or letters beyond ASCII once case and accents are folded), so only
    /// the page's own check decides.
    static func condition(for word: Substring, needNames: [Int64: String]) -> (
        sql: String, arguments: StatementArguments
    )? {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.count >= 3, folded.allSatisfy(\.isASCII) else { return nil }
        var places = [
            "id IN (SELECT rowid FROM asset_search WHERE asset_search MATCH ?)",
            "(name || description || languages) GLOB ?",
        ]
        // A phrase in double quotes: the index reads the word as it is, never as its query syntax.
        var arguments: StatementArguments = [
            "\"" + folded.replacingOccurrences(of: "\"", with: "\"\"") + "\"", beyondASCII,
        ]
        let categories = AssetCategory.allCases.filter { AssetSearch.word(word, appearsIn: $0.label) }
        if !categories.isEmpty {
            places.append("category IN (\(databaseQuestionMarks(count: categories.count)))")
            arguments += StatementArguments(categories.map(\.rawValue))
        }
        let needs = needNames.filter { AssetSearch.word(word, appearsIn: $0.value) }.map(\.key).sorted()
        if !needs.isEmpty {
            places.append(
                "id IN (SELECT asset_id FROM asset_needs WHERE need_id IN (\(databaseQuestionMarks(count: needs.count))))"
            )
            arguments += StatementArguments(needs)
        }
        return ("(" + places.joined(separator: " OR ") + ")", arguments)
    }
}
