/// A layered arrangement of the relies-upon graph for drawing (issue 4), as a pure function of the graph.
///
/// A component (a cycle, or a single deliverable) is in layer 0 when it relies on nothing outside itself, and
/// otherwise one layer after the furthest layer it relies upon, so every link points to an earlier layer or stays
/// inside a cycle. Members of a cycle share a layer and sit next to each other. Within a layer, components are
/// ordered by a few barycentre sweeps (the mean position of what they are linked to) to cut crossings; ties keep
/// the previous order, so the result is deterministic. Linear in nodes and links per sweep, plus sorting.
public struct GraphLayout: Sendable, Equatable {
    /// The layer of each node.
    public let layerOf: [Int]
    /// The nodes of each layer in drawing order (layer 0 first).
    public let layers: [[Int]]
    /// The cycles (components of more than one node), numbered in drawing order: by layer, then position.
    public let cycles: [[Int]]
    /// For each node, its index in `cycles`, or nil when it is not in a cycle.
    public let cycleOf: [Int?]

    public init(_ graph: DependencyGraph, sweeps: Int = 2) {
        let n = graph.count
        let parts = GraphAnalysis.components(graph)
        var componentOf = Array(repeating: 0, count: n)
        for (number, members) in parts.enumerated() { for member in members { componentOf[member] = number } }

        // Components come relied-upon first, so every layer a component needs is known by the time it is reached.
        var componentLayer = Array(repeating: 0, count: parts.count)
        for (number, members) in parts.enumerated() {
            var layer = 0
            for member in members {
                for target in graph.reliesOn[member] where componentOf[target] != number {
                    layer = max(layer, componentLayer[componentOf[target]] + 1)
                }
            }
            componentLayer[number] = layer
        }

        let layerCount = (componentLayer.max() ?? -1) + 1
        var units = Array(repeating: [Int](), count: layerCount)
        for number in parts.indices { units[componentLayer[number]].append(number) }
        for layer in units.indices { units[layer].sort { parts[$0][0] < parts[$1][0] } }

        Self.reduceCrossings(&units, parts: parts, componentOf: componentOf, graph: graph, sweeps: sweeps)

        var layerOf = Array(repeating: 0, count: n)
        var cycleOf = [Int?](repeating: nil, count: n)
        var cycles: [[Int]] = []
        for (layer, row) in units.enumerated() {
            for number in row {
                for member in parts[number] { layerOf[member] = layer }
                if parts[number].count > 1 {
                    for member in parts[number] { cycleOf[member] = cycles.count }
                    cycles.append(parts[number])
                }
            }
        }
        self.layerOf = layerOf
        self.layers = units.map { row in row.flatMap { parts[$0] } }
        self.cycles = cycles
        self.cycleOf = cycleOf
    }

    /// Barycentre sweeps: down the layers ordering each component by the mean position of what it relies upon,
    /// then back up ordering by the mean position of what relies on it. Positions are slot numbers centred on each
    /// layer's middle, matching how layers are drawn.
    private static func reduceCrossings(
        _ units: inout [[Int]], parts: [[Int]], componentOf: [Int], graph: DependencyGraph, sweeps: Int
    ) {
        guard units.count > 1, sweeps > 0 else { return }
        let reliedOnBy = graph.reliedOnBy
        var position = Array(repeating: 0.0, count: graph.count)
        func place(_ layer: Int) {
            let size = units[layer].reduce(0) { $0 + parts[$1].count }
            var slot = 0
            for number in units[layer] {
                for member in parts[number] {
                    position[member] = Double(slot) - Double(size - 1) / 2
                    slot += 1
                }
            }
        }
        for layer in units.indices { place(layer) }

        func reorder(_ layer: Int, neighbours: [[Int]]) {
            let keyed = units[layer].enumerated().map { (index, number) -> (key: Double, index: Int, number: Int) in
                var sum = 0.0, count = 0, own = 0.0
                for member in parts[number] {
                    own += position[member]
                    for other in neighbours[member] where componentOf[other] != number {
                        sum += position[other]
                        count += 1
                    }
                }
                let key = count > 0 ? sum / Double(count) : own / Double(parts[number].count)
                return (key, index, number)
            }
            units[layer] = keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.number)
            place(layer)
        }

        for _ in 0..<sweeps {
            for layer in 1..<units.count { reorder(layer, neighbours: graph.reliesOn) }
            for layer in stride(from: units.count - 2, through: 0, by: -1) { reorder(layer, neighbours: reliedOnBy) }
        }
    }
}
