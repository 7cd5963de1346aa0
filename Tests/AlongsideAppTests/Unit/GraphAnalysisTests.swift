import XCTest
@testable import AlongsideApp

final class GraphAnalysisTests: XCTestCase {
    /// 0 relies on 1; 1 and 2 rely on each other (a cycle); 2 relies on 3; 4 stands alone; 5 relies on itself (dropped).
    let graph = DependencyGraph(count: 6, links: [(0, 1), (1, 2), (2, 1), (2, 3), (0, 1), (5, 5)])

    func testSelfLinksAndRepeatsAreDropped() {
        XCTAssertEqual(graph.reliesOn, [[1], [2], [1, 3], [], [], []])
        XCTAssertEqual(graph.reliedOnBy, [[], [0, 2], [1], [2], [], []])
    }

    func testAnEmptyGraphHasNothingToFind() {
        let empty = DependencyGraph(count: 0, links: [])
        XCTAssertEqual(GraphAnalysis.components(empty), [])
        XCTAssertEqual(GraphAnalysis.reach(empty), [])
        XCTAssertTrue(GraphAnalysis.keyEnablers(empty, inPlace: { _ in false }).isEmpty)
    }

    func testDisconnectedPartsAreAnalysedApart() {
        // Two separate cycles, 0-1 and 2-3, and a chain 4 -> 5; nothing links the three parts.
        let parts = DependencyGraph(count: 6, links: [(0, 1), (1, 0), (2, 3), (3, 2), (4, 5)])
        let components = GraphAnalysis.components(parts)
        XCTAssertEqual(Set(components), Set([[0, 1], [2, 3], [4], [5]]))
        XCTAssertEqual(
            GraphAnalysis.reliesOnTransitively(0, in: parts), [0, 1],
            "in a cycle a node relies on itself through the other")
        XCTAssertEqual(GraphAnalysis.reliesOnTransitively(4, in: parts), [5])
        let reach = GraphAnalysis.reach(parts)
        XCTAssertEqual(reach.map(\.transitive), [1, 1, 1, 1, 0, 1])
        XCTAssertEqual(
            GraphAnalysis.blockers(of: 2, in: parts, inPlace: { $0 == 3 }), [], "its only partner is in place")
    }

    func testComponentsFindTheCycleAndComeReliedUponFirst() {
        let parts = GraphAnalysis.components(graph)
        XCTAssertEqual(Set(parts.map { $0 }), Set([[0], [1, 2], [3], [4], [5]]))
        let position = { (node: Int) in parts.firstIndex { $0.contains(node) }! }
        XCTAssertLessThan(position(3), position(1), "3 is relied upon by the cycle, so it comes first")
        XCTAssertLessThan(position(1), position(0))
    }

    func testTransitiveDependenciesAndBlockers() {
        XCTAssertEqual(GraphAnalysis.reliesOnTransitively(0, in: graph), [1, 2, 3])
        XCTAssertEqual(
            GraphAnalysis.reliesOnTransitively(1, in: graph), [1, 2, 3], "in a cycle a node relies on itself")
        XCTAssertEqual(GraphAnalysis.blockers(of: 0, in: graph, inPlace: { $0 == 3 }), [1, 2])
        XCTAssertEqual(GraphAnalysis.blockers(of: 4, in: graph, inPlace: { _ in false }), [])
    }

    func testReachCountsWhoReliesOnEachNode() {
        let reach = GraphAnalysis.reach(graph)
        XCTAssertEqual(reach[3], .init(direct: 1, transitive: 3), "2, 1 and 0 rely on 3")
        XCTAssertEqual(reach[1], .init(direct: 2, transitive: 2), "0, and 2 through the cycle")
        XCTAssertEqual(reach[2], .init(direct: 1, transitive: 2))
        XCTAssertEqual(reach[0], .init(direct: 0, transitive: 0))
        XCTAssertEqual(reach[4], .init(direct: 0, transitive: 0))
    }

    func testKeyEnablersRankWhatIsNotInPlaceByReach() {
        let ranked = GraphAnalysis.keyEnablers(graph, inPlace: { $0 == 1 })
        XCTAssertEqual(ranked.map(\.node), [3, 2])
    }

    /// Matches a plain breadth-first count on a generated graph with many cycles.
    func testReachAgreesWithBreadthFirstSearchOnAGeneratedGraph() {
        let big = GraphGenerator.make(nodes: 300, links: 900, seed: 7)
        let reach = GraphAnalysis.reach(big)
        let reversed = big.reliedOnBy
        for node in stride(from: 0, to: 300, by: 17) {
            var seen = Set<Int>(), queue = reversed[node]
            while let next = queue.popLast() { if seen.insert(next).inserted { queue += reversed[next] } }
            seen.remove(node)
            XCTAssertEqual(reach[node].transitive, seen.count, "node \(node)")
        }
        XCTAssertEqual(
            GraphAnalysis.components(big).reduce(0) { $0 + $1.count }, 300, "every node is in exactly one component")
    }

    func testADeepChainDoesNotOverflowTheStack() {
        let chain = DependencyGraph(count: 50_000, links: (0..<49_999).map { ($0, $0 + 1) })
        XCTAssertEqual(GraphAnalysis.components(chain).count, 50_000)
        let shorter = DependencyGraph(count: 3_000, links: (0..<2_999).map { ($0, $0 + 1) })
        XCTAssertEqual(GraphAnalysis.reach(shorter)[2_999].transitive, 2_999)
    }
}
