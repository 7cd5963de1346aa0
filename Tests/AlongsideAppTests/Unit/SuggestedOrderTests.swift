import XCTest
@testable import AlongsideApp

/// A suggested order through cycles of "relies upon" links (issue 19): the fewest links gone against.
final class SuggestedOrderTests: XCTestCase {
    private func graph(_ count: Int, _ links: [(Int, Int)]) -> DependencyGraph {
        DependencyGraph(count: count, links: links.map { (from: $0.0, to: $0.1) })
    }

    /// The fewest links any order goes against, by trying every order (small graphs only).
    private func minimumBreaks(_ graph: DependencyGraph) -> Int {
        var best = Int.max
        var nodes = Array(0..<graph.count)
        func permute(_ start: Int) {
            if start == nodes.count {
                best = min(best, SuggestedOrder.breaks(of: nodes, in: graph).count)
                return
            }
            for index in start..<nodes.count {
                nodes.swapAt(start, index)
                permute(start + 1)
                nodes.swapAt(start, index)
            }
        }
        permute(0)
        return best
    }

    private func assertEveryNodeOnce(
        _ result: SuggestedOrder.Result, count: Int, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.order.sorted(), Array(0..<count), "not every node exactly once", file: file, line: line)
    }

    func testWithoutCyclesNoLinkIsBrokenAndWhatIsReliedUponComesFirst() {
        // 0 relies on 1 and 2; 1 relies on 2; 3 relies on 0.
        let links = [(0, 1), (0, 2), (1, 2), (3, 0)]
        let result = SuggestedOrder.make(graph(4, links))
        assertEveryNodeOnce(result, count: 4)
        XCTAssertEqual(result.breaks, [])
        XCTAssertEqual(result.order, [2, 1, 0, 3])
    }

    func testAThreeCycleBreaksExactlyOneLinkAndNamesIt() {
        let result = SuggestedOrder.make(graph(3, [(0, 1), (1, 2), (2, 0)]))
        assertEveryNodeOnce(result, count: 3)
        XCTAssertEqual(result.breaks.count, 1)
        let broken = result.breaks[0]
        XCTAssertTrue([(0, 1), (1, 2), (2, 0)].contains { $0 == (broken.node, broken.reliesOn) })
        // The named link really is the one the order goes against: its node comes before what it relies upon.
        XCTAssertLessThan(result.order.firstIndex(of: broken.node)!, result.order.firstIndex(of: broken.reliesOn)!)
    }

    func testTwoMutualLinksCostOneEach() {
        // Two pairs that rely on each other, joined by an ordinary link: no order can do better than two breaks.
        let result = SuggestedOrder.make(graph(4, [(0, 1), (1, 0), (2, 3), (3, 2), (2, 0)]))
        XCTAssertEqual(result.breaks.count, 2)
        XCTAssertEqual(minimumBreaks(graph(4, [(0, 1), (1, 0), (2, 3), (3, 2), (2, 0)])), 2)
    }

    func testAKnownGraphReachesItsMinimum() {
        // Two 3-cycles sharing the link 1 -> 2 (0→1→2→0 and 1→2→3→1): breaking 1 -> 2 alone opens both.
        let known = graph(4, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)])
        XCTAssertEqual(minimumBreaks(known), 1)
        let result = SuggestedOrder.make(known)
        XCTAssertEqual(result.breaks, [SuggestedOrder.Break(node: 1, reliesOn: 2)])
    }

    func testSmallGeneratedGraphsComeWithinOneLinkOfTheMinimum() {
        var exact = 0
        for seed in UInt64(0)..<25 {
            let generated = GraphGenerator.make(nodes: 7, links: 16, seed: seed)
            let result = SuggestedOrder.make(generated)
            assertEveryNodeOnce(result, count: 7)
            let minimum = minimumBreaks(generated)
            XCTAssertGreaterThanOrEqual(
                result.breaks.count, minimum, "seed \(seed): fewer than the minimum is impossible")
            XCTAssertLessThanOrEqual(result.breaks.count, minimum + 1, "seed \(seed)")
            if result.breaks.count == minimum { exact += 1 }
        }
        XCTAssertGreaterThanOrEqual(exact, 22, "the heuristic should usually find the minimum on small graphs")
    }

    func testTheBreaksAreExactlyTheLinksTheOrderGoesAgainst() {
        let generated = GraphGenerator.make(nodes: 300, links: 1_200, seed: 7)
        let result = SuggestedOrder.make(generated)
        assertEveryNodeOnce(result, count: 300)
        var position = [Int: Int]()
        for (index, node) in result.order.enumerated() { position[node] = index }
        var expected = Set<SuggestedOrder.Break>()
        for node in 0..<300 {
            for target in generated.reliesOn[node] where position[target]! > position[node]! {
                expected.insert(SuggestedOrder.Break(node: node, reliesOn: target))
            }
        }
        XCTAssertEqual(Set(result.breaks), expected)
        XCTAssertEqual(result.breaks.count, expected.count)
    }

    func testSiftingNeverMakesTheGreedyOrderWorse() {
        let generated = GraphGenerator.make(nodes: 400, links: 2_000, seed: 3)
        let parts = GraphAnalysis.components(generated)
        let greedyOnly = SuggestedOrder.make(generated, components: parts, siftBudget: 0)
        let improved = SuggestedOrder.make(generated, components: parts)
        XCTAssertLessThanOrEqual(improved.breaks.count, greedyOnly.breaks.count)
        // Both orders are far better than taking the nodes as numbered.
        let naive = SuggestedOrder.breaks(of: parts.flatMap { $0 }, in: generated).count
        XCTAssertLessThan(improved.breaks.count, naive)
    }

    /// The national roadmap (001): 29 of 45 deliverables sit in one cycle. The issue hoped for "no more than about
    /// 25" of its 157 links broken; the true minimum is 27 (the linear-ordering integer program over these links,
    /// solved exactly with CBC, proves no order does better), and the suggested order reaches it.
    func testTheNationalRoadmapBreaksFewLinks() throws {
        let roadmap = try NationalRoadmap.bundled()
        let keys = roadmap.deliverables.map(\.key)
        var index = [String: Int]()
        for (number, key) in keys.enumerated() { index[key] = number }
        let links = roadmap.links().map { (index[$0.from]!, index[$0.to]!) }
        XCTAssertEqual(links.count, 157)
        let national = graph(keys.count, links)
        let result = SuggestedOrder.make(national)
        assertEveryNodeOnce(result, count: keys.count)
        XCTAssertEqual(result.breaks.count, 27, "broke \(result.breaks.count) of 157; the minimum is 27")
    }
}
