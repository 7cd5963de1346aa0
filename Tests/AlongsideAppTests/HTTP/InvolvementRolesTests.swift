import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Involvement roles, adverts, expressions of interest and appointments (issue 5). The test clock starts on
/// 21 September 2026 at 3:13pm London time.
final class InvolvementRolesTests: XCTestCase {
    static let today = "2026-09-21"

    /// The template's placeholders, filled in with fictional details (an advert holding one cannot be published).
    static let filledIn = [
        "[your area]": "Example Place", "[name]": "Kai Example", "[email address]": "kai@example.org",
        "[phone number]": "01632 960 000",
    ]

    /// The template's fields, its placeholders filled in, with changes.
    static func roleFields(_ changes: [String: String] = [:]) -> [(String, String)] {
        let form = InvolvementForms.formData(RoleTemplate.expertByExperienceLeader)
        var pairs: [(String, String)] = []
        for name in [
            "title", "location", "payment", "about", "purpose", "tasks", "responsibilities", "support", "essential",
            "desirable", "how_to_apply",
        ] {
            let filled = filledIn.reduce(form[name]) { text, pair in
                text.replacingOccurrences(of: pair.key, with: pair.value)
            }
            pairs.append((name, changes[name] ?? filled))
        }
        pairs += form.all("kinds").map { ("kinds", $0) }
        return pairs
    }

    /// A manager writes a role from the template; returns its page's path.
    static func createRole(_ manager: TestBrowser, title: String = "Expert by experience leader") async throws -> String
    {
        _ = try await manager.get("/involvement/roles/new?start=template")
        let created = try await manager.post("/involvement/roles/new", roleFields(["title": title]))
        XCTAssertEqual(created.status, .seeOther)
        return try XCTUnwrap(created.location)
    }

