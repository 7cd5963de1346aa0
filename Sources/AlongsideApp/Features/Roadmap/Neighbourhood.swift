/// One deliverable's neighbourhood in the relies-upon graph (issue 19): what it relies upon and what relies
/// upon it, one and two steps away. The default picture of the graph, small enough to read on a phone.
public struct Neighbourhood: Sendable, Equatable {
    public let centre: Int
    /// What the centre relies upon: `reliesOn[0]` directly, `reliesOn[1]` two steps away (and not directly).
    public let reliesOn: [[Int]]
    /// What relies upon the centre, the same way.
    public let reliedOnBy: [[Int]]

    /// Every node in the neighbourhood, the centre first, then by distance.
    public var nodes: [Int] {
        var seen = Set([centre]), result = [centre]
        for node in (reliesOn + reliedOnBy).joined() where seen.insert(node).inserted { result.append(node) }
        return result
    }

    /// Walks up to `steps` links from `centre` each way. A node reached both ways (a cycle through the centre)
    /// is listed on both sides; the centre itself never.
    public init(_ centre: Int, in graph: DependencyGraph, reliedOnBy reversed: [[Int]], steps: Int) {
        self.centre = centre
        reliesOn = Self.rings(from: centre, along: graph.reliesOn, steps: steps)
        reliedOnBy = Self.rings(from: centre, along: reversed, steps: steps)
    }

    /// Breadth-first rings: ring k holds the nodes first reached after k + 1 links.
    static func rings(from centre: Int, along links: [[Int]], steps: Int) -> [[Int]] {
        var seen: Set<Int> = [centre], frontier = [centre], result: [[Int]] = []
        for _ in 0..<max(0, steps) {
            var next: [Int] = []
            for node in frontier {
                for target in links[node] where seen.insert(target).inserted { next.append(target) }
            }
            result.append(next.sorted())
            frontier = next
        }
        return result
    }
}
