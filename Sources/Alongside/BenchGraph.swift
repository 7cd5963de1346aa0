import AlongsideApp
import ArgumentParser
import Foundation

struct BenchGraph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-graph",
        abstract: "Time the roadmap graph analysis on a generated graph (a measurement, not a test)."
    )

    @Option(help: "Deliverables in the generated graph.") var nodes = 10_000
    @Option(help: "Relies-upon links in the generated graph.") var links = 50_000
    @Option(help: "Runs to take the best and median of.") var runs = 5

    func run() async throws {
        let graph = GraphGenerator.make(nodes: nodes, links: links, seed: 42)
        var timings: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let parts = GraphAnalysis.components(graph)
            let reach = GraphAnalysis.reach(graph)
            let enablers = GraphAnalysis.keyEnablers(graph, inPlace: { $0 % 3 == 0 })
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            summary =
                "\(parts.count) components (largest \(parts.map(\.count).max() ?? 0)), top enabler reach \(enablers.first?.reach.transitive ?? 0), mean reach \(reach.map(\.transitive).reduce(0, +) / max(nodes, 1))"
        }
        let sorted = timings.sorted()
        say("graph: \(nodes) deliverables, \(links) links; \(summary)")
        say(
            String(
                format: "components + reach + key enablers: best %.1f ms, median %.1f ms over %d runs", sorted[0],
                sorted[sorted.count / 2], runs))
        // The suggested order through the cycles (issue 19): greedy order, then sifting within the work budget.
        var orderTimings: [Double] = []
        var broken = 0
        let parts = GraphAnalysis.components(graph)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            broken = SuggestedOrder.make(graph, components: parts).breaks.count
            orderTimings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        let greedyOnly = SuggestedOrder.make(graph, components: parts, siftBudget: 0).breaks.count
        let orderSorted = orderTimings.sorted()
        say(
            String(
                format:
                    "suggested order: %d of %d links gone against (greedy alone: %d); best %.1f ms, median %.1f ms",
                broken, graph.reliesOn.reduce(0) { $0 + $1.count }, greedyOnly, orderSorted[0],
                orderSorted[orderSorted.count / 2]))
    }
}
