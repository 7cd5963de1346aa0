import Foundation

/// The asset map: every asset, with filters, and links to everything else the map has.
struct AssetsPage: PageModel {
    static let template = "asset-map/assets/index"
    let title = "Community asset map"
    let action: String
    let words: Field
    let category: SelectField
    let locality: SelectField
    let need: SelectField
    let status: SelectField
    /// Named apart from the rows' `staleLabel`: a nil in a row would otherwise find the page's value in Mustache.
    let staleFilter: ChoiceField
    let count: String
    let rows: [Row]
    let hasRows: Bool
    let newHref: String?
    let importHref: String?
    let settingsHref: String?
    let links: [Link]
    let months: Int

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let category: String
        let locality: String
        let lastChecked: String
        /// Not `stale`: a row without one would find the page's "stale" filter instead, and print it.
        let staleLabel: String?
        let status: String
        let statusTag: String
        let publicly: String
    }

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    init(assets: [Asset], query: FormData, names: AssetNames, today: String, months: Int, canManage: Bool) {
        typealias F = FilterField
        let search = AssetsPage.search(query, today: today, months: months)
        action = Href.assets()
        words = Field(
            F.words, label: "Words", form: query,
            hint: "In the name, description, languages, category or needs.")
        category = SelectField(
            F.category, label: "Category", options: [("", "Any category")] + AssetCategory.options, form: query,
            errors: FormErrors())
        let localities = names.localities.values.filter { !$0.isRetired }.sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        locality = SelectField(
            F.locality, label: "Serving the locality", hint: "Assets for the whole area serve every locality.",
            options: [("", "Anywhere")] + localities.map { (String($0.id), $0.labelWithKind) },
            form: query, errors: FormErrors())
        let needs = names.needs.values.filter { !$0.isRetired }.sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        need = SelectField(
            F.need, label: "Helps with", options: [("", "Any need")] + needs.map { (String($0.id), $0.name) },
            form: query, errors: FormErrors())
        status = SelectField(
            F.status, label: "Status", options: [("", "Any status")] + AssetStatus.options, form: query,
            errors: FormErrors())
        staleFilter = ChoiceField(
            checkboxes: F.stale, legend: "Checking",
            options: [("yes", "Only entries not checked in the last \(months) months")], form: query,
            errors: FormErrors())
        let shown = assets.filter { search.matches($0, needNames: names.needNames) }
        let noun = { (n: Int) in n == 1 ? "1 asset" : "\(n) assets" }
        count = search.isEmpty ? noun(shown.count) : "\(noun(shown.count)) of \(assets.count) match the filters"
        rows = shown.map { asset in
            let d = asset.details
            return Row(
                name: d.name, href: Href.asset(asset.id), category: d.category.label,
                locality: names.locality(d.localityID),
                lastChecked: LondonTime.day(d.lastCheckedOn),
                staleLabel: StaleLabel.text(d, today: today, months: months),
                status: d.status.label, statusTag: d.status.tagClass,
                publicly: DirectoryRules.isShown(asset) ? "Yes" : "No")
        }
        hasRows = !rows.isEmpty
        newHref = canManage ? Href.newAsset() : nil
        importHref = canManage ? Href.assetImport() : nil
        settingsHref = canManage ? Href.assetSettings() : nil
        self.months = months
        links = [
            Link(label: "Entries due for a check", href: Href.assetReview()),
            Link(label: "Gaps: needs no asset meets, by locality", href: Href.assetGaps()),
            Link(label: "The list of needs", href: Href.assetNeeds()),
            Link(label: "The list of localities and primary care networks", href: Href.localities()),
            Link(label: "Download the map as a spreadsheet (CSV)", href: Href.assetsCSV()),
            Link(
                label: "Open data: the public directory in the Open Referral UK standard (JSON)",
                href: Href.openReferralServices()),
            Link(label: "The public community directory", href: Href.directory()),
        ]
    }

    /// The filters' fields in the query string.
    enum FilterField: String, FormFieldName {
        case words, category, locality, need, status, stale
    }

    /// The filters from the query string; anything unknown is ignored.
    static func search(_ query: FormData, today: String, months: Int) -> AssetSearch {
        typealias F = FilterField
        return AssetSearch(
            words: query.searchWords(F.words).text, category: AssetCategory(rawValue: query[F.category]),
            localityID: query.id(F.locality),
            needID: query.id(F.need), status: AssetStatus(rawValue: query[F.status]),
            staleOnly: query[F.stale] == "yes" ? (today, months) : nil)
    }
}

/// One asset: every field, and for managers, editing and marking it checked.
struct AssetPage: PageModel {
    static let template = "asset-map/assets/show"
    static let hasForm = true
    let title: String
    let mapHref: String
    let editHref: String?
    let checkedAction: String?
    let stale: String?
    let directoryHref: String?
    let summary: AssetDetailsView

    init(asset: Asset, names: AssetNames, today: String, months: Int, canManage: Bool) {
        title = asset.name
        mapHref = Href.assets()
        editHref = canManage ? Href.editAsset(asset.id) : nil
        checkedAction = canManage ? Href.assetChecked(asset.id) : nil
        stale =
            StaleRule.isStale(lastCheckedOn: asset.details.lastCheckedOn, today: today, months: months)
            ? "Due for a check: last checked more than \(months) months ago." : nil
        directoryHref = DirectoryRules.isShown(asset) ? Href.directoryEntry(asset.id) : nil
        summary = AssetDetailsView(asset.details, names: names)
    }
}
