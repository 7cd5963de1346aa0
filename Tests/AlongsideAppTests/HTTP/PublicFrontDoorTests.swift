import Foundation
import GRDB
import XCTest

@testable import AlongsideApp

/// Issue 18, "A public front door": signed out, "/" introduces the partnership and leads to what it publishes; the
/// published groups are listed; the public group page is written for the public and names a member's lived-experience
/// seat only with their own consent; an advert holding template placeholders is not published.
final class PublicFrontDoorTests: XCTestCase {
    static let landmark = UrgentHelpTests.landmark

    func testSignedOutTheFrontDoorLeadsToWhatThePartnershipPublishes() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let door = try await visitor.get("/")
            XCTAssertEqual(door.status, .ok)
            XCTAssertEqual(
                door.h1, "A community mental health partnership", "sensible before an administrator names it")
            XCTAssertTrue(door.contains(Self.landmark), "urgent help is on the front door")
            for (path, label) in [
                ("/opportunities", "Get involved"), ("/directory", "Community directory"),
                ("/published/you-said-we-did", "You said, we did"),
                ("/published/groups", "Groups, decisions and terms of reference"), ("/sign-in", "Sign in"),
            ] {
                XCTAssertTrue(door.contains(#"<a href="\#(path)">\#(label)</a>"#), label)
                let followed = try await app.browser().get(path)
                XCTAssertEqual(followed.status, .ok, path)
            }
            XCTAssertFalse(door.contains("/published/roadmap"), "the roadmap is linked only once it is published")
            // signed in, "/" is the person's own home page, as before
            let (member, _) = try await app.signedIn(as: .member, name: "Mo Fictional")
            let home = try await member.get("/")
            XCTAssertEqual(home.h1, "Hello, Mo Fictional")
            XCTAssertFalse(home.contains(Self.landmark))
        }
    }

