/// The "relies upon" graph of roadmap deliverables, as plain integers: node `i` relies upon node `j` when
/// `reliesOn[i]` contains `j`. Self-links and repeated links are dropped; cycles are allowed.
public struct DependencyGraph: Sendable, Equatable {
    public let count: Int
    public let reliesOn: [[Int]]

    public init(count: Int, links: [(from: Int, to: Int)]) {
        var lists = Array(repeating: [Int](), count: count)
        for link in links where link.from != link.to && (0..<count).contains(link.from) && (0..<count).contains(link.to)
        {
            lists[link.from].append(link.to)
        }
        self.count = count
        reliesOn = lists.map { Array(Set($0)).sorted() }
    }

    /// Who relies on each node directly (the links reversed).
    public var reliedOnBy: [[Int]] {
        var lists = Array(repeating: [Int](), count: count)
        for (from, targets) in reliesOn.enumerated() {
            for to in targets { lists[to].append(from) }
        }
        return lists
    }
}

/// Analysis of the relies-upon graph (issue 4): cycles, blockers, reach and an order to work in.
/// Pure functions, fast enough for 10,000 deliverables and 50,000 links.
public enum GraphAnalysis {
    /// Strongly connected components (Tarjan's algorithm, without recursion so deep chains cannot overflow
    /// the stack). Components come out relied-upon first: a component appears after every component it
    /// relies upon. A component of more than one node is a cycle whose members must progress together.
    public static func components(_ graph: DependencyGraph) -> [[Int]] {
        let n = graph.count
        var index = Array(repeating: -1, count: n), low = Array(repeating: 0, count: n)
        var onStack = Array(repeating: false, count: n)
        var stack: [Int] = [], result: [[Int]] = []
        var next = 0
        // Each frame: the node and how far through its links we are.
        var frames: [(node: Int, edge: Int)] = []
        for root in 0..<n where index[root] < 0 {
            frames.append((root, 0))
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let links = graph.reliesOn[frame.node]
                if frame.edge < links.count {
                    frames[frames.count - 1].edge += 1
                    let target = links[frame.edge]
                    if index[target] < 0 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        low[frame.node] = min(low[frame.node], index[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[frame.node]) }
                if low[frame.node] == index[frame.node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == frame.node { break }
                    }
                    result.append(component.sorted())
                }
            }
        }
        return result
    }

    /// Everything a node relies upon, directly or through others (not the node itself unless it is in a cycle).
    public static func reliesOnTransitively(_ node: Int, in graph: DependencyGraph) -> Set<Int> {
        var seen = Set<Int>(), queue = graph.reliesOn[node]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += graph.reliesOn[next]
        }
        return seen
    }

    /// What holds a node back: what it relies upon, directly or not, that is not yet in place.
    public static func blockers(of node: Int, in graph: DependencyGraph, inPlace: (Int) -> Bool) -> [Int] {
        reliesOnTransitively(node, in: graph).filter { $0 != node && !inPlace($0) }.sorted()
    }

    public struct Reach: Sendable, Equatable {
        public let direct: Int
        public let transitive: Int
    }

    /// For every node, how many others rely on it directly and transitively. Computed once over the
    /// components (relied-upon first), carrying a bit set of dependents down the condensed graph.
    public static func reach(_ graph: DependencyGraph) -> [Reach] {
        reach(graph, components: components(graph))
    }

    /// The same, over components already found by `components(_:)` (relied-upon first).
    public static func reach(_ graph: DependencyGraph, components parts: [[Int]]) -> [Reach] {
        reach(graph, components: parts, counting: { _ in true })
    }

    /// For every node, how many of the nodes that `counts` accepts rely on it directly and transitively (for
    /// example only the work not yet in place).
    public static func reach(_ graph: DependencyGraph, components parts: [[Int]], counting counts: (Int) -> Bool)
        -> [Reach]
    {
        var componentOf = Array(repeating: 0, count: graph.count)
        for (number, members) in parts.enumerated() { for member in members { componentOf[member] = number } }
        let words = (graph.count + 63) / 64
        var dependents = Array(repeating: [UInt64](repeating: 0, count: words), count: parts.count)
        // Dependents come later in `parts`, so walk backwards: each component hands itself and its dependents on
        // to every component it relies upon.
        for number in stride(from: parts.count - 1, through: 0, by: -1) {
            var carried = dependents[number]
            for member in parts[number] { carried[member >> 6] |= 1 << UInt64(member & 63) }
            var targets = Set<Int>()
            for member in parts[number] {
                for target in graph.reliesOn[member] where componentOf[target] != number {
                    targets.insert(componentOf[target])
                }
            }
            for target in targets {
                for word in 0..<words { dependents[target][word] |= carried[word] }
            }
        }
        var counted = [UInt64](repeating: 0, count: words)
        for node in 0..<graph.count where counts(node) { counted[node >> 6] |= 1 << UInt64(node & 63) }
        let reversed = graph.reliedOnBy
        // Counted once per component, so a large cycle costs its size, not its size squared.
        let countedMembers = parts.map { members in members.filter(counts).count }
        return (0..<graph.count).map { node in
            let component = componentOf[node]
            var outside = 0
            for word in 0..<words { outside += (dependents[component][word] & counted[word]).nonzeroBitCount }
            let partners = countedMembers[component] - (counts(node) ? 1 : 0)
            return Reach(direct: reversed[node].filter(counts).count, transitive: outside + partners)
        }
    }

    /// Deliverables not yet in place, ranked by how many rely on them transitively (then directly).
    public static func keyEnablers(_ graph: DependencyGraph, inPlace: (Int) -> Bool, limit: Int = 10) -> [(
        node: Int, reach: Reach
    )] {
        keyEnablers(reach: reach(graph), inPlace: inPlace, limit: limit)
    }

    /// The same, ranking reach already worked out by `reach(_:)`.
    public static func keyEnablers(reach: [Reach], inPlace: (Int) -> Bool, limit: Int = 10) -> [(
        node: Int, reach: Reach
    )] {
        (0..<reach.count).filter { !inPlace($0) && reach[$0].transitive > 0 }
            .sorted { (reach[$0].transitive, reach[$0].direct, -$0) > (reach[$1].transitive, reach[$1].direct, -$1) }
            .prefix(limit).map { ($0, reach[$0]) }
    }
}
