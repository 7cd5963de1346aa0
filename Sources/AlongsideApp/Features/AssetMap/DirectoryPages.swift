import Foundation

/// The public community directory: what is in the community, searchable without signing in, laid out as cards
/// that read well on a phone.
struct DirectoryPage: PageModel {
    static let template = "asset-map/directory/index"
    let title = "Community directory"
    let action: String
    let words: Field
    let locality: SelectField
    let need: SelectField
    let noReferral: ChoiceField
    let searched: Bool
    /// The words are about a crisis: how to get urgent help comes before any result (issue 18).
    let crisisSearch: Bool
    let count: String
    let cards: [Card]
    let hasCards: Bool
    /// "Showing 21 to 40, page 2 of 5", when the results run to more than one page.
    let showing: String?
    let previousHref: String?
    let nextHref: String?
    /// The same directory as open data, in the Open Referral UK standard (issue 18).
    let openDataHref = Href.openReferralServices()

    /// A page of results reads well on a phone, and keeps a search of a large map quick (see scripts/bench).
    static let pageSize = 20
    /// Page numbers come from our own previous and next links; no directory will have a hundred thousand pages.
    static let maxPage = 100_000

    struct Card: Encodable, Sendable {
        let name: String
        let href: String
        let category: String
        let locality: String
        let referral: String
        let cost: String?
        let openingTimes: String?
        let paused: Bool
    }

    /// `assets` may hold more than the search finds (`AssetStore.directoryCandidates`): only those it matches are shown.
    init(assets: [Asset], query: FormData, names: AssetNames) throws {
        typealias F = FilterField
        action = Href.directory()
        words = Field(
            F.words, label: "What are you looking for?", form: query,
            hint: "For example, walking group, debt advice, Polish or peer support.")
        let localities = names.localities.values.filter { !$0.isRetired }.sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        locality = SelectField(
            F.locality, label: "Where",
            options: [("", "Anywhere")] + localities.map { (String($0.id), $0.labelWithKind) },
            form: query, errors: FormErrors())
        let needs = names.needs.values.filter { !$0.isRetired }.sorted {
            $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        need = SelectField(
            F.need, label: "Help with", options: [("", "Anything")] + needs.map { (String($0.id), $0.name) },
            form: query, errors: FormErrors())
        noReferral = ChoiceField(
            checkboxes: F.noReferral, legend: "Referral",
            options: [("yes", "Only places I can go without a referral")], form: query, errors: FormErrors())
        let search = Self.search(query)
        searched = !search.isEmpty
        crisisSearch = UrgentHelp.isCrisisSearch(query[F.words])
        let needNames = names.needNames
        let shown = assets.filter { DirectoryRules.isShown($0) && search.matches($0, needNames: needNames) }
        let noun = shown.count == 1 ? "1 place or service" : "\(shown.count) places and services"
        count = searched ? "\(noun) found" : noun
        let paging = DirectoryPaging(
            count: shown.count, pageSize: Self.pageSize, requested: try query.number(F.page, in: 1...Self.maxPage) ?? 1)
        showing =
            paging.pages > 1
            ? "Showing \(paging.range.lowerBound + 1) to \(paging.range.upperBound), page \(paging.page) of \(paging.pages)"
            : nil
        func href(page: Int) -> String {
            let pairs =
                [F.words, F.locality, F.need, F.noReferral].flatMap { field in
                    query.all(field).map { (field.rawValue, $0) }
                } + [(F.page.rawValue, String(page))]
            return Href.directory(query: Query(pairs))
        }
        previousHref = paging.page > 1 ? href(page: paging.page - 1) : nil
        nextHref = paging.page < paging.pages ? href(page: paging.page + 1) : nil
        cards = shown[paging.range].map { asset in
            let d = asset.details
            return Card(
                name: d.name, href: Href.directoryEntry(asset.id), category: d.category.label,
                locality: names.locality(d.localityID),
                referral: d.referralNeeded ? "A referral is needed" : "No referral needed",
                cost: d.cost.isEmpty ? nil : d.cost, openingTimes: d.openingTimes.isEmpty ? nil : d.openingTimes,
                paused: d.status == .paused)
        }
        hasCards = !cards.isEmpty
    }

    /// The search's fields in the query string, and the page of results asked for.
    enum FilterField: String, FormFieldName {
        case words, locality, need, noReferral = "no_referral", page
    }

    static func search(_ query: FormData) -> AssetSearch {
        typealias F = FilterField
        return AssetSearch(
            words: query.searchWords(F.words).text, localityID: query.id(F.locality), needID: query.id(F.need),
            noReferralNeeded: query[F.noReferral] == "yes")
    }
}

/// Which slice of the results a page shows: a page asked for beyond the last shows the last.
struct DirectoryPaging: Equatable {
    let page: Int
    let pages: Int
    let range: Range<Int>

    init(count: Int, pageSize: Int, requested: Int) {
        pages = max(1, (count + pageSize - 1) / pageSize)
        page = min(max(1, requested), pages)
        range = min(count, (page - 1) * pageSize)..<min(count, page * pageSize)
    }
}

/// One entry of the public directory: only what the public may see (never who keeps it or whether it is listed).
struct DirectoryEntryPage: PageModel {
    static let template = "asset-map/directory/show"
    let title: String
    let directoryHref: String
    let description: String
    let paused: Bool
    let details: [DetailRow]

    init(asset: Asset, names: AssetNames) {
        let d = asset.details
        title = d.name
        directoryHref = Href.directory()
        description = d.description
        paused = d.status == .paused
        details = [
            DetailRow("What it is", d.category.label), DetailRow("Where", names.locality(d.localityID)),
            DetailRow("Address", [d.address, d.postcode].filter { !$0.isEmpty }.joined(separator: ", ")),
            DetailRow("Opening times", d.openingTimes),
            DetailRow(
                "Referral",
                d.referralNeeded
                    ? "A referral is needed: ask your GP, care team or link worker"
                    : "No referral needed: get in touch directly"),
            DetailRow(
                "Phone", d.phone, href: d.phone.isEmpty ? nil : "tel:" + d.phone.filter { $0.isNumber || $0 == "+" }),
            DetailRow("Email", d.email, href: ContactRules.isEmail(d.email) ? "mailto:" + d.email : nil),
            DetailRow("Website", d.website, href: OrganisationDetailsView.isWebAddress(d.website) ? d.website : nil),
            DetailRow("Other ways to get in touch", d.contactNotes),
            DetailRow("Access information", d.accessInformation),
            DetailRow("Languages", d.languages), DetailRow("Cost", d.cost),
            DetailRow("Can help with", names.needs(d.needIDs)),
            DetailRow("Details last checked", LondonTime.day(d.lastCheckedOn)),
        ]
    }
}
