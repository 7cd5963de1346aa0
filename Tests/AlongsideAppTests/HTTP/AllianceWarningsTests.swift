import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// Issue 17 for the alliance: an allocation beyond the money received is warned about on its check page before it is
/// recorded, and electing the accountable body already in place is refused with the reason, the form kept.
final class AllianceWarningsTests: XCTestCase {
    typealias Funding = AllianceFundingTests

    func testAnAllocationBeyondTheMoneyReceivedIsWarnedOnItsCheckPage() async throws {
        try await withApp { app in
            // setup: £10,000 in for 2026 to 2027, £8,000 of it allocated
            let world = try await Funding.world(app)
            try await Funding.receive(world, ["amount": "10000"])
            let within = try await world.lead.post(
                world.newAllocation, Funding.allocationFields(world, "check", ["amount": "8000"]))
            XCTAssertEqual(within.status, .ok)
            XCTAssertFalse(within.contains("check-warning-heading"), "£8,000 of £10,000 is within the money received")
            try await Funding.allocate(world, ["amount": "8000"])
            // act: £3,000 more
            let check = try await world.lead.post(
                world.newAllocation, Funding.allocationFields(world, "check", ["amount": "3000"]))
            // check: warned before anything is saved, with the year's figures and the whole
            XCTAssertEqual(check.status, .ok)
            XCTAssertEqual(check.h1, "Check the allocation")
            XCTAssertTrue(check.contains(#"aria-labelledby="check-warning-heading""#))
            XCTAssertTrue(check.contains("This allocation takes the alliance over the money it has received"))
            XCTAssertTrue(
                check.contains(
                    "In 2026 to 2027, allocations of £11,000.00 are £1,000.00 more than the £10,000.00 that came in."))
            XCTAssertTrue(
                check.contains(
                    "Over all years, allocations of £11,000.00 are £1,000.00 more than the £10,000.00 that came in."))
            XCTAssertTrue(check.contains("You can still record it."))
            var saved = try await Funding.count(app, "alliance_allocations")
            XCTAssertEqual(saved, 1, "the check page saves nothing")
            // act: it can still be recorded; without the form's token it cannot
            let refused = try await world.lead.post(
                world.newAllocation, Funding.allocationFields(world, "confirm", ["amount": "3000"]), csrf: "")
            XCTAssertEqual(refused.status, .forbidden)
            let confirmed = try await world.lead.post(
                world.newAllocation, Funding.allocationFields(world, "confirm", ["amount": "3000"]))
            XCTAssertEqual(confirmed.status, .seeOther)
            saved = try await Funding.count(app, "alliance_allocations")
            XCTAssertEqual(saved, 2)
        }
    }

    func testSomeoneWhoDoesNotManageTheAllianceGetsNoCheckPage() async throws {
        try await withApp { app in
            // setup
            let world = try await Funding.world(app)
            let reader = try await AllianceTests.groupMember(app, lead: world.lead, alliance: world.alliance)
            _ = try await reader.get(world.funding)
            // act
            let page = try await reader.post(world.newAllocation, Funding.allocationFields(world, "check"))
            // check
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertFalse(page.contains("check-warning-heading"))
        }
    }

    func testElectingTheAccountableBodyAlreadyInPlaceIsRefusedWithTheFormKept() async throws {
        try await withApp { app in
            // setup: Brightwater is the accountable body from 1 June 2026
            let (lead, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            let circle = try await AllianceFixtures.organisation(app, name: "Amberley Signing Circle")
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: circle)
            let decision = try await AllianceFixtures.decision(app, alliance: alliance, by: leadUser, title: "Elect")
            let path = AllianceTests.path(alliance, "/accountable-body")
            _ = try await lead.get(path)
            let first = try await lead.post(
                path, [("organisation", String(peer)), ("decision", String(decision)), ("starts_on", "2026-06-01")])
            XCTAssertEqual(first.status, .seeOther)
            // act: the form, then electing Brightwater again
            let form = try await lead.get(path)
            let again = try await lead.post(
                path, [("organisation", String(peer)), ("decision", String(decision)), ("starts_on", "2026-09-01")])
            // check: the form says before sending that an election records from its start day
            XCTAssertTrue(form.contains("An election is recorded from its start day"))
            XCTAssertTrue(form.contains("The election is recorded from this day, not from the day you record it"))
            // check: refused, explained, everything typed kept, nothing recorded
            XCTAssertEqual(again.status, .unprocessableContent)
            XCTAssertEqual(
                again.errorSummary,
                [
                    "Brightwater Peer Network is already the accountable body, since 1 June 2026, and its term continues: there is no new election to record. To record a new accountable body, choose another member"
                ])
            XCTAssertTrue(again.contains(#"<option value="\#(peer)" selected>"#))
            XCTAssertTrue(again.contains(#"<option value="\#(decision)" selected>"#))
            XCTAssertEqual(again.inputValue("starts_on"), "2026-09-01")
            let terms = try await AllianceStore(pool: app.services.pool, clock: app.services.clock).accountableBodies(
                groupID: alliance)
            XCTAssertEqual(terms.map(\.body.organisationName), ["Brightwater Peer Network"])
            XCTAssertEqual(terms.map(\.body.endsOn), [nil], "the term in place is not cut in two")
            let audits = try await AllianceTests.auditCount(app, kind: "alliance_accountable_body")
            XCTAssertEqual(audits, 1)
            // act: another member can be elected; without the token nothing is
            let noToken = try await lead.post(
                path, [("organisation", String(circle)), ("decision", String(decision)), ("starts_on", "2026-09-01")],
                csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let other = try await lead.post(
                path, [("organisation", String(circle)), ("decision", String(decision)), ("starts_on", "2026-09-01")])
            XCTAssertEqual(other.status, .seeOther)
        }
    }

    /// The store refuses it too, for an election sent from a form opened before the body was elected.
    func testTheStoreRefusesToElectTheBodyInPlace() async throws {
        try await withApp { app in
            // setup
            let (_, leadUser) = try await app.signedIn(as: .allianceLead)
            let alliance = try await AllianceFixtures.alliance(app)
            let peer = try await AllianceFixtures.organisation(app, name: "Brightwater Peer Network")
            _ = try await AllianceFixtures.member(app, alliance: alliance, organisation: peer)
            let decision = try await AllianceFixtures.decision(app, alliance: alliance, by: leadUser)
            let store = AllianceStore(pool: app.services.pool, clock: app.services.clock)
            let actor = AuditActor(userID: leadUser.id!, label: leadUser.name)
            _ = try await store.elect(
                groupID: alliance, organisationID: peer, decisionID: decision, startsOn: "2026-06-01", by: actor,
                requestID: nil)
            // act and check
            do {
                _ = try await store.elect(
                    groupID: alliance, organisationID: peer, decisionID: decision, startsOn: "2026-09-01", by: actor,
                    requestID: nil)
                XCTFail("electing the body in place again was recorded")
            } catch let refusal as AllianceRefusal {
                XCTAssertEqual(refusal, .alreadyAccountableBody(since: "2026-06-01"))
            }
        }
    }
}
