import XCTest
@testable import AlongsideApp

final class FundingRulesTests: XCTestCase {
    // MARK: Financial years

    func testAFinancialYearRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch() {
        XCTAssertEqual(FinancialYear(containing: "2027-03-31"), FinancialYear(startYear: 2026))
        XCTAssertEqual(FinancialYear(containing: "2027-04-01"), FinancialYear(startYear: 2027))
        XCTAssertEqual(FinancialYear(containing: "2026-04-01"), FinancialYear(startYear: 2026))
        XCTAssertEqual(FinancialYear(containing: "2026-03-31"), FinancialYear(startYear: 2025))
        XCTAssertEqual(FinancialYear(containing: "2026-12-31"), FinancialYear(startYear: 2026))
        XCTAssertEqual(FinancialYear(containing: "2027-01-01"), FinancialYear(startYear: 2026))
        XCTAssertNil(FinancialYear(containing: "2027-02-30"), "not a real day")
        XCTAssertNil(FinancialYear(containing: "31/03/2027"))
        XCTAssertNil(FinancialYear(containing: ""))
    }

    func testAFinancialYearIsNamedInWordsAndShortAndKnowsItsDays() {
        let year = FinancialYear(startYear: 2026)
        XCTAssertEqual(year.label, "2026 to 2027")
        XCTAssertEqual(year.short, "2026–27")
        XCTAssertEqual(year.startsOn, "2026-04-01")
        XCTAssertEqual(year.endsOn, "2027-03-31")
        XCTAssertEqual(FinancialYear(startYear: 2099).short, "2099–00")
        XCTAssertLessThan(FinancialYear(startYear: 2025), year)
    }

    // MARK: Periods

    func testAPeriodWithinOneFinancialYearHasNoProblems() {
        XCTAssertEqual(FundingRules.periodProblems(startsOn: "2026-04-01", endsOn: "2027-03-31"), [])
        XCTAssertEqual(FundingRules.periodProblems(startsOn: "2026-09-21", endsOn: "2026-09-21"), [])
    }

    func testAPeriodAcrossTheThirtyFirstOfMarchIsRefusedWithTheExplanation() {
        let problems = FundingRules.periodProblems(startsOn: "2026-04-01", endsOn: "2027-04-01")
        XCTAssertEqual(
            problems, [FundingRules.PeriodProblem(field: "period_ends_on", message: FundingRules.oneYearMessage)])
        XCTAssertEqual(
            FundingRules.oneYearMessage,
            "An allocation covers one financial year at most (1 April to 31 March). "
                + "Record each year of a longer contract as its own allocation, giving the contract's full length in years."
        )
        let received = FundingRules.periodProblems(
            startsOn: "2027-03-31", endsOn: "2027-04-01", acrossYears: FundingRules.receivedOneYearMessage)
        XCTAssertEqual(received.map(\.message), [FundingRules.receivedOneYearMessage])
    }

    func testMissingUnrealAndBackwardsPeriodsAreRefusedForTheRightField() {
        XCTAssertEqual(
            FundingRules.periodProblems(startsOn: "", endsOn: "").map(\.field), ["period_starts_on", "period_ends_on"])
        XCTAssertEqual(
            FundingRules.periodProblems(startsOn: "2026-02-30", endsOn: "2026-04-01").map(\.field), ["period_starts_on"]
        )
        let backwards = FundingRules.periodProblems(startsOn: "2026-06-01", endsOn: "2026-05-31")
        XCTAssertEqual(backwards.map(\.field), ["period_ends_on"])
        XCTAssertEqual(
            backwards.first?.message, "The last day of the period must be the same as or after the first day")
    }

    // MARK: Percentages

    func testAShareIsRoundedToOneDecimalPlaceHalfUpInWholeNumbers() {
        XCTAssertEqual(FundingRules.percentage(1, of: 3), "33.3%")
        XCTAssertEqual(FundingRules.percentage(2, of: 3), "66.7%")
        XCTAssertEqual(FundingRules.percentage(1, of: 8), "12.5%", "exactly 12.5")
        XCTAssertEqual(FundingRules.percentage(1, of: 16), "6.3%", "6.25 rounds half up")
        XCTAssertEqual(FundingRules.percentage(1, of: 2000), "0.1%", "0.05 rounds half up")
        XCTAssertEqual(FundingRules.percentage(1, of: 2001), "0.0%", "just under 0.05 rounds down")
        XCTAssertEqual(FundingRules.percentage(0, of: 5), "0.0%")
        XCTAssertEqual(FundingRules.percentage(5, of: 5), "100.0%")
        XCTAssertEqual(
            FundingRules.percentage(999_999_999_99, of: 1_000_000_000_00), "100.0%",
            "large sums in pence do not overflow")
        XCTAssertNil(FundingRules.percentage(0, of: 0), "no share of nothing")
    }

