import Foundation

/// An allocation as the sums need it: plain values, so the sums are tested without a database.
public struct AllocationFigure: Sendable, Equatable {
    public var id: Int64
    public var organisationID: Int64
    public var organisationName: String
    public var amountPence: Int
    public var periodStartsOn: String
    public var contractYears: Int
    public var contractReference: String
    public var isWithdrawn: Bool

    public init(
        id: Int64, organisationID: Int64, organisationName: String, amountPence: Int, periodStartsOn: String,
        contractYears: Int = 1, contractReference: String = "", isWithdrawn: Bool = false
    ) {
        self.id = id
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.amountPence = amountPence
        self.periodStartsOn = periodStartsOn
        self.contractYears = contractYears
        self.contractReference = contractReference
        self.isWithdrawn = isWithdrawn
    }

    public init(_ allocation: Allocation) {
        self.init(
            id: allocation.id, organisationID: allocation.organisationID, organisationName: allocation.organisationName,
            amountPence: allocation.amountPence, periodStartsOn: allocation.periodStartsOn,
            contractYears: allocation.contractYears,
            contractReference: allocation.contractReference, isWithdrawn: allocation.isWithdrawn)
    }
}

/// Money received as the sums need it.
public struct ReceivedFigure: Sendable, Equatable {
    public var amountPence: Int
    public var periodStartsOn: String
    public var fromName: String
    public var viaName: String?
    /// The accountable body it was paid to; nil when there was none yet.
    public var toName: String?
    public var isWithdrawn: Bool

    public init(
        amountPence: Int, periodStartsOn: String, fromName: String = "Commissioner", viaName: String? = nil,
        toName: String? = nil,
        isWithdrawn: Bool = false
    ) {
        self.amountPence = amountPence
        self.periodStartsOn = periodStartsOn
        self.fromName = fromName
        self.viaName = viaName
        self.toName = toName
        self.isWithdrawn = isWithdrawn
    }

    public init(_ received: FundingReceived) {
        self.init(
            amountPence: received.amountPence, periodStartsOn: received.periodStartsOn, fromName: received.fromName,
            viaName: received.viaName, toName: received.toName, isWithdrawn: received.isWithdrawn)
    }
}

