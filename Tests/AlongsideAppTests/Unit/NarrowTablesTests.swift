import Foundation
import XCTest
@testable import AlongsideApp

/// Issue 18, "Pages that fit a phone": tables that hid columns at 360 px with nothing to say so. Every table in the
/// templates either stacks at narrow widths (`table-stack`, each body cell labelled with its column's heading in
/// `data-label`, drawn by the stylesheet) or scrolls inside a box that says so: `role="region"`, `tabindex="0"` and
/// a name (its own or the elements it is labelled by) with the word "scroll" in it.
final class NarrowTablesTests: XCTestCase {
    func testEveryTableStacksOrScrollsInABoxThatSaysSo() throws {
        // setup
        let views = repositoryRoot + "/Views"
        let files =
            FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".mustache")
            } ?? []
        let table = try NSRegularExpression(
            pattern: #"<table\b[^>]*>.*?</table>"#, options: [.dotMatchesLineSeparators])
        let body = try NSRegularExpression(pattern: #"<tbody>(.*?)</tbody>"#, options: [.dotMatchesLineSeparators])
        let cell = try NSRegularExpression(pattern: #"<t[dh]\b([^>]*)>"#)
        var tables = 0
        var problems: [String] = []
        // act
        for file in files {
            let text = try String(contentsOfFile: views + "/" + file, encoding: .utf8)
            let whole = NSRange(text.startIndex..., in: text)
            for match in table.matches(in: text, range: whole) {
                tables += 1
                let html = String(text[Range(match.range, in: text)!])
                if html.hasPrefix("<table class=\"table table-stack") {
                    guard let rows = body.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) else {
                        problems.append("\(file): a stacked table without a <tbody>")
                        continue
                    }
                    let cells = String(html[Range(rows.range(at: 1), in: html)!])
                    for attributes in cell.matches(in: cells, range: NSRange(cells.startIndex..., in: cells)) {
                        let text = String(cells[Range(attributes.range(at: 1), in: cells)!])
                        if !text.contains("data-label=\"") {
                            problems.append("\(file): a cell without data-label: \(text)")
                        }
                    }
                } else {
                    // The box around it: the last <div ...> before the table.
                    let before = text[..<Range(match.range, in: text)!.lowerBound]
                    let opening =
                        before.range(of: "<div ", options: .backwards).map { String(before[$0.lowerBound...]) } ?? ""
                    let says =
                        opening.contains("role=\"region\"") && opening.contains("tabindex=\"0\"")
                        && Self.nameSaysItScrolls(opening, in: text)
                    if !says { problems.append("\(file): a table that neither stacks nor says it scrolls") }
                }
            }
        }
        // check
        XCTAssertGreaterThan(tables, 60)
        XCTAssertEqual(problems, [])
    }

    /// True when the box's `aria-label`, or the text of an element its `aria-labelledby` names, says "scroll".
    static func nameSaysItScrolls(_ opening: String, in text: String) -> Bool {
        let tag = opening.prefix { $0 != ">" }
        if tag.contains("aria-label=\"") && tag.lowercased().contains("scroll") { return true }
        guard let start = tag.range(of: "aria-labelledby=\"") else { return false }
        let ids = tag[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        return ids.contains { id in
            guard let element = text.range(of: "id=\"\(id)\"") else { return false }
            let rest = text[element.upperBound...]
            let content = rest.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            return content.lowercased().contains("scroll")
        }
    }
}