    // MARK: Summary

    static let riverside: Int64 = 1, meadow: Int64 = 2, harbour: Int64 = 3, council: Int64 = 4

    static func allocation(
        _ id: Int64, _ organisation: Int64, _ pence: Int, on day: String = "2026-04-01", years: Int = 1,
        reference: String = "", withdrawn: Bool = false
    ) -> AllocationFigure {
        let names = [
            riverside: "Riverside Peer Support", meadow: "Meadow Lane Men's Shed", harbour: "Harbour Wellbeing Trust",
            council: "Council Partner",
        ]
        return AllocationFigure(
            id: id, organisationID: organisation, organisationName: names[organisation]!, amountPence: pence,
            periodStartsOn: day,
            contractYears: years, contractReference: reference, isWithdrawn: withdrawn)
    }

    static let sizes: [Int64: VCSESize] = [riverside: .micro, meadow: .small, harbour: .large]

    func testSumsByYearAndByMemberAddUpInPenceAndLeaveOutWithdrawnRecords() {
        // setup
        let allocations = [
            Self.allocation(1, Self.riverside, 1_000_00), Self.allocation(2, Self.harbour, 5_000_50),
            Self.allocation(3, Self.riverside, 2_000_00, on: "2027-04-01"),
            Self.allocation(4, Self.meadow, 9_999_99, withdrawn: true),
            Self.allocation(5, Self.harbour, 250_25, on: "2027-03-31"),
        ]
        let received = [
            ReceivedFigure(
                amountPence: 10_000_00, periodStartsOn: "2026-04-01", fromName: "Brightwater ICB",
                viaName: "Brightwater NHS Trust", toName: "Harbour Wellbeing Trust"),
            ReceivedFigure(
                amountPence: 1_500_00, periodStartsOn: "2027-05-01", fromName: "Brightwater ICB",
                viaName: "Brightwater NHS Trust", toName: "Harbour Wellbeing Trust"),
            ReceivedFigure(amountPence: 700_00, periodStartsOn: "2026-06-01", fromName: "Brightwater Council"),
            ReceivedFigure(
                amountPence: 99_00, periodStartsOn: "2026-06-01", fromName: "Brightwater Council", isWithdrawn: true),
        ]
        // act
        let summary = FundingSummary(allocations: allocations, received: received, sizes: Self.sizes)
        // check
        XCTAssertEqual(summary.totalReceived, 12_200_00)
        XCTAssertEqual(summary.totalAllocated, 8_250_75)
        XCTAssertEqual(summary.unallocated, 3_949_25)
        XCTAssertEqual(summary.years.map(\.year), [FinancialYear(startYear: 2026), FinancialYear(startYear: 2027)])
        XCTAssertEqual(summary.years.map(\.received), [10_700_00, 1_500_00])
        XCTAssertEqual(summary.years.map(\.allocated), [6_250_75, 2_000_00])
        XCTAssertEqual(summary.years.map(\.difference), [4_449_25, -500_00])
        XCTAssertEqual(summary.years.map(\.isOverAllocated), [false, true])
        XCTAssertEqual(
            summary.members.map(\.name), ["Harbour Wellbeing Trust", "Riverside Peer Support"],
            "by name; the withdrawn member has nothing live")
        XCTAssertEqual(summary.members.map(\.total), [5_250_75, 3_000_00])
        XCTAssertEqual(summary.members[1].amount(in: FinancialYear(startYear: 2026)), 1_000_00)
        XCTAssertEqual(summary.members[1].amount(in: FinancialYear(startYear: 2027)), 2_000_00)
        XCTAssertEqual(summary.members[0].amount(in: FinancialYear(startYear: 2027)), 0)
        XCTAssertEqual(
            summary.members.map(\.total).reduce(0, +), summary.totalAllocated, "the members add up to the total")
        XCTAssertEqual(
            summary.years.map(\.allocated).reduce(0, +), summary.totalAllocated, "the years add up to the total")
        XCTAssertEqual(summary.flows.count, 2)
        XCTAssertEqual(summary.flows[0].fromName, "Brightwater ICB")
        XCTAssertEqual(summary.flows[0].viaName, "Brightwater NHS Trust")
        XCTAssertEqual(summary.flows[0].total, 11_500_00)
        XCTAssertEqual(summary.flows[1].total, 700_00, "the withdrawn £99 is left out")
    }

