import XCTest
@testable import AlongsideApp

/// An allocation not yet recorded that would take the alliance over the money it has received (issue 17). 003 step 4:
/// funding reaches members "via longer-term joint ... contracting through an alliance model", so an alliance allocates
/// the money that came in; its check page warns before the allocation is recorded, by financial year and overall.
final class OverAllocationRulesTests: XCTestCase {
    let received = [
        ReceivedFigure(amountPence: 1_000_000, periodStartsOn: "2026-04-01"),
        ReceivedFigure(amountPence: 500_000, periodStartsOn: "2027-04-01"),
        ReceivedFigure(amountPence: 9_000_000, periodStartsOn: "2026-04-01", isWithdrawn: true),
    ]
    let allocated = [
        AllocationFigure(
            id: 1, organisationID: 1, organisationName: "Riverside", amountPence: 800_000, periodStartsOn: "2026-04-01"),
        AllocationFigure(
            id: 2, organisationID: 2, organisationName: "Meadow", amountPence: 700_000, periodStartsOn: "2026-05-01",
            isWithdrawn: true),
    ]

    func testWithinTheMoneyReceivedThereIsNoWarning() {
        // £8,000 of £10,000 allocated in 2026 to 2027: £2,000 more stays within it (withdrawn records do not count)
        XCTAssertEqual(
            FundingSummary.warnings(adding: 200_000, startingOn: "2026-06-01", to: allocated, received: received), [])
    }

    func testGoingOverInItsYearIsWarnedForTheYear() {
        // £8,000 + £3,000 in 2026 to 2027 against £10,000; £11,000 against £15,000 over all years is within
        XCTAssertEqual(
            FundingSummary.warnings(adding: 300_000, startingOn: "2026-06-01", to: allocated, received: received),
            ["In 2026 to 2027, allocations of £11,000.00 are £1,000.00 more than the £10,000.00 that came in."])
    }

    func testGoingOverInAllYearsIsWarnedAsWell() {
        XCTAssertEqual(
            FundingSummary.warnings(adding: 800_000, startingOn: "2027-04-01", to: allocated, received: received),
            [
                "In 2027 to 2028, allocations of £8,000.00 are £3,000.00 more than the £5,000.00 that came in.",
                "Over all years, allocations of £16,000.00 are £1,000.00 more than the £15,000.00 that came in.",
            ])
    }

    func testAnotherYearAlreadyOverIsNotThisAllocationsWarning() {
        let over =
            allocated + [
                AllocationFigure(
                    id: 3, organisationID: 1, organisationName: "Riverside", amountPence: 600_000,
                    periodStartsOn: "2027-04-01")
            ]
        XCTAssertEqual(
            FundingSummary.warnings(adding: 100_000, startingOn: "2026-06-01", to: over, received: received), [],
            "2027 to 2028 is over already; 2026 to 2027 and all years stay within")
    }

    func testNothingReceivedYetIsWarned() {
        XCTAssertEqual(
            FundingSummary.warnings(adding: 100, startingOn: "2026-06-01", to: [], received: []),
            [
                "In 2026 to 2027, allocations of £1.00 are £1.00 more than the £0.00 that came in.",
                "Over all years, allocations of £1.00 are £1.00 more than the £0.00 that came in.",
            ])
    }
}
