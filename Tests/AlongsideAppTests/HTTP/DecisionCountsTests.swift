import GRDB
import XCTest
@testable import AlongsideApp

/// Issue 17: the decision log refuses counts that cannot be, takes a meeting's attendance for a decision taken at it,
/// checks the answers before anything permanent is written, and lists what is already recorded wrongly.
final class DecisionCountsTests: XCTestCase {
    /// A decision between meetings by `method`, with the given counts.
    static func fields(_ method: String, _ extra: [(String, String)]) -> [(String, String)] {
        let base: [(String, String)] = [
            ("title", "Fund the peer support pilot"), ("question", "Do we fund it?"), ("method", method),
            ("meeting", "between"), ("members_total", "3"), ("members_present", "3"),
            ("lived_experience_present", "yes"), ("rationale", "It was asked for."), ("consensus_record", "Agreed."),
            ("outcome", "agreed"),
        ]
        return base.filter { pair in !extra.contains { $0.0 == pair.0 } } + extra
    }

    static func storedDecisions(_ app: TestContext) async throws -> Int {
        try await app.services.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions") ?? 0 }
    }

    func testCountsThatCannotBeAreRefusedForEveryMethod() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group + "/decisions/new")
            // act and check: "3 of 3 present; 5 for, 0 against, 1 abstaining" (the case in the issue)
            let votes = try await manager.post(
                group + "/decisions",
                Self.fields(
                    "majority_vote", [("votes_for", "5"), ("votes_against", "0"), ("votes_abstaining", "1")]))
            XCTAssertEqual(votes.status, .unprocessableContent)
            XCTAssertEqual(
                votes.errorSummary,
                ["The votes cast (for, against and abstaining: 6) cannot be more than the members present (3)"])
            XCTAssertEqual(votes.inputValue("votes_for"), "5", "what was typed is kept")
            // the largest 64-bit number is a clear refusal, never a crash
            let huge = try await manager.post(
                group + "/decisions",
                Self.fields(
                    "majority_vote",
                    [
                        ("members_total", "9"), ("members_present", "6"), ("votes_for", "9223372036854775807"),
                        ("votes_against", "0"), ("votes_abstaining", "0"),
                    ]))
            XCTAssertEqual(huge.status, .unprocessableContent)
            XCTAssertEqual(huge.errorSummary, ["Votes for must be 10,000 or fewer"])
            XCTAssertEqual(huge.inputValue("votes_for"), "9223372036854775807")
            let negative = try await manager.post(
                group + "/decisions",
                Self.fields(
                    "majority_vote", [("votes_for", "1"), ("votes_against", "-1"), ("votes_abstaining", "0")]))
            XCTAssertEqual(negative.errorSummary, ["Votes against cannot be a negative number"])
            let objections = try await manager.post(
                group + "/decisions", Self.fields("consent", [("objections", "4")]))
            XCTAssertEqual(
                objections.errorSummary, ["Objections (4) cannot be more than the members present (3)"])
            let present = try await manager.post(
                group + "/decisions", Self.fields("consensus", [("members_present", "4")]))
            XCTAssertEqual(
                present.errorSummary, ["Members present (4) cannot be more than the group's members (3)"])
            let byLeads = try await manager.post(
                group + "/decisions", Self.fields("by_leads", [("members_total", "-2")]))
            XCTAssertEqual(byLeads.errorSummary, ["The group's members cannot be a negative number"])
            let stored = try await Self.storedDecisions(app)
            XCTAssertEqual(stored, 0, "nothing was written")
        }
    }

    func testTheAnswersAreCheckedBeforeTheDecisionIsWritten() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            // act: the form shows only the questions of the method chosen
            let blank = try await manager.get(group + "/decisions/new")
            XCTAssertNil(blank.inputValue("votes_for"), "no method chosen yet: no method's questions")
            let majority = try await manager.post(
                group + "/decisions", [("method", "majority_vote"), ("meeting", "between"), ("step", "choose")])
            XCTAssertEqual(majority.status, .ok)
            XCTAssertNotNil(majority.inputValue("votes_for"))
            XCTAssertNil(majority.inputValue("objections"))
            XCTAssertFalse(majority.contains(#"name="consensus_record""#))
            // a method changed without showing its questions is noticed
            let switched = try await manager.post(
                group + "/decisions",
                Self.fields("consent", [("objections", "0"), ("drawn_for", "majority_vote|between")]))
            XCTAssertEqual(switched.status, .unprocessableContent)
            XCTAssertEqual(
                switched.errorSummary,
                [
                    "You changed where or how the decision was made, so the questions have changed. Answer them, then continue"
                ])
            XCTAssertNotNil(switched.inputValue("objections"))
            // the check page lists the answers, and nothing is written yet
            let fields = Self.fields("consent", [("objections", "0"), ("drawn_for", "consent|between")])
            let check = try await manager.post(group + "/decisions", fields)
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check the decision before it is recorded")
            XCTAssertTrue(check.contains("3 of 3 members, including an expert by experience or carer"))
            XCTAssertTrue(check.contains(#"<button type="submit" class="button" name="step" value="confirm">"#))
            let none = try await Self.storedDecisions(app)
            XCTAssertEqual(none, 0)
            // "Change" goes back to the form with everything kept
            let change = try await manager.post(group + "/decisions", fields + [("step", "change")])
            XCTAssertEqual(change.status, .ok)
            XCTAssertEqual(change.inputValue("title"), "Fund the peer support pilot")
            XCTAssertEqual(change.inputValue("objections"), "0")
            // confirming records it
            let recorded = try await manager.post(group + "/decisions", fields + [("step", "confirm")])
            XCTAssertEqual(recorded.status, .seeOther)
            let one = try await Self.storedDecisions(app)
            XCTAssertEqual(one, 1)
            // refusals: no CSRF token, and a member who does not run the group's business
            let refused = try await manager.post(group + "/decisions", fields + [("step", "confirm")], csrf: "")
            XCTAssertEqual(refused.status, .forbidden)
            let (member, _) = try await app.signedIn(as: .member, email: "member@example.org")
            let notTheirs = try await member.post(group + "/decisions", fields + [("step", "confirm")])
            XCTAssertNotEqual(notTheirs.status, .seeOther)
            let still = try await Self.storedDecisions(app)
            XCTAssertEqual(still, 1)
        }
    }

    func testADecisionAtAMeetingTakesWhoWasThereFromItsAttendance() async throws {
        try await withApp { app in
            // setup: two members; the meeting on 1 September had one present and one sending apologies
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let ada = try await app.createUser(name: "Ada Lived", email: "ada@example.org", role: .expertByExperience)
            let ben = try await app.createUser(name: "Ben Board", email: "ben@example.org")
            try await MeetingsTests.addMember(
                manager, group: group, ada, seat: "member", sector: "expert_by_experience")
            try await MeetingsTests.addMember(manager, group: group, ben, seat: "member", sector: "icb")
            let held = try await MeetingsTests.planMeeting(manager, group: group, day: "2026-09-01")
            let heldID = DecisionFixtures.id(held)
            let unrecorded = try await MeetingsTests.planMeeting(manager, group: group, day: "2026-09-02")
            let future = try await MeetingsTests.planMeeting(manager, group: group, day: "2026-10-01")
            _ = try await manager.get(held + "/attendance")
            let saved = try await manager.post(
                held + "/attendance", [("attendance_\(ben.id!)", "present"), ("attendance_\(ada.id!)", "apologies")])
            XCTAssertEqual(saved.status, .seeOther)
            // act: the meeting page links to the form with the meeting chosen
            let meetingPage = try await manager.get(held)
            let link = group + "/decisions/new?meeting=\(heldID)"
            XCTAssertTrue(meetingPage.contains(#"href="\#(link)""#))
            let futurePage = try await manager.get(future)
            XCTAssertFalse(futurePage.contains("/decisions/new?meeting="), "no decision at a meeting yet to start")
            let form = try await manager.get(link)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains(#"<option value="\#(heldID)" selected>"#))
            XCTAssertTrue(form.contains("1 of 2 members present. No expert by experience or carer was present."))
            XCTAssertNil(form.inputValue("members_present"), "shown, not retyped")
            // typed counts are ignored: the meeting's attendance is used
            let atMeeting = Self.fields(
                "consent",
                [
                    ("meeting", String(heldID)), ("members_total", "9"), ("members_present", "9"),
                    ("objections", "0"),
                ])
            let check = try await manager.post(group + "/decisions", atMeeting)
            XCTAssertEqual(check.status, .ok, check.errorSummary.joined(separator: "; "))
            XCTAssertTrue(check.contains("1 of 2 members present. No expert by experience or carer was present."))
            let tooMany = try await manager.post(
                group + "/decisions",
                Self.fields(
                    "majority_vote",
                    [
                        ("meeting", String(heldID)), ("votes_for", "2"), ("votes_against", "0"),
                        ("votes_abstaining", "0"),
                    ]))
            XCTAssertEqual(
                tooMany.errorSummary,
                ["The votes cast (for, against and abstaining: 2) cannot be more than the members present (1)"])
            let recorded = try await manager.post(group + "/decisions", atMeeting + [("step", "confirm")])
            XCTAssertEqual(recorded.status, .seeOther)
            let stored = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT members_total, members_present, lived_experience_present FROM decisions")
            }
            XCTAssertEqual(stored?["members_total"] as Int?, 2)
            XCTAssertEqual(stored?["members_present"] as Int?, 1)
            XCTAssertEqual(stored?["lived_experience_present"] as Bool?, false)
            // a meeting that has not started, or whose attendance is not recorded, is refused
            let early = try await manager.post(
                group + "/decisions",
                Self.fields("consent", [("meeting", String(DecisionFixtures.id(future))), ("objections", "0")]))
            XCTAssertEqual(early.status, .unprocessableContent)
            XCTAssertEqual(
                early.errorSummary,
                [
                    "That meeting has not started yet (it starts on 1 October 2026 at 2:00pm). Record the decision once the meeting has started"
                ])
            let noRecord = try await manager.post(
                group + "/decisions",
                Self.fields("consent", [("meeting", String(DecisionFixtures.id(unrecorded))), ("objections", "0")]))
            XCTAssertEqual(
                noRecord.errorSummary,
                ["Record the meeting's attendance first: a decision taken at a meeting counts who was there from it"])
        }
    }

    func testWhereTheTermsForbidDeputiesTheAttendanceFormDoesNotOfferOne() async throws {
        try await withApp { app in
            // setup: terms that do not allow deputies, and a member who has a named deputy
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            // (named before the terms were adopted: a new membership could not name a deputy under them)
            let ada = try await app.createUser(name: "Ada Lived", email: "ada@example.org", role: .expertByExperience)
            let dee = try await app.createUser(name: "Dee Deputy", email: "dee@example.org")
            try await MeetingsTests.addMember(
                manager, group: group, ada, seat: "member", sector: "expert_by_experience", deputy: dee)
            _ = try await manager.post(group + "/terms")
            let terms = TermsOfReferenceTests.termsForm(revision: "1").filter { $0.0 != "deputies_allowed" }
            _ = try await manager.post(group + "/terms/1", terms + [("deputies_allowed", "no")])
            _ = try await manager.post(group + "/terms/1/propose")
            _ = try await manager.get(group + "/decisions/new")
            let adopted = try await manager.post(group + "/decisions", DecisionsTests.consentDecision(adopts: "1"))
            XCTAssertEqual(adopted.status, .seeOther)
            let meeting = try await MeetingsTests.planMeeting(manager, group: group, day: "2026-10-01")
            // act
            let form = try await manager.get(meeting + "/attendance")
            // check
            XCTAssertEqual(form.status, .ok)
            XCTAssertFalse(form.contains("Sent their deputy"), "not offered: a deputy would not count")
            XCTAssertTrue(form.contains("The terms of reference do not allow deputies"))
            let refused = try await manager.post(meeting + "/attendance", [("attendance_\(ada.id!)", "deputy")])
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(
                refused.errorSummary,
                [
                    "The terms of reference do not allow deputies. Select whether Ada Lived was present, sent apologies or was absent"
                ])
        }
    }

    func testDecisionsAlreadyRecordedWithImpossibleCountsAreListedNotChanged() async throws {
        try await withApp { app in
            // setup: a decision written before the counts were checked (as the log held it)
            let (admin, _) = try await app.signedIn(as: .administrator, email: "admin@example.org")
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let fine = try await DecisionFixtures.record(manager, group: group, title: "A decision that could be")
            let wrongID = try await app.services.pool.write { db -> Int64 in
                try db.execute(
                    sql: """
                        INSERT INTO decisions (group_id, title, question, method, members_total, members_present,
                            lived_experience_present, quorum_met, votes_for, votes_against, votes_abstaining, outcome,
                            rationale, is_valid, recorded_by, recorded_at, between_meetings, visibility)
                        SELECT group_id, 'Counted twice', 'q', 'majority_vote', 3, 3, 1, 1, 5, 0, 1, 'agreed', 'r', 1,
                            recorded_by, recorded_at, 1, 'private' FROM decisions
                        """)
                return db.lastInsertedRowID
            }
            // act
            let list = try await admin.get("/decisions/counts-to-correct")
            // check
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.contains("Counted twice"))
            XCTAssertFalse(list.contains("A decision that could be"))
            XCTAssertTrue(
                list.contains(
                    "The votes cast (for, against and abstaining: 6) cannot be more than the members present (3)"))
            XCTAssertTrue(list.contains(#"href="\#(group)/decisions/\#(wrongID)/correct""#))
            let search = try await admin.get("/decisions")
            XCTAssertTrue(search.contains(#"href="/decisions/counts-to-correct""#))
            let stored = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT votes_for FROM decisions WHERE id = ?", arguments: [wrongID])
            }
            XCTAssertEqual(stored, 5, "nothing already in the log is rewritten")
            XCTAssertFalse(fine.isEmpty)
            // refusals: a programme manager is not an administrator
            let refused = try await manager.get("/decisions/counts-to-correct")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
