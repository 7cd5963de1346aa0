import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The alliance hub, overview, principles and publication, members download and accountable body (issue 6).
/// Membership forms are in `AllianceMembersTests`. The test clock starts on Monday 21 September 2026.
final class AllianceTests: XCTestCase {
    static func path(_ alliance: Int64, _ rest: String = "") -> String { "/groups/\(alliance)/alliance" + rest }

    /// A person with `role` who is a member of the alliance group, added by the lead through the group's form.
    static func groupMember(
        _ app: TestContext, lead: TestBrowser, alliance: Int64, role: Role = .expertByExperience,
        email: String = "ebe-member@example.org"
    ) async throws -> TestBrowser {
        let (browser, user) = try await app.signedIn(as: role, email: email, name: "Robin Example")
        try await DecisionFixtures.addMember(lead, group: "/groups/\(alliance)", user: user)
        return browser
    }

    /// Corrects a decision to "not agreed", so it no longer stands.
    static func overturn(_ app: TestContext, decision: Int64, by user: User) async throws {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO decisions (group_id, title, question, method, members_total, members_present, lived_experience_present,
                                           quorum_met, outcome, rationale, is_valid, recorded_by, recorded_at, corrects_decision_id,
                                           original_decision_id, correction_reason)
                    SELECT group_id, title, question, method, members_total, members_present, lived_experience_present, quorum_met,
                           'not_agreed', rationale, 1, ?, recorded_at, id, id, 'Recorded wrongly'
                      FROM decisions WHERE id = ?
                    """, arguments: [user.id!, decision])
        }
    }

    static func auditCount(_ app: TestContext, kind: String) async throws -> Int {
        try await app.services.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_events WHERE record_kind = ?", arguments: [kind]) ?? 0
        }
    }

    // MARK: Hub

    func testTheHubListsTheAlliancesEachPersonCanSee() async throws {
        try await withApp { app in
            // setup
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let brightwater = try await AllianceFixtures.alliance(app)
            let open = try await AllianceFixtures.alliance(
                app, name: "Meadowford Open Alliance", visibility: .published)
            let hidden = try await AllianceFixtures.alliance(app, name: "Riverside Quiet Alliance")
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            _ = try await AllianceFixtures.member(app, alliance: brightwater, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: brightwater, organisation: circle, status: .joining)
            let decision = try await AllianceFixtures.decision(app, alliance: brightwater, by: leadUser)
            _ = try await lead.get(Self.path(brightwater, "/accountable-body"))
            let elected = try await lead.post(
                Self.path(brightwater, "/accountable-body"),
                [("organisation", String(peer)), ("decision", String(decision)), ("starts_on", "2026-09-01")])
            XCTAssertEqual(elected.status, .seeOther)
            let ebe = try await Self.groupMember(app, lead: lead, alliance: brightwater)
            let (outsider, _) = try await app.signedIn(as: .member)
            // act
            let leads = try await lead.get("/alliance")
            let members = try await ebe.get("/alliance")
            let outsiders = try await outsider.get("/alliance")
            // check
            XCTAssertEqual(leads.status, .ok)
            XCTAssertEqual(leads.h1, "VCSE alliance")
            for name in ["Brightwater VCSE Alliance", "Meadowford Open Alliance", "Riverside Quiet Alliance"] {
                XCTAssertTrue(leads.contains(name), name)
            }
            XCTAssertTrue(leads.contains("1 member, 1 joining"))
            XCTAssertTrue(leads.contains(">Brightwater Peer Network<"), "the accountable body is named")
            XCTAssertTrue(leads.contains("href=\"/organisations\"") && leads.contains("href=\"/communities\""))
            XCTAssertTrue(leads.contains("href=\"/groups/new\""), "alliance leads may create groups")
            XCTAssertTrue(members.contains("Brightwater VCSE Alliance") && members.contains("Meadowford Open Alliance"))
            XCTAssertFalse(
                members.contains("Riverside Quiet Alliance"), "a private alliance is for its members and managers")
            XCTAssertFalse(members.contains("href=\"/groups/new\""))
            XCTAssertTrue(outsiders.contains("Meadowford Open Alliance"), "everyone sees published alliances")
            XCTAssertFalse(outsiders.contains("Brightwater VCSE Alliance"))
            XCTAssertTrue(leads.contains(Self.path(open)) && leads.contains(Self.path(hidden)))
            let nav = try await outsider.get("/")
            XCTAssertTrue(nav.contains(">Alliance</a>"), "the navigation has the alliance")
            let signedOut = try await app.browser().get("/alliance")
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertEqual(signedOut.location, "/sign-in?next=/alliance")
        }
    }

    // MARK: Overview

    func testTheOverviewShowsPrinciplesAccountableBodyMembersAndReach() async throws {
        try await withApp { app in
            // setup
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let rural = try await AllianceFixtures.community(app, named: "Rural and farming communities")
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let peer = try await AllianceFixtures.organisation(
                app, name: "Brightwater Peer Network", size: .micro, communities: [refugees, carers])
            let farm = try await AllianceFixtures.organisation(
                app, name: "Hollow Lane Farmers Trust", communities: [rural])
            let peerMember = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: farm, status: .interested)
            _ = try await lead.get(Self.path(alliance, "/settings"))
            let saved = try await lead.post(
                Self.path(alliance, "/settings"),
                [("principles", "We share what we learn.\nWe pay people for their time.")])
            XCTAssertEqual(saved.status, .seeOther)
            let decision = try await AllianceFixtures.decision(app, alliance: alliance, by: leadUser)
            _ = try await lead.get(Self.path(alliance, "/accountable-body"))
            _ = try await lead.post(
                Self.path(alliance, "/accountable-body"),
                [("organisation", String(peer)), ("decision", String(decision)), ("starts_on", "2026-09-01")])
            // act
            let page = try await lead.get(Self.path(alliance))
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Brightwater VCSE Alliance")
            XCTAssertTrue(
                page.contains("<p>We share what we learn.</p>") && page.contains("<p>We pay people for their time.</p>")
            )
            XCTAssertTrue(page.contains("<strong>Brightwater Peer Network</strong> since 1 September 2026"))
            XCTAssertTrue(
                page.contains("href=\"/groups/\(alliance)/decisions/\(decision)\""),
                "the decision that elected it is linked")
            XCTAssertFalse(page.contains("no longer stands"))
            XCTAssertTrue(page.contains("href=\"\(Self.path(alliance, "/members/\(peerMember)"))\""))
            XCTAssertTrue(page.contains("Micro"))
            XCTAssertTrue(page.contains("Not yet"), "agreements not yet made say so")
            let reached = try XCTUnwrap(
                page.firstMatch(#"Under-served communities reached, and by whom</caption>(.*?)</table>"#))
            XCTAssertTrue(
                reached.contains("Refugees and people seeking asylum") && reached.contains("Brightwater Peer Network"))
            XCTAssertFalse(reached.contains("Rural"), "an interested organisation does not count towards reach")
            let notYet = try XCTUnwrap(page.firstMatch(#"not yet reached</h3>(.*?)</ul>"#))
            XCTAssertTrue(notYet.contains("Rural and farming communities"))
            XCTAssertFalse(notYet.contains("Refugees"))
            XCTAssertTrue(page.contains("Other communities reached") && page.contains("<th scope=\"row\">Carers</th>"))
            for link in [
                Self.path(alliance, "/funding"), "/groups/\(alliance)/decisions", "/groups/\(alliance)/terms",
                Self.path(alliance, "/members.csv"),
                Self.path(alliance, "/members/new"), Self.path(alliance, "/settings"),
            ] {
                XCTAssertTrue(page.contains("href=\"\(link)\""), link)
            }
            XCTAssertFalse(page.contains("/published/groups/\(alliance)/alliance"), "not published yet")
            // act: the decision is corrected to "not agreed"
            try await Self.overturn(app, decision: decision, by: leadUser)
            let after = try await lead.get(Self.path(alliance))
            // check
            XCTAssertTrue(after.contains("the decision that elected the accountable body no longer stands"))
        }
    }

    func testReadersReadAndOnlyManagersManage() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let member = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            let ebe = try await Self.groupMember(app, lead: lead, alliance: alliance)
            let (outsider, _) = try await app.signedIn(as: .member, email: "outsider@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let other = try await AllianceFixtures.otherGroup(app)
            let readable = [
                Self.path(alliance), Self.path(alliance, "/members/\(member)"),
                Self.path(alliance, "/accountable-body"),
                Self.path(alliance, "/members.csv"),
            ]
            let manageable = [
                Self.path(alliance, "/settings"), Self.path(alliance, "/members/new"),
                Self.path(alliance, "/members/\(member)/edit"),
            ]
            // act and check: a member of the alliance group reads; managers read and manage
            for path in readable {
                let read = try await ebe.get(path)
                XCTAssertEqual(read.status, .ok, path)
                let managed = try await manager.get(path)
                XCTAssertEqual(managed.status, .ok, path)
                let hidden = try await outsider.get(path)
                XCTAssertEqual(
                    hidden.status, .notFound, "a private alliance is hidden from staff who are not in it: \(path)")
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
            }
            let memberPage = try await ebe.get(Self.path(alliance, "/members/\(member)"))
            XCTAssertFalse(memberPage.contains("Change the status"), "readers see no status form")
            let overview = try await ebe.get(Self.path(alliance))
            XCTAssertFalse(overview.contains("Add an organisation"))
            let bodyPage = try await ebe.get(Self.path(alliance, "/accountable-body"))
            XCTAssertFalse(bodyPage.contains("Record an election"))
            for path in manageable {
                let refused = try await ebe.get(path)
                XCTAssertEqual(refused.status, .forbidden, path)
                let hidden = try await outsider.get(path)
                XCTAssertEqual(hidden.status, .notFound, path)
                let allowed = try await lead.get(path)
                XCTAssertEqual(allowed.status, .ok, path)
            }
            let posts: [(String, [(String, String)])] = [
                (Self.path(alliance, "/settings"), [("principles", "Changed by someone not allowed")]),
                (
                    Self.path(alliance, "/members/new"),
                    [("organisation", String(peer)), ("status", "member"), ("on_day", "2026-09-01")]
                ),
                (
                    Self.path(alliance, "/members/\(member)/status"),
                    [("status", "paused"), ("on_day", "2026-09-21"), ("version", "1")]
                ),
                (
                    Self.path(alliance, "/members/\(member)/edit"),
                    [("representative_name", "Someone"), ("version", "1")]
                ),
                (
                    Self.path(alliance, "/accountable-body"),
                    [("organisation", String(peer)), ("decision", "1"), ("starts_on", "2026-09-01")]
                ),
            ]
            _ = try await ebe.get(Self.path(alliance))
            _ = try await outsider.get("/alliance")
            let visitor = app.browser()
            _ = try await visitor.get("/sign-in")
            for (path, fields) in posts {
                let refused = try await ebe.post(path, fields)
                XCTAssertEqual(refused.status, .forbidden, path)
                let hidden = try await outsider.post(path, fields)
                XCTAssertEqual(hidden.status, .notFound, path)
                let noToken = try await lead.post(path, fields, csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "missing CSRF token: \(path)")
                let signedOut = try await visitor.post(path, fields)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in") ?? false, path)
            }
            let unchanged = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).settings(
                groupID: alliance)
            XCTAssertEqual(unchanged.principles, "")
            // a group of another kind has no alliance pages
            for path in [
                Self.path(other), Self.path(other, "/settings"), Self.path(other, "/members/new"),
                Self.path(other, "/accountable-body"),
                Self.path(other, "/members.csv"), Self.path(other, "/members/\(member)"),
            ] {
                let missing = try await lead.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let missing = try await lead.get(Self.path(9999))
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    // MARK: Principles and publication

    func testPrinciplesAndPublicationAreSavedAndAudited() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let form = try await lead.get(Self.path(alliance, "/settings"))
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("Publish the membership for anyone to read"))
            // act: too long
            let tooLong = String(repeating: "a", count: 5001)
            let refused = try await lead.post(
                Self.path(alliance, "/settings"), [("principles", tooLong), ("published", "yes")])
            // check
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(refused.errorSummary, ["The principles must be 5000 characters or fewer"])
            XCTAssertTrue(refused.contains(tooLong), "what was typed is kept")
            XCTAssertTrue(refused.contains(#"value="yes" checked"#), "the tick is kept")
            // act: saved
            let saved = try await lead.post(
                Self.path(alliance, "/settings"), [("principles", "Open and honest"), ("published", "yes")])
            // check
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(saved.location, Self.path(alliance))
            let settings = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).settings(
                groupID: alliance)
            XCTAssertEqual(
                settings, AllianceSettings(groupID: alliance, principles: "Open and honest", membershipPublished: true))
            let audits = try await Self.auditCount(app, kind: "alliance")
            XCTAssertEqual(audits, 1)
            let again = try await lead.get(Self.path(alliance, "/settings"))
            XCTAssertTrue(again.contains(#"value="yes" checked"#) && again.contains("Open and honest"))
            // act: unpublished again
            _ = try await lead.post(Self.path(alliance, "/settings"), [("principles", "Open and honest")])
            let unpublished = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).settings(
                groupID: alliance)
            XCTAssertFalse(unpublished.membershipPublished)
        }
    }

    func testThePublishedPageIsHiddenUntilPublishedThenShowsMembersButNoRepresentatives() async throws {
        try await withApp { app in
            // setup
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            let farm = try await AllianceFixtures.organisation(app, name: "Hollow Lane Farmers Trust")
            let mill = try await AllianceFixtures.organisation(app, name: "Old Mill Veterans")
            let peerMember = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: circle, status: .joining)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: farm, status: .interested)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: mill, status: .left)
            _ = try await lead.get(Self.path(alliance, "/members/\(peerMember)/edit"))
            let edited = try await lead.post(
                Self.path(alliance, "/members/\(peerMember)/edit"),
                [
                    ("representative_name", "Jo Placeholder"), ("representative_email", "jo@example.org"),
                    ("version", "1"),
                ])
            XCTAssertEqual(edited.status, .seeOther)
            let decision = try await AllianceFixtures.decision(app, alliance: alliance, by: leadUser)
            _ = try await lead.get(Self.path(alliance, "/accountable-body"))
            _ = try await lead.post(
                Self.path(alliance, "/accountable-body"),
                [("organisation", String(peer)), ("decision", String(decision)), ("starts_on", "2026-09-01")])
            let visitor = app.browser()
            let other = try await AllianceFixtures.otherGroup(app)
            // act and check: not published
            let hidden = try await visitor.get("/published/groups/\(alliance)/alliance")
            XCTAssertEqual(hidden.status, .notFound)
            let notAlliance = try await visitor.get("/published/groups/\(other)/alliance")
            XCTAssertEqual(notAlliance.status, .notFound)
            // act: published
            _ = try await lead.get(Self.path(alliance, "/settings"))
            _ = try await lead.post(
                Self.path(alliance, "/settings"), [("principles", "We work together"), ("published", "yes")])
            let page = try await visitor.get("/published/groups/\(alliance)/alliance")
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Brightwater VCSE Alliance")
            XCTAssertTrue(page.contains("We work together"))
            XCTAssertTrue(page.contains("Brightwater Peer Network, elected by the alliance"))
            XCTAssertTrue(page.contains("Amberley Signing Circle"), "joining organisations are shown")
            XCTAssertFalse(page.contains("Hollow Lane Farmers Trust"), "interested organisations are not")
            XCTAssertFalse(page.contains("Old Mill Veterans"), "organisations that left are not")
            XCTAssertFalse(
                page.contains("Jo Placeholder") || page.contains("jo@example.org"), "no representatives or contacts")
            let overview = try await lead.get(Self.path(alliance))
            XCTAssertTrue(overview.contains("href=\"/published/groups/\(alliance)/alliance\""))
        }
    }

    // MARK: Members download

    func testTheMembersDownloadListsEveryOrganisationWithoutEmailAddresses() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let peer = try await AllianceFixtures.organisation(
                app, name: "Brightwater Peer Network", size: .micro, communities: [refugees, carers])
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle, Ltd")
            let peerMember = try await AllianceFixtures.member(
                app, alliance: alliance, organisation: peer, since: "2026-04-01")
            _ = try await AllianceFixtures.member(
                app, alliance: alliance, organisation: circle, status: .interested, since: "2026-05-01")
            _ = try await lead.get(Self.path(alliance, "/members/\(peerMember)/edit"))
            _ = try await lead.post(
                Self.path(alliance, "/members/\(peerMember)/edit"),
                [
                    ("representative_name", "Jo Placeholder"), ("representative_email", "jo@example.org"),
                    ("principles_agreed_on", "2026-04-02"), ("version", "1"),
                ])
            // act
            let csv = try await lead.get(Self.path(alliance, "/members.csv"))
            // check
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertEqual(
                csv.headers[.contentDisposition], "attachment; filename=\"brightwater-vcse-alliance-members.csv\"")
            let lines = csv.html.components(separatedBy: "\r\n")
            XCTAssertEqual(
                lines[0],
                "Organisation,Sector,Size,Kinds,Status,Since,Joined on,Representative,Principles agreed on,Terms agreed on,Terms version,Communities reached"
            )
            XCTAssertEqual(
                lines[1],
                "Brightwater Peer Network,\"Voluntary, community and social enterprise (VCSE)\",Micro,,Member,2026-04-01,2026-04-01,Jo Placeholder,2026-04-02,,,Carers; Refugees and people seeking asylum"
            )
            XCTAssertEqual(
                lines[2],
                "\"Amberley Signing Circle, Ltd\",\"Voluntary, community and social enterprise (VCSE)\",Small,,Interested,2026-05-01,,,,,,"
            )
            XCTAssertEqual(lines.count, 4, "two rows and the final line ending")
            XCTAssertFalse(csv.contains("jo@example.org"), "no email addresses in the download")
        }
    }

    // MARK: Accountable body

    func testElectingAnAccountableBodyKeepsTheHistory() async throws {
        try await withApp { app in
            // setup
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: circle)
            let first = try await AllianceFixtures.decision(
                app, alliance: alliance, by: leadUser, title: "Elect Brightwater")
            let second = try await AllianceFixtures.decision(
                app, alliance: alliance, by: leadUser, title: "Elect Amberley")
            let empty = try await lead.get(Self.path(alliance, "/accountable-body"))
            XCTAssertTrue(empty.contains("has not elected an accountable body yet"))
            XCTAssertTrue(empty.contains("Elect Brightwater (recorded"), "agreed decisions are offered")
            // act
            let one = try await lead.post(
                Self.path(alliance, "/accountable-body"),
                [("organisation", String(peer)), ("decision", String(first)), ("starts_on", "2026-06-01")])
            let two = try await lead.post(
                Self.path(alliance, "/accountable-body"),
                [("organisation", String(circle)), ("decision", String(second)), ("starts_on", "2026-09-01")])
            // check
            XCTAssertEqual(one.status, .seeOther)
            XCTAssertEqual(two.status, .seeOther)
            XCTAssertEqual(two.location, Self.path(alliance))
            let terms = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).accountableBodies(
                groupID: alliance)
            XCTAssertEqual(terms.map(\.body.organisationName), ["Amberley Signing Circle", "Brightwater Peer Network"])
            XCTAssertEqual(
                terms.map(\.body.endsOn), [nil, "2026-09-01"], "the earlier term ends the day the new one starts")
            XCTAssertEqual(terms.map(\.body.decisionID), [second, first])
            let page = try await lead.get(Self.path(alliance, "/accountable-body"))
            XCTAssertTrue(page.contains("<strong>Amberley Signing Circle</strong> since 1 September 2026"))
            let history = try XCTUnwrap(
                page.firstMatch(#"Every accountable body, newest first</caption>(.*?)</table>"#))
            XCTAssertTrue(
                history.contains("Brightwater Peer Network") && history.contains("1 June 2026")
                    && history.contains("href=\"/groups/\(alliance)/decisions/\(first)\""))
            let overview = try await lead.get(Self.path(alliance))
            XCTAssertTrue(overview.contains("<strong>Amberley Signing Circle</strong>"))
            let audits = try await Self.auditCount(app, kind: "alliance_accountable_body")
            XCTAssertEqual(audits, 2)
        }
    }

    func testAnElectionNeedsACurrentMemberAStandingDecisionOfThisAllianceAndASensibleDay() async throws {
        try await withApp { app in
            // setup
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let elsewhere = try await AllianceFixtures.alliance(app, name: "Meadowford Alliance")
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let farm = try await AllianceFixtures.organisation(app, name: "Hollow Lane Farmers Trust")
            let outside = try await AllianceFixtures.organisation(app, name: "Not In Any Alliance")
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: farm, status: .interested)
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: circle)
            let good = try await AllianceFixtures.decision(app, alliance: alliance, by: leadUser)
            let otherGroups = try await AllianceFixtures.decision(
                app, alliance: elsewhere, by: leadUser, title: "Meadowford decision")
            let refusedDecision = try await AllianceFixtures.decision(
                app, alliance: alliance, by: leadUser, title: "Not agreed", outcome: .notAgreed)
            let overturned = try await AllianceFixtures.decision(
                app, alliance: alliance, by: leadUser, title: "Overturned")
            try await Self.overturn(app, decision: overturned, by: leadUser)
            let form = try await lead.get(Self.path(alliance, "/accountable-body"))
            XCTAssertFalse(form.contains("Hollow Lane Farmers Trust"), "only current members are offered")
            XCTAssertFalse(
                form.contains("Meadowford decision") || form.contains(">Not agreed (") || form.contains(">Overturned (")
            )
            let path = Self.path(alliance, "/accountable-body")
            let cases: [([(String, String)], String, String)] = [
                (
                    [("organisation", String(farm)), ("decision", String(good)), ("starts_on", "2026-09-01")],
                    "organisation",
                    "Hollow Lane Farmers Trust is interested, not a member: only a current member can be the accountable body"
                ),
                (
                    [("organisation", String(outside)), ("decision", String(good)), ("starts_on", "2026-09-01")],
                    "organisation",
                    "Select an organisation that is a member of the alliance now"
                ),
                (
                    [("organisation", String(peer)), ("decision", String(otherGroups)), ("starts_on", "2026-09-01")],
                    "decision",
                    "Select the alliance decision that elected it: an agreed decision in this alliance's log"
                ),
                (
                    [
                        ("organisation", String(peer)), ("decision", String(refusedDecision)),
                        ("starts_on", "2026-09-01"),
                    ], "decision",
                    "Select the alliance decision that elected it: an agreed decision in this alliance's log"
                ),
                (
                    [("organisation", String(peer)), ("decision", String(overturned)), ("starts_on", "2026-09-01")],
                    "decision",
                    "Select the alliance decision that elected it: an agreed decision in this alliance's log"
                ),
                (
                    [("organisation", String(peer)), ("decision", String(good)), ("starts_on", "2026-09-22")],
                    "starts_on",
                    "The day cannot be in the future: record the election once it has started"
                ),
                (
                    [("organisation", String(peer)), ("decision", String(good)), ("starts_on", "1 September")],
                    "starts_on",
                    "Enter a real date, for example 2026-03-03"
                ),
            ]
            for (fields, field, message) in cases {
                // act
                let refused = try await lead.post(path, fields)
                // check
                XCTAssertEqual(refused.status, .unprocessableContent, message)
                XCTAssertEqual(refused.errorSummary, [message])
                XCTAssertTrue(refused.contains("href=\"#field-\(field)\""), field)
                XCTAssertEqual(refused.inputValue("starts_on"), fields[2].1, "what was typed is kept")
            }
            let kept = try await lead.post(
                path, [("organisation", String(peer)), ("decision", String(otherGroups)), ("starts_on", "2026-09-01")])
            XCTAssertTrue(kept.contains("<option value=\"\(peer)\" selected>"), "the chosen organisation stays chosen")
            // a new term cannot start before the current one (electing the body in place is refused: AllianceWarningsTests)
            let elected = try await lead.post(
                path, [("organisation", String(peer)), ("decision", String(good)), ("starts_on", "2026-09-01")])
            XCTAssertEqual(elected.status, .seeOther)
            _ = try await lead.get(path)
            let early = try await lead.post(
                path, [("organisation", String(circle)), ("decision", String(good)), ("starts_on", "2026-08-31")])
            XCTAssertEqual(early.status, .unprocessableContent)
            XCTAssertEqual(
                early.errorSummary,
                ["The day cannot be before the current accountable body started on 1 September 2026"])
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alliance_accountable_bodies") ?? 0
            }
            XCTAssertEqual(count, 1, "nothing refused was saved")
        }
    }

    func testWithNoAgreedDecisionTheFormPointsToTheDecisionLog() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let page = try await lead.get(Self.path(alliance, "/accountable-body"))
            XCTAssertTrue(page.contains("There is no agreed decision in the alliance"))
            XCTAssertTrue(page.contains("href=\"/groups/\(alliance)/decisions/new\""))
        }
    }
}