    func testOverAllocationWarnsForEachYearAndOverall() {
        let summary = FundingSummary(
            allocations: [
                Self.allocation(1, Self.riverside, 12_000_00),
                Self.allocation(2, Self.meadow, 500_00, on: "2027-04-01"),
            ],
            received: [
                ReceivedFigure(amountPence: 10_000_00, periodStartsOn: "2026-04-01"),
                ReceivedFigure(amountPence: 1_000_00, periodStartsOn: "2027-04-01"),
            ],
            sizes: Self.sizes)
        XCTAssertEqual(summary.unallocated, -1_500_00)
        XCTAssertTrue(summary.isOverAllocated)
        XCTAssertEqual(
            summary.warnings,
            [
                "In 2026 to 2027, allocations of £12,000.00 are £2,000.00 more than the £10,000.00 that came in.",
                "Over all years, allocations of £12,500.00 are £1,500.00 more than the £11,000.00 that came in.",
            ])
    }

    func testAYearOverAllocatedWarnsEvenWhenTheWholeIsNot() {
        let summary = FundingSummary(
            allocations: [Self.allocation(1, Self.riverside, 3_000_00)],
            received: [
                ReceivedFigure(amountPence: 1_000_00, periodStartsOn: "2026-04-01"),
                ReceivedFigure(amountPence: 5_000_00, periodStartsOn: "2027-04-01"),
            ],
            sizes: Self.sizes)
        XCTAssertFalse(summary.isOverAllocated)
        XCTAssertEqual(
            summary.warnings,
            ["In 2026 to 2027, allocations of £3,000.00 are £2,000.00 more than the £1,000.00 that came in."])
    }

    func testNothingAllocatedOrExactlyAllocatedGivesNoWarning() {
        XCTAssertEqual(FundingSummary(allocations: [], received: [], sizes: [:]).warnings, [])
        let exact = FundingSummary(
            allocations: [Self.allocation(1, Self.riverside, 1_000_00)],
            received: [ReceivedFigure(amountPence: 1_000_00, periodStartsOn: "2026-05-01")], sizes: Self.sizes)
        XCTAssertEqual(exact.warnings, [])
        XCTAssertEqual(exact.unallocated, 0)
    }

    func testTheShareToSmallAndMicroOrganisationsCountsOnlyThoseSizedSoNow() {
        // setup: micro £1, small £2, large £4, and a council with no size £1
        let summary = FundingSummary(
            allocations: [
                Self.allocation(1, Self.riverside, 100), Self.allocation(2, Self.meadow, 200),
                Self.allocation(3, Self.harbour, 400),
                Self.allocation(4, Self.council, 100), Self.allocation(5, Self.meadow, 10_000, withdrawn: true),
            ],
            received: [], sizes: Self.sizes)
        // check
        XCTAssertEqual(summary.smallAndMicroPence, 300)
        XCTAssertEqual(summary.smallAndMicroShare, "37.5%")
        XCTAssertTrue(FundingSummary.shareBasis.contains("size in the register now"))
    }

    func testTheShareRoundsHalfUpAndIsAbsentWithNothingAllocated() {
        let third = FundingSummary(
            allocations: [Self.allocation(1, Self.riverside, 100), Self.allocation(2, Self.harbour, 200)], received: [],
            sizes: Self.sizes)
        XCTAssertEqual(third.smallAndMicroShare, "33.3%")
        let sixteenth = FundingSummary(
            allocations: [Self.allocation(1, Self.meadow, 1), Self.allocation(2, Self.harbour, 15)], received: [],
            sizes: Self.sizes)
        XCTAssertEqual(sixteenth.smallAndMicroShare, "6.3%", "6.25% rounds half up")
        let none = FundingSummary(
            allocations: [], received: [ReceivedFigure(amountPence: 100, periodStartsOn: "2026-04-01")],
            sizes: Self.sizes)
        XCTAssertEqual(none.smallAndMicroPence, 0)
        XCTAssertNil(none.smallAndMicroShare)
        let allWithdrawn = FundingSummary(
            allocations: [Self.allocation(1, Self.riverside, 100, withdrawn: true)], received: [], sizes: Self.sizes)
        XCTAssertNil(allWithdrawn.smallAndMicroShare)
        let allLarge = FundingSummary(
            allocations: [Self.allocation(1, Self.harbour, 100)], received: [], sizes: Self.sizes)
        XCTAssertEqual(allLarge.smallAndMicroShare, "0.0%")
    }

