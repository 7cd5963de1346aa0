import Foundation
import XCTest

@testable import AlongsideApp

/// Issue 16: a form field's name is written once, as a case of its form's `FormFieldName` enum, and parsers, page
/// models and controllers use the case. This scan keeps it so: no source file outside `Web/Forms/` reads a form, adds
/// an error or draws a field by a name spelt as a string.
final class FormFieldNameTests: XCTestCase {
    static let spelledOut = try! NSRegularExpression(
        pattern:
            #"(form|Form|queryForm)\["|\.(trimmed|all|id|ids|number|searchWords|replacing)\("[a-z_0-9]+"|errors\.add\("|\b(Field|SelectField|ChoiceField|GroupedChoices)\(""#
    )

    func testNoFormFieldNameIsSpeltAsAStringOutsideTheFormsKit() throws {
        let sources = repositoryRoot + "/Sources/AlongsideApp"
        let files = (FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Web/Forms/") }
        XCTAssertGreaterThan(files.count, 200)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                let range = NSRange(line.startIndex..., in: line)
                if Self.spelledOut.firstMatch(in: line, range: range) != nil { found.append("\(file):\(number + 1)") }
            }
        }
        XCTAssertEqual(found, [], "use the form's FormFieldName enum")
    }

    func testTheScanFindsANameSpeltAsAString() {
        for line in [
            #"let amount = form["amount"]"#, #"errors.add("amount", "Enter an amount")"#,
            #"Field("amount", label: "Amount", value: "")"#, #"let ids = form.ids("groups")"#,
        ] {
            XCTAssertNotNil(
                Self.spelledOut.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
        }
        let typed = #"let amount = form[F.amount]"#
        XCTAssertNil(Self.spelledOut.firstMatch(in: typed, range: NSRange(typed.startIndex..., in: typed)))
    }
}
