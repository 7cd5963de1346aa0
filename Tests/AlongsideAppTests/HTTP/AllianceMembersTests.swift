import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Adding organisations to an alliance, their pages, status moves, and representatives and agreements (issue 6).
/// The test clock starts on Monday 21 September 2026.
final class AllianceMembersTests: XCTestCase {
    static func path(_ alliance: Int64, _ rest: String = "") -> String { "/groups/\(alliance)/alliance" + rest }

    /// A version of the alliance's terms of reference, written directly.
    static func terms(_ app: TestContext, alliance: Int64, number: Int, status: String = "adopted") async throws {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO terms_of_reference (group_id, version_number, status, scope, attendance, deputies_allowed, decision_method, quorum_kind,
                                                    quorum_value, quorum_needs_lived_experience, ways_of_working, created_at, updated_at)
                    VALUES (?, ?, ?, 'Scope', 'Attendance', 1, 'consensus', 'share', 50, 1, 'Ways of working', ?, ?)
                    """, arguments: [alliance, number, status, AllianceFixtures.now, AllianceFixtures.now])
        }
    }

    static func setOrganisationStatus(_ app: TestContext, _ id: Int64, _ status: OrganisationStatus) async throws {
        try await app.services.pool.write { db in
            try db.execute(sql: "UPDATE organisations SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
        }
    }

    static func audits(_ app: TestContext, kind: String) async throws -> [String] {
        try await app.services.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT summary FROM audit_events WHERE record_kind = ? ORDER BY id", arguments: [kind])
        }
    }

    // MARK: Adding

    func testAnAllianceLeadAddsAnOrganisationFromTheRegister() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead, name: "Lee Lead")
            let alliance = try await AllianceFixtures.alliance(app)
            try await Self.terms(app, alliance: alliance, number: 1)
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let peer = try await AllianceFixtures.organisation(
                app, name: "Brightwater Peer Network", communities: [refugees])
            let present = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            let closed = try await AllianceFixtures.organisation(app, name: "Shut Door Trust")
            try await Self.setOrganisationStatus(app, closed, .closed)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: present)
            // act
            let form = try await lead.get(Self.path(alliance, "/members/new"))
            // check
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Add an organisation to the alliance")
            XCTAssertTrue(form.contains("Brightwater Peer Network"))
            XCTAssertFalse(form.contains("Amberley Signing Circle"), "already in the alliance")
            XCTAssertFalse(form.contains("Shut Door Trust"), "closed on the register")
            XCTAssertTrue(
                form.contains("href=\"/organisations/new?then=/groups/\(alliance)/alliance/members/new\""),
                "registering a new organisation leads back here (issue 18)")
            XCTAssertTrue(form.contains("Version 1 (adopted)"))
            XCTAssertEqual(form.inputValue("on_day"), "2026-09-21", "today to start with")
            // act
            let added = try await lead.post(
                Self.path(alliance, "/members/new"),
                [
                    ("organisation", String(peer)), ("status", "joining"), ("on_day", "2026-09-01"),
                    ("representative_name", "Jo Placeholder"),
                    ("representative_email", "jo@example.org"), ("principles_agreed_on", "2026-09-02"),
                    ("terms_agreed_on", "2026-09-03"), ("terms_version", "1"),
                ])
            // check
            XCTAssertEqual(added.status, .seeOther)
            let memberPath = try XCTUnwrap(added.location)
            XCTAssertTrue(memberPath.hasPrefix(Self.path(alliance, "/members/")))
            let page = try await lead.get(memberPath)
            XCTAssertEqual(page.h1, "Brightwater Peer Network")
            XCTAssertTrue(page.contains("is in the alliance as joining"), "a flash message says what happened")
            XCTAssertTrue(page.contains("Joining</span> since 1 September 2026"))
            XCTAssertTrue(page.contains("Jo Placeholder") && page.contains("jo@example.org"))
            XCTAssertTrue(page.contains("Yes, 2 September 2026") && page.contains("Yes, 3 September 2026 (version 1)"))
            XCTAssertTrue(page.contains("Refugees and people seeking asylum (under-served)"))
            XCTAssertTrue(page.contains("href=\"/organisations/\(peer)\""))
            let history = try XCTUnwrap(
                page.firstMatch(#"Every change of status, newest first</caption>(.*?)</table>"#))
            XCTAssertTrue(history.contains("1 September 2026") && history.contains("Lee Lead"))
            let logged = try await Self.audits(app, kind: "alliance_member")
            XCTAssertEqual(logged, ["Added Brightwater Peer Network to the alliance as joining"])
        }
    }

    func testAddingRefusesWhatCannotJoinAndKeepsWhatWasTyped() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            try await Self.terms(app, alliance: alliance, number: 1)
            let elsewhere = try await AllianceFixtures.alliance(app, name: "Meadowford Alliance")
            try await Self.terms(app, alliance: elsewhere, number: 2)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let present = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            let closed = try await AllianceFixtures.organisation(app, name: "Shut Door Trust")
            try await Self.setOrganisationStatus(app, closed, .closed)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: present)
            _ = try await lead.get(Self.path(alliance, "/members/new"))
            func fields(_ changes: [String: String]) -> [(String, String)] {
                var base: [String: String] = [
                    "organisation": String(peer), "status": "member", "on_day": "2026-09-01",
                    "representative_name": "Jo Placeholder",
                    "representative_email": "jo@example.org", "principles_agreed_on": "", "terms_agreed_on": "",
                    "terms_version": "",
                ]
                base.merge(changes) { $1 }
                return base.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
            let cases: [([String: String], String)] = [
                (
                    ["organisation": String(present)],
                    "Amberley Signing Circle is already in this alliance. Change its status on its member page"
                ),
                (["organisation": String(closed)], "Shut Door Trust is closed on the register, so it cannot join"),
                (["organisation": ""], "Select an organisation from the register"),
                (["status": "paused"], "Select where the organisation has got to"),
                (["on_day": "2026-09-22"], "The day cannot be in the future"),
                (["on_day": ""], "Enter the day it reached this status"),
                (
                    ["representative_email": "jo at example"],
                    "Enter an email address in the right format, like name@example.org"
                ),
                (["principles_agreed_on": "2026-10-01"], "The day it was agreed cannot be in the future"),
                (
                    ["terms_agreed_on": "2026-09-01", "terms_version": "2"],
                    "Select a version of this alliance's terms of reference"
                ),
                (["terms_agreed_on": "2026-09-01"], "Select the version of the terms of reference it agreed"),
                (["terms_version": "1"], "Enter the day it agreed the terms of reference"),
            ]
            for (changes, message) in cases {
                // act
                let refused = try await lead.post(Self.path(alliance, "/members/new"), fields(changes))
                // check
                XCTAssertEqual(refused.status, .unprocessableContent, message)
                XCTAssertEqual(refused.errorSummary, [message])
                XCTAssertEqual(refused.inputValue("representative_name"), "Jo Placeholder", "what was typed is kept")
                XCTAssertEqual(refused.inputValue("on_day"), changes["on_day"] ?? "2026-09-01")
            }
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM alliance_members WHERE group_id = ?", arguments: [alliance]) ?? 0
            }
            XCTAssertEqual(count, 1, "nothing refused was saved")
        }
    }

    // MARK: Status

    func testStatusMovesAreKeptInTheHistory() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead, name: "Lee Lead")
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let member = try await AllianceFixtures.member(
                app, alliance: alliance, organisation: peer, status: .joining, since: "2026-04-01")
            let page = try await lead.get(Self.path(alliance, "/members/\(member)"))
            XCTAssertTrue(
                page.contains("value=\"member\"") && page.contains("value=\"interested\"")
                    && page.contains("value=\"left\""))
            XCTAssertFalse(page.contains("type=\"radio\" value=\"paused\""), "joining cannot move to paused")
            XCTAssertEqual(page.inputValue("version"), "1")
            // act
            let moved = try await lead.post(
                Self.path(alliance, "/members/\(member)/status"),
                [("status", "member"), ("on_day", "2026-05-01"), ("note", "Signed the agreement"), ("version", "1")])
            let paused = try await lead.post(
                Self.path(alliance, "/members/\(member)/status"),
                [("status", "paused"), ("on_day", "2026-09-21"), ("note", ""), ("version", "2")])
            // check
            XCTAssertEqual(moved.status, .seeOther)
            XCTAssertEqual(paused.status, .seeOther)
            let after = try await lead.get(Self.path(alliance, "/members/\(member)"))
            XCTAssertTrue(after.contains("Paused</span> since 21 September 2026"))
            XCTAssertTrue(after.contains("First became a member: 1 May 2026"))
            let history = try XCTUnwrap(
                after.firstMatch(#"Every change of status, newest first</caption>(.*?)</table>"#))
            XCTAssertTrue(history.contains("Signed the agreement") && history.contains("Lee Lead"))
            let order = ["21 September 2026", "1 May 2026", "1 April 2026"].compactMap {
                history.range(of: $0)?.lowerBound
            }
            XCTAssertEqual(order.count, 3)
            XCTAssertEqual(order, order.sorted(), "newest first")
            let logged = try await Self.audits(app, kind: "alliance_member")
            XCTAssertEqual(
                logged,
                [
                    "Moved Brightwater Peer Network from joining to member",
                    "Moved Brightwater Peer Network from member to paused",
                ])
        }
    }

    func testAMoveNotAllowedADayOutOfRangeOrAStaleVersionIsRefused() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let elsewhere = try await AllianceFixtures.alliance(app, name: "Meadowford Alliance")
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let member = try await AllianceFixtures.member(
                app, alliance: alliance, organisation: peer, since: "2026-04-01")
            let path = Self.path(alliance, "/members/\(member)/status")
            _ = try await lead.get(Self.path(alliance, "/members/\(member)"))
            let cases: [([(String, String)], String)] = [
                (
                    [("status", "interested"), ("on_day", "2026-09-01"), ("note", "Kept note"), ("version", "1")],
                    "Member cannot move to interested. It can move to: paused, left"
                ),
                (
                    [("status", "bogus"), ("on_day", "2026-09-01"), ("note", "Kept note"), ("version", "1")],
                    "Select the new status"
                ),
                (
                    [("status", "paused"), ("on_day", "2026-09-22"), ("note", "Kept note"), ("version", "1")],
                    "The day cannot be in the future"
                ),
                (
                    [("status", "paused"), ("on_day", "2026-03-31"), ("note", "Kept note"), ("version", "1")],
                    "The day cannot be before the current status began on 1 April 2026"
                ),
            ]
            for (fields, message) in cases {
                // act
                let refused = try await lead.post(path, fields)
                // check
                XCTAssertEqual(refused.status, .unprocessableContent, message)
                XCTAssertEqual(refused.errorSummary, [message])
                XCTAssertTrue(refused.contains(">Kept note</textarea>"), "the note is kept")
                XCTAssertEqual(refused.inputValue("on_day"), fields[1].1)
            }
            // act: someone else moves it first
            let first = try await lead.post(path, [("status", "paused"), ("on_day", "2026-09-01"), ("version", "1")])
            XCTAssertEqual(first.status, .seeOther)
            let stale = try await lead.post(
                path, [("status", "left"), ("on_day", "2026-09-02"), ("note", "Mine"), ("version", "1")])
            // check
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("Someone else changed this member"))
            XCTAssertEqual(stale.inputValue("version"), "2", "the form now carries the current version")
            let current = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).member(
                id: member, groupID: alliance)
            XCTAssertEqual(current?.status, .paused)
            // a member under another alliance is not found there
            _ = try await lead.get(Self.path(elsewhere))
            let wrongAlliance = try await lead.post(
                Self.path(elsewhere, "/members/\(member)/status"),
                [("status", "left"), ("on_day", "2026-09-02"), ("version", "2")])
            XCTAssertEqual(wrongAlliance.status, .notFound)
            for page in ["/members/\(member)", "/members/\(member)/edit", "/members/9999"] {
                let missing = try await lead.get(Self.path(elsewhere, page))
                XCTAssertEqual(missing.status, .notFound, page)
            }
        }
    }

    func testAnOrganisationThatLeftCanRejoin() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let member = try await AllianceFixtures.member(
                app, alliance: alliance, organisation: peer, status: .left, since: "2026-04-01")
            _ = try await lead.get(Self.path(alliance, "/members/\(member)"))
            let rejoined = try await lead.post(
                Self.path(alliance, "/members/\(member)/status"),
                [("status", "joining"), ("on_day", "2026-09-21"), ("version", "1")])
            XCTAssertEqual(rejoined.status, .seeOther)
            let again = try await lead.post(
                Self.path(alliance, "/members/new"),
                [("organisation", String(peer)), ("status", "member"), ("on_day", "2026-09-21")])
            XCTAssertEqual(
                again.status, .unprocessableContent,
                "a rejoining organisation moves status rather than being added twice")
        }
    }

    // MARK: Representative and agreements

    func testRepresentativeAndAgreementsAreEditedWithAVersionCheck() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            try await Self.terms(app, alliance: alliance, number: 1, status: "superseded")
            try await Self.terms(app, alliance: alliance, number: 2)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let member = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            let path = Self.path(alliance, "/members/\(member)/edit")
            let form = try await lead.get(path)
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.inputValue("version"), "1")
            XCTAssertTrue(form.contains("Version 2 (adopted)") && form.contains("Version 1 (superseded)"))
            // act: bad input
            let refused = try await lead.post(
                path,
                [
                    ("representative_name", "Jo Placeholder"), ("representative_email", "jo@"),
                    ("terms_agreed_on", "2026-09-01"), ("terms_version", "2"), ("version", "1"),
                ])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.errorSummary, ["Enter an email address in the right format, like name@example.org"])
            XCTAssertEqual(refused.inputValue("representative_email"), "jo@")
            XCTAssertTrue(refused.contains("<option value=\"2\" selected>"))
            // act: saved
            let saved = try await lead.post(
                path,
                [
                    ("representative_name", "Jo Placeholder"), ("representative_email", "jo@example.org"),
                    ("principles_agreed_on", "2026-08-01"), ("terms_agreed_on", "2026-09-01"), ("terms_version", "2"),
                    ("version", "1"),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.location, Self.path(alliance, "/members/\(member)"))
            let stored = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).member(
                id: member, groupID: alliance)
            XCTAssertEqual(stored?.representativeName, "Jo Placeholder")
            XCTAssertEqual(stored?.termsVersion, 2)
            XCTAssertEqual(stored?.principlesAgreedOn, "2026-08-01")
            XCTAssertEqual(stored?.version, 2)
            let overview = try await lead.get(Self.path(alliance))
            XCTAssertTrue(
                overview.contains("Yes, 1 August 2026") && overview.contains("Yes, 1 September 2026 (version 2)"))
            // act: a save made from the old version
            let stale = try await lead.post(
                path, [("representative_name", "Sam Other"), ("representative_email", ""), ("version", "1")])
            // check
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("The version saved by someone else") && stale.contains("Jo Placeholder"))
            XCTAssertEqual(stale.inputValue("representative_name"), "Sam Other", "what this person typed is kept")
            XCTAssertEqual(stale.inputValue("version"), "2")
            let replaced = try await lead.post(
                path, [("representative_name", "Sam Other"), ("representative_email", ""), ("version", "2")])
            XCTAssertEqual(replaced.status, .seeOther, "saving again replaces theirs")
            let logged = try await Self.audits(app, kind: "alliance_member")
            XCTAssertEqual(logged.count, 2)
        }
    }
}