    func testContractsSharingAMemberAndReferenceCountOnceAtTheirLongestLength() {
        let summary = FundingSummary(
            allocations: [
                // One three-year contract to Riverside, recorded a year at a time.
                Self.allocation(1, Self.riverside, 100, on: "2026-04-01", years: 3, reference: "BW-001"),
                Self.allocation(2, Self.riverside, 100, on: "2027-04-01", years: 3, reference: "bw-001 "),
                Self.allocation(3, Self.riverside, 100, on: "2028-04-01", years: 3, reference: "BW-001"),
                // The same reference for another member is another contract; its longest length counts.
                Self.allocation(4, Self.meadow, 100, years: 2, reference: "BW-001"),
                Self.allocation(5, Self.meadow, 100, on: "2027-04-01", years: 4, reference: "BW-001"),
                // No reference: each allocation is its own contract.
                Self.allocation(6, Self.harbour, 100, years: 5),
                Self.allocation(7, Self.harbour, 100, years: 1),
                // Withdrawn: not counted.
                Self.allocation(8, Self.harbour, 100, years: 10, withdrawn: true),
            ], received: [], sizes: Self.sizes)
        XCTAssertEqual(summary.contractCount, 4)
        XCTAssertEqual(summary.longContractCount, 3)
    }

    func testTheAccountableBodysOwnAllocationsGetAGentleNote() {
        let allocations = [Self.allocation(1, Self.harbour, 2_000_00), Self.allocation(2, Self.riverside, 1_000_00)]
        let withBody = FundingSummary(
            allocations: allocations, received: [], sizes: Self.sizes, accountableBodyID: Self.harbour)
        XCTAssertEqual(withBody.accountableBodyAllocated, 2_000_00)
        let note = withBody.accountableBodyNote(name: "Harbour Wellbeing Trust")
        XCTAssertEqual(
            note?.hasPrefix("Harbour Wellbeing Trust, the accountable body, has allocations of £2,000.00."), true)
        let other = FundingSummary(
            allocations: allocations, received: [], sizes: Self.sizes, accountableBodyID: Self.meadow)
        XCTAssertNil(other.accountableBodyNote(name: "Meadow Lane Men's Shed"))
        XCTAssertNil(
            FundingSummary(allocations: allocations, received: [], sizes: Self.sizes).accountableBodyNote(
                name: "Nobody"))
    }

    // MARK: Chart

    func testChartBarsAreInProportionAndNothingHasNoBar() {
        XCTAssertEqual(FundingChartSVG.barWidth(50, largest: 100, plotWidth: 400), 200)
        XCTAssertEqual(FundingChartSVG.barWidth(0, largest: 100, plotWidth: 400), 0)
        XCTAssertEqual(FundingChartSVG.barWidth(1, largest: 1_000_000, plotWidth: 400), 2, "a tiny amount still shows")
        XCTAssertEqual(FundingChartSVG.barWidth(0, largest: 0, plotWidth: 400), 0)
    }

    func testTheChartNamesItselfAndLabelsEveryBarInWords() {
        let svg = FundingChartSVG.render(
            [
                FundingChartSVG.MemberBars(
                    name: "Riverside <Peer> Support", total: 1_500_00,
                    bars: [
                        FundingChartSVG.Bar(label: "2026–27", pence: 1_000_00),
                        FundingChartSVG.Bar(label: "2027–28", pence: 500_00),
                    ])
            ], title: "Money by member", description: "Bars by year", idPrefix: "chart")
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertTrue(svg.contains(#"role="img" aria-labelledby="chart-title" aria-describedby="chart-desc""#))
        XCTAssertTrue(
            svg.contains(#"<title id="chart-title">Money by member</title><desc id="chart-desc">Bars by year</desc>"#))
        XCTAssertTrue(svg.contains("Riverside &lt;Peer&gt; Support: £1,500.00 in all"))
        XCTAssertTrue(svg.contains(">2026–27</text>"))
        XCTAssertTrue(svg.contains(">£500.00</text>"))
        XCTAssertFalse(svg.contains("style="), "no inline style under the Content-Security-Policy")
        let empty = FundingChartSVG.render([], title: "Money by member", description: "None", idPrefix: "chart")
        XCTAssertTrue(empty.contains("Nothing is allocated yet."))
    }
}
