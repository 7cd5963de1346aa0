import Foundation
import XCTest
@testable import AlongsideApp

final class RoadmapDataTests: XCTestCase {
    static func id(_ page: String) -> String { String(page.split(separator: "/").last!) }

    func testAnalysisShowsKeyEnablersCyclesAndAnOrderToWorkIn() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            let page = try await member.get("/roadmap/analysis")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains(#"<h3 id="cycle-1">Cycle 1</h3>"#))
            XCTAssertTrue(page.contains("0 of 2 in place."))
            XCTAssertTrue(page.contains("<strong>Together (cycle 1):</strong>"))
            // Data standards has most open work relying on it directly (joint governance and shared records): it
            // ranks first. Care planning tools is relied upon by all three others but sits outside the grid, so
            // it is listed apart, never ranked (issue 19).
            let first = try XCTUnwrap(page.firstMatch(#"<td>1</td><th scope="row"><a href="[^"]+">([^<]+)</a>"#))
            XCTAssertEqual(first, "Data standards")
            XCTAssertTrue(page.contains(#"<h3 id="outside-grid">Outside the grid</h3>"#))
            XCTAssertTrue(page.contains(">Care planning tools</a> <span"))
            XCTAssertTrue(page.contains("1 directly, 3 directly or through others"))
            XCTAssertTrue(page.contains("<h4>Work on these pairs side by side</h4>"))
            XCTAssertNotNil(
                page.firstMatch(#"<li><a href="[^"]+">(Joint governance|Data standards)</a> relies upon <a"#),
                "the one link the suggested order goes against is named")
            let order = page.allMatches(#"<li><a href="/roadmap/deliverables/\d+">([^<]+)</a>"#)
            let tools = try XCTUnwrap(order.firstIndex(of: "Care planning tools")),
                records = try XCTUnwrap(order.lastIndex(of: "Shared records"))
            XCTAssertLessThan(tools, records, "what is relied upon comes first")
            // Once everything in the cycle's first step is in place it drops out of the order, with a way back.
            let manager = try await app.signedIn(as: .programmeManager).0
            _ = try await manager.get(pages["care-planning-tools"]!)
            _ = try await manager.post(
                pages["care-planning-tools"]! + "/status", [("status", "in_place"), ("note", "Bought.")])
            let after = try await member.get("/roadmap/analysis")
            XCTAssertTrue(after.contains("1 step is already in place and left out."))
            XCTAssertFalse(after.contains(#"id="outside-grid""#), "in place: no longer listed as relied upon")
            let all = try await member.get("/roadmap/analysis?all=yes")
            XCTAssertFalse(all.contains("left out"))
        }
    }

    func testTheGraphIsDrawnOnTheServerWithATableOfTheSameInformation() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            // Issue 19: the whole graph only on request; the page itself asks which deliverable to centre on.
            let start = try await member.get("/roadmap/graph")
            XCTAssertEqual(start.status, .ok)
            XCTAssertFalse(start.contains("<svg"), "no drawing until something is chosen")
            XCTAssertTrue(start.contains("Find a deliverable"))
            XCTAssertTrue(start.contains(#"href="/roadmap/graph?view=whole""#))
            let page = try await member.get("/roadmap/graph?view=whole")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.contains(
                    "<strong>5 deliverables, 4 links, 1 cycle. Drawn in the suggested order: 1 link goes against it (dashed red), pairs to work on side by side.</strong>"
                ))
            XCTAssertTrue(page.contains(#"aria-labelledby="roadmap-graph-title""#))
            // The whole graph follows the suggested order: the cycle is spread out, not framed, and the one link the
            // order goes against is drawn dashed in red and named in the table.
            XCTAssertFalse(page.contains("Cycle 1: must progress together"))
            XCTAssertEqual(page.allMatches(##"(<path fill="none" stroke="#d4351c")"##).count, 1)
            XCTAssertTrue(page.contains("goes against the suggested order: work on the pair side by side"))
            XCTAssertEqual(
                page.allMatches(#"(: comes later in the suggested order, so work on the two side by side)"#).count, 1)
            XCTAssertTrue(
                page.contains("href=\"\(pages["shared-records"]!)\" class=\"roadmap-node\""), "each box is a link")
            XCTAssertTrue(
                page.contains(#"aria-label="Shared records, Not started""#), "status is in words, not only colour")
            XCTAssertFalse(page.contains("style="), "no inline style: the Content-Security-Policy forbids it")
            let tableRows = page.allMatches(#"<tr><th scope="row"><a href="/roadmap/deliverables/\d+">([^<]+)</a>"#)
            XCTAssertEqual(
                Set(tableRows),
                ["Joint governance", "Data standards", "Shared records", "Peer workforce", "Care planning tools"])
            XCTAssertEqual(
                tableRows.last, "Shared records",
                "the table runs in the order to work in: what relies on the rest comes last")
            let workforce = try await member.get("/roadmap/graph?workstream=workforce")
            XCTAssertTrue(workforce.contains("<strong>1 deliverable, 0 links, 0 cycles.</strong>"))
            XCTAssertFalse(workforce.contains("Cycle 1: must progress together"))
        }
    }

    /// Issue 19: one deliverable's neighbourhood, one and two steps each way, as a drawing and as lists, reached
    /// from the deliverable page and from a search.
    func testANeighbourhoodShowsOneAndTwoStepsEachWay() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            let records = Self.id(pages["shared-records"]!)
            let deliverable = try await member.get(pages["shared-records"]!)
            let link = "/roadmap/graph?deliverable=\(records)"
            XCTAssertTrue(deliverable.contains(#"href="\#(link)""#), "the deliverable page leads to its neighbourhood")
            // Waiting on: only what it relies upon directly; the rest only on request.
            let waiting = try XCTUnwrap(
                deliverable.html.components(separatedBy: #"<h3 id="waiting-on">Waiting on</h3>"#).last?
                    .components(separatedBy: "<details>").first)
            XCTAssertTrue(waiting.contains(">Data standards</a>"))
            XCTAssertFalse(waiting.contains(">Joint governance</a>"), "two steps away: not waited on directly")
            XCTAssertTrue(
                deliverable.contains(
                    "<summary>Everything not yet in place that it relies upon, directly or through others (3)</summary>"
                ))
            // Shared records relies on data standards (one step), which relies on joint governance and care
            // planning tools (two steps). Nothing relies on shared records.
            let around = try await member.get(link)
            XCTAssertEqual(around.status, .ok)
            XCTAssertEqual(around.h1, "Around Shared records")
            XCTAssertTrue(around.contains("<strong>3 deliverables within 2 steps, 4 links.</strong>"))
            XCTAssertTrue(around.contains(#"aria-labelledby="neighbourhood-title""#), "a drawing with a name")
            let reliesOn = try XCTUnwrap(around.html.components(separatedBy: "What relies upon it</h2>").first)
            XCTAssertTrue(reliesOn.contains("<h3>Relies upon directly</h3>"))
            XCTAssertTrue(reliesOn.contains(">Data standards</a>"))
            XCTAssertTrue(reliesOn.contains(">Care planning tools</a>"))
            XCTAssertFalse(reliesOn.contains(">Peer workforce</a>"), "not connected: left out")
            XCTAssertTrue(
                around.html.components(separatedBy: "What relies upon it</h2>")[1].contains("<p>Nothing.</p>"))
            let one = try await member.get(link + "&steps=1")
            XCTAssertTrue(one.contains("<strong>1 deliverable within 1 step, 1 link.</strong>"))
            XCTAssertFalse(one.contains(">Joint governance</a>"), "two steps away: not shown at one step")
            // A search finds deliverables by words in their titles; each result leads to its neighbourhood page.
            let found = try await member.get("/roadmap/graph?words=standards")
            XCTAssertTrue(found.contains(">Data standards</a>"))
            XCTAssertFalse(found.contains(">Shared records</a>"))
            let nothing = try await member.get("/roadmap/graph?words=zebra")
            XCTAssertTrue(nothing.contains("No deliverable's title has those words."))
            // Hostile queries: an unknown or malformed deliverable, silly steps, a huge search: never an error.
            for query in [
                "deliverable=999999", "deliverable=abc", "deliverable=-1&steps=99",
                "words=" + String(repeating: "a", count: 5_000),
            ] {
                let response = try await member.get("/roadmap/graph?" + query)
                XCTAssertEqual(response.status, .ok, query)
            }
            let signedOut = try await app.browser().get(link)
            XCTAssertEqual(signedOut.status, .seeOther, "the graph is for members")
        }
    }

    func testProgressOverTimeCountsEachMonthsEnd() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            _ = try await manager.get(pages["peer-workforce"]!)
            _ = try await manager.post(
                pages["peer-workforce"]! + "/status", [("status", "in_place"), ("note", "Team in post.")])
            let page = try await manager.get("/roadmap/progress")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains(#"aria-labelledby="roadmap-progress-title""#))
            // September 2026: five deliverables, one in place.
            XCTAssertTrue(
                page.contains(
                    "<tr><th scope=\"row\">Sep 2026</th><td>4</td><td>0</td><td>0</td><td>0</td><td>1</td><td>5</td></tr>"
                ))
            clock.advance(by: 25 * 60)
            let later = try await manager.get("/roadmap/progress")
            XCTAssertEqual(later.allMatches(#"<tr><th scope="row">([A-Z][a-z]{2} \d{4})</th>"#), ["Sep 2026"])
        }
    }

    func testWhatChangedSinceADate() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Morgan Manager")
            clock.advance(by: 20 * 60)
            _ = try await manager.get(pages["peer-workforce"]!)
            _ = try await manager.post(
                pages["peer-workforce"]! + "/status", [("status", "planning"), ("note", "Job descriptions drafted.")])
            _ = try await manager.post(
                pages["peer-workforce"]! + "/links", [("relies_on", Self.id(pages["joint-governance"]!))])
            let today = LondonTime.isoDay(clock.now)
            let page = try await manager.get("/roadmap/changes?since=\(today)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Status changed from Not started to Planning"))
            XCTAssertTrue(page.contains("Now relies upon Joint governance"))
            XCTAssertTrue(page.contains("Job descriptions drafted."))
            XCTAssertTrue(page.contains("Status changes: <strong>1</strong>"))
            XCTAssertTrue(page.contains("Deliverables added: <strong>5</strong>"), "the load counts as adding them")
            let tomorrow = LondonTime.addingDays(1, to: today)!
            let later = try await manager.get("/roadmap/changes?since=\(tomorrow)")
            XCTAssertTrue(later.contains("Nothing has changed since then."))
            let bad = try await manager.get("/roadmap/changes?since=31-02-2026")
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.contains("Enter the date as a real date"))
            XCTAssertTrue(bad.contains(#"value="31-02-2026""#), "what was typed is kept")
        }
    }

    func testExportsAsJSONAndCSV() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (member, _) = try await app.signedIn(as: .member)
            let json = try await member.get("/roadmap.json")
            XCTAssertEqual(json.status, .ok)
            XCTAssertEqual(json.headers[.contentType], "application/json; charset=utf-8")
            let document = try JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [String: Any]
            let deliverables = try XCTUnwrap(document?["deliverables"] as? [[String: Any]])
            XCTAssertEqual(deliverables.count, 5)
            let records = try XCTUnwrap(deliverables.first { $0["title"] as? String == "Shared records" })
            XCTAssertEqual(records["relies_upon"] as? [Int], [Int(Self.id(pages["data-standards"]!))!])
            XCTAssertEqual(records["in_grid"] as? Bool, true)
            XCTAssertEqual(records["status"] as? String, "not_started")
            XCTAssertTrue(records["owner"] is NSNull, "missing values are null")
            let analysis = try await member.get("/roadmap/analysis.json")
            let parsed = try JSONSerialization.jsonObject(with: Data(analysis.html.utf8)) as? [String: Any]
            let components = try XCTUnwrap(parsed?["components"] as? [[Int]])
            XCTAssertEqual(
                components.map { Set($0) },
                [Set([Int(Self.id(pages["joint-governance"]!))!, Int(Self.id(pages["data-standards"]!))!])])
            let entries = try XCTUnwrap(parsed?["deliverables"] as? [[String: Any]])
            let tools = try XCTUnwrap(entries.first { $0["id"] as? Int == Int(Self.id(pages["care-planning-tools"]!)) })
            XCTAssertEqual(tools["reach_transitive"] as? Int, 3)
            XCTAssertEqual(tools["reach_direct"] as? Int, 1)
            let recordsEntry = try XCTUnwrap(
                entries.first { $0["id"] as? Int == Int(Self.id(pages["shared-records"]!)) })
            XCTAssertEqual((recordsEntry["blockers"] as? [Int])?.count, 3)
            // Issue 19: what each waits on directly, the key enablers (grid only), a suggested order through the
            // cycle and the one link it goes against.
            let id = { (key: String) in Int(Self.id(pages[key]!))! }
            XCTAssertEqual(recordsEntry["waiting_on"] as? [Int], [id("data-standards")], "direct only")
            XCTAssertEqual(
                parsed?["key_enablers"] as? [Int], [id("data-standards"), id("joint-governance")],
                "most open work relying directly first; care planning tools is outside the grid")
            let order = try XCTUnwrap(parsed?["suggested_order"] as? [Int])
            XCTAssertEqual(Set(order), Set(pages.keys.map(id)))
            XCTAssertEqual(order.count, 5)
            XCTAssertEqual(order.first, id("care-planning-tools"))
            XCTAssertEqual(order.last, id("shared-records"))
            let breaks = try XCTUnwrap(parsed?["cycle_breaks"] as? [[Int]])
            XCTAssertEqual(breaks.count, 1)
            XCTAssertEqual(Set(breaks[0]), Set([id("joint-governance"), id("data-standards")]))
            XCTAssertLessThan(order.firstIndex(of: breaks[0][0])!, order.firstIndex(of: breaks[0][1])!)
            let csv = try await member.get("/roadmap/deliverables.csv")
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertTrue(csv.html.hasPrefix("id,title,workstream,status,owner_type"))
            XCTAssertTrue(csv.contains(",Shared records,Data and outcomes,Not started,"))
            let links = try await member.get("/roadmap/links.csv")
            XCTAssertEqual(links.html.split(separator: "\r\n").count, 1 + 4, "a header and the four links")
            let signedOut = try await app.browser().get("/roadmap.json")
            XCTAssertEqual(signedOut.status, .seeOther)
        }
    }

    /// The suggested order is worked out once per change to the data (kept beside the graph), so it must follow a
    /// change at once: removing the link it went against leaves nothing to break.
    func testTheSuggestedOrderFollowsAChangeToTheLinks() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            func breaks() async throws -> [[Int]] {
                let analysis = try await manager.get("/roadmap/analysis.json")
                let parsed = try JSONSerialization.jsonObject(with: Data(analysis.html.utf8)) as? [String: Any]
                return try XCTUnwrap(parsed?["cycle_breaks"] as? [[Int]])
            }
            let before = try await breaks()
            XCTAssertEqual(before.count, 1)
            let analysisPage = try await manager.get("/roadmap/analysis")
            XCTAssertTrue(analysisPage.contains("Work on these pairs side by side"))
            let (from, to) = (before[0][0], before[0][1])
            let governance = try XCTUnwrap(pages["joint-governance"])
            _ = try await manager.get(governance)
            let path = from == Int(Self.id(governance)) ? governance : try XCTUnwrap(pages["data-standards"])
            let removed = try await manager.post(path + "/links/\(to)/remove")
            XCTAssertEqual(removed.status, .seeOther)
            let after = try await breaks()
            XCTAssertEqual(after, [], "no cycle is left, so the order breaks no link")
            let analysisAfter = try await manager.get("/roadmap/analysis")
            XCTAssertFalse(analysisAfter.contains("Work on these pairs side by side"))
        }
    }

    func testImportChecksEverythingFirstAndChangesNothingOnAProblem() async throws {
        try await withApp { app in
            let pages = try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let refused = try await member.get("/roadmap/import")
            XCTAssertEqual(refused.status, .forbidden)
            let peer = Self.id(pages["peer-workforce"]!), records = Self.id(pages["shared-records"]!)
            _ = try await manager.get("/roadmap/import")
            let bad = """
                {"deliverables": [
                  {"id": \(peer), "title": "Peer workforce", "workstream": "workforce", "status": "finished", "relies_upon": [\(peer)]},
                  {"id": 900, "title": "", "workstream": "nowhere", "status": "planning", "relies_upon": [901]},
                  {"id": 902, "title": "Crisis cafe", "workstream": "workforce", "target_date": "2027-13-01", "relies_upon": [900]}
                ]}
                """
            let refusedImport = try await manager.post("/roadmap/import", [("roadmap", bad)])
            XCTAssertEqual(refusedImport.status, .unprocessableContent)
            XCTAssertTrue(refusedImport.contains("Nothing was imported: the file has 6 problems"))
            XCTAssertTrue(
                refusedImport.contains(
                    "<strong>deliverables[0] (Peer workforce) status</strong> &quot;finished&quot; is not one of"))
            XCTAssertTrue(
                refusedImport.contains(
                    "<strong>deliverables[0] (Peer workforce) relies_upon[0]</strong> a deliverable cannot rely upon itself"
                ))
            XCTAssertTrue(refusedImport.contains("<strong>deliverables[1] title</strong> is missing"))
            XCTAssertTrue(
                refusedImport.contains(
                    "<strong>deliverables[1] relies_upon[0]</strong> 901 is not a deliverable in the file or the workspace"
                ))
            XCTAssertTrue(refusedImport.contains("<strong>deliverables[2] (Crisis cafe) target_date</strong>"))
            XCTAssertTrue(refusedImport.contains("Crisis cafe"), "the pasted text is kept")
            let unchanged = try await RoadmapStore(pool: app.services.pool, clock: app.services.clock).deliverables()
                .count
            XCTAssertEqual(unchanged, 5)
            let notJSON = try await manager.post("/roadmap/import", [("roadmap", "{\"deliverables\": [")])
            XCTAssertTrue(notJSON.contains("is not valid JSON"))

            let good = """
                {"deliverables": [
                  {"id": \(peer), "title": "Peer workforce", "workstream": "workforce", "status": "in_progress", "relies_upon": [900]},
                  {"id": 900, "title": "Crisis cafe", "workstream": "workforce", "status": "planning", "target_date": "2027-03-01", "relies_upon": [\(records)]}
                ]}
                """
            let imported = try await manager.post("/roadmap/import", [("roadmap", good)])
            XCTAssertEqual(imported.status, .seeOther)
            let overview = try await manager.get("/roadmap")
            XCTAssertTrue(overview.contains("Imported the roadmap: 1 added, 1 updated, 2 links added, 0 removed."))
            XCTAssertTrue(overview.contains("Crisis cafe"))
            let peerPage = try await manager.get(pages["peer-workforce"]!)
            XCTAssertTrue(peerPage.contains("Status changed from Not started to In progress"))
            XCTAssertTrue(peerPage.contains("Crisis cafe</a>"))
        }
    }

    func testPublishedProgressIsReadableWithoutSigningInOnlyWhenChosen() async throws {
        try await withApp { app in
            try await RoadmapFixtures.load(app)
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let visitor = app.browser()
            let hidden = try await visitor.get("/published/roadmap")
            XCTAssertEqual(hidden.status, .notFound)
            let refused = try await member.post("/roadmap/publishing", [("published", "yes")])
            XCTAssertEqual(refused.status, .forbidden)
            _ = try await manager.get("/roadmap/publishing")
            let nothing = try await manager.post("/roadmap/publishing", [])
            XCTAssertEqual(nothing.status, .unprocessableContent)
            let noToken = try await manager.post("/roadmap/publishing", [("published", "yes")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let published = try await manager.post("/roadmap/publishing", [("published", "yes")])
            XCTAssertEqual(published.status, .seeOther)
            let page = try await visitor.get("/published/roadmap")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("0 of 5 deliverables in place."))
            XCTAssertTrue(page.contains("Shared records <span class=\"tag tag-grey\">Not started</span>"))
            _ = try await manager.get("/roadmap/publishing")
            _ = try await manager.post("/roadmap/publishing", [("published", "no")])
            let again = try await visitor.get("/published/roadmap")
            XCTAssertEqual(again.status, .notFound)
        }
    }
}
