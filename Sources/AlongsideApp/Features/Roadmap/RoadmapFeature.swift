/// The national roadmap of deliverables tailored locally, its relies-upon analysis, and data in and out (001).
enum RoadmapFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [RoadmapController(services: services), RoadmapDataController(services: services)]
    }

    static let templates: [String] = [
        RoadmapPage.template, DeliverablePage.template, DeliverableFormPage.template, RoadmapAnalysisPage.template,
        RoadmapChangesPage.template, RoadmapImportPage.template, RoadmapPublishingPage.template,
        PublishedRoadmapPage.template, RoadmapGraphPage.template, RoadmapProgressPage.template,
    ]
}
