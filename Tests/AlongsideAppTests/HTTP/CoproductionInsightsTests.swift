import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Insights (issue 7): anyone signed in records one; the recorder or someone who manages co-production edits it;
/// those who manage co-production answer it.
final class CoproductionInsightsTests: XCTestCase {
    typealias F = CoproductionFixtures

    // MARK: Refusals

    func testSignedOutPeopleSignInOthersCannotEditMembersCannotAnswerAndUnknownIdsAre404() async throws {
        try await withApp { app in
            // setup
            let (recorder, _) = try await app.signedIn(as: .member, email: "recorder@example.org")
            let insight = try await F.recordInsight(recorder, F.insightFields())
            let (other, _) = try await app.signedIn(as: .member, email: "other@example.org")
            let (ebe, _) = try await app.signedIn(as: .expertByExperience)
            // act and check: signed out
            for path in [
                "/coproduction/insights", "/coproduction/insights.csv", "/coproduction/insights/new", insight,
                insight + "/edit",
                insight + "/response",
            ] {
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
            }
            let signedOutPost = try await app.browser().post("/coproduction/insights/new", F.insightFields(), csrf: "")
            XCTAssertEqual(signedOutPost.status, .forbidden)
            // another member reads but cannot edit or answer
            for path in ["/coproduction/insights", insight, "/coproduction/insights.csv"] {
                let read = try await other.get(path)
                XCTAssertEqual(read.status, .ok, path)
            }
            let shown = try await other.get(insight)
            XCTAssertFalse(shown.contains(insight + "/edit"))
            XCTAssertFalse(shown.contains(insight + "/response"))
            let editForm = try await other.get(insight + "/edit")
            XCTAssertEqual(editForm.status, .forbidden)
            let edit = try await other.post(
                insight + "/edit", F.insightFields(["heard": "Changed by someone else"]) + [("version", "1")])
            XCTAssertEqual(edit.status, .forbidden)
            let answerForm = try await recorder.get(insight + "/response")
            XCTAssertEqual(answerForm.status, .forbidden, "members do not answer, even their own insights")
            let answer = try await recorder.post(insight + "/response", [("outcome", "changed"), ("answer", "Sneaky")])
            XCTAssertEqual(answer.status, .forbidden)
            // missing CSRF tokens
            _ = try await recorder.get("/coproduction/insights/new")
            let noToken = try await recorder.post("/coproduction/insights/new", F.insightFields(), csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let noTokenEdit = try await recorder.post(
                insight + "/edit", F.insightFields() + [("version", "1")], csrf: "")
            XCTAssertEqual(noTokenEdit.status, .forbidden)
            _ = try await ebe.get(insight + "/response")
            let noTokenAnswer = try await ebe.post(
                insight + "/response", [("outcome", "changed"), ("answer", "No token")], csrf: "")
            XCTAssertEqual(noTokenAnswer.status, .forbidden)
            let saved = try await app.services.pool.read { db in
                [
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insights") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insight_responses") ?? -1,
                ]
            }
            XCTAssertEqual(saved, [1, 0], "nothing refused was saved")
            // unknown ids
            for path in [
                "/coproduction/insights/999", "/coproduction/insights/999/edit", "/coproduction/insights/999/response",
                "/coproduction/insights/x",
            ] {
                let missing = try await ebe.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let missingAnswer = try await ebe.post(
                "/coproduction/insights/999/response", [("outcome", "changed"), ("answer", "Nothing")])
            XCTAssertEqual(missingAnswer.status, .notFound)
            let missingEdit = try await ebe.post(
                "/coproduction/insights/999/edit", F.insightFields() + [("version", "1")])
            XCTAssertEqual(missingEdit.status, .notFound)
        }
    }

    // MARK: Recording

    func testAMemberRecordsAnInsightWithEverythingItInformedAndItIsAudited() async throws {
        try await withApp { app in
            // setup
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let refugees = try await AllianceFixtures.community(app, named: "Refugees and people seeking asylum")
            let deliverables = try await RoadmapFixtures.load(app)
            let peerID = try XCTUnwrap(deliverables["peer-workforce"]?.split(separator: "/").last.map(String.init))
            let group = try await F.workingGroup(app, visibility: .published)
            let workshop = try await F.workshop(app, groupID: group, visibility: .published)
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let decision = try await AllianceFixtures.decision(
                app, alliance: group, by: managerUser, title: "Run evening groups")
            try await app.services.pool.write { db in
                try db.execute(sql: "UPDATE decisions SET visibility = 'published' WHERE id = ?", arguments: [decision])
            }
            let item = try await F.addPlanItem(manager, F.planFields())
            let itemID = try XCTUnwrap(item.split(separator: "/").last.map(String.init))
            let (member, _) = try await app.signedIn(as: .member, name: "Morgan Member")
            let form = try await member.get("/coproduction/insights/new?meeting=\(workshop)")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.inputValue("heard_on"), "2026-09-10", "heard on the workshop's day")
            XCTAssertTrue(form.contains("Refugees and people seeking asylum (under-served)"))
            XCTAssertTrue(
                form.contains("Run evening groups"), "a published decision in a group the member can see is offered")
            // act
            let path = try await F.recordInsight(
                member,
                F.insightFields(
                    [
                        "quote": "I work days, so evenings are all I have.", "group": String(group),
                        "workshop": String(workshop),
                        "themes": " Evenings ,PEER support, evenings",
                    ],
                    communities: [carers, refugees],
                    extra: [
                        ("quote_consent", "yes"), ("deliverables", peerID), ("decisions", String(decision)),
                        ("plan_items", itemID),
                    ]))
            let shown = try await member.get(path)
            // check
            XCTAssertEqual(shown.h1, "Insight heard on 1 September 2026")
            XCTAssertTrue(shown.contains("The insight is recorded."))
            XCTAssertTrue(shown.contains("<li>Carers</li>"))
            XCTAssertTrue(shown.contains("<li>Refugees and people seeking asylum (under-served)</li>"))
            XCTAssertTrue(
                shown.contains("<li>evenings</li>") && shown.contains("<li>peer support</li>"),
                "themes are lower case, once each")
            XCTAssertTrue(shown.contains("I work days, so evenings are all I have."))
            XCTAssertTrue(shown.contains("The person agreed to this quote being shown outside the workspace."))
            XCTAssertTrue(
                shown.contains(#"<a href="\#(deliverables["peer-workforce"]!)">Deliverable: Peer workforce</a>"#))
            XCTAssertTrue(shown.contains("Decision: Run evening groups (Co-production Working Group)"))
            XCTAssertTrue(shown.contains(#"<a href="\#(item)">Action-plan item: Visit three community groups</a>"#))
            XCTAssertTrue(shown.contains("<dd>Morgan Member</dd>"))
            XCTAssertTrue(shown.contains(#"href="\#(path)/edit""#), "the recorder may edit it")
            XCTAssertTrue(shown.contains("Not answered yet."))
            let audit = try await F.audit(app, kind: "insight")
            XCTAssertEqual(audit, ["Recorded an insight heard on 1 September 2026"])
            // the plan item and the workshop show it
            let itemPage = try await manager.get(item)
            XCTAssertTrue(
                itemPage.contains(#"<a href="\#(path)">Evening groups would help people who work in the day</a>"#))
            let meeting = try await manager.get("/groups/\(group)/meetings/\(workshop)")
            XCTAssertTrue(
                meeting.contains(#"<a href="\#(path)">Evening groups would help people who work in the day</a>"#))
            let published = try await app.browser().get("/published/groups/\(group)/meetings/\(workshop)")
            if published.status == .ok {
                XCTAssertFalse(published.contains("What came out of this workshop"), "never on the public meeting page")
            }
            // the list and its filters
            let list = try await member.get(
                "/coproduction/insights?community=\(carers)&theme=Evenings&source_kind=community_group&answered=no&words=library"
            )
            XCTAssertTrue(list.contains("<h2 id=\"count\">1 insight of 1 match the filters</h2>"))
            let other = try await member.get("/coproduction/insights?source_kind=staff")
            XCTAssertTrue(other.contains("No insights match."))
            // the spreadsheet
            let csv = try await member.get("/coproduction/insights.csv")
            XCTAssertTrue(
                csv.html.hasPrefix(
                    "id,heard_on,heard,source_kind,source_detail,place,communities,themes,quote,quote_consent,"))
            XCTAssertTrue(csv.html.contains("I work days, so evenings are all I have.\",yes,"))
        }
    }

    func testBadInputIsExplainedAndEverythingTypedIsKept() async throws {
        try await withApp { app in
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            let (member, _) = try await app.signedIn(as: .member)
            _ = try await member.get("/coproduction/insights/new")
            // act
            let bad = try await member.post(
                "/coproduction/insights/new",
                F.insightFields(
                    [
                        "heard": "", "heard_on": "2026-12-25", "source_detail": "A drop-in café",
                        "themes": "Evenings, Cost",
                    ],
                    communities: [carers], extra: [("quote_consent", "yes")]))
            // check
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter what was heard", "The date it was heard must be today or in the past",
                    "Enter the quote the person agreed to, or untick consent to quote",
                ])
            XCTAssertEqual(bad.inputValue("source_detail"), "A drop-in café")
            XCTAssertEqual(bad.inputValue("themes"), "Evenings, Cost")
            XCTAssertEqual(bad.inputValue("heard_on"), "2026-12-25")
            XCTAssertTrue(
                bad.contains(#"name="communities" type="checkbox" value="\#(carers)" checked"#),
                "the community stays ticked")
            XCTAssertTrue(bad.contains(#"name="quote_consent" type="checkbox" value="yes" checked"#))
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM insights")
            }
            XCTAssertEqual(count, 0)
            let noAnswer = try await app.signedIn(as: .expertByExperience).0
            let path = try await F.recordInsight(noAnswer, F.insightFields())
            _ = try await noAnswer.get(path + "/response")
            let badAnswer = try await noAnswer.post(path + "/response", [("outcome", ""), ("answer", "We listened")])
            XCTAssertEqual(badAnswer.status, .unprocessableContent)
            XCTAssertEqual(badAnswer.errorSummary, ["Select what happened because of what was heard"])
            XCTAssertTrue(badAnswer.contains(">We listened</textarea>"), "the answer typed is kept")
        }
    }

    func testStaleEditsAndAnswersAreRefusedWithBothVersionsShown() async throws {
        try await withApp { app in
            // setup
            let (recorder, _) = try await app.signedIn(as: .expertByExperience, email: "recorder@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let path = try await F.recordInsight(recorder, F.insightFields())
            _ = try await recorder.get(path + "/edit")
            _ = try await manager.get(path + "/edit")
            let saved = try await manager.post(
                path + "/edit", F.insightFields(["heard": "Evening and weekend groups would help"]) + [("version", "1")]
            )
            XCTAssertEqual(saved.status, .seeOther)
            // act: a stale edit
            let stale = try await recorder.post(
                path + "/edit", F.insightFields(["heard": "Evening groups, please"]) + [("version", "1")])
            // check
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("Evening and weekend groups would help"), "their version is shown")
            XCTAssertTrue(stale.contains(">Evening groups, please</textarea>"), "this person's words are kept")
            XCTAssertEqual(stale.inputValue("version"), "2")
            // act: answers
            try await F.answer(manager, path, text: "We started a Thursday evening group.")
            let answerForm = try await recorder.get(path + "/response")
            XCTAssertEqual(answerForm.inputValue("version"), "1")
            try await F.answer(
                manager, path, outcome: "changing", text: "We are starting a Thursday evening group in October.")
            let staleAnswer = try await recorder.post(
                path + "/response", [("outcome", "not_changed"), ("answer", "No room for it."), ("version", "1")])
            XCTAssertEqual(staleAnswer.status, .conflict)
            XCTAssertTrue(staleAnswer.contains("We are starting a Thursday evening group in October."))
            XCTAssertTrue(staleAnswer.contains(">No room for it.</textarea>"))
            XCTAssertEqual(staleAnswer.inputValue("version"), "2")
            // a first answer made while someone else answered is refused too
            let second = try await F.recordInsight(recorder, F.insightFields(["heard": "Quieter waiting rooms"]))
            _ = try await recorder.get(second + "/response")
            try await F.answer(manager, second, text: "We moved the waiting area.")
            let late = try await recorder.post(
                second + "/response", [("outcome", "changed"), ("answer", "Also moved the chairs.")])
            XCTAssertEqual(late.status, .conflict)
            let audit = try await F.audit(app, kind: "insight")
            XCTAssertEqual(audit.filter { $0.hasPrefix("Answered") }.count, 2)
            XCTAssertEqual(audit.filter { $0.hasPrefix("Changed the answer") }.count, 1)
        }
    }
}
