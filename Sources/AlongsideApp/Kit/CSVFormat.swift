import Foundation

/// CSV as RFC 4180 describes it, written by hand: no package in the stack writes CSV, and it is a few lines.
enum CSVFormat {
    /// One cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell a spreadsheet would run
    /// as a formula (starting = + - @, tab or carriage return) gets a leading single quote, so it is shown as text
    /// (OWASP "CSV injection").
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Header and rows, each line ending CRLF.
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
    }
}
