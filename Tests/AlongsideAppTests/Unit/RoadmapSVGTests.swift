import XCTest
#if canImport(FoundationXML)
    import FoundationXML
#endif
@testable import AlongsideApp

final class RoadmapSVGTests: XCTestCase {
    let nodes: [RoadmapGraphSVG.Node] = [
        .init(title: "Tom & Jerry's <\"plan\">", status: .atRisk, href: "/roadmap/deliverables/1"),
        .init(title: "Joint governance with ICB oversight", status: .inPlace, href: "/roadmap/deliverables/2"),
        .init(
            title: "Commissioning and partnership working with range of VCSE services", status: .planning,
            href: "/roadmap/deliverables/3"),
        .init(title: "Dedicated resource", status: .notStarted, href: "javascript:alert(1)"),
    ]

    func render(_ links: [(from: Int, to: Int)], prefix: String = "rg") -> String {
        RoadmapGraphSVG.render(
            nodes: nodes, graph: DependencyGraph(count: nodes.count, links: links),
            title: "What relies on what", description: "The roadmap's deliverables & their links.", idPrefix: prefix
        )
    }

    func testEveryTitleIsEscapedAndEveryNodeIsALinkWithANameAndItsStatus() {
        // act
        let svg = render([(0, 1), (1, 2)])
        // check
        XCTAssertTrue(svg.contains("aria-label=\"Tom &amp; Jerry&#39;s &lt;&quot;plan&quot;&gt;, At risk\""))
        XCTAssertFalse(svg.contains("<\"plan\">"))
        XCTAssertTrue(svg.contains("aria-label=\"Joint governance with ICB oversight, In place\""))
        XCTAssertEqual(occurrences(of: "<a href=", in: svg), nodes.count)
        XCTAssertTrue(svg.contains("href=\"/roadmap/deliverables/3\""))
        XCTAssertFalse(svg.contains("javascript:"), "a script address is never linked")
        for status in ["At risk", "In place", "Planning", "Not started"] {
            XCTAssertTrue(svg.contains("Status: <tspan font-weight=\"bold\">\(status)</tspan>"), status)
        }
        XCTAssertTrue(svg.contains("The roadmap&#39;s deliverables &amp; their links."))
        XCTAssertTrue(svg.contains("what is relied upon on the left"))
        XCTAssertNoThrow(try parse(svg))
    }

    func testACycleIsFramedAndLabelledOnlyWhenThereIsOne() {
        let withCycle = render([(0, 1), (1, 0), (2, 1)])
        XCTAssertTrue(withCycle.contains("Cycle 1: must progress together"))
        XCTAssertFalse(withCycle.contains("Cycle 2"))
        XCTAssertTrue(withCycle.contains("stroke-dasharray"))

        let withoutCycle = render([(0, 1), (2, 1)])
        XCTAssertFalse(withoutCycle.contains("Cycle 1"))
        XCTAssertFalse(withoutCycle.contains("must progress together"))
    }

    func testACyclesMembersAreAGroupNamedByItsLabel() throws {
        let svg = render([(0, 1), (1, 0), (2, 1)])
        XCTAssertTrue(svg.contains("<text id=\"rg-cycle-1\""))
        let group = try XCTUnwrap(svg.range(of: "<g role=\"group\" aria-labelledby=\"rg-cycle-1\">"))
        let inside = String(svg[group.upperBound...]).components(separatedBy: "</g>")[0]
        XCTAssertEqual(occurrences(of: "<a href=", in: inside), 2, "the two members of the cycle")
    }

    func testAThousandNodeGraphRendersQuickly() {
        let graph = GraphGenerator.make(nodes: 1_000, links: 2_000, seed: 11)
        let nodes = (0..<1_000).map {
            RoadmapGraphSVG.Node(title: "Deliverable \($0)", status: .planning, href: "/d/\($0)")
        }
        let started = Date()
        let svg = RoadmapGraphSVG.render(nodes: nodes, graph: graph, title: "Big", description: "", idPrefix: "big")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(occurrences(of: "<a href=", in: svg), 1_000)
    }

    func testAnArrowIsDrawnForEveryLink() {
        let svg = render([(0, 1), (1, 0), (2, 1), (3, 2), (3, 0)])
        // One marker reference per link, and one more for the key's arrow.
        XCTAssertEqual(occurrences(of: "marker-end=\"url(#rg-arrow)\"", in: svg), 5 + 1)
    }

