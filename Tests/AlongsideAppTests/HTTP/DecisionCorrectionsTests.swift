import GRDB
import XCTest
@testable import AlongsideApp

final class DecisionCorrectionsTests: XCTestCase {
    func testMeetingAndStructuredDeclarationsAreRecordedAndShown() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let ola = try await app.createUser(name: "Ola Placeholder", email: "ola@example.org")
            try await DecisionFixtures.addMember(manager, group: group, user: ola)
            let meeting = try await DecisionFixtures.insertMeeting(
                app, group: group, startsAt: "2026-09-10T13:00:00Z", purpose: "Quarterly review")
            try await DecisionFixtures.insertAttendance(app, meeting: meeting, [(ola.id!, "present")])
            // act: the form offers the group's meetings and its people
            let form = try await manager.get(group + "/decisions/new")
            XCTAssertTrue(form.contains(">10 September 2026: Quarterly review</option>"))
            XCTAssertTrue(form.contains(#"<option value="between" selected>Between meetings</option>"#))
            XCTAssertTrue(form.contains(">Ola Placeholder</option>"))
            // a half-filled declaration is an error naming the row, and everything typed is kept
            let half = try await manager.post(
                group + "/decisions",
                DecisionsTests.consentDecision() + [
                    ("meeting", String(meeting)), ("declaration2_interest", "Trustee of the bidding charity"),
                ])
            XCTAssertEqual(half.status, .unprocessableContent)
            XCTAssertEqual(
                half.errorSummary,
                [
                    "Declaration 2: choose who declared the interest, or type their name",
                    "Declaration 2: select whether they took part in the decision",
                ])
            XCTAssertEqual(half.inputValue("declaration2_interest"), "Trustee of the bidding charity")
            XCTAssertTrue(half.contains(#"<option value="\#(meeting)" selected>"#), "the meeting chosen is kept")
            let badMeeting = try await manager.post(
                group + "/decisions", DecisionsTests.consentDecision() + [("meeting", "999")])
            XCTAssertEqual(
                badMeeting.errorSummary, ["Select the meeting the decision was taken at, or between meetings"])
            let recorded = try await manager.post(
                group + "/decisions",
                DecisionsTests.consentDecision() + [
                    ("meeting", String(meeting)),
                    ("declaration1_person", String(ola.id!)),
                    ("declaration1_interest", "Trustee of the bidding charity"), ("declaration1_took_part", "no"),
                    ("declaration2_name", "Visiting Adviser"), ("declaration2_interest", "Advises the provider"),
                    ("declaration2_took_part", "yes"),
                ])
            // check
            XCTAssertEqual(recorded.status, .seeOther)
            let page = try await manager.get(try XCTUnwrap(recorded.location))
            XCTAssertTrue(page.contains("At the meeting 10 September 2026: Quarterly review"))
            XCTAssertTrue(page.contains(#"href="\#(group)/meetings/\#(meeting)""#))
            XCTAssertTrue(page.contains("Ola Placeholder: Trustee of the bidding charity (did not take part)"))
            XCTAssertTrue(page.contains("Visiting Adviser: Advises the provider (took part)"))
            let stored = try await app.services.pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT user_id, person_name, took_part FROM decision_declarations ORDER BY position"
                )
                .map {
                    "\(($0["user_id"] as Int64?).map(String.init) ?? "-") \($0["person_name"] as String) \($0["took_part"] as Bool)"
                }
            }
            XCTAssertEqual(stored, ["\(ola.id!) Ola Placeholder false", "- Visiting Adviser true"])
            // a decision recorded without choosing is taken between meetings
            let between = try await DecisionFixtures.record(manager, group: group, title: "Another")
            let betweenPage = try await manager.get(between)
            XCTAssertTrue(betweenPage.contains("<dd>Between meetings</dd>"))
        }
    }

    func testACorrectionIsANewRevisionAndTheOriginalStaysVisible() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Pam Manager")
            let group = try await GroupsTests.createGroup(manager)
            let original = try await DecisionFixtures.record(manager, group: group, title: "Fund the pilot")
            // act: the form starts from the current revision
            let form = try await manager.get(original + "/correct")
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Correct a decision")
            XCTAssertEqual(form.inputValue("title"), "Fund the pilot")
            XCTAssertEqual(form.inputValue("review_on"), "2027-06-30")
            var fields = DecisionsTests.consentDecision().filter { $0.0 != "title" && $0.0 != "review_on" }
            fields += [("title", "Fund the peer support pilot"), ("review_on", "2027-09-30")]
            let noReason = try await manager.post(original + "/correct", fields)
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertEqual(noReason.errorSummary, ["Enter what is being corrected and why"])
            XCTAssertEqual(noReason.inputValue("title"), "Fund the peer support pilot", "what was typed is kept")
            let corrected = try await manager.post(
                original + "/correct", fields + [("correction_reason", "The minutes named the wrong pilot.")])
            // check: a new revision, with what changed and why
            XCTAssertEqual(corrected.status, .seeOther)
            let latestPath = try XCTUnwrap(corrected.location)
            XCTAssertNotEqual(latestPath, original)
            let latest = try await manager.get(latestPath)
            XCTAssertEqual(latest.h1, "Fund the peer support pilot")
            XCTAssertTrue(
                latest.contains("Corrected on 21 September 2026 by Pam Manager: The minutes named the wrong pilot."))
            XCTAssertTrue(latest.contains("<caption>What revision 2 changed</caption>"))
            XCTAssertTrue(
                latest.contains(
                    #"<th scope="row">Title</th><td><del><span class="visually-hidden">Before: </span>Fund the pilot</del></td>"#
                ))
            XCTAssertTrue(
                latest.contains("30 June 2027") && latest.contains("30 September 2027"),
                "the review date change is shown")
            XCTAssertFalse(
                latest.contains(#"<th scope="row">Question</th>"#), "unchanged parts are not listed as changes")
            // the original stays readable, marked as corrected
            let old = try await manager.get(original)
            XCTAssertEqual(old.status, .ok)
            XCTAssertEqual(old.h1, "Fund the pilot")
            XCTAssertTrue(old.contains("This revision was corrected."))
            XCTAssertTrue(old.contains(#"<a href="\#(latestPath)">See the latest revision</a>"#))
            XCTAssertFalse(old.contains("Correct this decision"), "only the latest revision is corrected")
            // the log lists the decision once, as it now stands
            let log = try await manager.get(group + "/decisions")
            XCTAssertTrue(log.contains("Fund the peer support pilot</a> <span class=\"tag tag-grey\">Corrected</span>"))
            XCTAssertFalse(log.contains(">Fund the pilot</a>"))
            // correcting an old revision goes to the latest; a stale correction is refused, nothing lost
            let redirected = try await manager.get(original + "/correct")
            XCTAssertEqual(redirected.location, latestPath + "/correct")
            let stale = try await manager.post(original + "/correct", fields + [("correction_reason", "Second go")])
            XCTAssertEqual(stale.status, .conflict, "a second correction of the same revision is refused")
            XCTAssertTrue(stale.errorSummary.first?.hasPrefix("Someone else corrected this decision") ?? false)
            XCTAssertTrue(stale.contains("<h2>Their correction</h2>"))
            XCTAssertTrue(stale.contains("<dt>Why they corrected it</dt><dd>The minutes named the wrong pilot.</dd>"))
            XCTAssertTrue(stale.contains(">Second go</textarea>"), "nothing typed is lost")
            XCTAssertTrue(
                stale.contains(#"action="\#(latestPath)/correct""#), "sending it again corrects their revision")
            let counts = try await app.services.pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions") ?? 0,
                    try String.fetchOne(db, sql: "SELECT summary FROM audit_events WHERE action = 'corrected'") ?? ""
                )
            }
            XCTAssertEqual(counts.0, 2)
            XCTAssertTrue(counts.1.contains("The minutes named the wrong pilot."))
        }
    }

    func testOnlyThoseWhoRecordDecisionsCorrectThem() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let (member, memberUser) = try await app.signedIn(as: .member, email: "member@example.org")
            let (outsider, _) = try await app.signedIn(as: .member, email: "outsider@example.org")
            try await DecisionFixtures.addMember(manager, group: group, user: memberUser)
            let decision = try await DecisionFixtures.record(manager, group: group)
            // act and check
            let form = try await member.get(decision + "/correct")
            XCTAssertEqual(form.status, .forbidden)
            _ = try await member.get(decision)
            let post = try await member.post(
                decision + "/correct", DecisionsTests.consentDecision() + [("correction_reason", "x")])
            XCTAssertEqual(post.status, .forbidden)
            let hidden = try await outsider.get(decision + "/correct")
            XCTAssertEqual(hidden.status, .notFound)
            let noToken = try await manager.post(
                decision + "/correct", DecisionsTests.consentDecision() + [("correction_reason", "x")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let signedOut = try await app.browser().get(decision + "/correct")
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in") ?? false)
        }
    }

    func testOlderDecisionsKeepTheirFreeTextDeclarations() async throws {
        try await withApp { app in
            // setup: a decision recorded before declarations were structured or the meeting was asked for
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let id = try await app.services.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO decisions (group_id, title, question, method, members_total, members_present, lived_experience_present, quorum_met,
                            outcome, rationale, declarations, is_valid, recorded_by, recorded_at)
                        VALUES (?, 'Older decision', 'Q?', 'consent', 4, 3, 1, 1, 'agreed', 'R.', 'Ola declared a trusteeship and left the room.', 1, ?, ?)
                        """, arguments: [DecisionFixtures.id(group), managerUser.id!, app.clock.now])
                return db.lastInsertedRowID
            }
            // act
            let page = try await manager.get(group + "/decisions/\(id)")
            let form = try await manager.get(group + "/decisions/\(id)/correct")
            // check
            XCTAssertTrue(
                page.contains(
                    "<dt>Declarations of interest (as first recorded)</dt><dd>Ola declared a trusteeship and left the room.</dd>"
                ))
            XCTAssertTrue(page.contains("<dt>Where it was taken</dt><dd>Not recorded</dd>"))
            XCTAssertTrue(
                form.contains(">Ola declared a trusteeship and left the room.</textarea>"),
                "a correction keeps the free text")
        }
    }
}
