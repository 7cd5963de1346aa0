import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The board report (issue 19): previewing a period, issuing (which freezes it), publishing, the public page and the
/// CSV files; and who may do each. The test clock's today is Monday 21 September 2026.
final class BoardReportTests: XCTestCase {
    static let period = "start=2026-07-01&end=2026-09-21"

    /// A roadmap with a deliverable at risk, a group with a published and an unpublished decision, a meeting an expert
    /// by experience attended, and a paid claim. Returns the manager's browser and the group's path.
    static func records(_ app: TestContext) async throws -> (manager: TestBrowser, group: String, actor: AuditActor) {
        let (manager, managerUser) = try await app.signedIn(as: .programmeManager, name: "Blake Fictional")
        let actor = AuditActor(userID: managerUser.id, label: managerUser.name)
        _ = try await RoadmapLoader(pool: app.services.pool, clock: app.services.clock).load(
            try NationalRoadmap.bundled(), by: .commandLine)
        let roadmap = RoadmapStore(pool: app.services.pool, clock: app.services.clock)
        let all = try await roadmap.deliverables()
        let first = try XCTUnwrap(all.first)
        _ = try await roadmap.setStatus(
            first.id, to: .atRisk, note: "Waiting for the estates decision", by: actor, requestID: nil)
        let group = try await GroupsTests.createGroup(manager)
        let published = try await DecisionFixtures.record(manager, group: group, title: "Fund the peer support pilot")
        _ = try await DecisionFixtures.record(manager, group: group, title: "Keep the minutes private for now")
        let decisions = DecisionStore(pool: app.services.pool, clock: app.services.clock)
        let found = try await decisions.decision(
            id: DecisionFixtures.id(published), groupID: DecisionFixtures.id(group))
        let decision = try XCTUnwrap(found)
        try await decisions.setVisibility(.published, of: decision, by: actor, requestID: nil)
        // An expert by experience in the group, at a meeting in the period, and paid for a day.
        let (expert, expertUser) = try await app.signedIn(
            as: .expertByExperience, email: "casey@example.org", name: "Casey Fictional")
        try await DecisionFixtures.addMember(manager, group: group, user: expertUser, sector: "expert_by_experience")
        let meeting = try await DecisionFixtures.insertMeeting(
            app, group: group, startsAt: "2026-09-10T10:00:00Z", purpose: "Leaders group, September")
        try await DecisionFixtures.insertAttendance(app, meeting: meeting, [(expertUser.id!, "present")])
        _ = try await DecisionFixtures.insertMeeting(
            app, group: group, startsAt: "2026-08-10T10:00:00Z", purpose: "Leaders group, August")
        try await Self.paidClaim(app, expert, on: "2026-09-14", by: actor)
        return (manager, group, actor)
    }

    /// Sends a whole day's claim as the person, then approves it and records it paid today.
    static func paidClaim(_ app: TestContext, _ person: TestBrowser, on day: String, by actor: AuditActor)
        async throws
    {
        let id = try await ClaimFixtures.send(person, ClaimFixtures.fields(on: day))
        let claims = ClaimStore(pool: app.services.pool, clock: app.services.clock)
        let found = try await claims.claim(id: id)
        let claim = try XCTUnwrap(found)
        let approved = try await claims.approve(id, version: claim.version, by: actor, requestID: nil)
        _ = try await claims.markPaid(
            id, version: approved.version, on: ClaimFixtures.today, reference: "BACS \(id)", by: actor, requestID: nil)
    }

