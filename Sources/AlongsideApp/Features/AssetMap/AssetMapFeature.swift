/// The community asset map (issue 7; 003 step 3 and Appendix 2; 000 section 4.5) and its public directory.
enum AssetMapFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            AssetsController(services: services), AssetReviewController(services: services),
            AssetListsController(services: services), AssetImportController(services: services),
            DirectoryController(services: services),
        ]
    }

    static let templates: [String] = [
        AssetsPage.template, AssetPage.template, AssetFormPage.template, "asset-map/assets/details",
        AssetReviewPage.template,
        AssetSettingsPage.template,
        AssetGapsPage.template, AssetListPage.template, AssetListEntryPage.template, AssetImportPage.template,
        DirectoryPage.template, DirectoryEntryPage.template,
    ]

    static let rules: [Rule] = [.manageAssets]
}

extension Rule {
    /// Issue 7.
    static let manageAssets = Rule(
        "manageAssets", permits: "Keep the community asset map: assets, needs, localities, imports and reviews",
        holders: Holders(roles: [.administrator, .programmeManager, .allianceLead, .expertByExperience]))
}
