import XCTest
@testable import AlongsideApp

final class RoadmapLayoutTests: XCTestCase {
    func testAChainGetsOneLayerPerStepReliedUponFirst() {
        // setup: 0 relies on 1, 1 relies on 2
        let graph = DependencyGraph(count: 3, links: [(0, 1), (1, 2)])
        // act
        let layout = GraphLayout(graph)
        // check
        XCTAssertEqual(layout.layerOf, [2, 1, 0])
        XCTAssertEqual(layout.layers, [[2], [1], [0]])
        XCTAssertEqual(layout.cycles, [])
        XCTAssertEqual(layout.cycleOf, [nil, nil, nil])
    }

    func testACycleSharesALayerAndItsMembersSitTogether() {
        // setup: 1 and 3 rely on each other and on 4; 0 relies on 1; 2 stands alone; 5 relies on 0
        let graph = DependencyGraph(count: 6, links: [(1, 3), (3, 1), (1, 4), (3, 4), (0, 1), (5, 0)])
        // act
        let layout = GraphLayout(graph)
        // check
        XCTAssertEqual(layout.layerOf, [2, 1, 0, 1, 0, 3])
        XCTAssertEqual(layout.cycles, [[1, 3]])
        XCTAssertEqual(layout.cycleOf, [nil, 0, nil, 0, nil, nil])
        let row = layout.layers[1]
        XCTAssertEqual(Set(row), [1, 3])
        XCTAssertEqual(abs(row.firstIndex(of: 1)! - row.firstIndex(of: 3)!), 1)
        XCTAssertEqual(Set(layout.layers[0]), [2, 4])
    }

    func testCyclesAreNumberedInDrawingOrderAndSeparateCyclesStayApart() {
        // setup: two cycles in layer 0 and a cycle of three in layer 1 that relies on the second
        let graph = DependencyGraph(count: 7, links: [(5, 6), (6, 5), (0, 1), (1, 0), (2, 3), (3, 4), (4, 2), (2, 6)])
        // act
        let layout = GraphLayout(graph)
        // check
        XCTAssertEqual(layout.cycles.count, 3)
        XCTAssertEqual(layout.cycles.last, [2, 3, 4])
        for cycle in layout.cycles {
            let row = layout.layers[layout.layerOf[cycle[0]]]
            let places = cycle.map { row.firstIndex(of: $0)! }.sorted()
            XCTAssertEqual(places.last! - places.first!, cycle.count - 1, "members of \(cycle) are next to each other")
        }
    }

    func testDisconnectedNodesShareTheFirstLayerInIndexOrder() {
        let layout = GraphLayout(DependencyGraph(count: 3, links: []))
        XCTAssertEqual(layout.layers, [[0, 1, 2]])
        XCTAssertEqual(layout.layerOf, [0, 0, 0])
    }

    func testAnEmptyGraphHasNoLayers() {
        let layout = GraphLayout(DependencyGraph(count: 0, links: []))
        XCTAssertEqual(layout.layers, [])
        XCTAssertEqual(layout.layerOf, [])
        XCTAssertEqual(layout.cycles, [])
    }

    func testSelfLinksAreDroppedSoTheyMakeNoCycle() {
        let layout = GraphLayout(DependencyGraph(count: 2, links: [(0, 0), (1, 0)]))
        XCTAssertEqual(layout.layers, [[0], [1]])
        XCTAssertEqual(layout.cycles, [])
    }

    func testTheBarycentrePassUncrossesASimpleCrossing() {
        // setup: in index order 2 (relying on 1) would sit above 3 (relying on 0), crossing its links
        let graph = DependencyGraph(count: 4, links: [(2, 1), (3, 0)])
        // act
        let layout = GraphLayout(graph)
        // check
        XCTAssertEqual(layout.layers, [[0, 1], [3, 2]])
    }

    func testALargeGraphIsLaidOutQuicklyDeterministicallyAndWithEveryLinkPointingBack() {
        // setup
        let graph = GraphGenerator.make(nodes: 3_000, links: 6_000, seed: 7)
        // act
        let started = Date()
        let layout = GraphLayout(graph)
        let elapsed = Date().timeIntervalSince(started)
        // check
        XCTAssertEqual(layout, GraphLayout(graph))
        XCTAssertEqual(layout.layers.flatMap { $0 }.sorted(), Array(0..<3_000))
        for (from, targets) in graph.reliesOn.enumerated() {
            for to in targets {
                let sameCycle = layout.cycleOf[from] != nil && layout.cycleOf[from] == layout.cycleOf[to]
                XCTAssertTrue(sameCycle || layout.layerOf[to] < layout.layerOf[from], "\(from) relies on \(to)")
            }
        }
        XCTAssertLessThan(elapsed, 5, "layout of 3,000 nodes took \(elapsed) s")
    }
}
