import Foundation
import XCTest
@testable import AlongsideApp

/// A small roadmap for HTTP tests, independent of the national data: "Shared records" relies upon "Data
/// standards", which relies upon "Joint governance", which relies upon "Data standards" again (a cycle);
/// "Peer workforce" stands alone; "Care planning tools" is named by a relies-upon line but not in the grid.
enum RoadmapFixtures {
    static func item(_ text: String) -> NationalRoadmap.Item { .init(text: text, source: "Fixture slide") }

    static let roadmap = NationalRoadmap(
        source: "Fixture",
        workstreams: [
            .init(key: "model-development", name: "Model development"), .init(key: "workforce", name: "Workforce"),
            .init(key: "data-and-outcomes", name: "Data and outcomes"),
        ],
        deliverables: [
            .init(
                key: "joint-governance", title: "Joint governance", workstream: "model-development", inGrid: true,
                summary: "Partners decide together.",
                gettingStarted: [item("Set up a leaders group")],
                successMarkers: [item("Experts by experience sit on the leaders group")],
                resources: [item("A guide to joint governance")],
                serviceUserVoice: [item("We are asked before decisions are made")],
                reliesUpon: ["Data standards"], ownCellLines: nil),
            .init(
                key: "data-standards", title: "Data standards", workstream: "data-and-outcomes", inGrid: true,
                summary: "",
                gettingStarted: [], successMarkers: [item("Standards agreed by every partner")], resources: [],
                serviceUserVoice: [],
                reliesUpon: ["Joint governance", "Care planning tools"], ownCellLines: nil),
            .init(
                key: "shared-records", title: "Shared records", workstream: "data-and-outcomes", inGrid: true,
                summary: "",
                gettingStarted: [], successMarkers: [], resources: [], serviceUserVoice: [],
                reliesUpon: ["Data standard"], ownCellLines: nil),
            .init(
                key: "peer-workforce", title: "Peer workforce", workstream: "workforce", inGrid: true, summary: "",
                gettingStarted: [], successMarkers: [], resources: [], serviceUserVoice: [], reliesUpon: [],
                ownCellLines: nil),
            .init(
                key: "care-planning-tools", title: "Care planning tools", workstream: "data-and-outcomes",
                inGrid: false, summary: "",
                gettingStarted: [], successMarkers: [], resources: [], serviceUserVoice: [], reliesUpon: [],
                ownCellLines: nil),
        ],
        aliases: [.init(text: "Data standard", deliverables: ["data-standards"], note: "singular in the source")]
    )

    /// Loads the fixture and returns each deliverable's page address by key.
    @discardableResult
    static func load(_ app: TestContext) async throws -> [String: String] {
        _ = try await RoadmapLoader(pool: app.services.pool, clock: app.services.clock).load(roadmap, by: .commandLine)
        let all = try await RoadmapStore(pool: app.services.pool, clock: app.services.clock).deliverables(
            includeRetired: true)
        return Dictionary(
            uniqueKeysWithValues: all.compactMap { deliverable in
                deliverable.nationalKey.map { ($0, Href.deliverable(deliverable.id)) }
            })
    }
}
