import XCTest
@testable import AlongsideApp

final class TextComparisonTests: XCTestCase {
    func testMarksRemovedAndAddedLinesInReadingOrder() {
        let lines = TextComparison.lines(from: "one\ntwo\nthree", to: "one\n2\nthree\nfour")
        XCTAssertEqual(lines, [.same("one"), .removed("two"), .added("2"), .same("three"), .added("four")])
    }

    func testIdenticalTextsHaveNoChanges() {
        XCTAssertEqual(TextComparison.lines(from: "a\nb", to: "a\nb"), [.same("a"), .same("b")])
    }

    func testEverythingReplaced() {
        XCTAssertEqual(TextComparison.lines(from: "old", to: "new"), [.removed("old"), .added("new")])
    }

    func testTermsSectionsDescribeQuorumAndDeputies() {
        var content = TermsContent.starter
        content.quorumKind = .count
        content.quorumValue = 6
        content.deputiesAllowed = false
        let sections = Dictionary(uniqueKeysWithValues: content.sections.map { ($0.title, $0.text) })
        XCTAssertEqual(sections["Quorum"], "6 members, including at least one expert by experience or carer")
        XCTAssertTrue(sections["Attendance and deputies"]?.hasSuffix("Members may not send a deputy.") == true)
        XCTAssertEqual(sections["Review date"], "Not set")
    }
}
