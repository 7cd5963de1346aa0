import Foundation

/// The live deliverables and their links as a `DependencyGraph`, with the analysis worked out once and
/// looked up by deliverable id. Links touching a retired deliverable are left out.
public struct RoadmapGraph: Sendable {
    public let deliverables: [Deliverable]
    public let graph: DependencyGraph
    /// Components relied-upon first (the order to work in).
    public let components: [[Int]]
    public let componentOf: [Int]
    public let reach: [GraphAnalysis.Reach]
    /// Reach counting only dependents that are not yet in place: the work still waiting.
    public let openReach: [GraphAnalysis.Reach]
    /// The cycles: components with more than one member, numbered from 1 in work order.
    public let cycles: [[Int]]
    /// Each component's cycle number, nil for a component of one.
    let cycleOfComponent: [Int?]
    /// Who relies on each node directly.
    let reliedOnByLists: [[Int]]
    let indexOf: [Int64: Int]

    public init(deliverables: [Deliverable], links: [(Int64, Int64)]) {
        self.deliverables = deliverables
        var indexOf: [Int64: Int] = [:]
        for (index, deliverable) in deliverables.enumerated() { indexOf[deliverable.id] = index }
        self.indexOf = indexOf
        graph = DependencyGraph(
            count: deliverables.count,
            links: links.compactMap { link in
                guard let from = indexOf[link.0], let to = indexOf[link.1] else { return nil }
                return (from: from, to: to)
            })
        components = GraphAnalysis.components(graph)
        var componentOf = Array(repeating: 0, count: deliverables.count)
        for (number, members) in components.enumerated() { for member in members { componentOf[member] = number } }
        self.componentOf = componentOf
        reach = GraphAnalysis.reach(graph, components: components)
        openReach = GraphAnalysis.reach(graph, components: components) { deliverables[$0].status != .inPlace }
        var cycles: [[Int]] = [], cycleOfComponent: [Int?] = []
        for members in components {
            if members.count > 1 { cycles.append(members) }
            cycleOfComponent.append(members.count > 1 ? cycles.count : nil)
        }
        self.cycles = cycles
        self.cycleOfComponent = cycleOfComponent
        reliedOnByLists = graph.reliedOnBy
    }

    public func index(of id: Int64) -> Int? { indexOf[id] }

    func isInPlace(_ node: Int) -> Bool { deliverables[node].status == .inPlace }

    /// The cycle (1-based number in `cycles`) a node belongs to, if any.
    public func cycleNumber(of node: Int) -> Int? { cycleOfComponent[componentOf[node]] }

    public func reliesOn(_ node: Int) -> [Int] { graph.reliesOn[node] }

    public func reliedOnBy(_ node: Int) -> [Int] { reliedOnByLists[node] }

    public func reliesOnTransitively(_ node: Int) -> [Int] {
        GraphAnalysis.reliesOnTransitively(node, in: graph).filter { $0 != node }.sorted()
    }

    public func blockers(of node: Int) -> [Int] {
        GraphAnalysis.blockers(of: node, in: graph, inPlace: isInPlace)
    }

    /// What a deliverable waits on: what it relies upon directly that is not yet in place (issue 19). Transitive
    /// blockers are `blockers(of:)`, shown only on request.
    public func waitingOn(_ node: Int) -> [Int] { graph.reliesOn[node].filter { !isInPlace($0) } }

    /// The key enablers (issue 19): deliverables in the roadmap's grid, not yet in place, ranked by how much work
    /// not yet in place relies on them, directly first and then directly or through others. National end states
    /// and items outside the grid are never ranked here (see `enablersOutsideGrid`).
    public func keyEnablers(limit: Int = 15) -> [(node: Int, reach: GraphAnalysis.Reach)] {
        rankedEnablers(inGrid: true, limit: limit)
    }

    /// Items outside the grid (named only by relies-upon lines, or national end states) that open work relies on.
    public func enablersOutsideGrid(limit: Int = 15) -> [(node: Int, reach: GraphAnalysis.Reach)] {
        rankedEnablers(inGrid: false, limit: limit)
    }

    private func rankedEnablers(inGrid: Bool, limit: Int) -> [(node: Int, reach: GraphAnalysis.Reach)] {
        (0..<deliverables.count)
            .filter { deliverables[$0].inGrid == inGrid && !isInPlace($0) && openReach[$0].direct > 0 }
            .sorted {
                (openReach[$0].direct, openReach[$0].transitive, -$0) > (
                    openReach[$1].direct, openReach[$1].transitive, -$1
                )
            }
            .prefix(limit).map { ($0, openReach[$0]) }
    }

    /// The part of the graph among `nodes`, renumbered in the order given: where each node went, the links kept
    /// (both ends among `nodes`) and the graph they make, for drawing a neighbourhood or a workstream.
    func subgraph(_ nodes: [Int]) -> (position: [Int: Int], links: [(from: Int, to: Int)], graph: DependencyGraph) {
        var position: [Int: Int] = [:]
        for (index, node) in nodes.enumerated() { position[node] = index }
        var links: [(from: Int, to: Int)] = []
        for node in nodes {
            for target in graph.reliesOn[node] { if let to = position[target] { links.append((position[node]!, to)) } }
        }
        return (position, links, DependencyGraph(count: nodes.count, links: links))
    }

    /// The suggested order through the cycles and the links it goes against (issue 19).
    public func suggestedOrder() -> SuggestedOrder.Result { SuggestedOrder.make(graph, components: components) }

    /// Blockers of every node at once: what each relies upon, transitively, that is not in place. Worked out
    /// over the components (relied-upon first) so the whole roadmap costs one pass.
    public func allBlockers() -> [[Int]] {
        var perComponent: [Set<Int>] = Array(repeating: [], count: components.count)
        for (number, members) in components.enumerated() {
            var blockers = Set<Int>()
            let cyclic = members.count > 1
            for member in members {
                for target in graph.reliesOn[member] {
                    let targetComponent = componentOf[target]
                    if targetComponent != number {
                        blockers.formUnion(perComponent[targetComponent])
                        if !isInPlace(target) { blockers.insert(target) }
                    }
                }
                if cyclic && !isInPlace(member) { blockers.insert(member) }
            }
            perComponent[number] = blockers
        }
        return (0..<graph.count).map { node in perComponent[componentOf[node]].filter { $0 != node }.sorted() }
    }
}
