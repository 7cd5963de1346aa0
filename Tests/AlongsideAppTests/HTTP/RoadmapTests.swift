import Foundation
import XCTest
@testable import AlongsideApp

final class RoadmapTests: XCTestCase {
    func testOverviewGroupsByWorkstreamWithCountsAndFilters() async throws {
        try await withApp { app in
            try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            let overview = try await member.get("/roadmap")
            XCTAssertEqual(overview.status, .ok)
            XCTAssertTrue(overview.contains("5 deliverables, 0 of 5 in place (0%)"))
            XCTAssertTrue(overview.contains(#"<h2 id="workstream-data-and-outcomes">Data and outcomes</h2>"#))
            XCTAssertTrue(
                overview.contains("Not in the national grid"),
                "the deliverable named only by relies-upon lines is marked")
            XCTAssertFalse(overview.contains(">Add a deliverable<"), "members read the roadmap but do not tailor it")
            let filtered = try await member.get("/roadmap?workstream=workforce")
            XCTAssertTrue(filtered.contains("1 deliverable, 0 of 1 in place (0%)"))
            XCTAssertTrue(filtered.contains("Peer workforce"))
            XCTAssertFalse(filtered.contains("Shared records"))
            XCTAssertTrue(overview.contains("Not recorded: <strong>5</strong>"))
            let onlyInformed = try await member.get("/roadmap?involvement=inform")
            XCTAssertTrue(
                onlyInformed.contains("0 deliverables"),
                "nobody has said any deliverable only informs experts by experience")
            let byStatus = try await member.get("/roadmap?status=in_place")
            XCTAssertTrue(byStatus.contains("0 deliverables"))
            XCTAssertTrue(byStatus.contains("No deliverables match."))
            // Issue 19: the "blocked" filter, and what each deliverable waits on directly.
            let blocked = try await member.get("/roadmap?waiting=yes")
            XCTAssertTrue(blocked.contains("3 deliverables, 0 of 3 in place (0%)"))
            XCTAssertFalse(blocked.contains(">Peer workforce</a>"), "it waits on nothing")
            let records = try XCTUnwrap(
                blocked.html.components(separatedBy: ">Shared records</a>").last?.components(separatedBy: "</tr>").first
            )
            XCTAssertTrue(
                records.contains(">Data standards</a> (Not started)"), "waits on what it relies upon directly")
            XCTAssertFalse(records.contains("Joint governance"), "only directly")
            XCTAssertTrue(blocked.contains("In cycle 1: moves together with the others in it."))
            let free = try await member.get("/roadmap?waiting=no")
            XCTAssertTrue(free.contains("2 deliverables, 0 of 2 in place (0%)"))
            let hostile = try await member.get("/roadmap?waiting=%00%FF" + String(repeating: "x", count: 3_000))
            XCTAssertEqual(hostile.status, .ok, "an unknown choice filters nothing")
            let signedOut = try await app.browser().get("/roadmap")
            XCTAssertEqual(signedOut.status, .seeOther, "the roadmap needs signing in")
        }
    }

    func testDeliverablePageShowsLinksBlockersReachAndItsCycle() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            let records = try await member.get(pages["shared-records"]!)
            XCTAssertEqual(records.status, .ok)
            XCTAssertTrue(
                records.contains("it relies on 3 deliverables in all"),
                "data standards, joint governance and care planning tools")
            XCTAssertTrue(records.contains("0 deliverables rely on it directly, 0 directly or through others."))
            XCTAssertFalse(records.contains("Part of <a"), "shared records is not in the cycle")
            let governance = try await member.get(pages["joint-governance"]!)
            XCTAssertTrue(governance.contains("Part of <a href=\"/roadmap/analysis#cycle-1\">cycle 1</a>"))
            XCTAssertTrue(governance.contains("Data standards</a> (Not started)"))
            XCTAssertTrue(governance.contains("Experts by experience sit on the leaders group"))
            XCTAssertTrue(governance.contains("(from “Fixture slide”)"), "every item says where it came from")
            XCTAssertTrue(
                governance.contains("Added to the roadmap (national roadmap)"), "the history starts with the load")
            XCTAssertFalse(governance.contains("Change the status"), "a member who does not own it cannot change it")
            let missing = try await member.get("/roadmap/deliverables/999")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testStatusChangesAreKeptWithWhoWhenAndANote() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Morgan Manager")
            let (member, _) = try await app.signedIn(as: .member)
            let standards = pages["data-standards"]!
            let page = try await manager.get(standards)
            XCTAssertTrue(page.contains("Change the status"))
            // Issue 19: the status it has now comes first among the choices.
            let choices = page.allMatches(#"name="status" type="radio" value="([a-z_]+)""#)
            XCTAssertEqual(choices.first, "not_started")
            XCTAssertEqual(choices.count, 5)
            XCTAssertTrue(page.contains("Not started (as now)"))
            let noNote = try await manager.post(standards + "/status", [("status", "at_risk")])
            XCTAssertEqual(noNote.status, .unprocessableContent)
            XCTAssertTrue(noNote.contains("Say what happened, so the history explains the change"))
            XCTAssertTrue(noNote.contains(#"value="at_risk" checked"#), "the choice is kept")
            let same = try await manager.post(
                standards + "/status", [("status", "not_started"), ("note", "No change")])
            XCTAssertEqual(same.status, .unprocessableContent)
            XCTAssertTrue(same.contains("already not started"))
            let byMember = try await member.post(standards + "/status", [("status", "planning"), ("note", "Trying")])
            XCTAssertEqual(byMember.status, .forbidden)
            let noToken = try await manager.post(
                standards + "/status", [("status", "planning"), ("note", "Trying")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let saved = try await manager.post(
                standards + "/status", [("status", "at_risk"), ("note", "The supplier pulled out.")])
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(
                saved.headers[.location], standards, "back to the top, where the notice is, not to the history")
            let after = try await manager.get(standards)
            XCTAssertTrue(after.contains("Status changed from Not started to At risk"))
            XCTAssertTrue(after.contains("The supplier pulled out."))
            XCTAssertTrue(after.contains("Morgan Manager"))
            XCTAssertTrue(after.contains(#"<span class="tag tag-missing">At risk</span>"#))
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT summary FROM audit_events WHERE record_kind = 'deliverable' ORDER BY id DESC LIMIT 1")
            }
            XCTAssertEqual(audit, "Set \"Data standards\" to at risk")
        }
    }

    func testTheOwnerUpdatesStatusAndSuccessMarkers() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (owner, ownerUser) = try await app.signedIn(
                as: .expertByExperience, email: "owner@example.org", name: "Olu Owner")
            let governance = pages["joint-governance"]!
            _ = try await manager.get(governance + "/edit")
            let version = try await manager.get(governance + "/edit").inputValue("version") ?? ""
            let edited = try await manager.post(
                governance + "/edit",
                [
                    ("version", version), ("title", "Joint governance"), ("workstream", "model-development"),
                    ("summary", "Partners decide together."),
                    ("owner", "person:\(ownerUser.id!)"), ("target_on", "2027-03-31"), ("involvement", "co_produce"),
                ])
            XCTAssertEqual(edited.status, .seeOther)
            let page = try await owner.get(governance)
            XCTAssertTrue(page.contains("Change the status"), "the owner may update progress")
            XCTAssertTrue(page.contains("31 March 2027"))
            XCTAssertTrue(page.contains("Co-produce"))
            let marker = try XCTUnwrap(page.firstMatch(#"action="(/roadmap/deliverables/\d+/markers/\d+)""#))
            let markerID = try XCTUnwrap(marker.split(separator: "/").last)
            let noEvidence = try await owner.post(marker, [("marker_\(markerID)", "met")])
            XCTAssertEqual(noEvidence.status, .unprocessableContent)
            XCTAssertTrue(noEvidence.contains("Give the evidence that it is met, or partly met"))
            XCTAssertTrue(
                noEvidence.contains("href=\"#field-evidence_\(markerID)\""),
                "the error summary links to the marker's own field")
            let met = try await owner.post(
                marker,
                [
                    ("marker_\(markerID)", "met"),
                    ("evidence_\(markerID)", "Two experts by experience sit on the group."),
                ])
            XCTAssertEqual(met.status, .seeOther)
            let after = try await owner.get(governance)
            XCTAssertTrue(
                after.contains("Met: <span class=\"preserve-lines\">Two experts by experience sit on the group.</span>")
            )
            XCTAssertTrue(after.contains("Owner changed from nobody to Olu Owner"))
            XCTAssertTrue(after.contains("Target date changed from none to 31 March 2027"))
            let status = try await owner.post(
                governance + "/status", [("status", "in_progress"), ("note", "First meeting held.")])
            XCTAssertEqual(status.status, .seeOther)
            let wrongMarker = try await owner.post(
                governance + "/markers/9999", [("marker_9999", "met"), ("evidence_9999", "x")])
            XCTAssertEqual(wrongMarker.status, .notFound)
        }
    }

    func testManagersAddEditAndRetireDeliverables() async throws {
        try await withApp { app in
            try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .expertByExperience)
            let refused = try await member.get("/roadmap/new")
            XCTAssertEqual(refused.status, .forbidden)
            let refusedPost = try await member.post("/roadmap/new", [("title", "X"), ("workstream", "workforce")])
            XCTAssertEqual(refusedPost.status, .forbidden)
            let blank = try await manager.get("/roadmap/new")
            XCTAssertFalse(blank.contains("The version saved by someone else"), "no conflict to show on a new form")
            let bad = try await manager.post(
                "/roadmap/new",
                [("title", ""), ("workstream", "nowhere"), ("summary", "Kept as typed"), ("target_on", "2027-02-30")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(
                bad.contains("Enter the deliverable&#39;s title") || bad.contains("Enter the deliverable's title"))
            XCTAssertTrue(bad.contains("Select the workstream it belongs to"))
            XCTAssertTrue(bad.contains("Enter the target date as a real date"))
            XCTAssertTrue(bad.contains("Kept as typed"))
            let added = try await manager.post(
                "/roadmap/new",
                [("title", "Local peer network"), ("workstream", "workforce"), ("summary", "Peers meet monthly.")])
            XCTAssertEqual(added.status, .seeOther)
            let page = try XCTUnwrap(added.location)
            let shown = try await manager.get(page)
            XCTAssertTrue(shown.contains("<h1>Local peer network</h1>"))
            XCTAssertTrue(shown.contains("Added to the roadmap (local)"))

            // Two people edit at once: the second save is refused and both versions are shown.
            let form = try await manager.get(page + "/edit")
            let version = try XCTUnwrap(form.inputValue("version"))
            let first = try await manager.post(
                page + "/edit",
                [("version", version), ("title", "Local peer network (north)"), ("workstream", "workforce")])
            XCTAssertEqual(first.status, .seeOther)
            let second = try await manager.post(
                page + "/edit",
                [("version", version), ("title", "Local peer network (south)"), ("workstream", "workforce")])
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.contains("Local peer network (north)"), "their version is shown")
            XCTAssertTrue(second.contains(#"value="Local peer network (south)""#), "what this person typed is kept")

            let unconfirmed = try await manager.post(page + "/retire")
            XCTAssertEqual(unconfirmed.status, .unprocessableContent)
            XCTAssertTrue(unconfirmed.contains("Tick the box to confirm"))
            let retired = try await manager.post(page + "/retire", [("confirm", "yes")])
            XCTAssertEqual(retired.status, .seeOther)
            let kept = try await manager.get(page)
            XCTAssertTrue(kept.contains("Its history is kept."), "the flash confirms it")
            let overview = try await manager.get("/roadmap")
            XCTAssertFalse(overview.contains("Local peer network"), "retired deliverables leave the overview")
            XCTAssertTrue(kept.contains("Retired "))
            XCTAssertTrue(kept.contains("Bring it back onto the roadmap"))
            let again = try await manager.post(page + "/retire", [("confirm", "yes")])
            XCTAssertEqual(again.status, .notFound)
            let restored = try await manager.post(page + "/restore")
            XCTAssertEqual(restored.status, .seeOther)
            let back = try await manager.get("/roadmap")
            XCTAssertTrue(back.contains("Local peer network (north)"))
        }
    }

    func testLinksRefuseSelfAllowCyclesAndCanBeRemoved() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let peer = pages["peer-workforce"]!, records = pages["shared-records"]!
            let peerID = String(peer.split(separator: "/").last!),
                recordsID = String(records.split(separator: "/").last!)
            _ = try await manager.get(peer)
            let toItself = try await manager.post(peer + "/links", [("relies_on", peerID)])
            XCTAssertEqual(toItself.status, .unprocessableContent)
            XCTAssertTrue(toItself.contains("A deliverable cannot rely upon itself"))
            let nothing = try await manager.post(peer + "/links", [("relies_on", "")])
            XCTAssertEqual(nothing.status, .unprocessableContent)
            let byMember = try await member.post(peer + "/links", [("relies_on", recordsID)])
            XCTAssertEqual(byMember.status, .forbidden)
            let linked = try await manager.post(peer + "/links", [("relies_on", recordsID)])
            XCTAssertEqual(linked.status, .seeOther)
            // Shared records now relying on peer workforce closes a cycle: allowed, and shown.
            let cycle = try await manager.post(records + "/links", [("relies_on", peerID)])
            XCTAssertEqual(cycle.status, .seeOther)
            let flashed = try await manager.get(records)
            XCTAssertTrue(flashed.contains("This makes a cycle: they must progress together."))
            XCTAssertTrue(flashed.contains("Part of <a"))
            let removed = try await manager.post(records + "/links/\(peerID)/remove")
            XCTAssertEqual(removed.status, .seeOther)
            let after = try await manager.get(records)
            XCTAssertFalse(after.contains("Part of <a"))
            XCTAssertTrue(after.contains("No longer relies upon Peer workforce"))
            let removedAgain = try await manager.post(records + "/links/\(peerID)/remove")
            XCTAssertEqual(removedAgain.status, .notFound)
        }
    }

    func testLoadingAgainAddsOnlyWhatIsMissingAndKeepsLocalChanges() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let store = RoadmapStore(pool: app.services.pool, clock: app.services.clock)
            let actor = AuditActor(userID: nil, label: "Test")
            let standards = try XCTUnwrap(Int64(pages["data-standards"]!.split(separator: "/").last!))
            let governance = try XCTUnwrap(Int64(pages["joint-governance"]!.split(separator: "/").last!))
            _ = try await store.setStatus(standards, to: .inPlace, note: "Done", by: actor, requestID: nil)
            try await store.removeLink(governance, reliesOn: standards, by: actor, requestID: nil)
            let before = try await store.links().count
            let report = try await RoadmapLoader(pool: app.services.pool, clock: app.services.clock).load(
                RoadmapFixtures.roadmap, by: actor)
            XCTAssertEqual(report, RoadmapLoader.Report(deliverablesAdded: 0, linksAdded: 0, deliverablesKept: 5))
            let after = try await store.links().count
            XCTAssertEqual(after, before, "a removed link is not brought back")
            let kept = try await store.deliverable(id: standards)
            XCTAssertEqual(kept?.status, .inPlace)
            let total = try await store.deliverables().count
            XCTAssertEqual(total, 5, "nothing is duplicated")
        }
    }
}

final class RoadmapRefusalTests: XCTestCase {
    /// Everything that tailors the roadmap is refused to people without the capability, and to anyone without
    /// the CSRF token; nothing changes.
    func testTailoringIsRefusedToMembersAndWithoutTheToken() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .expertByExperience)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let governance = pages["joint-governance"]!, standards = pages["data-standards"]!
            let standardsID = String(standards.split(separator: "/").last!)
            _ = try await member.get(governance)
            let managerView = try await manager.get(governance)
            let marker = try XCTUnwrap(managerView.firstMatch(#"action="(/roadmap/deliverables/\d+/markers/\d+)""#))
            let markerID = String(marker.split(separator: "/").last!)
            let attempts: [(String, [(String, String)])] = [
                ("/roadmap/new", [("title", "X"), ("workstream", "workforce")]),
                (governance + "/edit", [("title", "X"), ("workstream", "workforce")]),
                (governance + "/status", [("status", "planning"), ("note", "x")]),
                (marker, [("marker_\(markerID)", "met"), ("evidence_\(markerID)", "x")]),
                (governance + "/links", [("relies_on", standardsID)]),
                (governance + "/links/\(standardsID)/remove", []),
                (governance + "/retire", [("confirm", "yes")]),
                (governance + "/restore", []),
                ("/roadmap/import", [("roadmap", #"{"deliverables": []}"#)]),
                ("/roadmap/publishing", [("published", "yes")]),
            ]
            for (path, fields) in attempts {
                let byMember = try await member.post(path, fields)
                XCTAssertEqual(byMember.status, .forbidden, "a member posting to \(path)")
                let noToken = try await manager.post(path, fields, csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "no CSRF token on \(path)")
            }
            for path in ["/roadmap/new", governance + "/edit", "/roadmap/import", "/roadmap/publishing"] {
                let page = try await member.get(path)
                XCTAssertEqual(page.status, .forbidden, "a member opening \(path)")
            }
            let changes = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM roadmap_changes WHERE kind <> 'added'")
            }
            XCTAssertEqual(changes, 0, "nothing changed")
            let signedOut = app.browser()
            for path in [
                "/roadmap", governance, "/roadmap/graph", "/roadmap/progress", "/roadmap/analysis", "/roadmap/changes",
                "/roadmap/links.csv",
            ] {
                let page = try await signedOut.get(path)
                XCTAssertEqual(page.status, .seeOther, "\(path) needs signing in")
            }
        }
    }
}
