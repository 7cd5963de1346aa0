/// A suggested order to work through the deliverables when "relies upon" links form cycles (issue 19).
///
/// Inside a cycle no order satisfies every link, so the order suggested goes against as few links as it can:
/// an approximate minimum feedback arc set. Components come relied-upon first (so no link between components
/// is ever broken); inside each cyclic component the Eades–Lin–Smyth greedy order is improved by sifting
/// (moving one deliverable at a time to the place that breaks fewest of its links) until no move helps or the
/// work budget is spent.
public enum SuggestedOrder {
    public struct Result: Sendable, Equatable {
        /// Every node once, relied-upon first as far as the links allow.
        public let order: [Int]
        /// The links the order goes against, as (node, what it relies upon): the pairs to work on side by side.
        public let breaks: [Break]
    }

    public struct Break: Sendable, Equatable, Hashable {
        public let node: Int
        public let reliesOn: Int
    }

    /// The suggested order over components already found by `GraphAnalysis.components` (relied-upon first).
    /// `siftBudget` bounds the improvement work (position scans) so huge cycles stay fast.
    public static func make(
        _ graph: DependencyGraph, components: [[Int]], siftBudget: Int = 60_000_000
    ) -> Result {
        var order: [Int] = []
        order.reserveCapacity(graph.count)
        var local = Array(repeating: -1, count: graph.count)
        for members in components {
            if members.count == 1 {
                order.append(members[0])
                continue
            }
            for (position, member) in members.enumerated() { local[member] = position }
            // The component's links as local "comes before" lists: what a member relies upon comes before it.
            var before = Array(repeating: [Int](), count: members.count)
            var after = Array(repeating: [Int](), count: members.count)
            for (position, member) in members.enumerated() {
                for target in graph.reliesOn[member] where local[target] >= 0 {
                    before[position].append(local[target])
                    after[local[target]].append(position)
                }
            }
            var sequence = greedy(before: before, after: after)
            sift(&sequence, before: before, after: after, budget: siftBudget)
            // A cycle the size of a real roadmap's is small enough to try again from other starting orders
            // (a fixed seed, so the suggestion is the same every time) and keep the best.
            if members.count <= restartLimit {
                var best = broken(sequence, before: before)
                var random = Random(seed: UInt64(members.count))
                for _ in 0..<restarts where best > 0 {
                    var candidate = Array(0..<members.count)
                    for index in stride(from: candidate.count - 1, to: 0, by: -1) {
                        candidate.swapAt(index, random.next(index + 1))
                    }
                    sift(&candidate, before: before, after: after, budget: siftBudget)
                    let cost = broken(candidate, before: before)
                    if cost < best {
                        best = cost
                        sequence = candidate
                    }
                }
            }
            order += sequence.map { members[$0] }
            for member in members { local[member] = -1 }
        }
        return Result(order: order, breaks: breaks(of: order, in: graph))
    }

    /// Cycles up to this size also get `restarts` further tries from shuffled orders.
    static let restartLimit = 200
    static let restarts = 100

    /// How many links a local sequence goes against.
    static func broken(_ sequence: [Int], before: [[Int]]) -> Int {
        var position = Array(repeating: 0, count: sequence.count)
        for (index, node) in sequence.enumerated() { position[node] = index }
        return sequence.reduce(0) { total, node in total + before[node].filter { position[$0] > position[node] }.count }
    }

    /// A small linear congruential generator: the same suggestion on every machine.
    struct Random {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    public static func make(_ graph: DependencyGraph) -> Result {
        make(graph, components: GraphAnalysis.components(graph))
    }

    /// The links an order goes against: a node placed before something it relies upon.
    public static func breaks(of order: [Int], in graph: DependencyGraph) -> [Break] {
        var position = Array(repeating: 0, count: graph.count)
        for (index, node) in order.enumerated() { position[node] = index }
        var result: [Break] = []
        for node in order {
            for target in graph.reliesOn[node] where position[target] > position[node] {
                result.append(Break(node: node, reliesOn: target))
            }
        }
        return result
    }

