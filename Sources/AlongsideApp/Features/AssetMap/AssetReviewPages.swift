import Foundation

/// Entries not checked for the set number of months, oldest check first, so someone can ring round.
struct AssetReviewPage: PageModel {
    static let template = "asset-map/assets/review"
    static let hasForm = true
    let title = "Entries due for a check"
    let mapHref: String
    let intro: String
    let rows: [Row]
    let hasRows: Bool
    let canManage: Bool
    let settingsHref: String?

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let editHref: String
        let category: String
        let locality: String
        let lastChecked: String
        let status: String
        let checkedAction: String
    }

    init(assets: [Asset], names: AssetNames, today: String, months: Int, canManage: Bool) {
        mapHref = Href.assets()
        let cutoff = StaleRule.cutoff(today: today, months: months)
        intro =
            "Entries last checked before \(LondonTime.day(cutoff)), that is more than \(months) months ago. "
            + "Check each one is still right: edit what has changed, or mark it as still correct."
        rows = assets.filter {
            StaleRule.isStale(lastCheckedOn: $0.details.lastCheckedOn, today: today, months: months)
        }
        .sorted { ($0.details.lastCheckedOn, $0.name) < ($1.details.lastCheckedOn, $1.name) }
        .map { asset in
            Row(
                name: asset.name, href: Href.asset(asset.id), editHref: Href.editAsset(asset.id),
                category: asset.details.category.label,
                locality: names.locality(asset.details.localityID),
                lastChecked: LondonTime.day(asset.details.lastCheckedOn),
                status: asset.details.status.label, checkedAction: Href.assetChecked(asset.id))
        }
        hasRows = !rows.isEmpty
        self.canManage = canManage
        settingsHref = canManage ? Href.assetSettings() : nil
    }
}

/// The setting for how long an entry may go without a check.
struct AssetSettingsPage: PageModel {
    static let template = "asset-map/assets/settings"
    static let hasForm = true
    let title = "Asset map settings"
    let action: String
    let reviewHref: String
    let months: Field
    let errors: FormErrors

    init(form: FormData, errors: FormErrors = FormErrors()) {
        action = Href.assetSettings()
        reviewHref = Href.assetReview()
        months = Field(
            AssetForms.SettingsField.staleAfterMonths, label: "Months before an entry is due for a check", form: form,
            hint:
                "A whole number from \(StaleRule.monthRange.lowerBound) to \(StaleRule.monthRange.upperBound). Entries not checked for longer are listed for review.",
            errors: errors)
        self.errors = errors
    }
}

/// The gap analysis: for each need of the co-produced model, how many active assets meet it in each locality.
struct AssetGapsPage: PageModel {
    static let template = "asset-map/assets/gaps"
    let title = "Gaps in the asset map"
    let mapHref: String
    let needsHref: String
    let localitiesHref: String
    let columns: [String]
    let rows: [Row]
    let hasTable: Bool
    let gaps: [String]
    let hasGaps: Bool
    let unmet: [String]
    let hasUnmet: Bool
    let hasNeeds: Bool
    let hasLocalities: Bool

    struct Row: Encodable, Sendable {
        let need: String
        let cells: [Cell]
    }

    struct Cell: Encodable, Sendable {
        let count: Int
        let isGap: Bool
        let label: String
    }

    init(assets: [Asset], localities allLocalities: [Locality], needs allNeeds: [Need]) {
        mapHref = Href.assets()
        needsHref = Href.assetNeeds()
        localitiesHref = Href.localities()
        let localities = allLocalities.filter { !$0.isRetired }
        let needs = allNeeds.filter { !$0.isRetired }
        let result = GapAnalysis.analyse(
            needs: needs.map(\.id), localities: localities.map(\.id),
            assets: assets.map {
                GapAnalysis.Entry(
                    status: $0.details.status, localityID: $0.details.localityID,
                    needIDs: $0.details.needIDs)
            })
        columns = localities.map(\.labelWithKind)
        rows = needs.map { need in
            Row(
                need: need.name,
                cells: localities.map { locality in
                    let count = result.counts[need.id]?[locality.id] ?? 0
                    return Cell(count: count, isGap: count == 0, label: count == 0 ? "Gap" : String(count))
                })
        }
        hasTable = !localities.isEmpty && !needs.isEmpty
        let needNames = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0.name) })
        let localityNames = Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0.labelWithKind) })
        gaps = result.gaps.compactMap { gap in
            guard let need = needNames[gap.needID], let locality = localityNames[gap.localityID] else { return nil }
            return "\(need) in \(locality)"
        }
        hasGaps = !gaps.isEmpty
        unmet = result.unmetEverywhere.compactMap { needNames[$0] }
        hasUnmet = !unmet.isEmpty
        hasNeeds = !needs.isEmpty
        hasLocalities = !localities.isEmpty
    }
}
