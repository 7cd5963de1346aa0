import Foundation
import XCTest
@testable import AlongsideApp

/// Recording an accountable body's election (issue 17). 003 step 4 (the Somerset case study): a member "was elected as
/// accountable body". An election records a new term from its start day and ends the current term that day, so electing
/// the body already in place would record a change that did not happen: it is refused with the reason.
final class ElectionRulesTests: XCTestCase {
    typealias F = AllianceForms.ElectionField
    let members = [
        AllianceMember(
            id: 1, groupID: 9, organisationID: 11, organisationName: "Brightwater Peer Network", status: .member,
            statusSince: "2026-01-01", representativeName: "", representativeEmail: "", version: 1),
        AllianceMember(
            id: 2, groupID: 9, organisationID: 12, organisationName: "Amberley Signing Circle", status: .member,
            statusSince: "2026-01-01", representativeName: "", representativeEmail: "", version: 1),
    ]
    let decisions = [
        DecisionReference(
            id: 5, title: "Elect again", recordedAt: Date(timeIntervalSince1970: 1_780_000_000), stillStands: true)
    ]
    let current = AccountableBody(
        id: 3, groupID: 9, organisationID: 11, organisationName: "Brightwater Peer Network", decisionID: 4,
        startsOn: "2026-06-01", endsOn: nil)

    func election(_ organisation: Int64, current: AccountableBody?) -> (Bool, FormErrors) {
        var errors = FormErrors()
        let form = FormData([(F.organisation, String(organisation)), (F.decision, "5"), (F.startsOn, "2026-09-01")])
        let input = AllianceForms.election(
            form, members: members, decisions: decisions, current: current, today: "2026-09-21", errors: &errors)
        return (input != nil, errors)
    }

    func testTheBodyAlreadyInPlaceIsNotElectedAgain() {
        let (accepted, errors) = election(11, current: current)
        XCTAssertFalse(accepted)
        XCTAssertEqual(
            errors[F.organisation.rawValue],
            "Brightwater Peer Network is already the accountable body, since 1 June 2026, and its term continues: "
                + "there is no new election to record. To record a new accountable body, choose another member")
    }

    func testAnotherMemberOrAFirstElectionIsRecorded() {
        XCTAssertTrue(election(12, current: current).0)
        // The controller passes only the term still open (`endsOn == nil`) as `current`: an ended term is not in place.
        XCTAssertTrue(election(11, current: nil).0, "with no body in place, any current member may be elected")
    }
}
