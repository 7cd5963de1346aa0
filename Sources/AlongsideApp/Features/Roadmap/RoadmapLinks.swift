/// The roadmap's own pages and downloads, for its templates to link to: built from `Href`, so no template writes a
/// path of its own.
struct RoadmapLinks: Encodable, Sendable {
    let roadmap = Href.roadmap()
    let analysis = Href.roadmapAnalysis()
    let graph = Href.roadmapGraph()
    let progress = Href.roadmapProgress()
    let changes = Href.roadmapChanges()
    let deliverablesCSV = Href.roadmapDeliverablesCSV()
    let linksCSV = Href.roadmapLinksCSV()
    let json = Href.roadmapJSON()
    let analysisJSON = Href.roadmapAnalysisJSON()
    let newDeliverable = Href.newDeliverable()
    let importRoadmap = Href.roadmapImport()
    let publishing = Href.roadmapPublishing()
    let focusAreas = Href.roadmapFocusAreas()
    let published = Href.publishedRoadmap()
    /// What the leaders group reports to the board (issue 19), kept with the roadmap where programme managers work.
    let boardReports = Href.boardReports()
}
