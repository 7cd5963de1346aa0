import Foundation
import GRDB
import XCTest
import ZIPFoundation
@testable import AlongsideApp

/// A person's own data (issue 21): everything held about them in one archive, found from the schema; nothing about
/// anyone else and no secrets; an administrator can download it for a subject access request; every download audited.
final class PersonalDataTests: XCTestCase {
    static func entries(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: String] = [:]
        for entry in archive {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            files[entry.path] = String(decoding: content, as: UTF8.self)
        }
        return files
    }

    func testAPersonDownloadsEverythingHeldAboutThemAndNothingAboutAnyoneElse() async throws {
        try await withApp { app in
            // setup: Casey sends a claim, is a group member, chose a digest; interest was sent from Casey's address
            // signed out; Robin, someone else, is in the same group
            let (casey, caseyUser) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (manager, _) = try await app.signedIn(
                as: .programmeManager, email: "pm@example.org", name: "Pat Example")
            let (_, robin) = try await app.signedIn(as: .member, email: "robin@example.org", name: "Robin Other")
            let group = try await GroupsTests.createGroup(manager)
            try await DecisionFixtures.addMember(manager, group: group, user: caseyUser)
            try await DecisionFixtures.addMember(manager, group: group, user: robin)
            try await ClaimFixtures.send(casey, ClaimFixtures.fields(activity: "Leaders group meeting"))
            _ = try await casey.get(Href.emailPreferences())
            _ = try await casey.post(
                Href.emailPreferences(), NoticeKind.allCases.map { ($0.rawValue, $0 == .meetings ? "digest" : "now") })
            let role = try await InvolvementRolesTests.createRole(manager)
            let advert = try await InvolvementRolesTests.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            var interest = InvolvementRolesTests.goodInterest
            interest.removeAll { $0.0 == "email" || $0.0 == "name" }
            interest += [("email", "CASEY@example.org"), ("name", "Casey Example")]
            _ = try await visitor.post(advert + "/interest", interest)
            // act
            let page = try await casey.get(Href.personalData())
            let download = try await casey.get(Href.personalDataDownload())
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("claims (user_id)"))
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(download.headers[.contentType], "application/zip")
            XCTAssertTrue(download.headers[.contentDisposition]?.contains("alongside-data-") ?? false)
            let files = try Self.entries(Data(download.bytes))
            XCTAssertNotNil(files["README.txt"])
            let json = try XCTUnwrap(files["data.json"])
            let document = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let sections = try XCTUnwrap(document["sections"] as? [[String: Any]])
            let names = Set(sections.compactMap { $0["name"] as? String })
            for expected in [
                "users (your account)", "claims (user_id)", "claim_events (user_id)", "memberships (user_id)",
                "email_preferences (user_id)", "involvement_interest (your email address)", "sessions (user_id)",
                "audit_events (actor_id)",
            ] {
                XCTAssertTrue(names.contains(expected), "\(expected) missing from \(names.sorted())")
            }
            XCTAssertTrue(json.contains("Leaders group meeting"))
            XCTAssertTrue(json.contains("Step-free access"), "what they wrote when expressing interest")
            for secret in ["password_hash", "token_hash", "csrf_token", "$argon2"] {
                XCTAssertFalse(json.contains(secret), "\(secret) in the export")
            }
            XCTAssertFalse(json.contains("robin@example.org"), "nothing about anyone else")
            XCTAssertFalse(json.contains("Robin Other"))
            XCTAssertTrue(
                files.keys.contains { $0.hasPrefix("csv/") && $0.hasSuffix("claims-user_id.csv") }, "\(files.keys)")
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE action = 'personal data downloaded'")
            }
            XCTAssertEqual(audit, ["Casey Example downloaded everything Alongside holds about them"])
        }
    }

    func testAnAdministratorDownloadsItForASubjectAccessRequestAndNobodyElseCan() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org", name: "Ada Example")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let (_, casey) = try await app.signedIn(as: .member, email: "casey@example.org", name: "Casey Example")
            let caseyID = try XCTUnwrap(casey.id)
            let refused = try await manager.get(Href.userPersonalData(caseyID))
            XCTAssertEqual(refused.status, .forbidden)
            let signedOut = try await app.browser().get(Href.userPersonalData(caseyID))
            XCTAssertEqual(signedOut.status, .seeOther)
            let missing = try await admin.get(Href.userPersonalData(999_999))
            XCTAssertEqual(missing.status, .notFound)
            let download = try await admin.get(Href.userPersonalData(caseyID))
            XCTAssertEqual(download.status, .ok)
            let files = try Self.entries(Data(download.bytes))
            XCTAssertTrue(files["data.json"]?.contains("casey@example.org") ?? false)
            XCTAssertFalse(files["data.json"]?.contains("admin@example.org") ?? true)
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE action = 'personal data downloaded'")
            }
            XCTAssertEqual(
                audit, ["Downloaded everything Alongside holds about Casey Example, for a subject access request"])
        }
    }
}
