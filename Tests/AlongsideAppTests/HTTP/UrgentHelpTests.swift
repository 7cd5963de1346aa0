import Foundation
import XCTest

@testable import AlongsideApp

/// Issue 18: every public page shows how to get urgent help now, in a landmark screen readers can jump to; the
/// directory puts it first for a search about a crisis; an administrator adds the partnership's own crisis line.
final class UrgentHelpTests: XCTestCase {
    static let landmark = #"<aside class="urgent-help" id="urgent-help" aria-labelledby="urgent-help-title">"#

    func testEveryPublicPageShowsUrgentHelpAndPrivatePagesDoNot() async throws {
        try await withApp { app in
            let visitor = app.browser()
            for path in ["/directory", "/sign-in", "/opportunities", "/accessibility"] {
                let page = try await visitor.get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertTrue(page.contains(Self.landmark), "\(path) has the urgent help landmark")
                XCTAssertTrue(page.contains(#"Samaritans on <a href="tel:116123">116 123</a>"#), path)
                XCTAssertTrue(page.contains(#"text SHOUT to <a href="sms:85258">85258</a>"#), path)
                XCTAssertTrue(page.contains("choose the mental health option"), path)
                XCTAssertTrue(page.contains(#"call <a href="tel:999">999</a> or go to A&amp;E"#), path)
            }
            let (member, _) = try await app.signedIn(as: .member)
            let publicWhileSignedIn = try await member.get("/directory")
            XCTAssertTrue(publicWhileSignedIn.contains(Self.landmark), "a public page is public for everyone")
            let groups = try await member.get("/groups")
            XCTAssertEqual(groups.status, .ok)
            XCTAssertFalse(groups.contains(Self.landmark), "not on the workspace's own pages")
        }
    }

    func testAnAdministratorSetsTheLocalCrisisLineAndOthersMayNot() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let visitor = app.browser()
            // refusals
            let notTheirs = try await manager.get("/admin/urgent-help")
            XCTAssertEqual(notTheirs.status, .forbidden)
            let notTheirsToSet = try await manager.post(
                "/admin/urgent-help", [("name", "X"), ("phone", "0800 000 0000")])
            XCTAssertEqual(notTheirsToSet.status, .forbidden)
            let form = try await admin.get("/admin/urgent-help")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Urgent help on public pages")
            let noToken = try await admin.post(
                "/admin/urgent-help", [("name", "Example crisis line"), ("phone", "0800 000 0000")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // bad input: kept, with clear messages
            let bad = try await admin.post(
                "/admin/urgent-help", [("name", ""), ("phone", "call us!"), ("hours", "Nights")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.contains("Enter who answers the line"))
            XCTAssertTrue(bad.contains("Enter the phone number using digits and spaces only"))
            XCTAssertTrue(bad.contains(#"value="call us!""#))
            XCTAssertTrue(bad.contains(#"value="Nights""#))
            let unchanged = try await visitor.get("/directory")
            XCTAssertFalse(unchanged.contains("Nights"))
            // act
            let saved = try await admin.post(
                "/admin/urgent-help",
                [("name", "Example NHS crisis line"), ("phone", "0808 157 0192"), ("hours", "24 hours a day")])
            XCTAssertEqual(saved.status, .seeOther)
            // check: on the very next public page
            let directory = try await visitor.get("/directory")
            XCTAssertTrue(
                directory.contains(
                    #"Example NHS crisis line: call <a href="tel:08081570192">0808 157 0192</a> (24 hours a day)."#))
            let cleared = try await admin.post("/admin/urgent-help", [("name", ""), ("phone", ""), ("hours", "")])
            XCTAssertEqual(cleared.status, .seeOther)
            let after = try await visitor.get("/directory")
            XCTAssertFalse(after.contains("Example NHS crisis line"))
            XCTAssertTrue(after.contains("116 123"), "the national lines stay")
        }
    }

    func testTheDirectoryPutsUrgentHelpFirstForACrisisSearch() async throws {
        try await withApp { app in
            _ = try await AssetFixtures.asset(app, "Crisis cafe (Monday to Friday, referral only)", referral: true)
            let visitor = app.browser()
            let crisis = try await visitor.get("/directory?words=crisis")
            XCTAssertEqual(crisis.status, .ok)
            let help = try XCTUnwrap(crisis.html.range(of: #"<h2 id="help-now">If you need help now</h2>"#))
            let results = try XCTUnwrap(crisis.html.range(of: #"<h2 id="results">"#))
            XCTAssertLessThan(help.lowerBound, results.lowerBound, "urgent help comes before the results")
            let walking = try await visitor.get("/directory?words=walking")
            XCTAssertFalse(walking.contains("If you need help now"))
        }
    }
}
