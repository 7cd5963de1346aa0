import XCTest
@testable import AlongsideApp

/// One deliverable's neighbourhood (issue 19): one and two steps each way, nearest first, never the centre itself.
final class NeighbourhoodTests: XCTestCase {
    func testRingsByDistanceEachWay() {
        // 0 relies on 1, 1 on 2, 2 on 3; 4 relies on 0; 5 relies on 4; 6 stands apart.
        let graph = DependencyGraph(
            count: 7, links: [(0, 1), (1, 2), (2, 3), (4, 0), (5, 4)].map { (from: $0.0, to: $0.1) })
        let two = Neighbourhood(0, in: graph, reliedOnBy: graph.reliedOnBy, steps: 2)
        XCTAssertEqual(two.reliesOn, [[1], [2]], "3 is three steps away")
        XCTAssertEqual(two.reliedOnBy, [[4], [5]])
        XCTAssertEqual(two.nodes, [0, 1, 2, 4, 5])
        let one = Neighbourhood(0, in: graph, reliedOnBy: graph.reliedOnBy, steps: 1)
        XCTAssertEqual(one.nodes, [0, 1, 4])
    }

    func testACycleThroughTheCentreNeverListsTheCentre() {
        // 0 and 1 rely on each other; 2 relies on 1.
        let graph = DependencyGraph(count: 3, links: [(0, 1), (1, 0), (2, 1)].map { (from: $0.0, to: $0.1) })
        let around = Neighbourhood(0, in: graph, reliedOnBy: graph.reliedOnBy, steps: 2)
        XCTAssertEqual(around.reliesOn, [[1], []])
        XCTAssertEqual(around.reliedOnBy, [[1], [2]], "1 is on both sides: it relies on 0 and 0 relies on it")
        XCTAssertEqual(around.nodes, [0, 1, 2], "each node once")
    }
}
