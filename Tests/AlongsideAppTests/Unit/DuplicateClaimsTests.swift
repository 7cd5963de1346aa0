import XCTest
@testable import AlongsideApp

/// A second claim for the same agreed activity (issue 17). 003 Appendix 1 pays "£50 half day agreed activity, £100
/// whole day agreed activity": one payment per piece of activity, so two claims for one meeting, or for one day and
/// session, are flagged whatever state the first is in.
final class DuplicateClaimsTests: XCTestCase {
    typealias Entry = DuplicateClaims.Entry

    /// Both claims name a meeting: they match when it is the same meeting, whatever days were typed.
    func testClaimsNamingMeetingsMatchOnlyOnTheSameMeeting() {
        let first = Entry(id: 1, meetingID: 7, activityOn: "2026-09-14")
        XCTAssertTrue(DuplicateClaims.sameActivity(first, Entry(id: 2, meetingID: 7, activityOn: "2026-09-15")))
        XCTAssertFalse(
            DuplicateClaims.sameActivity(first, Entry(id: 2, meetingID: 8, activityOn: "2026-09-14")),
            "two meetings on one day are two activities")
    }

    /// Either claim names no meeting: the same day may be the same session, since the form does not ask which part of
    /// the day ("half day" / "whole day" only).
    func testAClaimWithoutAMeetingMatchesAnyClaimOnTheSameDay() {
        let loose = Entry(id: 1, meetingID: nil, activityOn: "2026-09-14")
        XCTAssertTrue(DuplicateClaims.sameActivity(loose, Entry(id: 2, meetingID: nil, activityOn: "2026-09-14")))
        XCTAssertTrue(
            DuplicateClaims.sameActivity(loose, Entry(id: 2, meetingID: 7, activityOn: "2026-09-14")),
            "the same meeting may have been claimed once without choosing it")
        XCTAssertTrue(DuplicateClaims.sameActivity(Entry(id: 2, meetingID: 7, activityOn: "2026-09-14"), loose))
        XCTAssertFalse(DuplicateClaims.sameActivity(loose, Entry(id: 2, meetingID: nil, activityOn: "2026-09-15")))
    }

    func testAClaimIsNeverADuplicateOfItself() {
        let claim = Entry(id: 3, meetingID: 7, activityOn: "2026-09-14")
        XCTAssertFalse(DuplicateClaims.sameActivity(claim, claim))
        XCTAssertEqual(DuplicateClaims.matches(for: claim, among: [claim], entry: { $0 }), [])
    }

    func testMatchesKeepsTheOrderGivenAndLeavesOutOtherActivities() {
        let claim = Entry(id: 9, meetingID: nil, activityOn: "2026-09-14")
        let others = [
            Entry(id: 1, meetingID: 7, activityOn: "2026-09-14"),
            Entry(id: 2, meetingID: nil, activityOn: "2026-09-13"),
            Entry(id: 3, meetingID: nil, activityOn: "2026-09-14"),
        ]
        XCTAssertEqual(DuplicateClaims.matches(for: claim, among: others, entry: { $0 }).map(\.id), [1, 3])
    }
}

/// The earnings note about vouchers (issue 17; DESIGN.md: "vouchers" is a payment preference, and vouchers count as
/// earnings for most benefits, as `PaymentChoice.countsAsEarnings` says).
final class VoucherNoteRulesTests: XCTestCase {
    func testOnlyVouchersCarryTheNote() {
        XCTAssertEqual(PaymentWords.voucherNote(for: .vouchers), PaymentWords.voucherWarning)
        for choice in PaymentChoice.allCases where choice != .vouchers {
            XCTAssertNil(PaymentWords.voucherNote(for: choice), "\(choice)")
        }
    }
}
