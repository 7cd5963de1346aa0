import Foundation
import XCTest
@testable import AlongsideApp

/// Issue 16: links are typed. Each route's builder takes as many values as its path has placeholders, values are
/// percent-encoded as before, queries are encoded the way forms are read, and no template writes a site path itself.
final class LinkTests: XCTestCase {
    func testEveryRoutesBuilderTakesAsManyValuesAsItsPatternHasPlaceholders() {
        for route in Route.allCases {
            // setup
            let placeholders = route.rawValue.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }
                .count
            // act
            let builder = route.typedPath
            // check
            XCTAssertEqual(builder.route, route, "Href.\(route) builds links to another route")
            XCTAssertEqual(
                type(of: builder).arity, placeholders,
                "Href.\(route) takes the wrong number of values for \(route.rawValue)")
        }
    }

    func testLinksFillPlaceholdersInOrderAndPercentEncodeEachValueAsOneSegment() {
        XCTAssertEqual(Href.home(), "/")
        XCTAssertEqual(Href.groups(), "/groups")
        XCTAssertEqual(Href.group(7), "/groups/7")
        XCTAssertEqual(Href.meeting(7, 12), "/groups/7/meetings/12")
        XCTAssertEqual(Href.termsVersion(3, 2), "/groups/3/terms/2")
        XCTAssertEqual(Href.setPassword("a b/c?d#e%"), "/set-password/a%20b%2Fc%3Fd%23e%25")
        XCTAssertEqual(Href.groupCalendar("tok-en_~.", 4), "/calendar/tok-en_~./groups/4")
        XCTAssertEqual(Href.removeClaimDuty(5, "approve"), "/involvement/duties/5/approve/remove")
    }

    func testAQueryIsEncodedAsAFormIsReadAndAnEmptyOneAddsNothing() {
        XCTAssertEqual(Href.actions(query: ["person": Int64(7)]), "/actions?person=7")
        XCTAssertEqual(Href.compareTerms(3, query: ["from": 1, "to": 2]), "/groups/3/terms/compare?from=1&to=2")
        XCTAssertEqual(
            Href.decisionSearch(query: Query([("q", "peer support/&=é~"), ("page", "2")])),
            "/decisions?q=peer%20support%2F%26%3D%C3%A9~&page=2")
        XCTAssertEqual(Href.decisionsCSV(query: Query()), "/decisions.csv")
        XCTAssertEqual(
            Href.roadmapAnalysis(query: ["all": "yes"], fragment: "work-order"), "/roadmap/analysis?all=yes#work-order")
        XCTAssertEqual(Query([("a", "1")]).appending("page", 3).encoded, "a=1&page=3")
    }

    func testAReturnPathKeepsItsSlashes() {
        XCTAssertEqual(
            Href.sessionExpiring(query: ["next": ReturnPath("/groups/7/meetings?x=1 2~")]),
            "/session/expiring?next=/groups/7/meetings%3Fx%3D1%202%7E")
        XCTAssertEqual(
            SignInReturn.signInHref(returningTo: "/groups/7", expired: true), "/sign-in?next=/groups/7&expired=1")
        XCTAssertEqual(SignInReturn.signInHref(returningTo: "/", expired: false), "/sign-in")
    }

    /// A template links only through values its page model built from `Href`. Allowed as written: a `#fragment`,
    /// an external address (a web address, an email address, a phone number to call or text), and a path to a static file that exists in `Public/` (the stylesheet, icon and script the
    /// layout loads are served as files, not routes).
    func testNoTemplateWritesASitePathItself() throws {
        // setup
        let views = repositoryRoot + "/Views"
        let files =
            FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".mustache")
            } ?? []
        XCTAssertGreaterThan(files.count, 50)
        let attribute = try NSRegularExpression(
            pattern: #"\b(href|action|formaction|src)\s*=\s*["']([^"']*)["']"#, options: [.caseInsensitive])
        var found: [String] = []
        // act
        for file in files {
            let text = try String(contentsOfFile: views + "/" + file, encoding: .utf8)
            for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 2), in: text) else { continue }
                let value = String(text[range])
                if !Self.isAllowed(value) { found.append("\(file): \(value)") }
            }
        }
        // check
        XCTAssertEqual(found, [], "a template writes a site path itself: give its page model a value built from Href")
    }

    static func isAllowed(_ value: String) -> Bool {
        if value.hasPrefix("{{") || value.hasPrefix("#") || value.hasPrefix("https://") || value.hasPrefix("mailto:")
            || value.hasPrefix("tel:") || value.hasPrefix("sms:")
        {
            return true
        }
        guard value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("{{"), !value.contains("?") else {
            return false
        }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: repositoryRoot + "/Public" + value, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    func testTheAllowListAcceptsOnlyFilesInPublic() {
        XCTAssertTrue(Self.isAllowed("/css/site.css"))
        XCTAssertTrue(Self.isAllowed("{{roadmapLinks.roadmap}}"))
        XCTAssertFalse(Self.isAllowed("/roadmap"))
        XCTAssertFalse(Self.isAllowed("/css"))
        XCTAssertFalse(Self.isAllowed("//example.org/x.css"))
        XCTAssertFalse(Self.isAllowed("roadmap/new"))
        XCTAssertFalse(Self.isAllowed("http://example.org"))
    }
}
