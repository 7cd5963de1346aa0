import Foundation
import XCTest
@testable import AlongsideApp

final class MeetingsTests: XCTestCase {
    static func meetingForm(
        day: String = "2026-10-01", purpose: String = "Agree the first year's priorities.", format: String = "hybrid",
        repeatEvery: String = "", count: String = "", visibility: String = "private"
    ) -> [(String, String)] {
        [
            ("day", day), ("start_time", "14:00"), ("end_time", "16:00"), ("purpose", purpose), ("kind", "meeting"),
            ("format", format),
            ("address", "Room 2, Example Community Centre"), ("joining_details", "Video link sent the day before"),
            ("access", "step_free"), ("access", "easy_read"), ("access_notes", ""),
            ("papers", "https://example.org/paper-1\nBudget summary"),
            ("visibility", visibility), ("repeat", repeatEvery), ("count", count),
        ]
    }

    /// Plans one meeting and returns its path.
    static func planMeeting(
        _ browser: TestBrowser, group: String, day: String = "2026-10-01", visibility: String = "private"
    ) async throws -> String {
        let newForm = try await browser.get(group + "/meetings/new")
        XCTAssertEqual(newForm.status, .ok, newForm.h1 ?? "")
        let planned = try await browser.post(group + "/meetings", meetingForm(day: day, visibility: visibility))
        XCTAssertEqual(planned.status, .seeOther, planned.errorSummary.joined(separator: "; ") + (planned.h1 ?? ""))
        return try XCTUnwrap(planned.location)
    }

    /// Adds a member to a group through the members form.
    static func addMember(
        _ manager: TestBrowser, group: String, _ user: User, seat: String, sector: String, deputy: User? = nil
    ) async throws {
        _ = try await manager.get(group + "/members/new")
        let added = try await manager.post(
            group + "/members",
            [
                ("person", String(user.id!)), ("seat", seat), ("sector", sector), ("organisation", ""),
                ("deputy", deputy.map { String($0.id!) } ?? ""), ("starts_on", "2026-01-01"), ("ends_on", ""),
            ])
        XCTAssertEqual(added.status, .seeOther)
    }

    func testPlanningASeriesAndASingleMeeting() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            let form = try await manager.get(group + "/meetings/new")
            XCTAssertEqual(form.status, .ok)
            let series = try await manager.post(
                group + "/meetings", Self.meetingForm(repeatEvery: "monthly", count: "3"))
            XCTAssertEqual(series.location, group + "/meetings")
            let list = try await manager.get(group + "/meetings")
            XCTAssertTrue(list.contains("1 October 2026, 2:00pm to 4:00pm"))
            XCTAssertTrue(list.contains("1 November 2026, 2:00pm to 4:00pm"), "UK time is kept across the clock change")
            XCTAssertTrue(list.contains("1 December 2026, 2:00pm to 4:00pm"))
            let single = try await Self.planMeeting(manager, group: group, day: "2026-10-15")
            let page = try await manager.get(single)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Meeting: 15 October 2026")
            XCTAssertTrue(
                page.contains("Agree the first year&#39;s priorities.")
                    || page.contains("Agree the first year's priorities."))
            XCTAssertTrue(page.contains("<li>Step-free access</li>"))
            XCTAssertTrue(page.contains(#"<a href="https://example.org/paper-1">"#), "a paper that is a link is linked")
            XCTAssertTrue(page.contains("Video link sent the day before"), "members see the joining details")
        }
    }

