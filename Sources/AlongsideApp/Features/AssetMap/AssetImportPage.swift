import Foundation

/// Importing assets from a spreadsheet: a file or pasted text, checked in full before anything changes.
struct AssetImportPage: PageModel {
    static let template = "asset-map/assets/import"
    static let hasForm = true
    let title = "Import assets from a spreadsheet"
    let action: String
    let mapHref: String
    let csvHref: String
    let columns: [Column]
    let file: Field
    let csv: Field
    let problems: [ProblemRow]
    let hasProblems: Bool
    let problemCount: String
    let errors: FormErrors

    struct Column: Encodable, Sendable {
        let name: String
        let help: String
    }

    struct ProblemRow: Encodable, Sendable {
        let row: String
        let column: String
        let message: String
    }

    init(pasted: String = "", problems: [AssetImport.Problem] = []) {
        action = Href.assetImport()
        mapHref = Href.assets()
        csvHref = Href.assetsCSV()
        columns = AssetCSV.columnHelp.map { Column(name: $0.column, help: $0.help) }
        typealias F = AssetForms.ImportField
        var errors = FormErrors()
        if !problems.isEmpty {
            // One summary line that leads to the full list; the table below names every row and column.
            errors.add(
                F.file,
                problems.count == 1
                    ? "The file has a problem: nothing was imported. It is listed below"
                    : "The file has \(problems.count) problems: nothing was imported. They are listed below")
        }
        file = Field(
            F.file, label: "CSV file", value: "", type: "file",
            hint: "A spreadsheet saved as CSV (comma separated values), in UTF-8.", errors: errors)
        csv = Field(
            F.csv, label: "Or paste the CSV text", value: pasted, type: "textarea",
            hint: "Used only when no file is chosen. The first line is the header.")
        self.problems = problems.map {
            ProblemRow(row: $0.row.map { "Row \($0)" } ?? "The file", column: $0.column, message: $0.message)
        }
        hasProblems = !problems.isEmpty
        problemCount = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        self.errors = errors
    }
}