    /// The report itself on a page: everything from its period line to the end of the main content.
    static func report(_ page: Page) -> String {
        guard let start = page.html.range(of: #"<div class="board-report">"#),
            let end = page.html.range(of: "</main>")
        else { return "" }
        return String(page.html[start.lowerBound..<end.lowerBound])
    }

    func testIssuingFreezesTheReportWhateverChangesLater() async throws {
        try await withApp { app in
            // setup
            let (manager, group, actor) = try await Self.records(app)
            // act: preview, then issue
            let list = try await manager.get("/board-reports")
            XCTAssertEqual(list.status, .ok)
            XCTAssertEqual(list.inputValue("start"), "2026-04-01", "the last full quarter by default")
            XCTAssertEqual(list.inputValue("end"), "2026-06-30")
            XCTAssertTrue(list.contains("No report has been issued yet."))
            let preview = try await manager.get("/board-reports/preview?" + Self.period)
            XCTAssertEqual(preview.status, .ok)
            XCTAssertEqual(preview.h1, "Board report preview: 1 July 2026 to 21 September 2026")
            for text in [
                "Fund the peer support pilot", "Keep the minutes private for now", "Waiting for the estates decision",
                "1 person paid for 7.5 hours (1 claim): £100.00 in all",
                "2 meetings held; attendance recorded at 1; an expert by experience or carer was present at 1 (100.0% of those with attendance recorded).",
                "2 decisions taken: 2 agreed and valid, 0 recorded as not valid; 1 published.",
                "45 deliverables: 44 not started, 0 planning, 0 in progress, 1 at risk, 0 in place.",
                "of the 6 first steps", "Issue this report",
            ] {
                XCTAssertTrue(preview.contains(text), text)
            }
            XCTAssertFalse(preview.contains("Casey Fictional"), "no person is named in the report")
            XCTAssertFalse(Self.report(preview).contains("Blake Fictional"))
            let issued = try await manager.post("/board-reports", [("start", "2026-07-01"), ("end", "2026-09-21")])
            XCTAssertEqual(issued.status, .seeOther)
            let path = try XCTUnwrap(issued.location)
            XCTAssertEqual(path, "/board-reports/1")
            let before = try await manager.get(path)
            XCTAssertEqual(before.status, .ok)
            XCTAssertTrue(before.contains("The board report for 1 July 2026 to 21 September 2026 is issued."))
            XCTAssertTrue(before.contains("by Blake Fictional"))
            for text in [
                "Fund the peer support pilot", "Waiting for the estates decision", "1 person paid for 7.5 hours",
            ] {
                XCTAssertTrue(Self.report(before).contains(text), text)
            }
            // act: the records change after issuing
            _ = try await DecisionFixtures.record(manager, group: group, title: "Close the old clinic")
            let roadmap = RoadmapStore(pool: app.services.pool, clock: app.services.clock)
            let deliverables = try await roadmap.deliverables()
            let second = try XCTUnwrap(deliverables.dropFirst().first)
            _ = try await roadmap.setStatus(second.id, to: .inPlace, note: "Done", by: actor, requestID: nil)
            let (other, _) = try await app.signedIn(as: .expertByExperience, email: "drew@example.org")
            try await Self.paidClaim(app, other, on: "2026-09-15", by: actor)
            app.clock.advance(by: 600)
            // check: the issued report is exactly as it was; a new preview sees the changes
            let after = try await manager.get(path)
            XCTAssertEqual(Self.report(after), Self.report(before))
            XCTAssertFalse(after.contains("Close the old clinic"))
            let fresh = try await manager.get("/board-reports/preview?" + Self.period)
            XCTAssertTrue(fresh.contains("Close the old clinic"))
            XCTAssertTrue(fresh.contains("2 people paid for 15.0 hours (2 claims)"))
            XCTAssertTrue(fresh.contains("1 in place."))
            let listed = try await manager.get("/board-reports")
            XCTAssertTrue(listed.contains(#"<a href="/board-reports/1">1 July 2026 to 21 September 2026</a>"#))
            XCTAssertTrue(listed.contains("Not published"))
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'board_report' ORDER BY id")
            }
            XCTAssertEqual(audit, ["Issued the board report for 1 July 2026 to 21 September 2026"])
            // The database itself refuses to change an issued report's figures.
            do {
                try await app.services.pool.write { db in
                    try db.execute(sql: "UPDATE board_reports SET data_json = '{}' WHERE id = 1")
                }
                XCTFail("an issued report's figures cannot be changed")
            } catch {}
        }
    }

    func testOnlyProgrammeManagersAndAdministratorsPrepareReportsAndBadPeriodsAreExplained() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let (admin, _) = try await app.signedIn(as: .administrator)
            // check: who may
            for browser in [member, lead] {
                let list = try await browser.get("/board-reports")
                XCTAssertEqual(list.status, .forbidden)
                let preview = try await browser.get("/board-reports/preview?" + Self.period)
                XCTAssertEqual(preview.status, .forbidden)
                let table = try await browser.get("/board-reports/preview/tables/decisions?" + Self.period)
                XCTAssertEqual(table.status, .forbidden)
                let issue = try await browser.post("/board-reports", [("start", "2026-07-01"), ("end", "2026-09-21")])
                XCTAssertEqual(issue.status, .forbidden)
            }
            let adminList = try await admin.get("/board-reports")
            XCTAssertEqual(adminList.status, .ok)
            let signedOut = try await app.browser().get("/board-reports")
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in") ?? false)
            _ = try await manager.get("/board-reports")
            let noToken = try await manager.post(
                "/board-reports", [("start", "2026-07-01"), ("end", "2026-09-21")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // check: bad periods, each explained with what was typed kept
            let typos = try await manager.get("/board-reports/preview?start=2026-13-01&end=last+week")
            XCTAssertEqual(typos.status, .unprocessableContent)
            XCTAssertEqual(
                typos.errorSummary,
                ["Enter the first day as a date like 2026-07-01", "Enter the last day as a date like 2026-09-30"])
            XCTAssertEqual(typos.inputValue("start"), "2026-13-01")
            XCTAssertEqual(typos.inputValue("end"), "last week")
            XCTAssertTrue(typos.title?.hasPrefix("Error: ") ?? false)
            let backwards = try await manager.get("/board-reports/preview?start=2026-09-01&end=2026-08-01")
            XCTAssertEqual(backwards.status, .unprocessableContent)
            XCTAssertEqual(backwards.errorSummary, ["The last day must be the same as or after the first day"])
            let future = try await manager.get("/board-reports/preview?start=2026-09-01&end=2026-12-31")
            XCTAssertEqual(
                future.errorSummary,
                ["The last day cannot be after today (21 September 2026): a report covers what has happened"])
            let absurd = try await manager.get("/board-reports/preview?start=1066-10-14&end=2026-09-21")
            XCTAssertEqual(absurd.status, .unprocessableContent)
            XCTAssertTrue(absurd.errorSummary.first?.hasPrefix("A report covers at most 3 years") ?? false)
            let missing = try await manager.get("/board-reports/preview")
            XCTAssertEqual(
                missing.errorSummary, ["Enter the first day of the period", "Enter the last day of the period"])
            _ = try await manager.get("/board-reports")
            let badIssue = try await manager.post("/board-reports", [("start", "2026-07-01"), ("end", "2026-02-30")])
            XCTAssertEqual(badIssue.status, .unprocessableContent)
            XCTAssertEqual(badIssue.inputValue("end"), "2026-02-30")
            let stored = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM board_reports")
            }
            XCTAssertEqual(stored, 0, "nothing is issued from a bad period")
            // check: reports and tables that are not there
            for path in [
                "/board-reports/1", "/board-reports/abc", "/board-reports/9223372036854775807",
                "/board-reports/1/tables/decisions", "/board-reports/preview/tables/nothing?" + Self.period,
                "/published/board-reports/1", "/published/board-reports/-1",
            ] {
                let page = try await manager.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let publishMissing = try await manager.post("/board-reports/7/publish")
            XCTAssertEqual(publishMissing.status, .notFound)
            let badTable = try await manager.get("/board-reports/preview/tables/decisions?start=x&end=y")
            XCTAssertEqual(badTable.status, .seeOther)
            XCTAssertEqual(badTable.location, "/board-reports/preview?start=x&end=y")
        }
    }

    func testAPublishedReportIsReadableByAnyoneWithoutPrivateDetail() async throws {
        try await withApp { app in
            // setup
            let (manager, _, _) = try await Self.records(app)
            let (member, _) = try await app.signedIn(as: .member, email: "member@example.org")
            _ = try await manager.get("/board-reports/preview?" + Self.period)
            _ = try await manager.post("/board-reports", [("start", "2026-07-01"), ("end", "2026-09-21")])
            let visitor = app.browser()
            // check: not published, so nobody reads it outside
            let hidden = try await visitor.get("/published/board-reports/1")
            XCTAssertEqual(hidden.status, .notFound)
            let memberHidden = try await member.get("/published/board-reports/1")
            XCTAssertEqual(memberHidden.status, .notFound)
            let memberPublish = try await member.post("/board-reports/1/publish")
            XCTAssertEqual(memberPublish.status, .forbidden)
            let report = try await manager.get("/board-reports/1")
            XCTAssertTrue(report.contains("Publish this report"))
            let noToken = try await manager.post("/board-reports/1/publish", csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // act
            let published = try await manager.post("/board-reports/1/publish")
            XCTAssertEqual(published.status, .seeOther)
            XCTAssertEqual(published.location, "/board-reports/1")
            // check
            let page = try await manager.get("/board-reports/1")
            XCTAssertTrue(page.contains("is published: anyone can read it at its public page."))
            XCTAssertFalse(page.contains("Publish this report"))
            XCTAssertTrue(page.contains(#"href="/published/board-reports/1""#))
            let again = try await manager.post("/board-reports/1/publish")
            XCTAssertEqual(again.status, .seeOther)
            let open = try await visitor.get("/published/board-reports/1")
            XCTAssertEqual(open.status, .ok)
            XCTAssertEqual(open.h1, "Board report: 1 July 2026 to 21 September 2026")
            XCTAssertTrue(open.contains("Fund the peer support pilot"))
            XCTAssertTrue(open.contains(#"<a href="/published/groups/1/decisions/1" data-url="http"#))
            XCTAssertFalse(open.contains("Keep the minutes private for now"), "an unpublished decision is not listed")
            XCTAssertTrue(open.contains("The 1 not published is counted but not listed here."))
            XCTAssertFalse(open.contains("Waiting for the estates decision"), "reasons typed stay inside")
            XCTAssertFalse(open.contains("Blake Fictional"))
            XCTAssertFalse(open.contains("Download"))
            XCTAssertTrue(open.contains("Need help now?"), "a public page")
            let listed = try await manager.get("/board-reports")
            XCTAssertTrue(listed.contains("Published 21 September 2026"))
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'board_report' ORDER BY id")
            }
            XCTAssertEqual(
                audit,
                [
                    "Issued the board report for 1 July 2026 to 21 September 2026",
                    "Published the board report for 1 July 2026 to 21 September 2026",
                ], "publishing twice changes nothing the second time")
        }
    }

    func testEachTableDownloadsAsCSVForThePreviewAndTheIssuedReport() async throws {
        try await withApp { app in
            // setup
            let (manager, _, _) = try await Self.records(app)
            // act
            let preview = try await manager.get("/board-reports/preview?" + Self.period)
            XCTAssertTrue(
                preview.contains(#"href="/board-reports/preview/tables/decisions?start=2026-07-01&amp;end=2026-09-21""#)
            )
            let decisions = try await manager.get("/board-reports/preview/tables/decisions?" + Self.period)
            // check
            XCTAssertEqual(decisions.status, .ok)
            XCTAssertEqual(decisions.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertEqual(
                decisions.headers[.contentDisposition],
                #"attachment; filename="board-report-2026-07-01-to-2026-09-21-decisions.csv""#)
            XCTAssertEqual(
                decisions.html,
                "day,group,decision,outcome,valid,published\r\n"
                    + "2026-09-21,Leaders Group,Fund the peer support pilot,Agreed,yes,yes\r\n"
                    + "2026-09-21,Leaders Group,Keep the minutes private for now,Agreed,yes,no\r\n")
            _ = try await manager.post("/board-reports", [("start", "2026-07-01"), ("end", "2026-09-21")])
            let issued = try await manager.get("/board-reports/1")
            XCTAssertTrue(issued.contains(#"href="/board-reports/1/tables/payments""#))
            for table in BoardReportTable.allCases {
                let file = try await manager.get("/board-reports/1/tables/\(table.rawValue)")
                XCTAssertEqual(file.status, .ok, table.rawValue)
                XCTAssertEqual(file.headers[.contentType], "text/csv; charset=utf-8")
                XCTAssertTrue(file.html.hasSuffix("\r\n"), table.rawValue)
            }
            let payments = try await manager.get("/board-reports/1/tables/payments")
            XCTAssertEqual(
                payments.html,
                "group,claims_paid,people_paid,hours,paid_for_time,expenses,total\r\n"
                    + "No group named,1,1,7.5,100.00,0.00,100.00\r\nAll groups,1,1,7.5,100.00,0.00,100.00\r\n")
            let meetings = try await manager.get("/board-reports/1/tables/meetings")
            XCTAssertEqual(
                meetings.html,
                "group,meetings_held,attendance_recorded,lived_experience_present,share_present\r\n"
                    + "Leaders Group,2,1,1,100.0%\r\nAll groups,2,1,1,100.0%\r\n")
            let atRisk = try await manager.get("/board-reports/1/tables/at-risk")
            XCTAssertTrue(atRisk.html.contains("Waiting for the estates decision"))
        }
    }

    func testTheRoadmapLinksToBoardReportsForThoseWhoPrepareThem() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, _) = try await app.signedIn(as: .member)
            let managing = try await manager.get("/roadmap")
            XCTAssertTrue(managing.contains(#"href="/board-reports">Board reports</a>"#))
            let reading = try await member.get("/roadmap")
            XCTAssertFalse(reading.contains(#"href="/board-reports""#))
        }
    }
}
