import Foundation
import SwiftCSV

/// Importing assets from a spreadsheet (CSV) with the export's columns. Every row is checked first; any problem
/// means nothing changes, and each problem names its row (as a spreadsheet numbers them: the header is row 1, the
/// first asset row 2) and its column. A row whose `id` is an asset on the map updates it; a row with no `id` adds one.
enum AssetImport {
    struct Problem: Error, Equatable, Sendable {
        /// Nil when the problem is with the whole file.
        let row: Int?
        let column: String
        let message: String
    }

    /// Every problem found, in the file's order.
    struct Problems: Error, Equatable {
        let list: [Problem]
    }

    /// One checked row, ready to save.
    struct Draft: Equatable, Sendable {
        let row: Int
        let existingID: Int64?
        let details: AssetDetails
    }

    /// What the workspace holds that a file may name.
    struct Known: Sendable {
        /// Assets on the map, by id, so an update may keep a retired locality or need it already had.
        var assets: [Int64: AssetDetails]
        var localities: [Locality]
        var needs: [Need]
        var organisations: [OrganisationChoice]
        /// London day: a check cannot be in the future.
        var today: String
    }

    static let maxName = 200
    static let maxText = 2000

    static func check(_ text: String, known: Known) -> Result<[Draft], Problems> {
        let table: [[String]]
        switch parse(text) {
        case .success(let parsed): table = parsed
        case .failure(let problem): return .failure(Problems(list: [problem]))
        }
        let header = table[0].map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        var problems = headerProblems(header)
        guard problems.isEmpty else { return .failure(Problems(list: problems)) }
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        var drafts: [Draft] = []
        var seenIDs: [Int64: Int] = [:]
        for (index, cells) in table.dropFirst().enumerated() {
            let rowNumber = index + 2
            // A blank line is a row a spreadsheet shows empty: skipped, but still counted so numbers match.
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            if cells.count > header.count,
                cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                problems.append(
                    Problem(
                        row: rowNumber, column: "",
                        message: "has more cells than the header has columns (\(header.count))"))
                continue
            }
            var reader = RowReader(cells: cells, column: column, row: rowNumber, known: known)
            if let draft = reader.draft() {
                if let id = draft.existingID {
                    if let earlier = seenIDs[id] {
                        problems.append(
                            Problem(
                                row: rowNumber, column: "id",
                                message: "\(id) is already updated by row \(earlier): each asset once"))
                        continue
                    }
                    seenIDs[id] = rowNumber
                }
                drafts.append(draft)
            }
            problems += reader.problems
        }
        if problems.isEmpty, drafts.isEmpty {
            problems.append(
                Problem(
                    row: nil, column: "",
                    message: "The file has a header but no assets: add a row for each asset under the header"))
        }
        return problems.isEmpty ? .success(drafts) : .failure(Problems(list: problems))
    }

    /// The file as rows of cells, the header first.
    static func parse(_ text: String) -> Result<[[String]], Problem> {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(
                Problem(row: nil, column: "", message: "The file is empty: choose a CSV file or paste its text"))
        }
        // Valid CSV always has an even number of quote marks (each quoted cell opens and closes, inner ones are
        // doubled); the parser would otherwise read an unclosed quote to the end of the file without complaint.
        let unreadable = Problem(
            row: nil, column: "",
            message:
                "The file could not be read as CSV: a quote mark is not closed or is out of place. Save it from a spreadsheet as CSV and try again"
        )
        guard body.filter({ $0 == "\"" }).count % 2 == 0 else { return .failure(unreadable) }
        do {
            let csv = try EnumeratedCSV(string: body, delimiter: .comma, loadColumns: false)
            guard !csv.header.isEmpty else { return .failure(unreadable) }
            return .success([csv.header] + csv.rows)
        } catch {
            return .failure(unreadable)
        }
    }

    static func headerProblems(_ header: [String]) -> [Problem] {
        var problems: [Problem] = []
        var seen: Set<String> = []
        for name in header {
            if name.isEmpty {
                problems.append(Problem(row: 1, column: "", message: "A column has no name in the header"))
            } else if !AssetCSV.header.contains(name) {
                problems.append(
                    Problem(
                        row: 1, column: name,
                        message:
                            "is not a column the import knows. The columns are: \(AssetCSV.header.joined(separator: ", "))"
                    ))
            } else if !seen.insert(name).inserted {
                problems.append(Problem(row: 1, column: name, message: "appears twice in the header"))
            }
        }
        for name in AssetCSV.header where !seen.contains(name) {
            problems.append(
                Problem(
                    row: 1, column: name,
                    message: "is missing from the header: every column of the export is needed, even if empty"))
        }
        return problems
    }
}
