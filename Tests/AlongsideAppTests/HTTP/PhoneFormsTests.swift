import Foundation
import XCTest
@testable import AlongsideApp

/// Long forms on a phone (issue 18): the fields of one choice sit in a `.conditional` box that the stylesheet shows
/// once that choice is checked; a form shown again keeps the choice, so its branch shows, with its error; the fields of
/// a branch not chosen are neither required nor lost.
final class PhoneFormsTests: XCTestCase {
    /// The text of the `.conditional` box with this id, up to its closing tag at the same depth.
    static func box(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<div class=\"conditional\" id=\"\(id)\">") else { return nil }
        var depth = 0
        var index = start.lowerBound
        while index < html.endIndex {
            if html[index...].hasPrefix("<div") { depth += 1 }
            if html[index...].hasPrefix("</div>") {
                depth -= 1
                if depth == 0 { return String(html[start.lowerBound..<html.index(index, offsetBy: 6)]) }
            }
            index = html.index(after: index)
        }
        return nil
    }

    func testAClaimShowsTheLowerAmountAndCharityOnlyForTheirChoices() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            // act
            let form = try await casey.get(Href.newClaim())
            // check
            XCTAssertTrue(Self.box("conditional-lower", in: form.html)?.contains("name=\"lower_amount\"") ?? false)
            XCTAssertTrue(Self.box("conditional-charity", in: form.html)?.contains("name=\"charity\"") ?? false)
            // act: a lower amount chosen but not given
            let refused = try await casey.post(
                Href.newClaim(), ClaimFixtures.fields(choice: "lower", [("charity", "Kept Charity Name")]))
            // check: the choice is kept (so its box shows), the error is in it, and the other branch's text is kept
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.html.contains(#"value="lower" checked"#))
            XCTAssertTrue(Self.box("conditional-lower", in: refused.html)?.contains("Enter the lower amount") ?? false)
            XCTAssertTrue(refused.html.contains("href=\"#field-lower_amount\""), "the error summary reaches it")
            XCTAssertEqual(refused.inputValue("charity"), "Kept Charity Name")
            // act: paid in full, with text left in both hidden branches
            let saved = try await casey.post(
                Href.newClaim(),
                ClaimFixtures.fields(choice: "full", [("lower_amount", "not a number"), ("charity", "Anything")]))
            // check: neither is required nor read
            XCTAssertEqual(saved.status, .seeOther, "\(saved.errorSummary)")
        }
    }

    func testAnOrganisationShowsTheVCSEQuestionsOnlyForVCSE() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            // act
            let form = try await lead.get("/organisations/new")
            // check
            let box = try XCTUnwrap(Self.box("conditional-vcse", in: form.html))
            XCTAssertTrue(box.contains("name=\"vcse_size\""))
            XCTAssertTrue(box.contains("name=\"vcse_kinds\""))
            // act: VCSE with no size
            let refused = try await lead.post(
                "/organisations/new", OrganisationsTests.fields(["vcse_size": "", "charity_number": ""]))
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.html.contains(#"value="vcse" checked"#))
            XCTAssertTrue(Self.box("conditional-vcse", in: refused.html)?.contains("error-message") ?? false)
            // act: a local authority, with a size left chosen in the hidden box
            let saved = try await lead.post(
                "/organisations/new",
                OrganisationsTests.fields(["sector": "local_authority", "vcse_size": "small", "charity_number": ""]))
            // check: saved, and the size set aside
            XCTAssertEqual(saved.status, .seeOther)
            let size = try await app.services.pool.read { db in
                try String?.fetchOne(db, sql: "SELECT vcse_size FROM organisations ORDER BY id DESC LIMIT 1")
            }
            XCTAssertEqual(size ?? nil, nil)
        }
    }

    func testTheStylesheetRevealsEachBoxForItsChoice() throws {
        let css = try String(contentsOfFile: repositoryRoot + "/Public/css/site.css", encoding: .utf8)
        for rule in [
            #"form:has(input[name="choice"][value="lower"]:checked) #conditional-lower"#,
            #"form:has(input[name="choice"][value="charity"]:checked) #conditional-charity"#,
            #"form:has(input[name="sector"][value="vcse"]:checked) #conditional-vcse"#,
            ".conditional:has(.error-message)",
        ] {
            XCTAssertTrue(css.contains(rule), rule)
        }
    }
}
