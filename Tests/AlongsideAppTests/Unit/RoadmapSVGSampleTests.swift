import XCTest
@testable import AlongsideApp

/// Writes sample pages of the roadmap graph and progress chart to look at in a browser. Skipped unless
/// `ROADMAP_SVG_SAMPLES` names a folder, for example:
/// `ROADMAP_SVG_SAMPLES=/tmp swift test --skip-build --filter RoadmapSVGSample`, then
/// `chromium --headless --no-sandbox --screenshot=/tmp/graph.png --window-size=1280,900 file:///tmp/graph.html`.
final class RoadmapSVGSampleTests: XCTestCase {
    func testWriteSamplePages() throws {
        guard let folder = ProcessInfo.processInfo.environment["ROADMAP_SVG_SAMPLES"] else {
            throw XCTSkip("set ROADMAP_SVG_SAMPLES to a folder to write sample pages")
        }
        let titles: [(String, DeliverableStatus)] = [
            ("Joint governance with ICB oversight", .inPlace),
            ("Model design coproduced with service users, carers & communities", .inProgress),
            ("Commissioning and partnership working with range of VCSE services", .atRisk),
            ("Dedicated resource to support full range of lived experience input", .planning),
            ("“Must have” services commissioned at PCN level tailored for SMI", .notStarted),
            ("Record access data from new model (inc. primary, secondary and VCS orgs)", .planning),
            ("Development of trauma-specific support, drawing on VCSE provision", .inProgress),
            ("Interoperability for activity from primary, secondary and VCSE services", .notStarted),
            ("No wrong door approach means no rejected referrals recorded", .atRisk),
            ("Multi-disciplinary place-based model in place", .inProgress),
            ("Improved access to evidence-based psychological therapies", .inPlace),
            (
                "Staff accessing national training to deliver psychological therapies, including a very long title that cannot fit",
                .planning
            ),
        ]
        let nodes = titles.enumerated().map {
            RoadmapGraphSVG.Node(title: $1.0, status: $1.1, href: "/roadmap/deliverables/\($0 + 1)")
        }
        let links: [(from: Int, to: Int)] = [
            (0, 1), (0, 2), (1, 2), (2, 3), (3, 1),  // a cycle of three: 1, 2, 3
            (4, 5), (5, 4),  // a cycle of two
            (6, 2), (7, 5), (8, 9), (9, 6), (9, 4), (11, 10), (8, 0), (9, 7), (10, 3),
        ]
        let graph = RoadmapGraphSVG.render(
            nodes: nodes, graph: DependencyGraph(count: nodes.count, links: links),
            title: "How the roadmap's deliverables rely on each other", description: "Twelve sample deliverables.",
            idPrefix: "graph"
        )
        let chart = ProgressChartSVG.render(
            months: (1...12).map { month in
                let done = month / 2
                return (
                    label:
                        "\(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]) 2026",
                    counts: [
                        .notStarted: max(0, 8 - month), .planning: 3, .inProgress: month / 3 + 1, .atRisk: month % 3,
                        .inPlace: done,
                    ]
                )
            },
            title: "Roadmap progress by month",
            description: "How many deliverables stood at each status at the end of each month.",
            idPrefix: "chart"
        )
        let random = GraphGenerator.make(nodes: 40, links: 55, seed: 3)
        let large = RoadmapGraphSVG.render(
            nodes: (0..<40).map {
                RoadmapGraphSVG.Node(title: titles[$0 % 12].0, status: titles[($0 * 7) % 12].1, href: "/d/\($0)")
            },
            graph: random, title: "Forty deliverables", description: "A random sample.", idPrefix: "large"
        )
        let empty =
            ProgressChartSVG.render(months: [], title: "No months", description: "", idPrefix: "none")
            + ProgressChartSVG.render(
                months: [("April 2026", [:]), ("May 2026", [:])], title: "Zeros", description: "", idPrefix: "zero")
            + RoadmapGraphSVG.render(
                nodes: [], graph: DependencyGraph(count: 0, links: []), title: "Empty", description: "", idPrefix: "g")
        // The national roadmap drawn in the suggested order, its breaking links dashed in red (issue 19).
        let national = try NationalRoadmap.bundled()
        var index = [String: Int]()
        for (number, deliverable) in national.deliverables.enumerated() { index[deliverable.key] = number }
        let nationalGraph = DependencyGraph(
            count: national.deliverables.count,
            links: national.links().map { (from: index[$0.from]!, to: index[$0.to]!) })
        let ordered = RoadmapGraphSVG.render(
            nodes: national.deliverables.enumerated().map {
                RoadmapGraphSVG.Node(title: $1.title, status: .notStarted, href: "/d/\($0)")
            },
            graph: nationalGraph, title: "The national roadmap in the suggested order", description: "",
            idPrefix: "national", fitToWidth: false, breaks: SuggestedOrder.make(nationalGraph).breaks)
        for (name, svg) in [
            ("graph", graph), ("chart", chart), ("graph-large", large), ("empty", empty), ("national-ordered", ordered),
        ] {
            let page = """
                <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Sample \(name)</title>
                <link rel="stylesheet" href="file:///work/wt-svg/Public/css/site.css">
                <style>.roadmap-node:focus-visible .focus-ring { stroke: #0b0c0c; stroke-width: 4px; }
                .roadmap-node:focus-visible .focus-band { fill: #ffdd00; }</style></head>
                <body><main class="container"><h1>Sample \(name)</h1>\(svg)</main></body></html>
                """
            try page.write(toFile: "\(folder)/\(name).html", atomically: true, encoding: .utf8)
        }
    }
}
