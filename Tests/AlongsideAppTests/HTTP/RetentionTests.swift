import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The retention rules (issue 21): each applied to data just past and just within its limit, the same rules on the
/// privacy page, and the tax-year arithmetic for paid claims.
final class RetentionTests: XCTestCase {
    func testPaidClaimsAreKeptSixYearsAfterTheTaxYearTheyWerePaidIn() {
        XCTAssertEqual(RetentionRules.paidClaimExpires(paidOn: "2020-04-05"), "2026-04-06")
        XCTAssertEqual(RetentionRules.paidClaimExpires(paidOn: "2020-04-06"), "2027-04-06")
        XCTAssertEqual(RetentionRules.paidClaimExpires(paidOn: "2020-12-31"), "2027-04-06")
        XCTAssertEqual(RetentionRules.paidClaimExpires(paidOn: "2021-01-01"), "2027-04-06")
        XCTAssertNil(RetentionRules.paidClaimExpires(paidOn: "soon"))
    }

    func testEachRuleRemovesWhatIsPastItsTimeAndKeepsTheRest() async throws {
        try await withApp { app in
            // setup (today is 21 September 2026)
            let (casey, _) = try await app.signedIn(as: .expertByExperience, email: "casey@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            var claims: [Int64] = []
            for activity in ["Paid long ago", "Paid this year"] {
                let id = try await ClaimFixtures.send(casey, ClaimFixtures.fields(activity: activity))
                _ = try await manager.post(
                    Href.approveClaim(id), [("version", try await ClaimFixtures.version(manager, id))])
                _ = try await admin.post(
                    Href.payClaim(id),
                    [
                        ("version", try await ClaimFixtures.version(admin, id)), ("paid_on", ClaimFixtures.today),
                        ("reference", "REF-\(id)"),
                    ])
                claims.append(id)
            }
            let claimIDs = claims
            let role = try await InvolvementRolesTests.createRole(manager)
            let advert = try await InvolvementRolesTests.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            for (name, email) in [("Ari Example", "ari@example.org"), ("Bel Example", "bel@example.org")] {
                var fields = InvolvementRolesTests.goodInterest.filter { $0.0 != "name" && $0.0 != "email" }
                fields += [("name", name), ("email", email)]
                _ = try await visitor.post(advert + "/interest", fields)
            }
            let now = app.services.clock.now()
            try await app.services.pool.write { db in
                try db.execute(sql: "UPDATE claims SET paid_on = '2020-04-05' WHERE id = ?", arguments: [claimIDs[0]])
                try db.execute(sql: "UPDATE claims SET paid_on = '2020-04-06' WHERE id = ?", arguments: [claimIDs[1]])
                // The advert closed seven months ago; Bel was appointed.
                try db.execute(sql: "UPDATE involvement_adverts SET closes_on = '2026-02-15'")
                try db.execute(
                    sql: "UPDATE involvement_interest SET status = 'appointed' WHERE email = 'bel@example.org'")
                try db.execute(
                    sql:
                        "INSERT INTO sign_in_failures (account_key, address, failed_at) VALUES (x'01', '192.0.2.1', ?), (x'02', '192.0.2.1', ?)",
                    arguments: [now.addingTimeInterval(-2 * 86_400), now.addingTimeInterval(-3600)])
                try db.execute(
                    sql:
                        "UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE email = 'pm@example.org')",
                    arguments: [now.addingTimeInterval(-31 * 86_400)])
                for (subject, age, status) in [
                    ("Old", 91.0, "sent"), ("Recent", 10.0, "sent"), ("Stuck", 91.0, "failed"),
                ] {
                    let id = try Outbox.enqueue(
                        OutgoingMail(
                            kind: "test", userID: nil, to: "x@example.org", subject: subject, text: "t", html: "h"),
                        host: "example.org", now: now.addingTimeInterval(-age * 86_400), in: db)
                    try db.execute(sql: "UPDATE outbox SET status = ? WHERE id = ?", arguments: [status, id])
                }
            }
            // act
            let results = try await RetentionRules.apply(app.services.pool, now: now)
            let again = try await RetentionRules.apply(app.services.pool, now: now)
            // check
            let removed = Dictionary(uniqueKeysWithValues: results.map { ($0.rule.id, $0.removed) })
            XCTAssertEqual(removed["claims"], 1)
            XCTAssertEqual(removed["interest"], 1)
            XCTAssertEqual(removed["sign-in-records"], 1)
            XCTAssertEqual(removed["sessions"], 1)
            XCTAssertEqual(removed["email"], 1)
            XCTAssertEqual(again.map(\.removed).reduce(0, +), 0, "nothing more the second time")
            try await app.services.pool.read { db in
                XCTAssertEqual(try String.fetchAll(db, sql: "SELECT activity FROM claims"), ["Paid this year"])
                XCTAssertEqual(
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM claim_events WHERE claim_id = ?", arguments: [claimIDs[0]]), 0)
                XCTAssertEqual(
                    try String.fetchAll(db, sql: "SELECT email FROM involvement_interest"), ["bel@example.org"])
                XCTAssertEqual(
                    try String.fetchAll(db, sql: "SELECT subject FROM outbox WHERE kind = 'test' ORDER BY id"),
                    ["Recent", "Stuck"])
                XCTAssertEqual(
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_events WHERE action = 'retention applied'"), 1
                )
            }
            // The privacy page states the same rules.
            let privacy = try await app.browser().get(Href.privacy())
            for rule in RetentionRule.all {
                XCTAssertTrue(privacy.contains(HTMLEscaping.escape(rule.rule)), rule.id)
            }
        }
    }
}
