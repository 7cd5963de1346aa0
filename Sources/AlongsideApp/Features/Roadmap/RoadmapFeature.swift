/// The national roadmap of deliverables tailored locally, its relies-upon analysis, and data in and out (001).
enum RoadmapFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [RoadmapController(services: services), RoadmapDataController(services: services)]
    }

    static let templates: [String] = [
        RoadmapPage.template, RoadmapSections.template, DeliverablePage.template, DeliverableFormPage.template,
        RoadmapAnalysisPage.template,
        RoadmapChangesPage.template, RoadmapImportPage.template, RoadmapPublishingPage.template,
        RoadmapFocusAreasPage.template,
        PublishedRoadmapPage.template, RoadmapGraphPage.template, RoadmapProgressPage.template,
    ]

    static let rules: [Rule] = [.manageRoadmap, .updateDeliverable]
}

/// Who may change the roadmap. Programme managers and administrators tailor it; a deliverable's owner (the person, or
/// a member of the owning group) also updates its status and success markers. Everyone signed in reads it.
extension Rule {
    static let manageRoadmap = Rule(
        "manageRoadmap", permits: "Tailor the roadmap: add, edit, retire and link deliverables, import, publish",
        holders: Holders(roles: [.administrator, .programmeManager]))
    static let updateDeliverable = Rule(
        "updateDeliverable", permits: "Update a deliverable's status and success markers",
        holders: Holders(roles: [.administrator, .programmeManager], owner: true), record: "the deliverable")
}