/// The alliance's money in sums (issue 6, "Funding"): what came in and what went out, by financial year and by member,
/// the share going to small and micro organisations, contracts of three years or longer, and warnings. Withdrawn
/// records are left out of every sum. Every amount is whole pence and every total the plain sum of its parts.
public struct FundingSummary: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public let year: FinancialYear
        public let received: Int
        public let allocated: Int
        /// Received less allocated; below zero when more was allocated than came in.
        public var difference: Int { received - allocated }
        public var isOverAllocated: Bool { allocated > received }
    }

    public struct Member: Sendable, Equatable {
        public let organisationID: Int64
        public let name: String
        public let total: Int
        public let byYear: [FinancialYear: Int]
        public let isSmallOrMicro: Bool

        public func amount(in year: FinancialYear) -> Int { byYear[year] ?? 0 }
    }

    /// Money that came by one route (from, through, to), by year.
    public struct Flow: Sendable, Equatable {
        public let fromName: String
        public let viaName: String?
        public let toName: String?
        public let total: Int
        public let byYear: [FinancialYear: Int]

        public func amount(in year: FinancialYear) -> Int { byYear[year] ?? 0 }
    }

    public let totalReceived: Int
    public let totalAllocated: Int
    /// Received less allocated; negative means over-allocated.
    public var unallocated: Int { totalReceived - totalAllocated }
    /// Every year with money in or out, oldest first.
    public let years: [Year]
    /// Every organisation with live allocations, by name.
    public let members: [Member]
    public let flows: [Flow]
    /// Allocated to organisations that are small or micro by their size in the register now.
    public let smallAndMicroPence: Int
    /// "42.5%" of everything allocated; nil when nothing is allocated.
    public var smallAndMicroShare: String? { FundingRules.percentage(smallAndMicroPence, of: totalAllocated) }
    /// Contracts: allocations to one member with the same non-empty reference are one contract, each other allocation its own.
    public let contractCount: Int
    /// Contracts whose length (the largest length any of their allocations gives) is three years or longer.
    public let longContractCount: Int
    /// The current accountable body, and what is allocated to it (the accountable body delivers no services in the model).
    public let accountableBodyID: Int64?
    public let accountableBodyAllocated: Int

    public var isOverAllocated: Bool { totalAllocated > totalReceived }

    /// "2 of 3 contracts run for three years or longer."
    public var contractsSentence: String {
        "\(longContractCount) of \(contractCount) contract\(contractCount == 1 ? "" : "s") run\(contractCount == 1 ? "s" : "") for three years or longer."
    }

    /// Said beside the share, so nobody reads it as the size when the money was allocated.
    public static let shareBasis =
        "Small means an annual income of £10,000 to £99,999 and micro under £10,000. "
        + "The size is each organisation's size in the register now, not when the money was allocated. "
        + "Organisations outside the voluntary sector, or with no size recorded, count as not small."

    /// - Parameters:
    ///   - sizes: the size of each VCSE organisation that has one; anyone missing counts as not small.
    ///   - accountableBodyID: the current accountable body, if the alliance has one.
    public init(
        allocations: [AllocationFigure], received: [ReceivedFigure], sizes: [Int64: VCSESize],
        accountableBodyID: Int64? = nil
    ) {
        let live = allocations.filter { !$0.isWithdrawn }.compactMap { item in
            FinancialYear(containing: item.periodStartsOn).map { (item, $0) }
        }
        let came = received.filter { !$0.isWithdrawn }.compactMap { item in
            FinancialYear(containing: item.periodStartsOn).map { (item, $0) }
        }

        totalReceived = came.reduce(0) { $0 + $1.0.amountPence }
        totalAllocated = live.reduce(0) { $0 + $1.0.amountPence }

        var receivedByYear: [FinancialYear: Int] = [:], allocatedByYear: [FinancialYear: Int] = [:]
        for (item, year) in came { receivedByYear[year, default: 0] += item.amountPence }
        for (item, year) in live { allocatedByYear[year, default: 0] += item.amountPence }
        years = Set(receivedByYear.keys).union(allocatedByYear.keys).sorted().map {
            Year(year: $0, received: receivedByYear[$0] ?? 0, allocated: allocatedByYear[$0] ?? 0)
        }

        var byMember: [Int64: (name: String, byYear: [FinancialYear: Int])] = [:]
        for (item, year) in live {
            byMember[item.organisationID, default: (item.organisationName, [:])].byYear[year, default: 0] +=
                item.amountPence
        }
        members = byMember.map { id, entry in
            Member(
                organisationID: id, name: entry.name, total: entry.byYear.values.reduce(0, +), byYear: entry.byYear,
                isSmallOrMicro: sizes[id]?.isSmallOrMicro ?? false)
        }.sorted { ($0.name.lowercased(), $0.organisationID) < ($1.name.lowercased(), $1.organisationID) }
        smallAndMicroPence = members.filter(\.isSmallOrMicro).reduce(0) { $0 + $1.total }

        var flowOrder: [String] = []
        var flowsByKey: [String: (from: String, via: String?, to: String?, byYear: [FinancialYear: Int])] = [:]
        for (item, year) in came {
            let key = [item.fromName, item.viaName ?? "", item.toName ?? ""].joined(separator: "\u{1F}")
            if flowsByKey[key] == nil {
                flowOrder.append(key); flowsByKey[key] = (item.fromName, item.viaName, item.toName, [:])
            }
            flowsByKey[key]!.byYear[year, default: 0] += item.amountPence
        }
        flows = flowOrder.map { key in
            let entry = flowsByKey[key]!
            return Flow(
                fromName: entry.from, viaName: entry.via, toName: entry.to, total: entry.byYear.values.reduce(0, +),
                byYear: entry.byYear)
        }

        var contractLengths: [String: Int] = [:]
        for (item, _) in live {
            let reference = item.contractReference.trimmingCharacters(in: .whitespaces).lowercased()
            let key =
                reference.isEmpty ? "allocation \(item.id)" : "member \(item.organisationID) contract \(reference)"
            contractLengths[key] = max(contractLengths[key] ?? 0, item.contractYears)
        }
        contractCount = contractLengths.count
        longContractCount = contractLengths.values.filter { $0 >= 3 }.count

        self.accountableBodyID = accountableBodyID
        let memberTotals = members
        accountableBodyAllocated =
            accountableBodyID.map { id in memberTotals.first { $0.organisationID == id }?.total ?? 0 } ?? 0
    }

    /// One warning for each financial year in which more was allocated than came in, then one for the whole.
    public var warnings: [String] {
        var lines = years.filter(\.isOverAllocated).map(Self.warning)
        if let overall = overallWarning { lines.append(overall) }
        return lines
    }

    static func warning(_ year: Year) -> String {
        "In \(year.year.label), allocations of \(Money.format(year.allocated)) are \(Money.format(year.allocated - year.received)) "
            + "more than the \(Money.format(year.received)) that came in."
    }

    /// The warning for all years together; nil when no more was allocated than came in.
    var overallWarning: String? {
        guard isOverAllocated else { return nil }
        return
            "Over all years, allocations of \(Money.format(totalAllocated)) are \(Money.format(totalAllocated - totalReceived)) "
            + "more than the \(Money.format(totalReceived)) that came in."
    }

    /// What an allocation not yet recorded would leave over-allocated, for its check page (issue 17): the warnings, worked
    /// out as if it were recorded, for its own financial year and for all years; empty when both stay within the money
    /// that came in. A year another allocation had already over-allocated is not this allocation's to warn about.
    /// - Parameters:
    ///   - amountPence: the new allocation, as `Money.parse` bounds it (under £1,000,000,000), so the sums cannot overflow.
    ///   - allocations, received: the alliance's records as they are (withdrawn ones are left out of the sums).
    public static func warnings(
        adding amountPence: Int, startingOn periodStartsOn: String, to allocations: [AllocationFigure],
        received: [ReceivedFigure]
    ) -> [String] {
        guard let year = FinancialYear(containing: periodStartsOn) else { return [] }
        let proposed = AllocationFigure(
            id: 0, organisationID: 0, organisationName: "", amountPence: amountPence, periodStartsOn: periodStartsOn)
        let after = FundingSummary(allocations: allocations + [proposed], received: received, sizes: [:])
        var lines = after.years.filter { $0.year == year && $0.isOverAllocated }.map(warning)
        if let overall = after.overallWarning { lines.append(overall) }
        return lines
    }

    /// A gentle note when the current accountable body has allocations itself; nil otherwise.
    public func accountableBodyNote(name: String) -> String? {
        guard accountableBodyAllocated > 0 else { return nil }
        return "\(name), the accountable body, has allocations of \(Money.format(accountableBodyAllocated)). "
            + "In the alliance model the accountable body holds the contract and passes the money on, and delivers no services "
            + "itself, so check this is what the alliance agreed."
    }
}
