/// Repeatable random graphs for the analysis benchmark and tests (a small linear congruential generator,
/// so the same seed gives the same graph on every machine).
public enum GraphGenerator {
    public static func make(nodes: Int, links: Int, seed: UInt64) -> DependencyGraph {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return DependencyGraph(count: nodes, links: (0..<links).map { _ in (next(nodes), next(nodes)) })
    }
}
