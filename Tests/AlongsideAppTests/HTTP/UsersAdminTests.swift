import GRDB
import XCTest
@testable import AlongsideApp

final class UsersAdminTests: XCTestCase {
    func testAdministratorCreatesAnAccountAndGetsAOneTimeLink() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, name: "Ada Example")
            let form = try await admin.get("/admin/users/new")
            XCTAssertEqual(form.status, .ok)
            for role in Role.allCases { XCTAssertTrue(form.contains(">\(role.label)</label>"), role.label) }
            let created = try await admin.post(
                "/admin/users", [("name", "Bo Sample"), ("email", "bo@example.org"), ("role", "expert_by_experience")])
            XCTAssertEqual(created.status, .seeOther)
            let page = try await admin.get(try XCTUnwrap(created.location))
            XCTAssertEqual(page.h1, "Bo Sample")
            let link = try XCTUnwrap(page.firstMatch(#"id="one-time-link" type="text" readonly value="([^"]+)""#))
            XCTAssertTrue(link.contains("/set-password/"))
            let path = String(link[link.range(of: "/set-password/")!.lowerBound...])
            let response1 = try await app.browser().get(path)
            XCTAssertEqual(response1.status, .ok)
            let response2 = try await admin.get(try XCTUnwrap(created.location))
            XCTAssertFalse(response2.contains("one-time-link\""), "the link is shown once")
            let list = try await admin.get("/admin/users")
            XCTAssertTrue(list.contains("Bo Sample"))
            XCTAssertTrue(list.contains("Waiting to set a password"))
        }
    }

    func testBadInputIsExplainedAndKept() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, email: "ada@example.org")
            _ = try await admin.get("/admin/users/new")
            let empty = try await admin.post("/admin/users", [("name", ""), ("email", "")])
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertEqual(
                empty.errorSummary, ["Enter the person's full name", "Enter an email address", "Select a role"])
            let bad = try await admin.post(
                "/admin/users", [("name", "Bo Sample"), ("email", "bo at example"), ("role", "member")])
            XCTAssertEqual(bad.errorSummary, ["Enter an email address in the correct format, like name@example.org"])
            XCTAssertEqual(bad.inputValue("name"), "Bo Sample")
            XCTAssertEqual(bad.inputValue("email"), "bo at example")
            XCTAssertTrue(bad.contains(#"value="member" checked"#))
            let taken = try await admin.post(
                "/admin/users", [("name", "Someone"), ("email", "ADA@example.org"), ("role", "member")])
            XCTAssertEqual(taken.errorSummary, ["There is already an account with this email address"])
        }
    }

    func testOtherRolesAreRefused() async throws {
        try await withApp { app in
            let target = try await app.createUser(name: "Target Person", email: "target@example.org")
            for role in Role.allCases where role != .administrator {
                let (browser, _) = try await app.signedIn(as: role)
                for path in ["/admin/users", "/admin/users/new", "/admin/users/\(target.id!)", "/admin/audit"] {
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .forbidden, "\(role) \(path)")
                    XCTAssertEqual(page.h1, "You do not have access to this page")
                }
                _ = try await browser.get("/")
                let create = try await browser.post(
                    "/admin/users", [("name", "X"), ("email", "x@example.org"), ("role", "administrator")])
                XCTAssertEqual(create.status, .forbidden, "\(role)")
                let deactivate = try await browser.post("/admin/users/\(target.id!)/deactivate")
                XCTAssertEqual(deactivate.status, .forbidden, "\(role)")
                let home = try await browser.get("/")
                XCTAssertFalse(home.contains(">People</a>"), "\(role) sees no link they cannot use")
            }
            let stillActive = try await app.services.accounts.find(id: target.id!)?.isActive
            XCTAssertEqual(stillActive, true)
        }
    }

    func testMissingRecordsAndSelfDeactivation() async throws {
        try await withApp { app in
            let (admin, me) = try await app.signedIn(as: .administrator)
            let response3 = try await admin.get("/admin/users/999")
            XCTAssertEqual(response3.status, .notFound)
            let response4 = try await admin.get("/admin/users/not-a-number")
            XCTAssertEqual(response4.status, .notFound)
            _ = try await admin.get("/admin/users")
            let response5 = try await admin.post("/admin/users/999/deactivate")
            XCTAssertEqual(response5.status, .notFound)
            let response6 = try await admin.post("/admin/users/\(me.id!)/deactivate")
            XCTAssertEqual(response6.status, .forbidden)
        }
    }

    func testDeactivateAndReactivateAreAudited() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator, name: "Ada Example")
            let user = try await app.createUser(name: "Bo Sample", email: "bo@example.org")
            _ = try await admin.get("/admin/users/\(user.id!)")
            _ = try await admin.post("/admin/users/\(user.id!)/deactivate")
            let page = try await admin.get("/admin/users/\(user.id!)")
            XCTAssertTrue(page.contains("Deactivated"))
            XCTAssertTrue(page.contains("Reactivate account"))
            _ = try await admin.post("/admin/users/\(user.id!)/reactivate")
            let rows = try await app.services.pool.read { db in
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT action, actor_label, before_json, after_json FROM audit_events WHERE record_id = ? AND record_kind = 'account' ORDER BY id",
                    arguments: [String(user.id!)]
                )
                .map {
                    [
                        $0["action"] as String, $0["actor_label"] as String, ($0["before_json"] as String?) ?? "",
                        ($0["after_json"] as String?) ?? "",
                    ]
                }
            }
            XCTAssertEqual(rows.map { $0[0] }, ["created", "deactivated", "reactivated"])
            XCTAssertEqual(rows[1][1], "Ada Example")
            XCTAssertTrue(rows[1][2].contains(#""isActive":true"#) && rows[1][3].contains(#""isActive":false"#))
        }
    }

    func testANewLinkReplacesTheOldOne() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/admin/users/new")
            let created = try await admin.post(
                "/admin/users", [("name", "Bo Sample"), ("email", "bo@example.org"), ("role", "member")])
            let first = try await admin.get(try XCTUnwrap(created.location))
            let firstLink = try XCTUnwrap(first.firstMatch(#"(/set-password/[A-Za-z0-9_-]+)"#))
            let remade = try await admin.post(try XCTUnwrap(created.location) + "/link")
            let second = try await admin.get(try XCTUnwrap(remade.location))
            let secondLink = try XCTUnwrap(second.firstMatch(#"(/set-password/[A-Za-z0-9_-]+)"#))
            XCTAssertNotEqual(firstLink, secondLink)
            let response7 = try await app.browser().get(firstLink)
            XCTAssertEqual(response7.status, .notFound)
            let response8 = try await app.browser().get(secondLink)
            XCTAssertEqual(response8.status, .ok)
        }
    }
}
