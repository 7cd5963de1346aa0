import Foundation
import XCTest
@testable import AlongsideApp

/// A repeatable measure of what rendering a page costs (issue 16), printed rather than asserted: timings on a
/// shared machine are no test. The roadmap overview of the national roadmap (45 deliverables) is a page of rows;
/// run `swift test --filter RenderingCostTests` and read the line it prints. Debug builds are many times slower
/// than release; compare runs of the same build.
final class RenderingCostTests: XCTestCase {
    func testRenderingTheRoadmapOverview() async throws {
        let services = try await makeServices()
        // setup
        _ = try await RoadmapLoader(pool: services.pool, clock: services.clock).load(
            try NationalRoadmap.bundled(), by: .commandLine)
        let store = RoadmapStore(pool: services.pool, clock: services.clock)
        let page = RoadmapPage(
            graph: try await store.graph(), workstreams: try await store.workstreams(), owners: [], query: FormData(),
            canManage: true)
        let renders = 50
        // act
        let started = Date()
        var bytes = 0
        for _ in 0..<renders {
            bytes += try services.pages.renderHTML(page, path: Href.roadmap(), session: nil).utf8.count
        }
        let milliseconds = Date().timeIntervalSince(started) * 1000 / Double(renders)
        // check
        XCTAssertGreaterThan(bytes, 0)
        print(
            "RenderingCostTests: the roadmap overview (\(page.sections.count) workstreams, \(bytes / renders) bytes) renders in "
                + String(format: "%.2f", milliseconds) + " ms")
    }
}
