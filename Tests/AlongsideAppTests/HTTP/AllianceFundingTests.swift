import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// The alliance's money through the router: funding received and allocations with "check your answers", withdrawals,
/// the funding page with its chart and table, the allocations spreadsheet, and every refusal. The clock starts on
/// Monday 21 September 2026, in the 2026 to 2027 financial year.
final class AllianceFundingTests: XCTestCase {
    /// An alliance with its lead, four organisations at different stages of membership, two public bodies and an
    /// agreed decision.
    struct World: Sendable {
        let alliance: Int64
        let lead: TestBrowser
        let leadUser: User
        let riverside: Int64
        let meadow: Int64
        let harbour: Int64
        let willow: Int64
        let icb: Int64
        let trust: Int64
        let decision: Int64

        var funding: String { Href.allianceFunding(alliance) }
        var newReceived: String { Href.newFundingReceived(alliance) }
        var newAllocation: String { Href.newAllocation(alliance) }
        var csv: String { Href.allocationsCSV(alliance) }
    }

    static func world(_ app: TestContext) async throws -> World {
        let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
        let alliance = try await AllianceFixtures.alliance(app)
        let riverside = try await AllianceFixtures.organisation(app, name: "Riverside Peer Support", size: .small)
        let meadow = try await AllianceFixtures.organisation(app, name: "Meadow Lane Men's Shed", size: .micro)
        let harbour = try await AllianceFixtures.organisation(app, name: "Harbour Wellbeing Trust", size: .large)
        let willow = try await AllianceFixtures.organisation(app, name: "Willow Community Garden", size: .micro)
        let icb = try await AllianceFixtures.organisation(app, name: "Brightwater ICB", sector: .icb)
        let trust = try await AllianceFixtures.organisation(app, name: "Brightwater NHS Trust", sector: .nhsTrust)
        _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: riverside, status: .member)
        _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: meadow, status: .joining)
        _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: harbour, status: .member)
        _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: willow, status: .interested)
        let decision = try await AllianceFixtures.decision(
            app, alliance: alliance, by: leadUser, title: "Allocate the peer support grants")
        return World(
            alliance: alliance, lead: lead, leadUser: leadUser, riverside: riverside, meadow: meadow, harbour: harbour,
            willow: willow,
            icb: icb, trust: trust, decision: decision)
    }

    static func electAccountableBody(_ app: TestContext, _ world: World, organisation: Int64) async throws {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO alliance_accountable_bodies (group_id, organisation_id, decision_id, starts_on, recorded_at)
                    VALUES (?, ?, ?, '2026-04-01', ?)
                    """, arguments: [world.alliance, organisation, world.decision, AllianceFixtures.now])
        }
    }

    static func fields(_ base: [(String, String)], step: String, changes: [String: String]) -> [(String, String)] {
        var values = base + [("step", step)]
        for (name, value) in changes {
            values.removeAll { $0.0 == name }
            values.append((name, value))
        }
        return values
    }

    static func receivedFields(_ world: World, _ step: String, _ changes: [String: String] = [:]) -> [(String, String)]
    {
        fields(
            [
                ("amount", "12,500.50"), ("from_organisation", String(world.icb)),
                ("via_organisation", String(world.trust)),
                ("period_starts_on", "2026-04-01"), ("period_ends_on", "2027-03-31"),
                ("description", "Community mental health contract"),
            ],
            step: step, changes: changes)
    }

    static func allocationFields(_ world: World, _ step: String, _ changes: [String: String] = [:]) -> [(
        String, String
    )] {
        fields(
            [
                ("organisation", String(world.riverside)), ("amount", "12500"), ("period_starts_on", "2026-04-01"),
                ("period_ends_on", "2027-03-31"), ("purpose", "Peer support groups in the north of the county"),
                ("contract_years", "3"),
                ("contract_reference", "BW-PEER-1"), ("source", "Community mental health contract"),
                ("decision", String(world.decision)),
            ],
            step: step, changes: changes)
    }

    /// Records money received through the form, check and confirm.
    static func receive(_ world: World, _ changes: [String: String] = [:]) async throws {
        _ = try await world.lead.get(world.newReceived)
        let saved = try await world.lead.post(world.newReceived, receivedFields(world, "confirm", changes))
        XCTAssertEqual(saved.status, .seeOther, saved.errorSummary.joined(separator: "; "))
    }

    /// Allocates through the form, check and confirm.
    static func allocate(_ world: World, _ changes: [String: String] = [:]) async throws {
        _ = try await world.lead.get(world.newAllocation)
        let saved = try await world.lead.post(world.newAllocation, allocationFields(world, "confirm", changes))
        XCTAssertEqual(saved.status, .seeOther, saved.errorSummary.joined(separator: "; "))
    }

    static func count(_ app: TestContext, _ table: String) async throws -> Int {
        try await app.services.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    static func ids(_ app: TestContext, _ table: String) async throws -> [Int64] {
        try await app.services.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id") }
    }

    static func auditActions(_ app: TestContext, kind: String) async throws -> [String] {
        try await app.services.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT action FROM audit_events WHERE record_kind = ? ORDER BY id", arguments: [kind])
        }
    }

    /// Makes `user` a current member of the group, as the group members form would.
    static func joinGroup(_ app: TestContext, user: User, group: Int64) async throws {
        try await app.services.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO memberships (group_id, user_id, seat, sector, starts_on, created_at, updated_at)
                    VALUES (?, ?, 'member', 'expert_by_experience', '2026-01-01', ?, ?)
                    """, arguments: [group, user.id!, AllianceFixtures.now, AllianceFixtures.now])
        }
    }

    // MARK: Signed out

    func testSignedOutPeopleAreSentToSignIn() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let browser = app.browser()
            let paths = [
                world.funding, world.csv, world.newReceived, world.newAllocation,
                Href.withdrawFundingReceived(world.alliance, 1), Href.withdrawAllocation(world.alliance, 1),
            ]
            for path in paths {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .seeOther, path)
                XCTAssertEqual(page.location, SignInReturn.signInHref(returningTo: path, expired: false), path)
            }
        }
    }

    // MARK: Funding received

    func testTheLeadRecordsFundingReceivedThroughCheckYourAnswers() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.electAccountableBody(app, world, organisation: world.harbour)
            // act: the form
            let form = try await world.lead.get(world.newReceived)
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Record funding received")
            XCTAssertEqual(form.inputValue("period_starts_on"), "2026-04-01", "starts with this financial year")
            XCTAssertEqual(form.inputValue("period_ends_on"), "2027-03-31")
            XCTAssertTrue(form.contains("It is recorded as paid to the accountable body, Harbour Wellbeing Trust."))
            XCTAssertTrue(form.contains(">Brightwater ICB – Integrated care board (ICB)</option>"))
            // act: check
            let check = try await world.lead.post(world.newReceived, Self.receivedFields(world, "check"))
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check the funding received")
            XCTAssertTrue(check.contains("£12,500.50"))
            XCTAssertTrue(check.contains("Brightwater NHS Trust"))
            XCTAssertTrue(check.contains("Harbour Wellbeing Trust, the accountable body"))
            XCTAssertTrue(check.contains("1 April 2026 to 31 March 2027 (financial year 2026 to 2027)"))
            XCTAssertEqual(check.inputValue("amount"), "12,500.50", "the answers travel as typed")
            XCTAssertTrue(
                check.contains(#"formaction="/groups/\#(world.alliance)/alliance/funding/received/new#field-amount""#))
            var saved = try await Self.count(app, "alliance_funding_received")
            XCTAssertEqual(saved, 0, "nothing is saved before confirming")
            // act: change goes back to the form with the answers
            let change = try await world.lead.post(world.newReceived, Self.receivedFields(world, "change"))
            XCTAssertEqual(change.status, .ok)
            XCTAssertEqual(change.h1, "Record funding received")
            XCTAssertEqual(change.inputValue("amount"), "12,500.50")
            XCTAssertTrue(change.contains("Community mental health contract</textarea>"))
            saved = try await Self.count(app, "alliance_funding_received")
            XCTAssertEqual(saved, 0)
            // act: confirm
            let confirmed = try await world.lead.post(world.newReceived, Self.receivedFields(world, "confirm"))
            // check
            XCTAssertEqual(confirmed.status, .seeOther)
            XCTAssertEqual(confirmed.location, world.funding + "#received")
            let row = try await app.services.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM alliance_funding_received")
            }
            XCTAssertEqual(row?["amount_pence"] as Int?, 1_250_050)
            XCTAssertEqual(row?["from_organisation_id"] as Int64?, world.icb)
            XCTAssertEqual(row?["via_organisation_id"] as Int64?, world.trust)
            XCTAssertEqual(
                row?["to_organisation_id"] as Int64?, world.harbour, "paid to the accountable body serving now")
            XCTAssertEqual(row?["group_id"] as Int64?, world.alliance)
            let actions = try await Self.auditActions(app, kind: "alliance_funding_received")
            XCTAssertEqual(actions, ["funding received"])
            let page = try await world.lead.get(world.funding)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("£12,500.50 received from Brightwater ICB is recorded."))
            XCTAssertTrue(
                page.contains(
                    "<th scope=\"row\">Brightwater ICB</th><td>Brightwater NHS Trust</td><td>Harbour Wellbeing Trust</td>"
                ))
        }
    }

    func testFundingReceivedWithoutAnAccountableBodyIsRecordedWithoutOne() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let form = try await world.lead.get(world.newReceived)
            XCTAssertTrue(form.contains("has not elected an accountable body yet"))
            try await Self.receive(world, ["via_organisation": ""])
            let to = try await app.services.pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT to_organisation_id, via_organisation_id FROM alliance_funding_received")
            }
            XCTAssertNil(to?["to_organisation_id"] as Int64?)
            XCTAssertNil(to?["via_organisation_id"] as Int64?)
            let page = try await world.lead.get(world.funding)
            XCTAssertTrue(page.contains("No accountable body yet"))
            XCTAssertTrue(page.contains("<td>Direct</td>"))
            XCTAssertTrue(page.contains("The alliance has not elected an accountable body yet"))
        }
    }

    func testBadFundingReceivedIsRefusedWithWhatWasTypedKept() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            _ = try await world.lead.get(world.newReceived)
            let cases: [([String: String], String, String)] = [
                (["amount": "0"], "amount", "The amount must be more than £0"),
                (["amount": "twelve"], "amount", "Enter the amount in pounds, for example 12,500 or 12500.50"),
                (
                    ["amount": "10.555"], "amount",
                    "Enter the amount in pounds and pence, with no more than 2 figures after the point"
                ),
                (["period_ends_on": "2027-04-01"], "period_ends_on", FundingRules.receivedOneYearMessage),
                (
                    ["period_starts_on": "2026-02-30"], "period_starts_on",
                    "Enter the first day of the period as a real date, for example 2026-04-01"
                ),
                (["from_organisation": ""], "from_organisation", "Select the organisation the money came from"),
                (["from_organisation": "99999"], "from_organisation", "Select the organisation the money came from"),
                (
                    ["via_organisation": String(world.icb)], "via_organisation",
                    "The money cannot come through the organisation it came from. Select another, or none"
                ),
            ]
            for (changes, field, message) in cases {
                for step in ["check", "confirm"] {
                    let page = try await world.lead.post(world.newReceived, Self.receivedFields(world, step, changes))
                    XCTAssertEqual(page.status, .unprocessableContent, "\(changes) \(step)")
                    XCTAssertEqual(page.errorSummary, [message], "\(changes)")
                    XCTAssertTrue(page.contains(##"href="#field-\##(field)""##), field)
                    XCTAssertEqual(page.title?.hasPrefix("Error: "), true)
                    if let typed = changes["amount"] ?? changes["period_ends_on"] ?? changes["period_starts_on"],
                        let name = changes.keys.first
                    {
                        XCTAssertEqual(page.inputValue(name), typed, "what was typed is kept")
                    }
                    XCTAssertTrue(
                        page.contains("Community mental health contract</textarea>"), "the description is kept")
                }
            }
            let saved = try await Self.count(app, "alliance_funding_received")
            XCTAssertEqual(saved, 0)
        }
    }

    // MARK: Allocations

    func testTheLeadAllocatesFundingThroughCheckYourAnswers() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            // act: the form offers members that may be funded and the agreed decision
            let form = try await world.lead.get(world.newAllocation)
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.h1, "Allocate funding to a member")
            XCTAssertTrue(form.contains(">Riverside Peer Support (member)</option>"))
            XCTAssertTrue(
                form.contains(">Meadow Lane Men's Shed (joining)</option>")
                    || form.contains(">Meadow Lane Men&#39;s Shed (joining)</option>"))
            XCTAssertFalse(form.contains("Willow Community Garden"), "an organisation only interested cannot be funded")
            XCTAssertTrue(form.contains(">Allocate the peer support grants (recorded "))
            XCTAssertEqual(form.inputValue("contract_years"), "1")
            // act: check
            let check = try await world.lead.post(world.newAllocation, Self.allocationFields(world, "check"))
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check the allocation")
            XCTAssertTrue(check.contains("£12,500.00"))
            XCTAssertTrue(check.contains("Riverside Peer Support"))
            XCTAssertTrue(check.contains("3 years"))
            XCTAssertTrue(check.contains("BW-PEER-1"))
            XCTAssertTrue(check.contains("Allocate the peer support grants"))
            XCTAssertTrue(
                check.contains(
                    #"<button type="submit" class="button" name="step" value="confirm">Record the allocation</button>"#)
            )
            var saved = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual(saved, 0)
            // act: change
            let change = try await world.lead.post(world.newAllocation, Self.allocationFields(world, "change"))
            XCTAssertEqual(change.h1, "Allocate funding to a member")
            XCTAssertEqual(change.inputValue("contract_reference"), "BW-PEER-1")
            XCTAssertTrue(change.contains(#"<option value="\#(world.riverside)" selected>"#))
            saved = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual(saved, 0)
            // act: confirm
            let confirmed = try await world.lead.post(world.newAllocation, Self.allocationFields(world, "confirm"))
            // check
            XCTAssertEqual(confirmed.status, .seeOther)
            XCTAssertEqual(confirmed.location, world.funding + "#allocations")
            let row = try await app.services.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM alliance_allocations")
            }
            XCTAssertEqual(row?["amount_pence"] as Int?, 1_250_000)
            XCTAssertEqual(row?["organisation_id"] as Int64?, world.riverside)
            XCTAssertEqual(row?["contract_years"] as Int?, 3)
            XCTAssertEqual(row?["contract_reference"] as String?, "BW-PEER-1")
            XCTAssertEqual(row?["decision_id"] as Int64?, world.decision)
            XCTAssertEqual(row?["recorded_by"] as Int64?, world.leadUser.id)
            let actions = try await Self.auditActions(app, kind: "alliance_allocation")
            XCTAssertEqual(actions, ["allocated"])
            let page = try await world.lead.get(world.funding)
            XCTAssertTrue(page.contains("£12,500.00 allocated to Riverside Peer Support is recorded."))
            XCTAssertTrue(
                page.contains(
                    #"<a href="/groups/\#(world.alliance)/decisions/\#(world.decision)">Allocate the peer support grants (recorded "#
                ))
            XCTAssertFalse(page.contains("Decision no longer stands"))
            XCTAssertTrue(page.contains("3 years, reference BW-PEER-1"))
        }
    }

    func testBadAllocationsAreRefusedWithWhatWasTypedKept() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            let other = try await AllianceFixtures.alliance(app, name: "Northshore VCSE Alliance")
            let otherDecision = try await AllianceFixtures.decision(
                app, alliance: other, by: world.leadUser, title: "Northshore grants")
            let notAgreed = try await AllianceFixtures.decision(
                app, alliance: world.alliance, by: world.leadUser, title: "Deferred grants", outcome: .deferred)
            let outsider = try await AllianceFixtures.organisation(app, name: "Outside Allotment Society")
            _ = try await world.lead.get(world.newAllocation)
            let memberMessage = "Select a member of the alliance that is joining, a member or paused"
            let decisionMessage = "Select the agreed alliance decision that authorised this allocation"
            let cases: [([String: String], String, String)] = [
                (["amount": "0"], "amount", "The amount must be more than £0"),
                (["amount": ""], "amount", "Enter the amount in pounds"),
                (["period_ends_on": "2027-04-01"], "period_ends_on", FundingRules.oneYearMessage),
                (["period_starts_on": "2026-03-31"], "period_ends_on", FundingRules.oneYearMessage),
                (["organisation": String(world.willow)], "organisation", memberMessage),
                (["organisation": String(outsider)], "organisation", memberMessage),
                (["organisation": String(world.icb)], "organisation", memberMessage),
                (["decision": String(otherDecision)], "decision", decisionMessage),
                (["decision": String(notAgreed)], "decision", decisionMessage),
                (["decision": ""], "decision", decisionMessage),
                (["purpose": "  "], "purpose", "Say what the money is for"),
                (
                    ["source": ""], "source",
                    "Say where the money comes from, for example the community mental health contract"
                ),
                (
                    ["contract_years": "11"], "contract_years",
                    "The contract's length must be a whole number of years from 1 to 10"
                ),
                (
                    ["contract_years": "two"], "contract_years",
                    "The contract's length must be a whole number of years from 1 to 10"
                ),
                (
                    ["contract_years": "0"], "contract_years",
                    "The contract's length must be a whole number of years from 1 to 10"
                ),
            ]
            for (changes, field, message) in cases {
                for step in ["check", "confirm"] {
                    let page = try await world.lead.post(
                        world.newAllocation, Self.allocationFields(world, step, changes))
                    XCTAssertEqual(page.status, .unprocessableContent, "\(changes) \(step)")
                    XCTAssertEqual(page.errorSummary, [message], "\(changes)")
                    XCTAssertTrue(page.contains(##"href="#field-\##(field)""##), field)
                    XCTAssertEqual(page.inputValue("contract_reference"), "BW-PEER-1", "what was typed is kept")
                    if let typed = changes["contract_years"] {
                        XCTAssertEqual(page.inputValue("contract_years"), typed)
                    }
                    if let typed = changes["amount"] { XCTAssertEqual(page.inputValue("amount"), typed) }
                }
            }
            let saved = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual(saved, 0)
        }
    }

    func testWithoutAnAgreedDecisionTheFormPointsToTheDecisionLog() async throws {
        try await withApp { app in
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let form = try await lead.get(Href.newAllocation(alliance))
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(
                form.contains(
                    #"<a href="/groups/\#(alliance)/decisions/new">Record the decision in the alliance's decision log</a>"#
                )
                    || form.contains(
                        #"<a href="/groups/\#(alliance)/decisions/new">Record the decision in the alliance&#39;s decision log</a>"#
                    ))
            XCTAssertTrue(form.contains("No organisation is joining, a member or paused"))
        }
    }

    // MARK: Withdrawing

    func testWithdrawingNeedsAReasonAndKeepsTheRecordOutOfTheTotals() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.receive(world)
            try await Self.allocate(world)
            let receivedID = try await Self.ids(app, "alliance_funding_received")[0]
            let allocationID = try await Self.ids(app, "alliance_allocations")[0]
            let withdrawReceived = Href.withdrawFundingReceived(world.alliance, receivedID)
            let withdrawAllocation = Href.withdrawAllocation(world.alliance, allocationID)
            let before = try await world.lead.get(world.funding)
            XCTAssertTrue(before.contains(#"href="\#(withdrawReceived)""#))
            XCTAssertTrue(before.contains(#"href="\#(withdrawAllocation)""#))
            for (path, kind) in [
                (withdrawReceived, "alliance_funding_received"), (withdrawAllocation, "alliance_allocation"),
            ] {
                // act: the page, then no reason
                let form = try await world.lead.get(path)
                XCTAssertEqual(form.status, .ok)
                XCTAssertEqual(form.h1?.hasPrefix("Withdraw"), true)
                let empty = try await world.lead.post(path, [("reason", "   ")])
                XCTAssertEqual(empty.status, .unprocessableContent)
                XCTAssertEqual(empty.errorSummary, ["Say why it is being withdrawn"])
                // act: with a reason
                let done = try await world.lead.post(path, [("reason", "Recorded twice by mistake")])
                XCTAssertEqual(done.status, .seeOther, path)
                // act: again
                let again = try await world.lead.post(path, [("reason", "Once more")])
                XCTAssertEqual(again.status, .conflict, "already withdrawn")
                XCTAssertTrue(again.contains("This was withdrawn already. The reason given: Recorded twice by mistake"))
                let actions = try await Self.auditActions(app, kind: kind)
                XCTAssertEqual(actions.last, "withdrawn")
                XCTAssertEqual(actions.count, 2)
            }
            // check
            let reasons = try await app.services.pool.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT withdrawn_reason FROM alliance_funding_received UNION ALL SELECT withdrawn_reason FROM alliance_allocations"
                )
            }
            XCTAssertEqual(reasons, ["Recorded twice by mistake", "Recorded twice by mistake"])
            let page = try await world.lead.get(world.funding)
            XCTAssertTrue(page.contains("Withdrawn funding received"))
            XCTAssertTrue(page.contains("Withdrawn allocations"))
            XCTAssertTrue(page.contains("<del>£12,500.50</del>"))
            XCTAssertTrue(page.contains("<del>£12,500.00</del>"))
            XCTAssertTrue(page.contains("<dt>Received</dt><dd>£0.00</dd>"), "withdrawn money is out of the totals")
            XCTAssertTrue(page.contains("<dt>Allocated to members</dt><dd>£0.00</dd>"))
            XCTAssertFalse(page.contains(#"href="\#(withdrawAllocation)""#), "nothing left to withdraw")
        }
    }

    // MARK: The funding page

    func testTheChartAndTableAgreeAndOverAllocationIsWarned() async throws {
        try await withApp { app in
            // setup: £10,000 in; £15,000 out, £12,000 of it to small and micro members; Harbour is the accountable body
            let world = try await Self.world(app)
            try await Self.electAccountableBody(app, world, organisation: world.harbour)
            try await Self.receive(world, ["amount": "10000"])
            try await Self.allocate(world, ["amount": "8000", "contract_years": "3"])
            try await Self.allocate(
                world,
                [
                    "organisation": String(world.meadow), "amount": "4000", "contract_years": "1",
                    "contract_reference": "",
                ])
            try await Self.allocate(
                world,
                [
                    "organisation": String(world.harbour), "amount": "3000", "contract_years": "2",
                    "contract_reference": "",
                    "period_starts_on": "2027-04-01", "period_ends_on": "2028-03-31",
                ])
            // act
            let page = try await world.lead.get(world.funding)
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "Funding")
            XCTAssertTrue(
                page.contains(
                    "In 2026 to 2027, allocations of £12,000.00 are £2,000.00 more than the £10,000.00 that came in."))
            XCTAssertTrue(
                page.contains(
                    "In 2027 to 2028, allocations of £3,000.00 are £3,000.00 more than the £0.00 that came in."))
            XCTAssertTrue(
                page.contains(
                    "Over all years, allocations of £15,000.00 are £5,000.00 more than the £10,000.00 that came in."))
            XCTAssertTrue(page.contains("<dt>Allocated beyond what came in</dt><dd>£5,000.00</dd>"))
            XCTAssertTrue(page.contains("£12,000.00, 80.0% of everything allocated"))
            XCTAssertTrue(Page.unescape(page.html).contains(FundingSummary.shareBasis))
            XCTAssertTrue(page.contains("1 of 3 contracts run for three years or longer."))
            XCTAssertTrue(page.contains("Harbour Wellbeing Trust, the accountable body, has allocations of £3,000.00."))
            // The chart: named and described, every bar labelled in words.
            let svg = try XCTUnwrap(page.firstMatch(#"(<svg.*?</svg>)"#))
            XCTAssertTrue(
                svg.contains(#"role="img" aria-labelledby="funding-chart-title" aria-describedby="funding-chart-desc""#)
            )
            XCTAssertTrue(
                svg.contains(
                    "<title id=\"funding-chart-title\">Money allocated to each member by financial year</title>"))
            XCTAssertTrue(svg.contains("<desc id=\"funding-chart-desc\">"))
            XCTAssertTrue(svg.contains("Riverside Peer Support: £8,000.00 in all"))
            XCTAssertTrue(svg.contains("Harbour Wellbeing Trust: £3,000.00 in all"))
            XCTAssertTrue(svg.contains(">2027–28</text>"))
            // The table beside it: the same figures, members by years, with totals.
            // A table with nothing focusable in it can still be scrolled sideways from the keyboard on a narrow screen,
            // and its name says so (issue 18).
            XCTAssertTrue(
                page.contains(
                    #"<div class="table-wrap" role="region" aria-labelledby="index-table-3 index-table-3-hint" tabindex="0">"#
                ))
            XCTAssertTrue(page.contains(#"<p class="scroll-hint" id="index-table-3-hint">"#))
            XCTAssertTrue(
                page.contains(
                    #"<caption id="index-table-3">Money allocated to each member by financial year</caption>"#))
            XCTAssertTrue(
                page.contains(
                    #"<th scope="col" class="numeric">2026 to 2027</th><th scope="col" class="numeric">2027 to 2028</th>"#
                ))
            XCTAssertTrue(
                page.contains(
                    #"<th scope="row">Riverside Peer Support</th><td>Small</td><td class="numeric">£8,000.00</td><td class="numeric">£0.00</td><td class="numeric">£8,000.00</td>"#
                ))
            XCTAssertTrue(
                page.contains(
                    #"<th scope="row">All members</th><td></td><td class="numeric">£12,000.00</td><td class="numeric">£3,000.00</td><td class="numeric">£15,000.00</td>"#
                ))
            XCTAssertTrue(page.contains(#"<a class="back-link" href="/groups/\#(world.alliance)/alliance">"#))
            XCTAssertEqual(page.html.components(separatedBy: "<h1").count - 1, 1, "one h1")
        }
    }

    func testTheOverviewAndEachMemberPageShowTheMoney() async throws {
        try await withApp { app in
            // setup: £10,000 in; £8,000 to Riverside over two allocations (one withdrawn); £4,000 to Meadow
            let world = try await Self.world(app)
            try await Self.receive(world, ["amount": "10000"])
            try await Self.allocate(world, ["amount": "8000"])
            try await Self.allocate(world, ["amount": "500", "purpose": "Room hire"])
            try await Self.allocate(
                world,
                [
                    "organisation": String(world.meadow), "amount": "4000", "contract_years": "1",
                    "contract_reference": "",
                ])
            let allocationIDs = try await Self.ids(app, "alliance_allocations")
            let roomHire = try XCTUnwrap(allocationIDs.dropFirst().first)
            _ = try await world.lead.get(Href.withdrawAllocation(world.alliance, roomHire))
            let withdrawn = try await world.lead.post(
                Href.withdrawAllocation(world.alliance, roomHire), [("reason", "Recorded twice")])
            XCTAssertEqual(withdrawn.status, .seeOther)
            // act
            let overview = try await world.lead.get(Href.alliance(world.alliance))
            let riversideMember = try await app.services.pool.read { db in
                try Int64.fetchOne(
                    db, sql: "SELECT id FROM alliance_members WHERE organisation_id = ?", arguments: [world.riverside])
            }
            let riversideID = try XCTUnwrap(riversideMember)
            let member = try await world.lead.get(Href.allianceMember(world.alliance, riversideID))
            // check: the overview's totals, warning and tables
            XCTAssertEqual(overview.status, .ok)
            XCTAssertTrue(overview.contains("<dt>Received</dt><dd>£10,000.00</dd>"))
            XCTAssertTrue(overview.contains("<dt>Allocated to members</dt><dd>£12,000.00</dd>"))
            XCTAssertTrue(overview.contains("<dt>Allocated beyond what came in</dt><dd>£2,000.00</dd>"))
            XCTAssertTrue(
                overview.contains(
                    "In 2026 to 2027, allocations of £12,000.00 are £2,000.00 more than the £10,000.00 that came in."))
            XCTAssertTrue(overview.contains("£12,000.00, 100.0% of everything allocated"))
            XCTAssertTrue(overview.contains("1 of 2 contracts run for three years or longer."))
            XCTAssertTrue(
                overview.contains(
                    #"<th scope="row">2026 to 2027</th><td class="numeric">£10,000.00</td><td class="numeric">£12,000.00</td>"#
                ))
            XCTAssertTrue(
                overview.contains(
                    #"<th scope="row">Riverside Peer Support</th><td>Yes</td><td class="numeric">£8,000.00</td>"#))
            XCTAssertTrue(overview.contains(#"href="\#(world.funding)""#))
            // check: the member page lists its allocations, the withdrawn one struck out and left out of the total
            XCTAssertEqual(member.status, .ok)
            XCTAssertTrue(member.contains("Allocations to this organisation"))
            XCTAssertTrue(member.contains("Peer support groups in the north of the county"))
            XCTAssertTrue(member.contains("3 years (BW-PEER-1)"))
            XCTAssertTrue(member.contains("<s>£500.00</s>"))
            XCTAssertTrue(member.contains("Recorded twice"))
            XCTAssertTrue(
                member.contains(#"<th scope="row" colspan="5">Total allocated</th><td class="numeric">£8,000.00</td>"#))
            XCTAssertTrue(
                member.contains(
                    #"href="\#(Href.decision(world.alliance, world.decision))">Allocate the peer support grants</a>"#))
            XCTAssertFalse(member.contains("Meadow Lane"), "another member's money is not on this page")
        }
    }

    func testADecisionThatNoLongerStandsIsMarkedAndNoLongerOffered() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.allocate(world)
            try await app.services.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO decisions (group_id, title, question, method, members_total, members_present, lived_experience_present,
                                               quorum_met, outcome, rationale, is_valid, recorded_by, recorded_at,
                                               corrects_decision_id, original_decision_id, correction_reason)
                        VALUES (?, 'Allocate the peer support grants', 'Do we agree?', 'consensus', 8, 6, 1, 1, 'not_agreed', 'Recounted', 1, ?, ?, ?, ?, 'The count was wrong')
                        """,
                    arguments: [
                        world.alliance, world.leadUser.id!, AllianceFixtures.now, world.decision, world.decision,
                    ])
            }
            // act
            let page = try await world.lead.get(world.funding)
            let form = try await world.lead.get(world.newAllocation)
            // check
            XCTAssertTrue(page.contains("Decision no longer stands"))
            XCTAssertTrue(form.contains(">Select a decision</option>"))
            XCTAssertFalse(
                form.contains(">Allocate the peer support grants (recorded "),
                "a decision that no longer stands is not offered")
            let refused = try await world.lead.post(world.newAllocation, Self.allocationFields(world, "confirm"))
            XCTAssertEqual(refused.status, .unprocessableContent)
        }
    }

    func testTheSpreadsheetListsEveryAllocationAndTheTotalOfLiveOnes() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.allocate(world)
            try await Self.allocate(
                world,
                [
                    "organisation": String(world.meadow), "amount": "1,000.05", "contract_years": "1",
                    "contract_reference": "",
                    "purpose": "Shed, \"tools\" and tea",
                ])
            try await Self.allocate(
                world, ["organisation": String(world.harbour), "amount": "99", "contract_reference": ""])
            let withdrawn = try await Self.ids(app, "alliance_allocations")[2]
            _ = try await world.lead.get(Href.withdrawAllocation(world.alliance, withdrawn))
            let done = try await world.lead.post(
                Href.withdrawAllocation(world.alliance, withdrawn), [("reason", "Wrong member")])
            XCTAssertEqual(done.status, .seeOther)
            // act
            let csv = try await world.lead.get(world.csv)
            // check
            XCTAssertEqual(csv.status, .ok)
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            XCTAssertEqual(
                csv.headers[.contentDisposition],
                "attachment; filename=\"alliance-\(world.alliance)-allocations-2026-09-21.csv\"")
            let lines = csv.html.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            XCTAssertEqual(lines.count, 5)
            XCTAssertEqual(lines[0], FundingCSV.header.joined(separator: ","))
            // By period, then member: Harbour (withdrawn), Meadow, Riverside.
            XCTAssertTrue(lines[1].hasPrefix("Harbour Wellbeing Trust,"))
            XCTAssertTrue(
                lines[1].hasSuffix(
                    ",Large,99.00,2026-04-01,2027-03-31,2026 to 2027,Peer support groups in the north of the county,3,,"
                        + "Community mental health contract,Allocate the peer support grants,Wrong member"))
            XCTAssertTrue(lines[2].contains(",Micro,1000.05,"))
            XCTAssertTrue(lines[2].contains(#","Shed, ""tools"" and tea","#))
            XCTAssertEqual(
                lines[3],
                #"Riverside Peer Support,"Voluntary, community and social enterprise (VCSE)",Small,12500.00,2026-04-01,2027-03-31,"#
                    + "2026 to 2027,Peer support groups in the north of the county,3,BW-PEER-1,Community mental health contract,Allocate the peer support grants,"
            )
            XCTAssertEqual(lines[4], "Total of live allocations,,,13500.05,,,,,,,,,")
        }
    }

    // MARK: Refusals

    func testAGroupMemberWhoDoesNotManageReadsButChangesNothing() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.receive(world)
            try await Self.allocate(world)
            let (reader, readerUser) = try await app.signedIn(as: .expertByExperience)
            try await Self.joinGroup(app, user: readerUser, group: world.alliance)
            let receivedID = try await Self.ids(app, "alliance_funding_received")[0]
            let allocationID = try await Self.ids(app, "alliance_allocations")[0]
            // act and check: reading
            let page = try await reader.get(world.funding)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("£12,500.00"))
            XCTAssertFalse(page.contains("Record funding received"))
            XCTAssertFalse(page.contains("/withdraw"))
            let csv = try await reader.get(world.csv)
            XCTAssertEqual(csv.status, .ok)
            // act and check: managing
            let manage = [
                world.newReceived, world.newAllocation, Href.withdrawFundingReceived(world.alliance, receivedID),
                Href.withdrawAllocation(world.alliance, allocationID),
            ]
            for path in manage {
                let got = try await reader.get(path)
                XCTAssertEqual(got.status, .forbidden, path)
            }
            let posts: [(String, [(String, String)])] = [
                (world.newReceived, Self.receivedFields(world, "confirm")),
                (world.newAllocation, Self.allocationFields(world, "confirm")),
                (manage[2], [("reason", "Not mine to withdraw")]), (manage[3], [("reason", "Not mine to withdraw")]),
            ]
            for (path, fields) in posts {
                let posted = try await reader.post(path, fields)
                XCTAssertEqual(posted.status, .forbidden, path)
            }
            let received = try await Self.count(app, "alliance_funding_received")
            let allocations = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual([received, allocations], [1, 1])
            let withdrawn = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alliance_allocations WHERE withdrawn_at IS NOT NULL")
                    ?? 0
            }
            XCTAssertEqual(withdrawn, 0)
        }
    }

    func testAPrivateAllianceIsNotFoundForThoseOutsideIt() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.receive(world)
            try await Self.allocate(world)
            let (outsider, _) = try await app.signedIn(as: .expertByExperience)
            let (member, _) = try await app.signedIn(as: .member)
            let receivedID = try await Self.ids(app, "alliance_funding_received")[0]
            let allocationID = try await Self.ids(app, "alliance_allocations")[0]
            let gets = [
                world.funding, world.csv, world.newReceived, world.newAllocation,
                Href.withdrawFundingReceived(world.alliance, receivedID),
                Href.withdrawAllocation(world.alliance, allocationID),
            ]
            for browser in [outsider, member] {
                for path in gets {
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .notFound, path)
                }
                _ = try await browser.get("/")
                let posted = try await browser.post(world.newAllocation, Self.allocationFields(world, "confirm"))
                XCTAssertEqual(posted.status, .notFound)
                let withdrawn = try await browser.post(gets[5], [("reason", "Not theirs")])
                XCTAssertEqual(withdrawn.status, .notFound)
            }
            let allocations = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual(allocations, 1)
        }
    }

    func testRecordsUnderAnotherAllianceAndOtherGroupsAreNotFound() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.receive(world)
            try await Self.allocate(world)
            let other = try await AllianceFixtures.alliance(app, name: "Northshore VCSE Alliance")
            let leaders = try await AllianceFixtures.otherGroup(app)
            let receivedID = try await Self.ids(app, "alliance_funding_received")[0]
            let allocationID = try await Self.ids(app, "alliance_allocations")[0]
            // act and check: this alliance's records under another alliance's id
            for path in [
                Href.withdrawFundingReceived(other, receivedID), Href.withdrawAllocation(other, allocationID),
                Href.withdrawFundingReceived(world.alliance, 9999), Href.withdrawAllocation(world.alliance, 9999),
            ] {
                let page = try await world.lead.get(path)
                XCTAssertEqual(page.status, .notFound, path)
                _ = try await world.lead.get(world.funding)
                let posted = try await world.lead.post(path, [("reason", "Wrong alliance")])
                XCTAssertEqual(posted.status, .notFound, path)
            }
            // the other alliance's page shows none of this alliance's money
            let otherPage = try await world.lead.get(Href.allianceFunding(other))
            XCTAssertEqual(otherPage.status, .ok)
            XCTAssertFalse(otherPage.contains("£12,500"))
            // a member of this alliance cannot be funded through the other one
            _ = try await world.lead.get(Href.newAllocation(other))
            let crossed = try await world.lead.post(Href.newAllocation(other), Self.allocationFields(world, "confirm"))
            XCTAssertEqual(crossed.status, .unprocessableContent)
            // a group that is not an alliance
            for path in [
                Href.allianceFunding(leaders), Href.allocationsCSV(leaders), Href.newAllocation(leaders),
                Href.newFundingReceived(leaders), Href.allianceFunding(99999),
            ] {
                let page = try await world.lead.get(path)
                XCTAssertEqual(page.status, .notFound, path)
            }
            let reasons = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alliance_allocations WHERE withdrawn_at IS NOT NULL")
                    ?? 0
            }
            XCTAssertEqual(reasons, 0)
            let allocations = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual(allocations, 1)
        }
    }

    func testAPostWithoutTheFormsTokenIsRefused() async throws {
        try await withApp { app in
            // setup
            let world = try await Self.world(app)
            try await Self.receive(world)
            try await Self.allocate(world)
            let receivedID = try await Self.ids(app, "alliance_funding_received")[0]
            let allocationID = try await Self.ids(app, "alliance_allocations")[0]
            let posts: [(String, [(String, String)])] = [
                (world.newReceived, Self.receivedFields(world, "confirm")),
                (world.newAllocation, Self.allocationFields(world, "confirm")),
                (Href.withdrawFundingReceived(world.alliance, receivedID), [("reason", "No token")]),
                (Href.withdrawAllocation(world.alliance, allocationID), [("reason", "No token")]),
            ]
            // act and check
            for (path, fields) in posts {
                let page = try await world.lead.post(path, fields, csrf: "")
                XCTAssertEqual(page.status, .forbidden, path)
            }
            let received = try await Self.count(app, "alliance_funding_received")
            let allocations = try await Self.count(app, "alliance_allocations")
            XCTAssertEqual([received, allocations], [1, 1])
            let withdrawn = try await app.services.pool.read { db in
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT (SELECT COUNT(*) FROM alliance_allocations WHERE withdrawn_at IS NOT NULL) + (SELECT COUNT(*) FROM alliance_funding_received WHERE withdrawn_at IS NOT NULL)"
                ) ?? 0
            }
            XCTAssertEqual(withdrawn, 0)
        }
    }
}
