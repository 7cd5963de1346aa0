import Foundation

/// Which of the map's two lists a page is about; the pages and the controller share everything else.
enum AssetListKind: Sendable {
    case needs, localities

    var title: String { self == .needs ? "Needs" : "Localities and primary care networks" }
    var noun: String { self == .needs ? "need" : "locality" }
    var listRoute: Route { self == .needs ? .assetNeeds : .localities }
    var entryRoute: Route { self == .needs ? .assetNeed : .locality }
    var retireRoute: Route { self == .needs ? .retireAssetNeed : .retireLocality }
    var restoreRoute: Route { self == .needs ? .restoreAssetNeed : .restoreLocality }
    var listHref: Path0 { self == .needs ? Href.assetNeeds : Href.localities }
    var entryHref: Path1<Int64> { self == .needs ? Href.assetNeed : Href.locality }
    var retireHref: Path1<Int64> { self == .needs ? Href.retireAssetNeed : Href.retireLocality }
    var restoreHref: Path1<Int64> { self == .needs ? Href.restoreAssetNeed : Href.restoreLocality }
    var intro: String {
        self == .needs
            ? "The needs of the co-produced model, kept by the co-production working group. Assets say which needs they help with, and the gap analysis shows where no asset meets a need."
            : "The localities and primary care networks (PCNs) the map is analysed by. An asset serves one of them, or the whole area."
    }
}

/// One entry of either list, as the pages show it.
struct AssetListEntry: Sendable {
    let id: Int64
    let name: String
    let detail: String
    let retired: Bool
    let assets: Int
    /// Localities only.
    let kind: LocalityKind?

    init(_ need: Need, assets: Int) {
        id = need.id; name = need.name; detail = need.description; retired = need.isRetired; self.assets = assets;
        kind = nil
    }

    init(_ locality: Locality, assets: Int) {
        id = locality.id; name = locality.name; detail = locality.kind.label; retired = locality.isRetired;
        self.assets = assets
        kind = locality.kind
    }
}

/// A list of needs or localities, with the form to add one.
struct AssetListPage: PageModel {
    static let template = "asset-map/assets/list"
    static let hasForm = true
    let title: String
    let intro: String
    let noun: String
    let detailHeading: String
    let mapHref: String
    let current: [Row]
    let hasCurrent: Bool
    let retired: [Row]
    let hasRetired: Bool
    let canManage: Bool
    let action: String
    let name: Field
    let description: Field?
    let kind: ChoiceField?
    let errors: FormErrors

    struct Row: Encodable, Sendable {
        let name: String
        let href: String?
        let detail: String
        let assets: Int
    }

    init(
        _ list: AssetListKind, entries: [AssetListEntry], canManage: Bool, form: FormData = FormData(),
        errors: FormErrors = FormErrors()
    ) {
        title = list.title
        intro = list.intro
        noun = list.noun
        detailHeading = list == .needs ? "Description" : "Kind"
        mapHref = Href.assets()
        func row(_ entry: AssetListEntry) -> Row {
            Row(
                name: entry.name, href: canManage ? list.entryHref(entry.id) : nil, detail: entry.detail,
                assets: entry.assets)
        }
        current = entries.filter { !$0.retired }.map(row)
        hasCurrent = !current.isEmpty
        retired = entries.filter(\.retired).map(row)
        hasRetired = !retired.isEmpty
        self.canManage = canManage
        action = list.listHref()
        (name, description, kind) = AssetListPage.fields(list, form: form, errors: errors)
        self.errors = errors
    }

    static func fields(_ list: AssetListKind, form: FormData, errors: FormErrors) -> (Field, Field?, ChoiceField?) {
        typealias F = AssetForms.ListEntryField
        let name = Field(F.name, label: "Name", form: form, errors: errors)
        switch list {
        case .needs:
            return (
                name,
                Field(
                    F.description, label: "Description (optional)", form: form, type: "textarea",
                    hint: "What meeting this need looks like, in a sentence.", errors: errors), nil
            )
        case .localities:
            return (
                name, nil,
                ChoiceField(
                    radios: F.kind, legend: "Kind", options: LocalityKind.options, form: form, errors: errors)
            )
        }
    }
}

/// Editing one need or locality, and retiring it or bringing it back.
struct AssetListEntryPage: PageModel {
    static let template = "asset-map/assets/list-entry"
    static let hasForm = true
    let title: String
    let noun: String
    let backHref: String
    let backLabel: String
    let action: String
    let usage: String
    let isRetired: Bool
    let retireAction: String
    let restoreAction: String
    let name: Field
    let description: Field?
    let kind: ChoiceField?
    let errors: FormErrors

    init(_ list: AssetListKind, entry: AssetListEntry, form: FormData, errors: FormErrors = FormErrors()) {
        title = (list == .needs ? "Need: " : "Locality: ") + entry.name
        noun = list.noun
        backHref = list.listHref()
        backLabel = list.title
        action = list.entryHref(entry.id)
        usage = entry.assets == 1 ? "1 asset on the map uses it." : "\(entry.assets) assets on the map use it."
        isRetired = entry.retired
        retireAction = list.retireHref(entry.id)
        restoreAction = list.restoreHref(entry.id)
        (name, description, kind) = AssetListPage.fields(list, form: form, errors: errors)
        self.errors = errors
    }
}
