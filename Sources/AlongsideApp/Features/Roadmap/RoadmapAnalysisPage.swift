import Foundation

/// What to work on next: the key enablers, the cycles and an order to work in.
struct RoadmapAnalysisPage: PageModel {
    static let template = "roadmap/analysis"
    let roadmapLinks = RoadmapLinks()
    let title = "What to work on next"
    let enablers: [Enabler]
    /// Items outside the grid that open work relies on, shown apart from the ranking.
    let outsideGrid: [Enabler]
    let cycles: [Cycle]
    let steps: [Step]
    let skipped: String?
    let showAllHref: String?

    struct Enabler: Encodable, Sendable {
        let rank: Int
        let link: DeliverableLink
        let direct: Int
        let transitive: Int
    }

    struct Cycle: Encodable, Sendable {
        let id: String
        let number: Int
        let progress: String
        /// The members in the suggested order.
        let members: [DeliverableLink]
        /// The links the suggested order goes against: pairs to work on side by side.
        let sideBySide: [Pair]
    }

    struct Pair: Encodable, Sendable {
        let deliverable: DeliverableLink
        let reliesOn: DeliverableLink
    }

    struct Step: Encodable, Sendable {
        let number: Int
        let cycle: Int?
        let members: [DeliverableLink]
    }

    init(graph: RoadmapGraph, suggested: SuggestedOrder.Result? = nil, showAll: Bool) {
        let rank = { (ranked: [(node: Int, reach: GraphAnalysis.Reach)]) in
            ranked.enumerated().map { rank, entry in
                Enabler(
                    rank: rank + 1, link: DeliverableLink(graph.deliverables[entry.node]), direct: entry.reach.direct,
                    transitive: entry.reach.transitive)
            }
        }
        enablers = rank(graph.keyEnablers())
        outsideGrid = rank(graph.enablersOutsideGrid())
        let suggested = suggested ?? graph.suggestedOrder()
        var position = Array(repeating: 0, count: graph.deliverables.count)
        for (index, node) in suggested.order.enumerated() { position[node] = index }
        let link = { (node: Int) in DeliverableLink(graph.deliverables[node]) }
        cycles = graph.cycles.enumerated().map { index, members in
            let done = members.filter { graph.deliverables[$0].status == .inPlace }.count
            let inCycle = Set(members)
            return Cycle(
                id: "cycle-\(index + 1)", number: index + 1, progress: "\(done) of \(members.count) in place",
                members: members.sorted { position[$0] < position[$1] }.map(link),
                sideBySide: suggested.breaks.filter { inCycle.contains($0.node) }.map {
                    Pair(deliverable: link($0.node), reliesOn: link($0.reliesOn))
                })
        }
        var steps: [Step] = []
        var skipped = 0
        for members in graph.components {
            if !showAll, members.allSatisfy({ graph.deliverables[$0].status == .inPlace }) { skipped += 1; continue }
            steps.append(
                Step(
                    number: steps.count + 1, cycle: members.count > 1 ? graph.cycleNumber(of: members[0]) : nil,
                    members: members.sorted { position[$0] < position[$1] }.map(link)))
        }
        self.steps = steps
        self.skipped =
            skipped > 0 ? "\(skipped) step\(skipped == 1 ? " is" : "s are") already in place and left out." : nil
        showAllHref = skipped > 0 ? Href.roadmapAnalysis(query: ["all": "yes"], fragment: "work-order") : nil
    }
}
