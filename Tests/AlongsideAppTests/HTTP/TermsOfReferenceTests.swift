import GRDB
import XCTest
@testable import AlongsideApp

final class TermsOfReferenceTests: XCTestCase {
    static func termsForm(scope: String = "Oversee the community mental health transformation.", revision: String) -> [(
        String, String
    )] {
        [
            ("scope", scope), ("attendance", "Members attend or send a deputy."), ("deputies_allowed", "yes"),
            ("decision_method", "consent"), ("quorum_kind", "share"), ("quorum_value", "50"),
            ("quorum_needs_lived_experience", "yes"), ("ways_of_working", "Open, honest, co-produced."),
            ("review_on", "2027-03-31"),
            ("revision", revision),
        ]
    }

    func testDraftEditProposeAndCompare() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            // start the first draft from the starter text
            let terms = try await manager.get(group + "/terms")
            XCTAssertEqual(terms.status, .ok)
            XCTAssertTrue(terms.contains("There are no terms of reference yet."))
            let started = try await manager.post(group + "/terms")
            XCTAssertEqual(started.location, group + "/terms/1/edit")
            let form = try await manager.get(group + "/terms/1/edit")
            XCTAssertEqual(form.inputValue("revision"), "1")
            // bad input is explained and kept
            let bad = try await manager.post(
                group + "/terms/1",
                [("scope", "Kept scope"), ("quorum_value", "150"), ("quorum_kind", "share"), ("revision", "1")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.errorSummary.contains("A percentage must be 100 or less"))
            XCTAssertTrue(bad.contains(">Kept scope</textarea>"))
            // save, propose
            let saved = try await manager.post(group + "/terms/1", Self.termsForm(revision: "1"))
            XCTAssertEqual(saved.location, group + "/terms/1")
            let version = try await manager.get(group + "/terms/1")
            XCTAssertTrue(version.contains("Consent: no one has a reasoned objection"))
            XCTAssertTrue(version.contains("31 March 2027"))
            let response1 = try await manager.post(group + "/terms/1/propose")
            XCTAssertEqual(response1.status, .seeOther)
            let response2 = try await manager.get(group + "/terms/1")
            XCTAssertTrue(response2.contains("This version has been proposed"))
            // a proposed version cannot change, and no second draft starts while it is open
            let locked = try await manager.post(group + "/terms/1", Self.termsForm(revision: "2"))
            XCTAssertEqual(locked.location, group + "/terms/1")
            let response3 = try await manager.get(group + "/terms/1")
            XCTAssertTrue(response3.contains("can no longer be changed"))
            let response4 = try await manager.post(group + "/terms")
            XCTAssertEqual(response4.location, group + "/terms/1")
            // adopt it directly in the database (adoption by decision is not built yet), then draft version 2
            try await app.services.pool.write { db in
                try db.execute(sql: "UPDATE terms_of_reference SET status = 'adopted'")
            }
            let response5 = try await manager.post(group + "/terms")
            XCTAssertEqual(response5.location, group + "/terms/2/edit")
            let second = try await manager.get(group + "/terms/2/edit")
            XCTAssertTrue(
                second.contains(">Oversee the community mental health transformation.</textarea>"),
                "copied from the latest version")
            _ = try await manager.post(
                group + "/terms/2", Self.termsForm(scope: "Oversee the transformation and the alliance.", revision: "1")
            )
            let compare = try await manager.get(group + "/terms/compare?from=1&to=2")
            XCTAssertEqual(compare.status, .ok)
            XCTAssertTrue(
                compare.contains(
                    #"<del><span class="visually-hidden">Removed: </span>Oversee the community mental health transformation.</del>"#
                ))
            XCTAssertTrue(
                compare.contains(
                    #"<ins><span class="visually-hidden">Added: </span>Oversee the transformation and the alliance.</ins>"#
                ))
            XCTAssertTrue(compare.contains("How decisions are made (no changes)"))
            let response6 = try await manager.get(group + "/terms/compare?from=1&to=9")
            XCTAssertEqual(response6.status, .notFound)
        }
    }

    func testTheSecondSaveIsRefusedAndNothingIsLost() async throws {
        try await withApp { app in
            let (first, _) = try await app.signedIn(as: .programmeManager, email: "first@example.org")
            let (second, _) = try await app.signedIn(as: .administrator, email: "second@example.org")
            let group = try await GroupsTests.createGroup(first)
            _ = try await first.post(group + "/terms")
            _ = try await first.get(group + "/terms/1/edit")
            _ = try await second.get(group + "/terms/1/edit")
            // both loaded revision 1; the first saves
            let response7 = try await first.post(
                group + "/terms/1", Self.termsForm(scope: "First person's scope.", revision: "1"))
            XCTAssertEqual(response7.status, .seeOther)
            // the second's save is refused, showing both texts
            let conflict = try await second.post(
                group + "/terms/1", Self.termsForm(scope: "Second person's scope.", revision: "1"))
            XCTAssertEqual(conflict.status, .conflict)
            XCTAssertTrue(conflict.contains("<p>First person&#39;s scope.</p>"), "their saved text is shown")
            XCTAssertTrue(conflict.contains(">Second person&#39;s scope.</textarea>"), "this person's text is kept")
            XCTAssertEqual(conflict.inputValue("revision"), "2")
            let stored = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT scope FROM terms_of_reference")
            }
            XCTAssertEqual(stored, "First person's scope.")
            // saving again, knowingly, replaces it
            let response8 = try await second.post(
                group + "/terms/1", Self.termsForm(scope: "Second person's scope.", revision: "2"))
            XCTAssertEqual(response8.status, .seeOther)
        }
    }

    func testRefusals() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager, visibility: .published)
            let hidden = try await GroupsTests.createGroup(manager, name: "Hidden")
            _ = try await manager.post(group + "/terms")
            let (member, _) = try await app.signedIn(as: .member)
            let unpublished = try await member.get(group + "/terms/1")
            XCTAssertEqual(
                unpublished.status, .notFound, "outside the group, only published versions of the terms can be read")
            _ = try await manager.get(group + "/terms/1")
            _ = try await manager.post(group + "/terms/1/visibility", [("visibility", "published")])
            let response9 = try await member.get(group + "/terms/1")
            XCTAssertEqual(response9.status, .ok, "a published version can be read")
            let response10 = try await member.get(group + "/terms/1/edit")
            XCTAssertEqual(response10.status, .forbidden)
            _ = try await member.get(group + "/terms")
            let response11 = try await member.post(group + "/terms")
            XCTAssertEqual(response11.status, .forbidden)
            let response12 = try await member.post(group + "/terms/1", Self.termsForm(revision: "1"))
            XCTAssertEqual(response12.status, .forbidden)
            let response13 = try await member.post(group + "/terms/1/propose")
            XCTAssertEqual(response13.status, .forbidden)
            let response14 = try await member.get(hidden + "/terms")
            XCTAssertEqual(response14.status, .notFound)
            let response15 = try await manager.get(group + "/terms/7")
            XCTAssertEqual(response15.status, .notFound)
            let response16 = try await manager.post(group + "/terms/1/propose", csrf: "")
            XCTAssertEqual(response16.status, .forbidden)
            let response17 = try await app.browser().get(group + "/terms")
            XCTAssertEqual(response17.status, .seeOther)
        }
    }
}