    /// Eades, Lin and Smyth (1993): take nodes that nothing remaining must follow off the end, nodes that need
    /// nothing remaining off the front, and otherwise the node with most links pointing forward.
    /// `before[v]`: nodes that should come before v; `after[v]`: nodes that should come after v.
    static func greedy(before: [[Int]], after: [[Int]]) -> [Int] {
        let count = before.count
        var needs = before.map(\.count)  // remaining nodes that must come before
        var feeds = after.map(\.count)  // remaining nodes that must come after
        var removed = Array(repeating: false, count: count)
        var front: [Int] = [], back: [Int] = []
        var sinks: [Int] = [], sources: [Int] = []
        let offset = (0..<count).map { before[$0].count + after[$0].count }.max() ?? 0
        var buckets = Array(repeating: [Int](), count: 2 * offset + 1)
        var highest = 0
        func file(_ node: Int) {
            if feeds[node] == 0 {
                sinks.append(node)
            } else if needs[node] == 0 {
                sources.append(node)
            } else {
                let bucket = feeds[node] - needs[node] + offset
                buckets[bucket].append(node)
                highest = max(highest, bucket)
            }
        }
        func take(_ node: Int) {
            removed[node] = true
            for next in after[node] where !removed[next] {
                needs[next] -= 1
                file(next)
            }
            for previous in before[node] where !removed[previous] {
                feeds[previous] -= 1
                file(previous)
            }
        }
        for node in 0..<count { file(node) }
        var remaining = count
        while remaining > 0 {
            if let node = sinks.popLast() {
                if !removed[node] && feeds[node] == 0 {
                    back.append(node)
                    take(node)
                    remaining -= 1
                }
                continue
            }
            if let node = sources.popLast() {
                if !removed[node] && needs[node] == 0 && feeds[node] > 0 {
                    front.append(node)
                    take(node)
                    remaining -= 1
                }
                continue
            }
            // Filing is lazy: a node may sit in an old bucket, so check it still belongs where it was found.
            let waiting = remaining
            while highest >= 0 {
                guard let node = buckets[highest].popLast() else {
                    highest -= 1
                    continue
                }
                if removed[node] || feeds[node] - needs[node] + offset != highest || feeds[node] == 0
                    || needs[node] == 0
                {
                    continue
                }
                front.append(node)
                take(node)
                remaining -= 1
                break
            }
            if remaining == waiting {  // cannot happen (every remaining node is filed somewhere); stay total anyway
                front += (0..<count).filter { !removed[$0] }
                break
            }
        }
        return front + back.reversed()
    }

    /// Moves each node in turn to the position that breaks fewest of its own links, keeping the first best
    /// position on ties, and repeats while a pass helps. Each move costs one scan of the sequence.
    static func sift(_ sequence: inout [Int], before: [[Int]], after: [[Int]], budget: Int) {
        let count = sequence.count
        guard count > 2 else { return }
        var spent = 0
        // For the node being moved: how many of its links want each other node before it, and after it.
        var wantsBefore = Array(repeating: 0, count: count), wantsAfter = Array(repeating: 0, count: count)
        var improved = true
        while improved && spent + count * count <= budget {
            improved = false
            for node in Array(sequence) {
                spent += count
                guard let current = sequence.firstIndex(of: node) else { continue }
                sequence.remove(at: current)
                for other in before[node] { wantsBefore[other] += 1 }
                for other in after[node] { wantsAfter[other] += 1 }
                // Inserting at slot 0 puts every "before" node after it: each is a broken link.
                var cost = before[node].count
                var best = cost, bestSlot = 0, currentCost = 0
                for (slot, other) in sequence.enumerated() {
                    cost += wantsAfter[other] - wantsBefore[other]
                    if slot + 1 == current { currentCost = cost }
                    if cost < best {
                        best = cost
                        bestSlot = slot + 1
                    }
                }
                if current == 0 { currentCost = before[node].count }
                for other in before[node] { wantsBefore[other] = 0 }
                for other in after[node] { wantsAfter[other] = 0 }
                if best < currentCost {
                    sequence.insert(node, at: bestSlot)
                    improved = true
                } else {
                    sequence.insert(node, at: current)
                }
            }
        }
    }
}