    func testNoInlineStyleAndEveryIdIsPrefixedUniqueAndResolves() throws {
        for svg in [render([(0, 1), (1, 0), (2, 1)], prefix: "roadmap-1"), chart(prefix: "roadmap-1")] {
            XCTAssertFalse(svg.contains("style="))
            XCTAssertFalse(svg.contains("<style"))
            let ids = values(of: "id", in: svg)
            XCTAssertFalse(ids.isEmpty)
            XCTAssertEqual(Set(ids).count, ids.count, "ids are unique")
            XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("roadmap-1-") }, "\(ids)")
            let references =
                values(of: "aria-labelledby", in: svg) + values(of: "aria-describedby", in: svg)
                + matches(of: #"url\(#([^)]+)\)"#, in: svg)
            XCTAssertTrue(references.allSatisfy(ids.contains), "\(references) all name an id")
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            XCTAssertTrue(
                svg.contains("role=\"group\" aria-labelledby=\"roadmap-1-title\" aria-describedby=\"roadmap-1-desc\""))
            XCTAssertTrue(svg.contains("viewBox=\"0 0 "))
            XCTAssertEqual(
                matches(of: #"(?<![A-Za-z])(nan|inf)(?![A-Za-z])"#, in: svg), [], "no coordinate is undefined")
            XCTAssertNoThrow(try parse(svg))
        }
        XCTAssertTrue(render([], prefix: "\"><x").contains("id=\"x-title\""), "a hostile prefix is cleaned")
        XCTAssertTrue(render([], prefix: "1 2").contains("id=\"svg-12-title\""), "an id starts with a letter")
    }

    func testAnEmptyGraphStillRenders() throws {
        let svg = RoadmapGraphSVG.render(
            nodes: [], graph: DependencyGraph(count: 0, links: []), title: "Nothing", description: "", idPrefix: "g")
        XCTAssertTrue(svg.contains("There are no deliverables to show."))
        XCTAssertFalse(svg.contains("<a "))
        XCTAssertNoThrow(try parse(svg))
    }

    func testLongTitlesWrapOverThreeLinesAtMostAndEndWithAnEllipsis() {
        let lines = SVGSupport.wrap(String(repeating: "partnership ", count: 20), width: 178, fontSize: 14, maxLines: 3)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasSuffix("…"))
        XCTAssertTrue(lines.allSatisfy { SVGSupport.textWidth($0, fontSize: 14) <= 178 })
        XCTAssertEqual(SVGSupport.wrap("Short title", width: 178, fontSize: 14, maxLines: 3), ["Short title"])
        let long = SVGSupport.wrap(String(repeating: "x", count: 80), width: 100, fontSize: 14, maxLines: 2)
        XCTAssertEqual(long.count, 2, "a word longer than a line is broken")
    }

    // MARK: the progress chart

    func chart(prefix: String = "pc") -> String {
        ProgressChartSVG.render(
            months: [
                (label: "January 2026", counts: [.notStarted: 4, .planning: 2]),
                (label: "February 2026", counts: [.inPlace: 2, .atRisk: 1, .inProgress: 3, .notStarted: 2]),
                (label: "March <2026>", counts: [:]),
            ],
            title: "Progress by month", description: "Deliverables at each status at the end of each month.",
            idPrefix: prefix
        )
    }

    func testBarHeightsAreProportionalToTheCounts() {
        // setup
        let scale = ProgressChartSVG.Scale(covering: 8)
        // act
        let parts = ProgressChartSVG.segments(
            [.inPlace: 2, .atRisk: 1, .notStarted: 4], scale: scale, baseline: 300, plotHeight: 200)
        // check
        XCTAssertEqual(scale, .init(covering: 8))
        XCTAssertEqual(scale.maximum, 8)
        XCTAssertEqual(parts.map(\.status), [.inPlace, .atRisk, .notStarted], "bottom up, empty statuses left out")
        XCTAssertEqual(parts.map(\.height), [50, 25, 100])
        XCTAssertEqual(parts.map(\.y), [250, 225, 125], "stacked on each other from the baseline")
        let svg = chart()
        // February's total (8) fills the plot's 260 pixels; its 3 in progress take 3/8 of them.
        XCTAssertTrue(svg.contains("height=\"97.5\" fill=\"url(#pc-pattern-in_progress)\""))
        XCTAssertTrue(svg.contains("March &lt;2026&gt;"))
        XCTAssertTrue(
            svg.contains("February 2026: 2 not started, 0 planning, 3 in progress, 1 at risk, 2 in place; 8 in all"))
    }

    func testTheScaleUsesRoundStepsAndNeverDividesByZero() {
        XCTAssertEqual(
            [0, 3, 5, 7, 23, 120].map { ProgressChartSVG.Scale(covering: $0).maximum }, [1, 3, 5, 8, 25, 150])
        XCTAssertEqual([0, 7, 23, 120].map { ProgressChartSVG.Scale(covering: $0).step }, [1, 2, 5, 50])
    }

    func testNoMonthsAndAllZeroMonthsStillRender() throws {
        let none = ProgressChartSVG.render(months: [], title: "Progress", description: "Nothing yet", idPrefix: "e")
        XCTAssertTrue(none.contains("No months to show yet."))
        XCTAssertNoThrow(try parse(none))
        let zeros = ProgressChartSVG.render(
            months: [("April 2026", [:]), ("May 2026", [.planning: 0])], title: "P", description: "", idPrefix: "z")
        XCTAssertEqual(matches(of: #"(?<![A-Za-z])(nan|inf)(?![A-Za-z])"#, in: zeros), [])
        XCTAssertEqual(
            occurrences(of: "fill=\"url(#z-pattern-planning)\"", in: zeros), 1,
            "the key's swatch, and no bar segment for a zero")
        XCTAssertNoThrow(try parse(zeros))
    }

    // MARK: helpers

    func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func values(of attribute: String, in svg: String) -> [String] {
        matches(of: " \(attribute)=\"([^\"]*)\"", in: svg).flatMap { $0.split(separator: " ").map(String.init) }
    }

    func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Parses the SVG as XML, throwing if it is not well formed.
    func parse(_ svg: String) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        if !parser.parse() { throw parser.parserError ?? NSError(domain: "xml", code: 1) }
    }
}
