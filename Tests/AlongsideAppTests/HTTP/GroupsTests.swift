import GRDB
import XCTest
@testable import AlongsideApp

final class GroupsTests: XCTestCase {
    /// Creates a group through the form as the given browser and returns its path.
    static func createGroup(
        _ browser: TestBrowser, name: String = "Leaders Group", kind: GroupKind = .leadersGroup,
        visibility: Visibility = .private
    ) async throws -> String {
        _ = try await browser.get("/groups/new")
        let created = try await browser.post(
            "/groups",
            [
                ("name", name), ("kind", kind.rawValue), ("purpose", "Signs off the partnership's decisions."),
                ("status", "active"), ("visibility", visibility.rawValue),
            ])
        XCTAssertEqual(created.status, .seeOther)
        return try XCTUnwrap(created.location)
    }

    func testProgrammeManagerCreatesALeadersGroupWithTheDefaultSeats() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Pam Manager")
            let path = try await Self.createGroup(manager)
            let page = try await manager.get(path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Leaders Group")
            XCTAssertTrue(page.contains("9 seats the group must have are missing."))
            XCTAssertTrue(page.contains("no expert by experience or carer is chair or co-chair"))
            XCTAssertEqual(page.allMatches(#"<span class="tag tag-missing">(Missing)</span>"#).count, 9)
            let list = try await manager.get("/groups")
            XCTAssertTrue(list.contains("Leaders Group"))
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'group'")
            }
            XCTAssertEqual(audit, "Created the group Leaders Group")
        }
    }

