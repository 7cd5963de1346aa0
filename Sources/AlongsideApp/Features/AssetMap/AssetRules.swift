import Foundation

/// When an entry needs checking again: its last check is older than the set number of months before today
/// (London days), so people are not sent to something that has closed or moved (issue 7).
public enum StaleRule {
    public static let monthRange = 1...60

    /// The earliest last-checked day that still counts as recent. A month end the earlier month lacks becomes
    /// that month's last day: 31 March less one month is 28 (or 29) February.
    public static func cutoff(today: String, months: Int) -> String {
        LondonTime.addingMonths(-months, to: today) ?? today
    }

    public static func isStale(lastCheckedOn: String, today: String, months: Int) -> Bool {
        lastCheckedOn < cutoff(today: today, months: months)
    }
}

/// Where the co-produced model's needs are and are not met, locality by locality (003 step 3: "identify
/// where there are gaps in provision when mapping on to the co-produced model").
public enum GapAnalysis {
    /// What the analysis needs of an asset.
    public struct Entry: Sendable, Equatable {
        public var status: AssetStatus
        /// Nil: the asset serves the whole area, so it counts in every locality.
        public var localityID: Int64?
        public var needIDs: [Int64]

        public init(status: AssetStatus, localityID: Int64?, needIDs: [Int64]) {
            self.status = status
            self.localityID = localityID
            self.needIDs = needIDs
        }
    }

    public struct Result: Sendable, Equatable {
        /// `counts[needID][localityID]`: active assets meeting the need in the locality (whole-area ones included).
        public var counts: [Int64: [Int64: Int]]
        /// Each (need, locality) with no active asset, in the order the needs and localities were given.
        public var gaps: [(needID: Int64, localityID: Int64)]
        /// Needs no active asset meets anywhere, in the order given.
        public var unmetEverywhere: [Int64]

        public static func == (left: Result, right: Result) -> Bool {
            left.counts == right.counts && left.unmetEverywhere == right.unmetEverywhere
                && left.gaps.map { [$0.needID, $0.localityID] } == right.gaps.map { [$0.needID, $0.localityID] }
        }
    }

    /// Needs and localities should be the current (not retired) ones; paused and closed assets do not count,
    /// because nobody can use them today.
    public static func analyse(needs: [Int64], localities: [Int64], assets: [Entry]) -> Result {
        let active = assets.filter { $0.status == .active }
        var counts: [Int64: [Int64: Int]] = [:]
        var gaps: [(Int64, Int64)] = []
        var unmet: [Int64] = []
        for need in needs {
            let meeting = active.filter { $0.needIDs.contains(need) }
            if meeting.isEmpty { unmet.append(need) }
            var row: [Int64: Int] = [:]
            for locality in localities {
                let count = meeting.filter { $0.localityID == nil || $0.localityID == locality }.count
                row[locality] = count
                if count == 0 { gaps.append((need, locality)) }
            }
            counts[need] = row
        }
        return Result(counts: counts, gaps: gaps.map { (needID: $0.0, localityID: $0.1) }, unmetEverywhere: unmet)
    }
}

/// What someone searches the map or the public directory for. Every word typed must appear somewhere in the
/// asset's name, description, languages, category or the needs it helps with.
public struct AssetSearch: Sendable, Equatable {
    public var words: String = ""
    public var category: AssetCategory?
    /// An asset serving the whole area is found in every locality.
    public var localityID: Int64?
    public var needID: Int64?
    public var status: AssetStatus?
    public var noReferralNeeded = false
    /// Only entries due for a check (with the stale rule's today and months).
    public var staleOnly: (today: String, months: Int)?

    public init(
        words: String = "", category: AssetCategory? = nil, localityID: Int64? = nil, needID: Int64? = nil,
        status: AssetStatus? = nil, noReferralNeeded: Bool = false, staleOnly: (today: String, months: Int)? = nil
    ) {
        self.words = words
        self.category = category
        self.localityID = localityID
        self.needID = needID
        self.status = status
        self.noReferralNeeded = noReferralNeeded
        self.staleOnly = staleOnly
    }

    public var isEmpty: Bool {
        words.isEmpty && category == nil && localityID == nil && needID == nil && status == nil && !noReferralNeeded
            && staleOnly == nil
    }

    /// `needNames` names the needs by id, so a search for "debt" finds assets that help with "Debt and money".
    public func matches(_ asset: Asset, needNames: [Int64: String]) -> Bool {
        let details = asset.details
        if let category, details.category != category { return false }
        if let localityID, details.localityID != nil, details.localityID != localityID { return false }
        if let needID, !details.needIDs.contains(needID) { return false }
        if let status, details.status != status { return false }
        if noReferralNeeded, details.referralNeeded { return false }
        if let staleOnly,
            !StaleRule.isStale(lastCheckedOn: details.lastCheckedOn, today: staleOnly.today, months: staleOnly.months)
        {
            return false
        }
        let haystack =
            ([details.name, details.description, details.languages, details.category.label]
            + details.needIDs.compactMap { needNames[$0] }).joined(separator: " ")
        return searchWords.allSatisfy { Self.word($0, appearsIn: haystack) }
    }

    /// The words typed, each to be found somewhere in an asset.
    var searchWords: [Substring] { words.split(whereSeparator: \.isWhitespace) }

    /// The word rule: anywhere in the text, ignoring case and accents ("cafe" finds "Café", "port" finds "support").
    static func word(_ word: Substring, appearsIn text: String) -> Bool {
        text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    public static func == (left: AssetSearch, right: AssetSearch) -> Bool {
        left.words == right.words && left.category == right.category && left.localityID == right.localityID
            && left.needID == right.needID
            && left.status == right.status && left.noReferralNeeded == right.noReferralNeeded
            && left.staleOnly?.today == right.staleOnly?.today && left.staleOnly?.months == right.staleOnly?.months
    }
}

/// Which assets the public directory shows: listed publicly and not closed. A paused one is shown, marked as
/// paused, so people who know it are not left wondering where it went.
public enum DirectoryRules {
    public static func isShown(_ asset: Asset) -> Bool {
        asset.details.listedPublicly && asset.details.status != .closed
    }
}