    func testAnAdministratorNamesThePartnershipAndOthersMayNot() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            // refusals
            let managersForm = try await manager.get("/admin/front-door")
            XCTAssertEqual(managersForm.status, .forbidden)
            let notTheirs = try await manager.post(
                "/admin/front-door", [("partnership_name", "X"), ("purpose", "Y")])
            XCTAssertEqual(notTheirs.status, .forbidden)
            let form = try await admin.get("/admin/front-door")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "The public front door")
            let noToken = try await admin.post(
                "/admin/front-door", [("partnership_name", "X"), ("purpose", "Y")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let bad = try await admin.post(
                "/admin/front-door",
                [("partnership_name", ""), ("purpose", String(repeating: "x", count: 2_001))])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.contains("Enter the partnership&#39;s name"))
            XCTAssertTrue(bad.contains(String(repeating: "x", count: 2_001)), "what was typed is kept")
            // act
            let saved = try await admin.post(
                "/admin/front-door",
                [
                    ("partnership_name", "Example Vale Partnership"),
                    ("purpose", "Shaping care together in Example Vale."),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            // check
            let door = try await app.browser().get("/")
            XCTAssertEqual(door.h1, "Example Vale Partnership")
            XCTAssertTrue(door.contains("Shaping care together in Example Vale."))
            XCTAssertEqual(door.title, "Example Vale Partnership – Alongside")
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'front_door_settings'")
            }
            XCTAssertEqual(audit, "Set the public front door to introduce Example Vale Partnership")
        }
    }

    func testThePublishedGroupsAreListedForThePublic() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let empty = try await visitor.get("/published/groups")
            XCTAssertEqual(empty.status, .ok)
            XCTAssertTrue(empty.contains("No groups have been published yet."))
            XCTAssertTrue(empty.contains(UrgentHelpTests.landmark))
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let open = try await GroupsTests.createGroup(manager, name: "Open Group", visibility: .published)
            _ = try await GroupsTests.createGroup(manager, name: "Private Group")
            let id = try XCTUnwrap(open.split(separator: "/").last)
            let list = try await visitor.get("/published/groups")
            XCTAssertTrue(list.contains(#"<a href="/published/groups/\#(id)">Open Group</a>"#))
            XCTAssertFalse(list.contains("Private Group"))
        }
    }

    /// The public group page: no internal links, no "Who can see it", and a member's lived-experience seat only with
    /// their consent, which they give themselves and nobody else can give for them.
    func testThePublicGroupPageNamesALivedExperienceSeatOnlyWithTheMembersOwnConsent() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let path = try await GroupsTests.createGroup(manager, name: "Open Group", visibility: .published)
            let id = String(try XCTUnwrap(path.split(separator: "/").last))
            let (casey, caseyUser) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Fictional")
            let (other, otherUser) = try await app.signedIn(
                as: .member, email: "other@example.org", name: "Oli Fictional")
            _ = try await manager.get(path + "/members/new")
            for (user, sector) in [(caseyUser, "expert_by_experience"), (otherUser, "icb")] {
                let added = try await manager.post(
                    path + "/members",
                    [
                        ("person", String(user.id!)), ("seat", "member"), ("sector", sector), ("organisation", ""),
                        ("deputy", ""), ("starts_on", "2026-01-01"), ("ends_on", ""),
                    ])
                XCTAssertEqual(added.status, .seeOther)
            }
            let membershipID = try await app.services.pool.read { db in
                try XCTUnwrap(
                    Int64.fetchOne(db, sql: "SELECT id FROM memberships WHERE user_id = ?", arguments: [caseyUser.id!]))
            }
            let consent = "\(path)/members/\(membershipID)/named-publicly"
            // check: off by default
            let visitor = app.browser()
            let before = try await visitor.get("/published/groups/\(id)")
            XCTAssertEqual(before.status, .ok)
            XCTAssertTrue(before.contains(#"<a class="back-link" href="/published/groups">All published groups</a>"#))
            XCTAssertFalse(before.contains("Who can see it"))
            XCTAssertFalse(before.contains(#"href="/groups"#), "no link into the signed-in workspace")
            XCTAssertTrue(before.contains("<th scope=\"row\">Casey Fictional</th>"), "named as a member")
            XCTAssertFalse(before.contains("<td>Expert by experience</td>"))
            XCTAssertTrue(before.contains("<td>Not shown publicly</td>"))
            XCTAssertTrue(before.contains("1 member not named here"))
            XCTAssertFalse(before.contains("no expert by experience or carer is chair"), "staff guidance stays inside")
            // the member sees the choice on their group page, the manager does not
            let own = try await casey.get(path)
            XCTAssertTrue(own.contains("May the group's public page say you are here as an expert by experience?"))
            let managersGroupPage = try await manager.get(path)
            XCTAssertFalse(managersGroupPage.contains("May the group's public page say"))
            // refusals: the manager, another member, no token, a made-up answer
            let byManager = try await manager.post(consent, [("named_publicly", "yes")])
            XCTAssertEqual(byManager.status, .forbidden, "a manager cannot consent for the member")
            let byOther = try await other.post(consent, [("named_publicly", "yes")])
            XCTAssertEqual(byOther.status, .forbidden)
            let noToken = try await casey.post(consent, [("named_publicly", "yes")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let bad = try await casey.post(consent, [("named_publicly", "perhaps")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(
                bad.contains("Choose whether the public page may say you are here as an expert by experience or carer"))
            let missing = try await casey.post("\(path)/members/999999/named-publicly", [("named_publicly", "yes")])
            XCTAssertEqual(missing.status, .notFound)
            let stillHidden = try await visitor.get("/published/groups/\(id)")
            XCTAssertTrue(stillHidden.contains("<td>Not shown publicly</td>"))
            // act
            let agreed = try await casey.post(consent, [("named_publicly", "yes")])
            XCTAssertEqual(agreed.status, .seeOther)
            // check
            let after = try await visitor.get("/published/groups/\(id)")
            XCTAssertTrue(after.contains("<td>Expert by experience</td>"))
            XCTAssertFalse(after.contains("Not shown publicly"))
            XCTAssertTrue(after.contains("<td>Casey Fictional</td>"), "named for the lived-experience seat")
            let withdrawn = try await casey.post(consent, [("named_publicly", "no")])
            XCTAssertEqual(withdrawn.status, .seeOther)
            let hiddenAgain = try await visitor.get("/published/groups/\(id)")
            XCTAssertTrue(hiddenAgain.contains("<td>Not shown publicly</td>"))
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE action = 'public naming' ORDER BY id")
            }
            XCTAssertEqual(
                audit,
                [
                    "Casey Fictional agreed to be named as an expert by experience on the public page",
                    "Casey Fictional chose not to be named as an expert by experience on the public page",
                ])
        }
    }

    func testAnAdvertHoldingTemplatePlaceholdersIsNotPublished() async throws {
        try await withApp { app in
            // setup: a role straight from the template, placeholders and all
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            _ = try await manager.get("/involvement/roles/new?start=template")
            let raw = InvolvementForms.formData(RoleTemplate.expertByExperienceLeader)
            let fields = InvolvementRolesTests.roleFields().map { name, value in
                (name, name == "how_to_apply" ? raw["how_to_apply"] : value)
            }
            let created = try await manager.post("/involvement/roles/new", fields)
            let role = try XCTUnwrap(created.location)
            _ = try await manager.get(role)
            // act
            let refused = try await manager.post(role + "/advert", [("closes_on", "2026-10-01")])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(
                refused.errorSummary,
                [
                    "The role description still has the template's placeholders [name], [email address] and [phone number]. Edit the role description to put the real details in before publishing the advert"
                ])
            XCTAssertEqual(refused.inputValue("closes_on"), "2026-10-01", "the date typed is kept")
            let list = try await app.browser().get("/opportunities")
            XCTAssertFalse(list.contains("Expert by experience leader"), "nothing published")
        }
    }
}
