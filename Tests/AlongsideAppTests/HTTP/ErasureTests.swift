import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Erasing a person (issue 21): their name and email address leave the database file entirely, append-only records
/// keep their shape under the pseudonym and still read, and the audit log says that it happened, not what was removed.
final class ErasureTests: XCTestCase {
    static func fileHolds(_ text: String, _ path: String) throws -> Bool {
        let needle = Data(text.utf8)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            if try Data(contentsOf: URL(fileURLWithPath: file)).range(of: needle) != nil { return true }
        }
        return false
    }

    func testAnErasedPersonLeavesNoTraceOfTheirNameOrAddressAndTheDecisionLogStillReads() async throws {
        try await withApp { app in
            // setup: an administrator makes Casey's account; Casey is a member, named in a decision's rationale,
            // paid for a claim and expressed interest in a role from the same address
            let (admin, adminUser) = try await app.signedIn(
                as: .administrator, email: "admin@example.org", name: "Ada Example")
            _ = try await admin.get("/admin/users/new")
            let made = try await admin.post(
                "/admin/users",
                [("name", "Casey Example"), ("email", "casey@example.org"), ("role", "expert_by_experience")])
            XCTAssertEqual(made.status, .seeOther)
            let caseyID = DecisionFixtures.id(try XCTUnwrap(made.location))
            try await app.services.pool.write { db in
                try db.execute(
                    sql: "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = ?) WHERE id = ?",
                    arguments: [adminUser.id!, caseyID])
            }
            let casey = app.browser()
            _ = try await casey.signIn(email: "casey@example.org", password: goodPassword)
            let (manager, _) = try await app.signedIn(
                as: .programmeManager, email: "pm@example.org", name: "Pat Example")
            let group = try await GroupsTests.createGroup(manager)
            let found = try await app.services.accounts.find(id: caseyID)
            let caseyUser = try XCTUnwrap(found)
            try await DecisionFixtures.addMember(manager, group: group, user: caseyUser)
            let decision = try await DecisionFixtures.record(
                manager, group: group,
                extra: [("rationale", "Casey Example made the case; CASEY@example.org sent the figures.")])
            let claim = try await ClaimFixtures.send(casey, ClaimFixtures.fields(activity: "Leaders group meeting"))
            _ = try await manager.post(
                Href.approveClaim(claim), [("version", try await ClaimFixtures.version(manager, claim))])
            _ = try await admin.post(
                Href.payClaim(claim),
                [
                    ("version", try await ClaimFixtures.version(admin, claim)), ("paid_on", ClaimFixtures.today),
                    ("reference", "BACS-1"),
                ])
            let role = try await InvolvementRolesTests.createRole(manager)
            let advert = try await InvolvementRolesTests.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            var interest = InvolvementRolesTests.goodInterest.filter {
                $0.0 != "name" && $0.0 != "email" && $0.0 != "phone"
            }
            interest += [("name", "Casey Ex."), ("email", "casey@example.org"), ("phone", "07700 900123")]
            _ = try await visitor.post(advert + "/interest", interest)
            let path = app.services.configuration.databasePath
            XCTAssertTrue(try Self.fileHolds("Casey Example", path), "the check can find the name before")
            // act: a wrong name is refused; then the right one
            let page = try await admin.get(Href.eraseUser(caseyID))
            XCTAssertEqual(page.status, .ok)
            let wrong = try await admin.post(Href.eraseUser(caseyID), [("confirm_name", "Casey")])
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertEqual(wrong.inputValue("confirm_name"), "Casey")
            let (other, _) = try await app.signedIn(as: .programmeManager, email: "pm2@example.org")
            _ = try await other.get("/")
            let refused = try await other.post(Href.eraseUser(caseyID), [("confirm_name", "Casey Example")])
            XCTAssertEqual(refused.status, .forbidden)
            let erased = try await admin.post(Href.eraseUser(caseyID), [("confirm_name", "Casey Example")])
            XCTAssertEqual(erased.status, .seeOther)
            // check: nothing of the name, the address or the phone number is left in the file
            for trace in ["Casey Example", "casey@example.org", "CASEY@example.org", "Casey Ex.", "07700 900123"] {
                XCTAssertFalse(try Self.fileHolds(trace, path), "\(trace) is still in the database file")
            }
            let pseudonym = "Former member \(caseyID)"
            let log = try await manager.get(decision)
            XCTAssertEqual(log.status, .ok, "the decision log still reads")
            XCTAssertTrue(log.contains("\(pseudonym) made the case"), "the rationale reads with the pseudonym")
            try await app.services.pool.read { db in
                XCTAssertEqual(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claims WHERE user_id = ?", arguments: [caseyID]), 1,
                    "the paid claim finance must keep stays")
                XCTAssertEqual(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE user_id = ?", arguments: [caseyID]),
                    0)
                let summary = try String.fetchOne(
                    db, sql: "SELECT summary FROM audit_events WHERE action = 'person erased'")
                XCTAssertEqual(
                    summary, "Erased the personal details of account #\(caseyID): it now reads \"\(pseudonym)\"")
                // The append-only guards are back.
                XCTAssertThrowsError(try db.execute(sql: "UPDATE audit_events SET summary = 'x'"))
                XCTAssertThrowsError(try db.execute(sql: "DELETE FROM decisions"))
            }
            let signIn = try await app.browser().signIn(email: "casey@example.org", password: goodPassword)
            XCTAssertNotEqual(signIn.status, .seeOther, "the account cannot sign in")
            let again = try await admin.post(Href.eraseUser(caseyID), [("confirm_name", pseudonym)])
            XCTAssertEqual(again.status, .unprocessableContent, "erased already")
            let own = try await admin.post(Href.eraseUser(adminUser.id!), [("confirm_name", "Ada Example")])
            XCTAssertEqual(own.status, .unprocessableContent, "not your own account")
        }
    }

    func testWholeWordsOnly() {
        XCTAssertEqual(
            PersonErasure.wholeWordReplacing(
                "Ann Lee", with: "Former member 3", in: "Ann Lee's annual report, by ann lee."),
            "Former member 3's annual report, by Former member 3.")
        XCTAssertEqual(PersonErasure.wholeWordReplacing("Ann", with: "X", in: "Annual Ann"), "Annual X")
    }
}