    /// Publishes the role's advert; returns the public advert's path.
    static func publish(_ manager: TestBrowser, role: String, closesOn: String) async throws -> String {
        _ = try await manager.get(role)
        let published = try await manager.post(role + "/advert", [("closes_on", closesOn)])
        XCTAssertEqual(published.status, .seeOther)
        let page = try await manager.get(role)
        return try XCTUnwrap(page.firstMatch(#"href="(/opportunities/\d+)""#))
    }

    static let goodInterest: [(String, String)] = [
        ("name", "Ari Example"), ("email", "ari@example.org"), ("phone", ""), ("preferred_contact", "email"),
        ("access_needs", "Step-free access, please"), ("about", "I volunteer with a peer support group."),
    ]

    // MARK: Refusals

    func testSignedOutPeopleSignInAndOtherRolesAreRefused() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let role = try await Self.createRole(manager)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            let sent = try await app.browser().get(advert)
            XCTAssertEqual(sent.status, .ok)
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            _ = try await visitor.post(advert + "/interest", Self.goodInterest)
            let interestList = try await manager.get("/involvement/interest")
            let interest = try XCTUnwrap(interestList.firstMatch(#"href="(/involvement/interest/\d+)""#))
            let managerPages = [
                "/involvement/roles", "/involvement/roles/new", role, role + "/edit", role + "/appointments",
                "/involvement/interest", interest,
            ]
            let (expert, _) = try await app.signedIn(as: .expertByExperience)
            let (member, _) = try await app.signedIn(as: .member)
            let (allianceLead, _) = try await app.signedIn(as: .allianceLead)
            // act and check
            for path in managerPages {
                let signedOut = try await app.browser().get(path)
                XCTAssertEqual(signedOut.status, .seeOther, path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                for browser in [expert, member, allianceLead] {
                    let refused = try await browser.get(path)
                    XCTAssertEqual(refused.status, .forbidden, path)
                    XCTAssertFalse(refused.contains("Ari Example"), "no expression of interest leaks on a refusal")
                }
            }
            let posts: [(String, [(String, String)])] = [
                ("/involvement/roles/new", Self.roleFields()), (role + "/edit", Self.roleFields()),
                (role + "/advert", [("closes_on", "2026-10-02")]),
                (role + "/advert/close", []),
                (role + "/appointments", [("person_name", "X"), ("starts_on", Self.today)]),
                (interest, [("status", "talked_to")]),
            ]
            for (path, fields) in posts {
                let refused = try await expert.post(path, fields)
                XCTAssertEqual(refused.status, .forbidden, path)
                let noToken = try await manager.post(path, fields, csrf: "")
                XCTAssertEqual(noToken.status, .forbidden, "\(path) without a CSRF token")
            }
            let anonymous = app.browser()
            let signedOutPost = try await anonymous.post("/involvement/roles/new", Self.roleFields(), csrf: "")
            XCTAssertEqual(
                signedOutPost.status, .forbidden, "a signed-out post without a token is refused before anything else")
            let roles = try await manager.get("/involvement/roles")
            XCTAssertTrue(roles.contains("Open: closes on 1 October 2026"), "nothing the refused posts sent was saved")
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM involvement_roles")
            }
            XCTAssertEqual(count, 1)
        }
    }

    func testExpressionsOfInterestNeverAppearOnPublicPages() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .administrator)
            let role = try await Self.createRole(manager)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            _ = try await visitor.post(advert + "/interest", Self.goodInterest)
            // act
            let list = try await app.browser().get("/opportunities")
            let page = try await app.browser().get(advert)
            let (expert, _) = try await app.signedIn(as: .expertByExperience)
            let signedInList = try await expert.get("/opportunities")
            // check
            for shown in [list, page, signedInList] {
                XCTAssertEqual(shown.status, .ok)
                XCTAssertFalse(shown.contains("Ari"))
                XCTAssertFalse(shown.contains("ari@example.org"))
            }
        }
    }

    // MARK: Role descriptions

    func testANewRoleStartsFromTheTemplateOrBlank() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let start = try await manager.get("/involvement/roles/new")
            XCTAssertEqual(start.status, .ok)
            XCTAssertEqual(start.h1, "Write a role description")
            XCTAssertTrue(start.contains(#"name="start" type="radio" value="template" checked"#))
            let template = try await manager.get("/involvement/roles/new?start=template")
            XCTAssertEqual(template.inputValue("title"), "Expert by experience leader")
            XCTAssertTrue(template.contains("[your area]"), "places are left for the partnership to fill in")
            XCTAssertTrue(template.contains(#"value="partnership_board" checked"#))
            let blank = try await manager.get("/involvement/roles/new?start=blank")
            XCTAssertEqual(blank.inputValue("title"), "")
            XCTAssertEqual(
                blank.inputValue("payment"),
                "£50 for up to half a day and £100 for a whole day of agreed activity, plus agreed expenses")
            XCTAssertFalse(blank.contains("[your area]"))
        }
    }

    func testBadRoleDetailsAreExplainedAndWhatWasTypedIsKept() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            _ = try await manager.get("/involvement/roles/new?start=blank")
            let bad = try await manager.post(
                "/involvement/roles/new",
                [
                    ("title", ""), ("payment", "£50 a session"), ("about", "Kept as typed"), ("purpose", ""),
                    ("tasks", "Listen\nReport"), ("how_to_apply", ""),
                ])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.title, "Error: Write a role description – Alongside")
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter the role's title", "Say what the role is for", "Select at least one kind of involvement",
                    "Say how people can find out more or apply",
                ])
            XCTAssertTrue(bad.contains(##"href="#field-kinds""##), "the summary links to the first checkbox")
            XCTAssertTrue(bad.contains(#"aria-describedby="field-title-error""#))
            XCTAssertEqual(bad.inputValue("payment"), "£50 a session")
            XCTAssertTrue(bad.contains(">Kept as typed</textarea>"))
            XCTAssertTrue(bad.contains(">Listen\nReport</textarea>"))
            let count = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM involvement_roles")
            }
            XCTAssertEqual(count, 0)
        }
    }

    func testManagersWriteAndListRolesAndEveryChangeIsAudited() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Morgan Manager")
            // act
            let role = try await Self.createRole(manager, title: "Peer researcher")
            let shown = try await manager.get(role)
            let list = try await manager.get("/involvement/roles")
            // check
            XCTAssertEqual(shown.h1, "Peer researcher")
            XCTAssertTrue(
                shown.contains("The role description &quot;Peer researcher&quot; is saved")
                    || shown.contains("The role description \"Peer researcher\" is saved"))
            XCTAssertTrue(
                shown.contains("<li>Take part in workshops and working group meetings, as and when you can</li>"),
                "tasks show as a list")
            XCTAssertTrue(
                shown.contains(
                    "<dd>£50 for up to half a day and £100 for a whole day of agreed activity, plus agreed expenses</dd>"
                ))
            XCTAssertTrue(shown.contains("<li>Expert by experience advisory group</li>"))
            XCTAssertTrue(shown.contains("Not advertised"))
            XCTAssertTrue(shown.contains("Nobody is in this role now."))
            XCTAssertTrue(list.contains(#"<a href="\#(role)">Peer researcher</a>"#))
            XCTAssertTrue(list.contains("<caption>Involvement roles, by title</caption>"))
            let audit = try await app.services.pool.read { db in
                try String.fetchOne(
                    db,
                    sql:
                        "SELECT summary FROM audit_events WHERE record_kind = 'involvement_role' ORDER BY id DESC LIMIT 1"
                )
            }
            XCTAssertEqual(audit, "Wrote the role description \"Peer researcher\"")
            let missing = try await manager.get("/involvement/roles/999")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func testASecondStaleSaveIsRefusedShowingBothVersions() async throws {
        try await withApp { app in
            // setup: two managers open the same role
            let (first, _) = try await app.signedIn(as: .programmeManager, email: "first@example.org")
            let (second, _) = try await app.signedIn(as: .administrator, email: "second@example.org")
            let role = try await Self.createRole(first)
            let firstForm = try await first.get(role + "/edit")
            let secondForm = try await second.get(role + "/edit")
            let version = try XCTUnwrap(firstForm.inputValue("version"))
            XCTAssertEqual(secondForm.inputValue("version"), version)
            // act
            let saved = try await first.post(
                role + "/edit",
                Self.roleFields(["title": "Expert by experience leader (north)"]) + [("version", version)])
            let stale = try await second.post(
                role + "/edit",
                Self.roleFields(["title": "Expert by experience leader (south)", "location": "Southtown"]) + [
                    ("version", version)
                ])
            // check
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("The version saved by someone else"))
            XCTAssertTrue(stale.contains("Expert by experience leader (north)"), "their version is shown")
            XCTAssertEqual(
                stale.inputValue("title"), "Expert by experience leader (south)", "what this person typed is kept")
            XCTAssertEqual(stale.inputValue("location"), "Southtown")
            let newVersion = try XCTUnwrap(stale.inputValue("version"))
            XCTAssertNotEqual(newVersion, version)
            let again = try await second.post(
                role + "/edit",
                Self.roleFields(["title": "Expert by experience leader (south)"]) + [("version", newVersion)])
            XCTAssertEqual(again.status, .seeOther, "saving again on purpose replaces theirs")
            let shown = try await first.get(role)
            XCTAssertEqual(shown.h1, "Expert by experience leader (south)")
        }
    }

    // MARK: Adverts

    func testAnAdvertIsPublicUntilTheEndOfItsClosingDay() async throws {
        let clock = ManualClock()
        try await withApp(clock: clock) { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let role = try await Self.createRole(manager)
            _ = try await manager.get(role)
            let past = try await manager.post(role + "/advert", [("closes_on", "2026-09-20")])
            XCTAssertEqual(past.status, .unprocessableContent)
            XCTAssertEqual(past.errorSummary, ["The closing date must be today or later"])
            XCTAssertEqual(past.inputValue("closes_on"), "2026-09-20", "the date typed is kept")
            let notADate = try await manager.post(role + "/advert", [("closes_on", "2026-09-31")])
            XCTAssertEqual(notADate.status, .unprocessableContent)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-09-25")
            // check: open now
            let list = try await app.browser().get("/opportunities")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.contains(#"<a href="\#(advert)">Expert by experience leader</a>"#))
            XCTAssertTrue(list.contains("Closes on 25 September 2026"))
            let page = try await app.browser().get(advert)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Expert by experience leader")
            XCTAssertTrue(page.contains("Closes on 25 September 2026"))
            XCTAssertTrue(page.contains("<h2 id=\"role-responsibilities\">What are the responsibilities?</h2>"))
            // act: late on the closing day, London time
            let lateOnClosingDay = try XCTUnwrap(LondonTime.instant(isoDay: "2026-09-25", time: "23:59"))
            clock.advance(by: lateOnClosingDay.timeIntervalSince(clock.now))
            let lastMinute = try await app.browser().get(advert)
            XCTAssertEqual(lastMinute.status, .ok, "the closing day itself is still open")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            // act: a minute later, the next London day (still 25 September in UTC)
            clock.advance(by: 120)
            let closed = try await app.browser().get(advert)
            let closedList = try await app.browser().get("/opportunities")
            let tooLate = try await visitor.post(advert + "/interest", Self.goodInterest)
            // check
            XCTAssertEqual(closed.status, .notFound)
            XCTAssertFalse(closedList.contains("Expert by experience leader"))
            XCTAssertTrue(closedList.contains("There are no roles open right now."))
            XCTAssertEqual(tooLate.status, .notFound, "interest cannot be sent after the closing day")
            _ = try await manager.signIn(email: "programme_manager@example.org", password: goodPassword)
            let roleList = try await manager.get("/involvement/roles")
            XCTAssertTrue(roleList.contains("Closed on 25 September 2026"))
        }
    }

    func testAManagerClosesAnAdvertEarlyAndCanMoveTheClosingDate() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let role = try await Self.createRole(manager)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            // act: move the date, then close
            let moved = try await manager.post(role + "/advert", [("closes_on", "2026-10-15")])
            XCTAssertEqual(moved.status, .seeOther)
            let page = try await app.browser().get(advert)
            XCTAssertTrue(page.contains("Closes on 15 October 2026"), "moving the date keeps the same advert")
            let closed = try await manager.post(role + "/advert/close")
            // check
            XCTAssertEqual(closed.status, .seeOther)
            let gone = try await app.browser().get(advert)
            XCTAssertEqual(gone.status, .notFound)
            let shown = try await manager.get(role)
            XCTAssertTrue(shown.contains("Closed early on 21 September 2026"))
            XCTAssertTrue(shown.contains("Publish the advert"))
            let again = try await manager.post(role + "/advert/close")
            XCTAssertEqual(again.status, .seeOther, "closing a closed advert changes nothing")
            let summaries = try await app.services.pool.read { db in
                try String.fetchAll(
                    db, sql: "SELECT summary FROM audit_events WHERE record_kind = 'involvement_advert' ORDER BY id")
            }
            XCTAssertEqual(
                summaries,
                [
                    "Advertised \"Expert by experience leader\", closing on 1 October 2026",
                    "Changed the closing date of the advert for \"Expert by experience leader\" to 15 October 2026",
                    "Closed the advert for \"Expert by experience leader\" early",
                ])
        }
    }

    // MARK: Expressions of interest

    func testSomeoneSignedOutSendsAnExpressionOfInterest() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let role = try await Self.createRole(manager)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            // act: read the advert
            let page = try await visitor.get(advert)
            XCTAssertEqual(page.status, .ok)
            XCTAssertNotNil(page.csrfToken, "a signed-out visitor gets a session to carry the form's token")
            XCTAssertTrue(page.contains(#"autocomplete="name""#))
            XCTAssertTrue(page.contains(#"type="email" value="" autocomplete="email""#))
            XCTAssertTrue(page.contains(#"type="tel" value="" autocomplete="tel""#))
            // act: no token
            let noToken = try await visitor.post(advert + "/interest", Self.goodInterest, csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            // act: mistakes
            let bad = try await visitor.post(
                advert + "/interest",
                [
                    ("name", "Ari Example"), ("email", "ari@example"), ("phone", ""), ("preferred_contact", "text"),
                    ("access_needs", "Large print"), ("about", ""),
                ])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertEqual(bad.title, "Error: Expert by experience leader – Alongside")
            XCTAssertEqual(
                bad.errorSummary,
                [
                    "Enter an email address in the right format, like name@example.com",
                    "You chose text message: enter your phone number, or choose another way",
                    "Tell us a little about yourself and why the role interests you",
                ])
            XCTAssertEqual(bad.inputValue("name"), "Ari Example")
            XCTAssertEqual(bad.inputValue("email"), "ari@example")
            XCTAssertTrue(bad.contains(#"value="text" checked"#))
            XCTAssertTrue(bad.contains(">Large print</textarea>"))
            let neither = try await visitor.post(
                advert + "/interest", [("name", "Ari"), ("about", "Hello"), ("preferred_contact", "email")])
            XCTAssertTrue(
                neither.errorSummary.contains("Enter an email address or a phone number, so we can contact you"))
            let tooLong = try await visitor.post(
                advert + "/interest",
                [
                    ("name", "Ari"), ("email", "ari@example.org"), ("preferred_contact", "email"),
                    ("about", String(repeating: "a", count: 2001)),
                ])
            XCTAssertEqual(tooLong.errorSummary, ["What you tell us about yourself must be 2000 characters or fewer"])
            // act: send it
            let sent = try await visitor.post(advert + "/interest", Self.goodInterest)
            // check
            XCTAssertEqual(sent.status, .ok)
            XCTAssertEqual(sent.h1, "Thank you, Ari")
            XCTAssertTrue(sent.contains("What happens next"))
            XCTAssertTrue(sent.contains("We will contact you by email"))
            XCTAssertFalse(sent.contains("ari@example.org"), "their details are not echoed back")
            XCTAssertFalse(sent.contains("Step-free access"))
            let stored = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql:
                        "SELECT name, email, phone, preferred_contact, access_needs, about, status FROM involvement_interest"
                )
                .map { row in
                    ["name", "email", "preferred_contact", "status"].reduce(into: [String: String]()) {
                        $0[$1] = row[$1]
                    }
                }
            }
            XCTAssertEqual(stored?["name"], "Ari Example")
            XCTAssertEqual(stored?["email"], "ari@example.org")
            XCTAssertEqual(stored?["preferred_contact"], "email")
            XCTAssertEqual(stored?["status"], "new")
            let audit = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db,
                    sql: "SELECT actor_label, after_json FROM audit_events WHERE record_kind = 'involvement_interest'"
                )
                .map { row -> [String: String] in ["actor_label": row["actor_label"], "after_json": row["after_json"]] }
            }
            let after = try XCTUnwrap(audit?["after_json"])
            XCTAssertTrue(after.contains("Ari Example"))
            XCTAssertTrue(after.contains("\"status\":\"New\""))
            XCTAssertFalse(after.contains("Step-free"), "access needs stay out of the audit log")
            XCTAssertFalse(
                after.contains("peer support group"), "what they wrote about themselves stays out of the audit log")
            XCTAssertEqual(audit?["actor_label"], "Public advert form")
            // check: managers see it, per role and across roles
            let rolePage = try await manager.get(role)
            XCTAssertTrue(rolePage.contains(">Ari Example</a>"))
            let all = try await manager.get("/involvement/interest")
            XCTAssertTrue(all.contains("1 expression of interest"))
            XCTAssertTrue(all.contains(">Ari Example</a>"))
            let list = try await manager.get("/involvement/roles")
            XCTAssertTrue(list.contains("<td>1 (1 new)</td>"))
        }
    }

    func testManagersMoveInterestThroughItsStatuses() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager, name: "Morgan Manager")
            let role = try await Self.createRole(manager)
            let other = try await Self.createRole(manager, title: "Peer researcher")
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            let otherAdvert = try await Self.publish(manager, role: other, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            _ = try await visitor.post(advert + "/interest", Self.goodInterest)
            _ = try await visitor.get(otherAdvert)
            _ = try await visitor.post(
                otherAdvert + "/interest",
                [
                    ("name", "Bo Sample"), ("phone", "07700 900982"), ("preferred_contact", "phone"),
                    ("about", "Carer for my brother."),
                ])
            let all = try await manager.get("/involvement/interest")
            let ari = try XCTUnwrap(all.firstMatch(#"href="(/involvement/interest/\d+)">Ari Example"#))
            // act
            let page = try await manager.get(ari)
            XCTAssertEqual(page.h1, "Interest from Ari Example")
            XCTAssertTrue(page.contains("ari@example.org"))
            XCTAssertTrue(page.contains("Step-free access, please"), "managers see access needs so they can meet them")
            XCTAssertFalse(page.contains(#"value="appointed""#), "appointed comes from appointing")
            XCTAssertTrue(page.contains(#"value="new" checked"#), "the current status starts ticked")
            let noStatus = try await manager.post(ari, [("note", "Kept note")])
            XCTAssertEqual(noStatus.status, .unprocessableContent)
            XCTAssertEqual(noStatus.errorSummary, ["Select a status"])
            XCTAssertTrue(noStatus.contains(">Kept note</textarea>"))
            let appointedByHand = try await manager.post(ari, [("status", "appointed")])
            XCTAssertEqual(appointedByHand.errorSummary, ["To mark someone appointed, appoint them to the role"])
            let talked = try await manager.post(
                ari, [("status", "talked_to"), ("note", "Phoned on Monday; keen to start.")])
            XCTAssertEqual(talked.status, .seeOther)
            // check
            let after = try await manager.get(ari)
            XCTAssertTrue(after.contains(#"<span class="tag tag-yellow">Talked to</span>"#))
            XCTAssertTrue(after.contains("Phoned on Monday; keen to start."))
            XCTAssertTrue(after.contains("Morgan Manager"))
            XCTAssertTrue(after.contains("Sent from the advert"), "the history starts when it arrived")
            let talkedTo = try await manager.get("/involvement/interest?status=talked_to")
            XCTAssertTrue(talkedTo.contains("Ari Example"))
            XCTAssertFalse(talkedTo.contains("Bo Sample"))
            let roleID = try XCTUnwrap(other.split(separator: "/").last)
            let byRole = try await manager.get("/involvement/interest?role=\(roleID)")
            XCTAssertTrue(byRole.contains("Bo Sample"))
            XCTAssertFalse(byRole.contains("Ari Example"))
            let missing = try await manager.get("/involvement/interest/999")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    // MARK: Appointments

    func testAppointingFromInterestThenEndingTheAppointment() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let expert = try await app.createUser(
                name: "Ari Example", email: "ari@example.org", role: .expertByExperience)
            let role = try await Self.createRole(manager)
            let advert = try await Self.publish(manager, role: role, closesOn: "2026-10-01")
            let visitor = app.browser()
            _ = try await visitor.get(advert)
            _ = try await visitor.post(advert + "/interest", Self.goodInterest)
            let interestList = try await manager.get("/involvement/interest")
            let interest = try XCTUnwrap(interestList.firstMatch(#"href="(/involvement/interest/\d+)""#))
            let interestID = try XCTUnwrap(interest.split(separator: "/").last)
            let interestPage = try await manager.get(interest)
            let appointLink = try XCTUnwrap(
                interestPage.firstMatch(#"href="(/involvement/roles/\d+/appointments\?interest=\d+)""#))
            // act: the form, from the expression of interest
            let form = try await manager.get(appointLink)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains(#"<option value="\#(interestID)" selected>Ari Example (new)</option>"#))
            XCTAssertEqual(form.inputValue("starts_on"), Self.today)
            XCTAssertTrue(form.contains("Ari Example (ari@example.org)"), "active accounts are offered")
            let badDates = try await manager.post(
                role + "/appointments",
                [
                    ("interest", String(interestID)), ("account", String(expert.id!)), ("starts_on", "2026-10-01"),
                    ("ends_on", "2026-09-30"),
                ])
            XCTAssertEqual(badDates.status, .unprocessableContent)
            XCTAssertEqual(badDates.errorSummary, ["The end date must be after the start date (1 October 2026)"])
            XCTAssertEqual(badDates.inputValue("ends_on"), "2026-09-30")
            XCTAssertTrue(badDates.contains(#"<option value="\#(expert.id!)" selected>"#), "the account chosen is kept")
            let nobody = try await manager.post(role + "/appointments", [("starts_on", Self.today)])
            XCTAssertEqual(
                nobody.errorSummary, ["Enter the person's name, or choose their expression of interest or account"])
            let appointed = try await manager.post(
                role + "/appointments",
                [
                    ("interest", String(interestID)), ("account", String(expert.id!)), ("starts_on", Self.today),
                    ("ends_on", "2027-09-20"),
                ])
            // check
            XCTAssertEqual(appointed.status, .seeOther)
            let page = try await manager.get(role)
            XCTAssertTrue(page.contains("<caption>Current and starting soon</caption>"))
            XCTAssertTrue(
                page.contains(
                    "<th scope=\"row\">Ari Example</th><td>Ari Example</td><td>21 September 2026</td><td>20 September 2027</td><td>Current</td>"
                ))
            XCTAssertTrue(
                page.contains(#"<span class="tag">Appointed</span>"#), "appointing moves the interest to appointed")
            let moved = try await manager.get(interest)
            XCTAssertFalse(moved.contains("Appoint them to the role"))
            XCTAssertTrue(moved.contains("Appointed from 21 September 2026"))
            let list = try await manager.get("/involvement/roles")
            XCTAssertTrue(
                list.contains("<td>1</td><td>1</td>"), "one expression of interest, none new; one person in the role")
            // act: someone without an expression of interest, starting later
            let later = try await manager.post(
                role + "/appointments", [("person_name", "Cam Person"), ("starts_on", "2026-11-01")])
            XCTAssertEqual(later.status, .seeOther)
            let withLater = try await manager.get(role)
            XCTAssertTrue(
                withLater.contains(
                    "<td>No account</td><td>1 November 2026</td><td>No end date</td><td>Starts on 1 November 2026</td>")
            )
            // act: end Ari's appointment
            let end = try XCTUnwrap(
                withLater.firstMatch(
                    #"href="(/involvement/roles/\d+/appointments/\d+/end)">End appointment<span class="visually-hidden"> of Ari Example"#
                ))
            let endForm = try await manager.get(end)
            XCTAssertEqual(endForm.inputValue("ends_on"), "2027-09-20")
            let tooEarly = try await manager.post(end, [("ends_on", Self.today)])
            XCTAssertEqual(tooEarly.status, .unprocessableContent)
            XCTAssertEqual(tooEarly.errorSummary, ["The end date must be after the start date (21 September 2026)"])
            let ended = try await manager.post(end, [("ends_on", "2026-09-22")])
            XCTAssertEqual(ended.status, .seeOther)
            app.clock.advance(by: 2 * 86_400)
            _ = try await manager.signIn(email: "programme_manager@example.org", password: goodPassword)
            let afterwards = try await manager.get(role)
            XCTAssertTrue(afterwards.contains("<caption>Past appointments</caption>"))
            XCTAssertTrue(
                afterwards.contains(
                    "<th scope=\"row\">Ari Example</th><td>Ari Example</td><td>21 September 2026</td><td>22 September 2026</td></tr>"
                ))
            let endedAgain = try await manager.get(end)
            XCTAssertEqual(endedAgain.status, .notFound, "an ended appointment cannot be ended again")
            let audit = try await app.services.pool.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT summary FROM audit_events WHERE record_kind IN ('involvement_appointment', 'involvement_interest') ORDER BY id"
                )
            }
            XCTAssertEqual(
                audit,
                [
                    "Received an expression of interest in \"Expert by experience leader\"",
                    "Appointed Ari Example as \"Expert by experience leader\" from 21 September 2026",
                    "Moved Ari Example's interest in \"Expert by experience leader\" to appointed",
                    "Appointed Cam Person as \"Expert by experience leader\" from 1 November 2026",
                    "Set the end of Ari Example's time as \"Expert by experience leader\" to 22 September 2026",
                ])
        }
    }

    func testTheFooterLinksToOpportunities() async throws {
        try await withApp { app in
            let home = try await app.browser().get("/sign-in")
            XCTAssertTrue(home.contains(#"<a href="/opportunities">Involvement opportunities</a>"#))
            let empty = try await app.browser().get("/opportunities")
            XCTAssertEqual(empty.h1, "Involvement opportunities")
            XCTAssertTrue(empty.contains("There are no roles open right now."))
        }
    }
}