    func testAddingMembersFillsSeatsAndALivedExperienceCoChairClearsTheWarning() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let eb = try await app.createUser(name: "Eb Fictional", email: "eb@example.org", role: .expertByExperience)
            let ola = try await app.createUser(name: "Ola Placeholder", email: "ola@example.org", role: .member)
            let path = try await Self.createGroup(manager)
            let form = try await manager.get(path + "/members/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.inputValue("starts_on"), LondonTime.isoDay(app.clock.now))
            let added = try await manager.post(
                path + "/members",
                [
                    ("person", String(eb.id!)), ("seat", "co_chair"), ("sector", "expert_by_experience"),
                    ("organisation", ""),
                    ("deputy", String(ola.id!)), ("starts_on", "2026-01-01"), ("ends_on", ""),
                ])
            XCTAssertEqual(added.status, .seeOther)
            _ = try await manager.post(
                path + "/members",
                [
                    ("person", String(ola.id!)), ("seat", "chair"), ("sector", "icb"), ("organisation", "Example ICB"),
                    ("deputy", ""), ("starts_on", "2026-01-01"), ("ends_on", ""),
                ])
            let page = try await manager.get(path)
            XCTAssertTrue(page.contains("7 seats the group must have are missing."))
            XCTAssertFalse(page.contains("no expert by experience or carer is chair or co-chair"))
            XCTAssertTrue(page.contains("<td>Ola Placeholder</td>"), "deputy shown")
            XCTAssertTrue(page.contains("<td>Example ICB</td>"))
        }
    }

    /// 003 step 1 (issue 17): an expert by experience from an under-served community fills both seats on the page.
    func testAnExpertByExperienceFromAnUnderServedCommunityFillsBothSeats() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let eb = try await app.createUser(
                name: "Amara Example", email: "amara@example.org", role: .expertByExperience)
            let path = try await Self.createGroup(manager)
            _ = try await manager.get(path + "/members/new")
            // act
            let added = try await manager.post(
                path + "/members",
                [
                    ("person", String(eb.id!)), ("seat", "co_chair"), ("sector", "expert_by_experience"),
                    ("community", "Riverside Somali community"), ("organisation", ""), ("deputy", ""),
                    ("starts_on", "2026-01-01"), ("ends_on", ""),
                ])
            // check
            XCTAssertEqual(added.status, .seeOther)
            let page = try await manager.get(path)
            XCTAssertTrue(page.contains("7 seats the group must have are missing."), "one person, two seats")
            XCTAssertEqual(page.allMatches(#"<span class="tag tag-missing">(Missing)</span>"#).count, 7)
            XCTAssertTrue(
                page.contains("Expert by experience; and Riverside Somali community (an under-served community)"))
        }
    }

    func testMembershipFormExplainsProblemsAndKeepsWhatWasTyped() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let eb = try await app.createUser(name: "Eb Fictional", email: "eb@example.org", role: .expertByExperience)
            let path = try await Self.createGroup(manager)
            _ = try await manager.get(path + "/members/new")
            let empty = try await manager.post(path + "/members", [("starts_on", "")])
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertEqual(
                empty.errorSummary,
                [
                    "Select the person joining the group", "Select their seat on the group",
                    "Select the sector or community they represent",
                    "Enter the date they join as a real date, like 2026-03-03",
                ])
            let bad = try await manager.post(
                path + "/members",
                [
                    ("person", String(eb.id!)), ("seat", "member"), ("sector", "under_served_community"),
                    ("community", ""),
                    ("organisation", "Riverside Collective"), ("deputy", String(eb.id!)), ("starts_on", "2026-05-01"),
                    ("ends_on", "2026-04-01"),
                ])
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter the name of the community they represent", "A deputy must be someone other than the member",
                    "The date they leave must be on or after the date they join",
                ])
            XCTAssertEqual(bad.inputValue("organisation"), "Riverside Collective")
            XCTAssertTrue(bad.contains(#"<option value="\#(eb.id!)" selected>Eb Fictional</option>"#))
        }
    }

    func testGroupFormRefusesBadInputAndKeepsIt() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            _ = try await manager.get("/groups/new")
            let page = try await manager.post(
                "/groups", [("name", "Working Group"), ("purpose", ""), ("kind", "secret_society")])
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(
                page.errorSummary,
                [
                    "Select the kind of group", "Enter the group's purpose: what it is for",
                    "Select the group's status", "Select who can see the group",
                ])
            XCTAssertEqual(page.inputValue("name"), "Working Group")
        }
    }

    func testEditingChangesDetailsAndSeats() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let path = try await Self.createGroup(manager)
            let form = try await manager.get(path + "/edit")
            XCTAssertTrue(form.contains(#"value="icb" checked"#))
            let saved = try await manager.post(
                path,
                [
                    ("name", "Leaders Group"), ("purpose", "Signs off decisions."), ("status", "forming"),
                    ("visibility", "published"),
                    ("requirements", "icb"), ("requirements", "vcse"),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let page = try await manager.get(path)
            XCTAssertTrue(page.contains("2 seats the group must have are missing."))
            XCTAssertTrue(page.contains("Forming"))
        }
    }

    func testEndingAMembershipKeepsItInTheHistory() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let vee = try await app.createUser(name: "Vee Sample", email: "vee@example.org")
            let path = try await Self.createGroup(manager)
            _ = try await manager.get(path + "/members/new")
            _ = try await manager.post(
                path + "/members",
                [("person", String(vee.id!)), ("seat", "member"), ("sector", "vcse"), ("starts_on", "2026-01-01")])
            let before = try await manager.get(path)
            XCTAssertTrue(before.contains("<td>Vee Sample</td>") || before.contains("Vee Sample</th>"))
            let endPath = try XCTUnwrap(before.firstMatch(#"action="(/groups/\d+/members/\d+/end)""#))
            let response1 = try await manager.post(endPath)
            XCTAssertEqual(response1.status, .seeOther)
            let after = try await manager.get(path)
            XCTAssertTrue(after.contains("Vee Sample (not current)"), "ending a membership takes effect today")
            XCTAssertNil(
                after.firstMatch(#"action="(/groups/\d+/members/\d+/end)""#),
                "an ended membership cannot be ended again")
        }
    }

    func testRefusals() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let privatePath = try await Self.createGroup(manager, name: "Private Group")
            let publishedPath = try await Self.createGroup(manager, name: "Open Group", visibility: .published)
            let (member, memberUser) = try await app.signedIn(as: .member)
            // members cannot create groups
            let response2 = try await member.get("/groups/new")
            XCTAssertEqual(response2.status, .forbidden)
            _ = try await member.get("/groups")
            let response3 = try await member.post("/groups", [("name", "X"), ("kind", "leaders_group")])
            XCTAssertEqual(response3.status, .forbidden)
            // a private group they are not in does not exist for them
            let response4 = try await member.get(privatePath)
            XCTAssertEqual(response4.status, .notFound)
            let response5 = try await member.post(privatePath + "/members", [("person", "1")])
            XCTAssertEqual(response5.status, .notFound)
            let response6 = try await member.get("/groups")
            XCTAssertFalse(response6.contains("Private Group"))
            // a published group they can read but not manage
            let response7 = try await member.get(publishedPath)
            XCTAssertEqual(response7.status, .ok)
            let response8 = try await member.get(publishedPath + "/edit")
            XCTAssertEqual(response8.status, .forbidden)
            let response9 = try await member.get(publishedPath + "/members/new")
            XCTAssertEqual(response9.status, .forbidden)
            // once they are a member they can read the private group, still not manage it
            _ = try await manager.get(privatePath + "/members/new")
            _ = try await manager.post(
                privatePath + "/members",
                [
                    ("person", String(memberUser.id!)), ("seat", "member"), ("sector", "carer"),
                    ("starts_on", "2026-01-01"),
                ])
            let response10 = try await member.get(privatePath)
            XCTAssertEqual(response10.status, .ok)
            let response11 = try await member.post(privatePath, [("name", "Renamed")])
            XCTAssertEqual(response11.status, .forbidden)
            // signed out: private pages send you to sign in; missing CSRF is refused
            let response12 = try await app.browser().get(privatePath)
            XCTAssertEqual(response12.status, .seeOther)
            let response13 = try await manager.post(privatePath + "/members", [("person", "1")], csrf: "")
            XCTAssertEqual(response13.status, .forbidden)
            let response14 = try await manager.get("/groups/999")
            XCTAssertEqual(response14.status, .notFound)
        }
    }

    func testAllianceLeadsCreateOnlyAlliances() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let form = try await lead.get("/groups/new")
            XCTAssertTrue(form.contains(#"value="vcse_alliance""#))
            XCTAssertFalse(form.contains(#"value="leaders_group""#))
            let refused = try await lead.post(
                "/groups",
                [
                    ("name", "Sneaky"), ("kind", "leaders_group"), ("purpose", "x"), ("status", "active"),
                    ("visibility", "private"),
                ])
            XCTAssertEqual(refused.errorSummary, ["Select the kind of group"])
            let alliance = try await Self.createGroup(lead, name: "Alliance", kind: .vcseAlliance)
            let response15 = try await lead.get(alliance + "/edit")
            XCTAssertEqual(response15.status, .ok)
        }
    }

    func testPublishedGroupsAreReadableWithoutSigningIn() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let published = try await Self.createGroup(manager, name: "Open Group", visibility: .published)
            let hidden = try await Self.createGroup(manager, name: "Closed Group")
            let id = published.split(separator: "/").last!, hiddenID = hidden.split(separator: "/").last!
            let page = try await app.browser().get("/published/groups/\(id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Open Group")
            XCTAssertFalse(page.contains("Add a member"))
            let response16 = try await app.browser().get("/published/groups/\(hiddenID)")
            XCTAssertEqual(response16.status, .notFound)
        }
    }

    func testDeputiesAreRefusedWhenTheTermsInForceDoNotAllowThem() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let eb = try await app.createUser(name: "Eb Fictional", email: "eb@example.org", role: .expertByExperience)
            let ola = try await app.createUser(name: "Ola Placeholder", email: "ola@example.org")
            let path = try await Self.createGroup(manager)
            _ = try await manager.post(path + "/terms")
            try await app.services.pool.write { db in
                try db.execute(sql: "UPDATE terms_of_reference SET status = 'adopted', deputies_allowed = 0")
            }
            _ = try await manager.get(path + "/members/new")
            let refused = try await manager.post(
                path + "/members",
                [
                    ("person", String(eb.id!)), ("seat", "member"), ("sector", "expert_by_experience"),
                    ("deputy", String(ola.id!)), ("starts_on", "2026-01-01"),
                ])
            XCTAssertEqual(
                refused.errorSummary, ["The group's terms of reference do not allow deputies. Choose no deputy"])
        }
    }
}