    func testBadMeetingDetailsAreExplainedAndWhatWasTypedIsKept() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group + "/meetings/new")
            var fields = Self.meetingForm(purpose: "", format: "video").filter {
                $0.0 != "joining_details" && $0.0 != "end_time"
            }
            fields += [("end_time", "13:00"), ("joining_details", "")]
            let page = try await manager.post(group + "/meetings", fields)
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertEqual(
                page.errorSummary,
                [
                    "The end time must be after the start time", "Enter the purpose of the meeting: what it is for",
                    "Enter how to join by video (a link, or how the link will be sent)",
                ])
            XCTAssertEqual(page.inputValue("day"), "2026-10-01")
            XCTAssertEqual(page.inputValue("end_time"), "13:00")
            let series = try await manager.post(
                group + "/meetings", Self.meetingForm(repeatEvery: "weekly", count: "40"))
            XCTAssertEqual(series.errorSummary, ["Enter how many meetings to plan, from 2 to 24"])
            let list = try await manager.get(group + "/meetings")
            XCTAssertTrue(list.contains("No meetings are planned."), "nothing was saved")
        }
    }

    func testAttendanceGivesQuorumFromTheTermsInForceOnTheDay() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let ada = try await app.createUser(name: "Ada Lived", email: "ada@example.org", role: .expertByExperience)
            let dee = try await app.createUser(name: "Dee Deputy", email: "dee@example.org")
            let ben = try await app.createUser(name: "Ben Board", email: "ben@example.org")
            let cas = try await app.createUser(name: "Cas Council", email: "cas@example.org")
            let group = try await DecisionsTests.groupWithTerms(app, manager)
            try await Self.addMember(
                manager, group: group, ada, seat: "co_chair", sector: "expert_by_experience", deputy: dee)
            try await Self.addMember(manager, group: group, ben, seat: "chair", sector: "icb")
            try await Self.addMember(manager, group: group, cas, seat: "member", sector: "la_social_care")
            // A meeting held before the terms were adopted (today is 21 September 2026) has no quorum to check.
            let earlier = try await Self.planMeeting(manager, group: group, day: "2026-09-01")
            _ = try await manager.get(group + "/decisions/new")
            _ = try await manager.post(group + "/decisions", DecisionsTests.consentDecision(adopts: "1"))
            let meeting = try await Self.planMeeting(manager, group: group, day: "2026-10-01")

            let form = try await manager.get(meeting + "/attendance")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("Sent their deputy, Dee Deputy"))
            let missing = try await manager.post(meeting + "/attendance", [("attendance_\(ada.id!)", "deputy")])
            XCTAssertEqual(missing.status, .unprocessableContent)
            XCTAssertEqual(missing.errorSummary.count, 2, "each member without an answer is named")
            let noDeputy = try await manager.post(
                meeting + "/attendance",
                [
                    ("attendance_\(ada.id!)", "present"), ("attendance_\(ben.id!)", "deputy"),
                    ("attendance_\(cas.id!)", "absent"),
                ])
            XCTAssertEqual(
                noDeputy.errorSummary,
                ["Ben Board has no named deputy. Add a deputy to their membership, or choose another answer"])

            let saved = try await manager.post(
                meeting + "/attendance",
                [
                    ("attendance_\(ada.id!)", "deputy"), ("attendance_\(ben.id!)", "present"),
                    ("attendance_\(cas.id!)", "apologies"),
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let quorate = try await manager.get(meeting)
            XCTAssertTrue(
                quorate.contains(
                    "<strong>Quorate.</strong> 2 of 3 members counted towards quorum; version 1 of the terms of reference in force on the day needs 2, and an expert by experience or carer was present."
                ))
            XCTAssertTrue(quorate.contains("<dd>Sent their deputy, Dee Deputy</dd>"))

            _ = try await manager.get(meeting + "/attendance")
            _ = try await manager.post(
                meeting + "/attendance",
                [
                    ("attendance_\(ada.id!)", "apologies"), ("attendance_\(ben.id!)", "present"),
                    ("attendance_\(cas.id!)", "present"),
                ])
            let notQuorate = try await manager.get(meeting)
            XCTAssertTrue(notQuorate.contains("<strong>Not quorate.</strong>"))
            XCTAssertTrue(
                notQuorate.contains(
                    "The terms of reference need an expert by experience or carer present, and none was."))

            _ = try await manager.get(earlier + "/attendance")
            _ = try await manager.post(
                earlier + "/attendance",
                [
                    ("attendance_\(ada.id!)", "present"), ("attendance_\(ben.id!)", "absent"),
                    ("attendance_\(cas.id!)", "absent"),
                ])
            let before = try await manager.get(earlier)
            XCTAssertTrue(
                before.contains(
                    "<strong>No quorum to check.</strong> 1 of 3 members were present. The group had no adopted terms of reference on the day."
                ))
        }
    }

    func testAgendaDeclarationsMinutesAndActionsThatCarryOver() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let group = try await GroupsTests.createGroup(manager)
            try await Self.addMember(manager, group: group, memberUser, seat: "member", sector: "vcse")
            let meeting = try await Self.planMeeting(manager, group: group, day: "2026-10-01")

            let emptyItem = try await manager.post(
                meeting + "/agenda", [("agenda_title", " "), ("agenda_description", "kept")])
            XCTAssertEqual(emptyItem.status, .unprocessableContent)
            XCTAssertEqual(emptyItem.errorSummary, ["Enter the agenda item's title"])
            XCTAssertTrue(emptyItem.contains(">kept</textarea>"), "what was typed is kept")
            let added = try await manager.post(
                meeting + "/agenda",
                [("agenda_title", "Peer support funding"), ("agenda_description", ""), ("agenda_paper", "")])
            XCTAssertEqual(added.status, .seeOther)
            let page = try await manager.get(meeting)
            let itemID = try XCTUnwrap(page.firstMatch(#"<option value="(\d+)">1\. Peer support funding</option>"#))

            let badDeclaration = try await manager.post(
                meeting + "/declarations", [("declaration_item", itemID), ("declaration_person", "999")])
            XCTAssertEqual(
                badDeclaration.errorSummary,
                [
                    "Select who declared the interest", "Describe the interest declared",
                    "Select whether they took part in the item",
                ])
            let declared = try await manager.post(
                meeting + "/declarations",
                [
                    ("declaration_item", itemID), ("declaration_person", String(memberUser.id!)),
                    ("declaration_interest", "Trustee of a charity bidding for the funding"),
                    ("declaration_took_part", "no"),
                ])
            XCTAssertEqual(declared.status, .seeOther)

            let minutesForm = try await manager.get(meeting + "/minutes")
            XCTAssertEqual(minutesForm.status, .ok)
            _ = try await manager.post(
                meeting + "/minutes", [("minutes_\(itemID)", "Agreed to fund two peer support workers.")])

            let badAction = try await manager.post(
                meeting + "/actions",
                [("action_what", "Write to the trust"), ("action_owner", ""), ("action_due", "soon")])
            XCTAssertEqual(
                badAction.errorSummary, ["Select who will do it", "Enter the due date as a real date, like 2027-03-31"])
            XCTAssertEqual(
                badAction.firstMatch(#"<textarea[^>]*name="action_what"[^>]*>([^<]*)</textarea>"#), "Write to the trust"
            )
            let action = try await manager.post(
                meeting + "/actions",
                [
                    ("action_what", "Write to the trust about peer support"), ("action_owner", String(memberUser.id!)),
                    ("action_due", "2026-09-20"), ("action_item", itemID),
                ])
            XCTAssertEqual(action.status, .seeOther)

            let held = try await manager.get(meeting)
            XCTAssertTrue(
                held.contains(
                    "Mo Member: Trustee of a charity bidding for the funding. Did not take part in this item."))
            XCTAssertTrue(held.contains("Agreed to fund two peer support workers."))
            XCTAssertTrue(held.contains("Write to the trust about peer support"))

            // The next meeting: the action carries over, marked overdue (it was due yesterday).
            let next = try await Self.planMeeting(manager, group: group, day: "2026-11-05")
            let nextPage = try await manager.get(next)
            XCTAssertTrue(nextPage.contains("Actions carried over from earlier meetings, still to do"))
            XCTAssertTrue(nextPage.contains(#"20 September 2026 <span class="tag tag-missing">Overdue</span>"#))

            // The member whose action it is marks it done; it no longer carries over.
            let actionPath = try XCTUnwrap(
                nextPage.firstMatch(#"<a href="(/groups/\d+/actions/\d+)">Write to the trust"#))
            let actionPage = try await member.get(actionPath)
            XCTAssertEqual(actionPage.status, .ok)
            let bad = try await member.post(
                actionPath, [("status", "finished"), ("due_on", "2026-09-20"), ("notes", "Letter sent")])
            XCTAssertEqual(bad.errorSummary, ["Select the action's status"])
            XCTAssertTrue(bad.contains(">Letter sent</textarea>"))
            let done = try await member.post(
                actionPath, [("status", "done"), ("due_on", "2026-09-20"), ("notes", "Letter sent")])
            XCTAssertEqual(done.status, .seeOther)
            let after = try await manager.get(next)
            XCTAssertFalse(after.contains("Actions carried over from earlier meetings"))
        }
    }

    func testTheActionsPageFiltersByPersonGroupAndStatusAndMarksOverdue() async throws {
        try await withApp { app in
            let (manager, managerUser) = try await app.signedIn(as: .programmeManager, name: "Pam Manager")
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let leaders = try await GroupsTests.createGroup(manager)
            let working = try await GroupsTests.createGroup(
                manager, name: "Working Group", kind: .coproductionWorkingGroup)
            try await Self.addMember(manager, group: leaders, memberUser, seat: "member", sector: "vcse")
            let first = try await Self.planMeeting(manager, group: leaders)
            let second = try await Self.planMeeting(manager, group: working)
            _ = try await manager.post(
                first + "/actions",
                [
                    ("action_what", "Leaders action for Mo"), ("action_owner", String(memberUser.id!)),
                    ("action_due", "2026-09-01"),
                ])
            _ = try await manager.post(
                second + "/actions",
                [
                    ("action_what", "Working action for Pam"), ("action_owner", String(managerUser.id!)),
                    ("action_due", "2027-01-01"),
                ])

            let all = try await manager.get("/actions")
            XCTAssertEqual(all.status, .ok)
            XCTAssertTrue(all.contains("2 actions, 1 overdue"))
            let mine = try await manager.get("/actions?person=\(managerUser.id!)")
            XCTAssertTrue(mine.contains("Working action for Pam"))
            XCTAssertFalse(mine.contains("Leaders action for Mo"))
            let groupID = try XCTUnwrap(working.split(separator: "/").last)
            let byGroup = try await manager.get("/actions?group=\(groupID)")
            XCTAssertTrue(byGroup.contains("Working action for Pam"))
            XCTAssertFalse(byGroup.contains("Leaders action for Mo"))
            let done = try await manager.get("/actions?status=done")
            XCTAssertTrue(done.contains("0 actions"))
            // A member sees only the actions of groups they belong to.
            let theirs = try await member.get("/actions")
            XCTAssertTrue(theirs.contains("Leaders action for Mo"))
            XCTAssertFalse(theirs.contains("Working action for Pam"))
            // Their home page points to their next meetings and their actions.
            let home = try await member.get("/")
            XCTAssertTrue(home.contains("1 action to do, 1 overdue</a> <span class=\"tag tag-missing\">Overdue</span>"))
            XCTAssertTrue(home.contains(#"<a href="\#(first)">1 October 2026, 2:00pm to 4:00pm: Leaders Group</a>"#))
            XCTAssertFalse(home.contains("Working Group</a>"), "only meetings of their own groups")
        }
    }

    func testRefusals() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let (outsider, _) = try await app.signedIn(as: .expertByExperience, name: "Oz Outsider")
            let (chair, chairUser) = try await app.signedIn(as: .member, email: "chair@example.org", name: "Cy Chair")
            let group = try await GroupsTests.createGroup(manager)
            try await Self.addMember(manager, group: group, memberUser, seat: "member", sector: "vcse")
            try await Self.addMember(manager, group: group, chairUser, seat: "chair", sector: "icb")
            let meeting = try await Self.planMeeting(manager, group: group)
            let meetingID = try XCTUnwrap(meeting.split(separator: "/").last)

            // Members read the meeting but do not run it.
            let read = try await member.get(meeting)
            XCTAssertEqual(read.status, .ok)
            XCTAssertFalse(read.contains("Add agenda item"))
            for path in [group + "/meetings/new", meeting + "/edit", meeting + "/attendance", meeting + "/minutes"] {
                let page = try await member.get(path)
                XCTAssertEqual(page.status, .forbidden, path)
            }
            for path in [
                group + "/meetings", meeting, meeting + "/agenda", meeting + "/attendance", meeting + "/minutes",
                meeting + "/declarations", meeting + "/actions",
            ] {
                let page = try await member.post(path, [("agenda_title", "x")])
                XCTAssertEqual(page.status, .forbidden, path)
            }
            // Someone outside a private group cannot tell it exists.
            for path in [meeting, group + "/meetings", meeting + "/calendar"] {
                let page = try await outsider.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let wrongGroup = try await manager.get(
                group.replacingOccurrences(of: "/groups/1", with: "/groups/999") + "/meetings/\(meetingID)")
            XCTAssertEqual(wrongGroup.status, .notFound)
            // Signed out: sent to sign in.
            let signedOut = try await app.browser().get(meeting)
            XCTAssertEqual(signedOut.status, .seeOther)
            XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in") ?? false)
            let actions = try await app.browser().get("/actions")
            XCTAssertTrue(actions.location?.hasPrefix("/sign-in") ?? false)
            // No CSRF token: refused.
            let noToken = try await manager.post(meeting + "/agenda", [("agenda_title", "Sneaky")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // The group's chair runs its meetings without a manager's role.
            _ = try await chair.get(group + "/meetings/new")
            let planned = try await chair.post(group + "/meetings", Self.meetingForm(day: "2026-11-01"))
            XCTAssertEqual(planned.status, .seeOther)
            let added = try await chair.post(try XCTUnwrap(planned.location) + "/agenda", [("agenda_title", "Welcome")])
            XCTAssertEqual(added.status, .seeOther)
            // An action belongs to someone: other members may not update it.
            _ = try await manager.post(
                meeting + "/actions",
                [
                    ("action_what", "Chair's action"), ("action_owner", String(chairUser.id!)),
                    ("action_due", "2026-12-01"),
                ])
            let page = try await manager.get(meeting)
            let actionPath = try XCTUnwrap(page.firstMatch(#"<a href="(/groups/\d+/actions/\d+)">Chair"#))
            let memberView = try await member.get(meeting)
            XCTAssertTrue(memberView.contains("Chair&#39;s action") || memberView.contains("Chair's action"))
            XCTAssertFalse(memberView.contains(actionPath), "members are not offered a link they cannot use")
            let memberActions = try await member.get("/actions")
            XCTAssertFalse(memberActions.contains(actionPath))
            let chairActions = try await chair.get("/actions")
            XCTAssertTrue(chairActions.contains(actionPath), "the chair updates the group's actions")
            let refused = try await member.get(actionPath)
            XCTAssertEqual(refused.status, .forbidden)
            let refusedPost = try await member.post(actionPath, [("status", "done"), ("due_on", "2026-12-01")])
            XCTAssertEqual(refusedPost.status, .forbidden)
        }
    }

    func testCalendarFilesAndFeeds() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let group = try await GroupsTests.createGroup(manager, visibility: .published)
            let other = try await GroupsTests.createGroup(manager, name: "Other Group", kind: .taskAndFinishGroup)
            try await Self.addMember(manager, group: group, memberUser, seat: "member", sector: "vcse")
            let meeting = try await Self.planMeeting(manager, group: group, day: "2026-10-01", visibility: "published")
            _ = try await Self.planMeeting(manager, group: group, day: "2026-10-08", visibility: "private")
            _ = try await Self.planMeeting(manager, group: other, day: "2026-10-09")

            let file = try await member.get(meeting + "/calendar")
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(file.headers[.contentType], "text/calendar; charset=utf-8")
            XCTAssertEqual(file.headers[.contentDisposition], "attachment; filename=\"meeting-2026-10-01.ics\"")
            XCTAssertTrue(file.html.contains("DTSTART:20261001T130000Z"))
            XCTAssertTrue(file.html.contains("Joining: Video link sent the day before"))

            // The personal feed: made once, shown once, only the person's groups.
            let settings = try await member.get("/account/calendar")
            XCTAssertTrue(settings.contains("You do not have a calendar address yet."))
            let made = try await member.post("/account/calendar")
            let address = try XCTUnwrap(made.firstMatch(#"value="http://127\.0\.0\.1:0(/calendar/[A-Za-z0-9_-]{43})""#))
            let feed = try await app.browser().get(address)
            XCTAssertEqual(feed.status, .ok)
            XCTAssertEqual(
                feed.html.components(separatedBy: "BEGIN:VEVENT").count, 3,
                "both meetings of their group, not the other group's")
            let groupID = try XCTUnwrap(group.split(separator: "/").last),
                otherID = try XCTUnwrap(other.split(separator: "/").last)
            XCTAssertTrue(made.contains(address + "/groups/\(groupID)"), "the page gives an address per group too")
            XCTAssertFalse(made.contains(address + "/groups/\(otherID)"))
            let groupFeed = try await app.browser().get(address + "/groups/\(groupID)")
            XCTAssertEqual(groupFeed.status, .ok)
            let notTheirs = try await app.browser().get(address + "/groups/\(otherID)")
            XCTAssertEqual(notTheirs.status, .notFound)
            let wrong = try await app.browser().get("/calendar/" + String(repeating: "A", count: 43))
            XCTAssertEqual(wrong.status, .notFound)
            _ = try await member.get("/account/calendar")
            _ = try await member.post("/account/calendar")
            let old = try await app.browser().get(address)
            XCTAssertEqual(old.status, .notFound, "a new address stops the old one working")

            // The public feed of a published group: published meetings only, never joining details.
            let publicFeed = try await app.browser().get("/published/groups/\(groupID)/calendar")
            XCTAssertEqual(publicFeed.status, .ok)
            XCTAssertEqual(publicFeed.html.components(separatedBy: "BEGIN:VEVENT").count, 2)
            XCTAssertFalse(publicFeed.html.contains("Video link"))
            let privateFeed = try await app.browser().get("/published/groups/\(otherID)/calendar")
            XCTAssertEqual(privateFeed.status, .notFound)
        }
    }

    func testPublishedMeetingsAndTermsAreReadableWithoutSigningIn() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let group = try await DecisionsTests.groupWithTerms(app, manager)
            try await Self.addMember(manager, group: group, memberUser, seat: "member", sector: "vcse")
            let groupID = try XCTUnwrap(group.split(separator: "/").last)
            let published = try await Self.planMeeting(manager, group: group, visibility: "published")
            let hidden = try await Self.planMeeting(manager, group: group, day: "2026-10-02")
            let visitor = app.browser()
            let page = try await visitor.get(published.replacingOccurrences(of: "/groups/", with: "/published/groups/"))
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Details are sent to the people taking part."))
            XCTAssertFalse(page.contains("Video link sent the day before"), "joining details stay private")
            let notPublished = try await visitor.get(
                hidden.replacingOccurrences(of: "/groups/", with: "/published/groups/"))
            XCTAssertEqual(notPublished.status, .notFound)

            let privateTerms = try await visitor.get("/published/groups/\(groupID)/terms/1")
            XCTAssertEqual(privateTerms.status, .notFound)
            let refused = try await member.post(group + "/terms/1/visibility", [("visibility", "published")])
            XCTAssertEqual(refused.status, .forbidden)
            _ = try await manager.get(group + "/terms/1")
            let publish = try await manager.post(group + "/terms/1/visibility", [("visibility", "published")])
            XCTAssertEqual(publish.location, group + "/terms/1")
            let terms = try await visitor.get("/published/groups/\(groupID)/terms/1")
            XCTAssertEqual(terms.status, .ok)
            XCTAssertEqual(terms.h1, "Terms of reference, version 1")
            XCTAssertFalse(terms.contains("Publish this version"))
            let bad = try await manager.post(group + "/terms/1/visibility", [("visibility", "everyone")])
            XCTAssertEqual(bad.status, .badRequest)
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'terms_of_reference' ORDER BY id")
            }
            XCTAssertTrue(audit.contains("Published version 1 of the terms of reference"))
        }
    }

    func testThePublicGroupPageListsWhatIsPublished() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let group = try await GroupsTests.createGroup(manager, visibility: .published)
            let groupID = try XCTUnwrap(group.split(separator: "/").last)
            _ = try await Self.planMeeting(manager, group: group, visibility: "published")
            _ = try await Self.planMeeting(manager, group: group, day: "2026-10-02")
            let page = try await app.browser().get("/published/groups/\(groupID)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("1 October 2026, 2:00pm to 4:00pm"))
            XCTAssertFalse(page.contains("2 October 2026"))
            XCTAssertTrue(page.contains("No terms of reference have been published."))
        }
    }
}

final class PrivateRecordsTests: XCTestCase {
    /// A published group's page is open to every signed-in person, but its private meetings, terms and
    /// decisions stay with its members and the staff who manage it.
    func testPeopleOutsideAPublishedGroupReadOnlyWhatIsPublished() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (member, memberUser) = try await app.signedIn(as: .member, name: "Mo Member")
            let (outsider, _) = try await app.signedIn(
                as: .expertByExperience, email: "oz@example.org", name: "Oz Outsider")
            let group = try await DecisionsTests.groupWithTerms(app, manager)
            _ = try await manager.get(group + "/edit")
            _ = try await manager.post(
                group,
                [
                    ("name", "Leaders Group"), ("purpose", "Signs off decisions."), ("status", "active"),
                    ("visibility", "published"),
                ])
            try await MeetingsTests.addMember(manager, group: group, memberUser, seat: "member", sector: "vcse")
            let published = try await MeetingsTests.planMeeting(manager, group: group, visibility: "published")
            let hidden = try await MeetingsTests.planMeeting(manager, group: group, day: "2026-10-02")
            _ = try await manager.get(group + "/decisions/new")
            let recorded = try await manager.post(group + "/decisions", DecisionsTests.consentDecision(adopts: "1"))
            let decision = try XCTUnwrap(recorded.location)

            let groupPage = try await outsider.get(group)
            XCTAssertEqual(groupPage.status, .ok)
            let list = try await outsider.get(group + "/meetings")
            XCTAssertTrue(list.contains(published))
            XCTAssertFalse(list.contains(hidden))
            for path in [hidden, hidden + "/calendar", group + "/terms/1", decision, group + "/proposals"] {
                let page = try await outsider.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let decisions = try await outsider.get(group + "/decisions")
            XCTAssertFalse(decisions.contains(decision))
            let search = try await outsider.get("/decisions?q=terms")
            XCTAssertFalse(search.contains("Adopt the terms of reference"))
            // Members of the group read everything.
            for path in [hidden, group + "/terms/1", decision, group + "/proposals"] {
                let page = try await member.get(path)
                XCTAssertEqual(page.status, .ok, path)
            }
        }
    }
}
