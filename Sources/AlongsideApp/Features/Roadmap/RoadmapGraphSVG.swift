import Foundation

/// The relies-upon graph as an inline SVG for a page (issue 4; DESIGN.md: server-rendered SVG with a title, a
/// description and a table of the same data beside it). Deliverables are boxes in columns, what is relied upon on
/// the left; each box links to its deliverable and shows its status in words, as a fill pattern and as a colour.
/// Cycles sit inside a labelled dashed frame. No `style` attribute or element anywhere (the Content-Security-Policy
/// forbids inline style): presentation attributes only.
///
/// Focus: the site's CSS hides the outline of a focused link, so the page should draw one for boxes, for example
/// `.roadmap-node:focus-visible .focus-ring { stroke: #0b0c0c; stroke-width: 4px; }` and
/// `.roadmap-node:focus-visible .focus-band { fill: #ffdd00; }`.
public enum RoadmapGraphSVG {
    public struct Node: Sendable, Equatable {
        public var title: String
        public var status: DeliverableStatus
        public var href: String

        public init(title: String, status: DeliverableStatus, href: String) {
            self.title = title
            self.status = status
            self.href = href
        }
    }

    static let titleFontSize = 14.0
    static let statusFontSize = 13.0
    static let titleLineHeight = 18.0

    /// Renders `nodes` (node `i` of `graph` is `nodes[i]`; links to nodes beyond the list are ignored).
    /// - Parameters:
    ///   - title: the SVG's accessible name (its `<title>`).
    ///   - description: its `<desc>`; a sentence on how to read the drawing is added after it.
    ///   - idPrefix: starts every id in the SVG, so two drawings on one page cannot clash.
    ///   - fitToWidth: `width="100%"` (scales with the page) rather than the drawing's natural size in pixels.
    ///   - breaks: links that go against a suggested order through the cycles (issue 19). When given, the drawing
    ///     follows that order: these links are left out of the layout (so no cycle needs a frame) and drawn dashed
    ///     in red, as pairs to work on side by side.
    public static func render(
        nodes: [Node], graph: DependencyGraph, title: String, description: String, idPrefix: String,
        fitToWidth: Bool = true, breaks: [SuggestedOrder.Break] = []
    ) -> String {
        let prefix = SVGSupport.sanitisedPrefix(idPrefix)
        let broken = Set(breaks.filter { $0.node < nodes.count && $0.reliesOn < nodes.count })
        let graph = DependencyGraph(
            count: nodes.count,
            links: graph.reliesOn.enumerated().flatMap { from, targets in
                targets.filter { !broken.contains(SuggestedOrder.Break(node: from, reliesOn: $0)) }.map { (from, $0) }
            })
        let layout = GraphLayout(graph)
        let n = SVGSupport.number
        let margin = RoadmapGraphGeometry.Metrics.margin

        // The key's height depends on the width, and the width on the columns, so measure without a key first.
        let columnsOnly = RoadmapGraphGeometry(graph: graph, layout: layout, top: 0, minimumWidth: 640)
        let entries = legendEntries(prefix: prefix, withCycles: !layout.cycles.isEmpty, withBreaks: !broken.isEmpty)
        let legend = SVGLegend.render(entries, x: margin, y: margin, width: columnsOnly.width - 2 * margin)
        let note = "What is relied upon sits further left."
        let noteY = margin + legend.height + 16
        let geometry = RoadmapGraphGeometry(graph: graph, layout: layout, top: noteY + 4, minimumWidth: 640)
        let height = nodes.isEmpty ? noteY + 40 : geometry.areaBottom + margin

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"roadmap-graph\" role=\"group\" "
        out += "aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\" "
        out += fitToWidth ? "width=\"100%\" " : "width=\"\(n(geometry.width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(geometry.width)) \(n(height))\" font-family=\"\(SVGSupport.fontFamily)\">"
        out += "<title id=\"\(prefix)-title\">\(SVGSupport.escape(title))</title>"
        out +=
            "<desc id=\"\(prefix)-desc\">\(SVGSupport.escape(fullDescription(description, hasCycles: !layout.cycles.isEmpty, hasBreaks: !broken.isEmpty)))</desc>"
        out +=
            "<defs>" + StatusAppearance.definitions(prefix: prefix) + arrowMarker(id: "\(prefix)-arrow")
            + (broken.isEmpty ? "" : arrowMarker(id: "\(prefix)-break-arrow", colour: breakColour)) + "</defs>"
        out += "<rect width=\"\(n(geometry.width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>"
        out += legend.markup
        out +=
            "<text x=\"\(n(margin))\" y=\"\(n(noteY))\" font-size=\"13\" fill=\"\(SVGSupport.secondaryTextColour)\""
            + (nodes.isEmpty ? ">There are no deliverables to show.</text>" : " aria-hidden=\"true\">\(note)</text>")
        out += cycleFrames(geometry, prefix: prefix)
        out += "<g aria-hidden=\"true\">" + edges(graph: graph, geometry: geometry, arrowID: "\(prefix)-arrow")
        out +=
            breakEdges(
                broken.sorted { ($0.node, $0.reliesOn) < ($1.node, $1.reliesOn) }, geometry: geometry,
                arrowID: "\(prefix)-break-arrow") + "</g>"
        // Boxes in reading order, column by column; a cycle's members form a group named by its label.
        for row in layout.layers {
            for (index, node) in row.enumerated() {
                let cycle = layout.cycleOf[node]
                if let cycle, index == 0 || layout.cycleOf[row[index - 1]] != cycle {
                    out += "<g role=\"group\" aria-labelledby=\"\(prefix)-cycle-\(cycle + 1)\">"
                }
                out += box(nodes[node], in: geometry.boxes[node], prefix: prefix)
                if let cycle, index == row.count - 1 || layout.cycleOf[row[index + 1]] != cycle { out += "</g>" }
            }
        }
        return out + "</svg>"
    }

    static func fullDescription(_ description: String, hasCycles: Bool, hasBreaks: Bool = false) -> String {
        var parts = [description.trimmingCharacters(in: .whitespacesAndNewlines)].filter { !$0.isEmpty }
        parts.append(
            "Deliverables are drawn in columns, with what is relied upon on the left. "
                + "An arrow points from a deliverable to what it relies upon.")
        if hasCycles {
            parts.append("A dashed frame groups deliverables that rely on each other and must progress together.")
        }
        if hasBreaks {
            parts.append(
                "Deliverables in a cycle are spread out in the suggested order; a dashed red arrow is a link that order "
                    + "goes against, so the two deliverables it joins are best worked on side by side.")
        }
        return parts.joined(separator: " ")
    }

    static func legendEntries(prefix: String, withCycles: Bool, withBreaks: Bool = false) -> [SVGLegend.Entry] {
        let n = SVGSupport.number
        var entries = SVGLegend.statusEntries(prefix: prefix)
        entries.append(
            .init(
                symbol: { x, y in
                    "<path d=\"M\(n(x)),\(n(y + 9)) L\(n(x + 28)),\(n(y + 9))\" stroke=\"\(edgeColour)\" stroke-width=\"1.5\" "
                        + "marker-end=\"url(#\(prefix)-arrow)\"/>"
                }, label: "relies upon"))
        if withCycles {
            entries.append(
                .init(
                    symbol: { x, y in
                        "<rect x=\"\(n(x + 1))\" y=\"\(n(y))\" width=\"26\" height=\"18\" rx=\"4\" fill=\"#f3f4f5\" stroke=\"\(edgeColour)\" "
                            + "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
                    }, label: "cycle: must progress together"))
        }
        if withBreaks {
            entries.append(
                .init(
                    symbol: { x, y in
                        "<path d=\"M\(n(x)),\(n(y + 9)) L\(n(x + 28)),\(n(y + 9))\" stroke=\"\(breakColour)\" stroke-width=\"2\" "
                            + "stroke-dasharray=\"6 4\" marker-end=\"url(#\(prefix)-break-arrow)\"/>"
                    }, label: "goes against the suggested order: work on the pair side by side"))
        }
        return entries
    }

    static func arrowMarker(id: String, colour: String = edgeColour) -> String {
        "<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" "
            + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,1 L10,5 L0,9 z\" fill=\"\(colour)\"/></marker>"
    }

    static func cycleFrames(_ geometry: RoadmapGraphGeometry, prefix: String) -> String {
        let n = SVGSupport.number
        var out = ""
        for (number, frame) in geometry.groups.enumerated() {
            out +=
                "<g><rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" "
            out += "rx=\"10\" fill=\"#f3f4f5\" stroke=\"\(edgeColour)\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>"
            out += "<text id=\"\(prefix)-cycle-\(number + 1)\" x=\"\(n(frame.x + 10))\" y=\"\(n(frame.y + 19))\" "
            out +=
                "font-size=\"14\" font-weight=\"bold\" fill=\"\(SVGSupport.textColour)\">Cycle \(number + 1): must progress together</text></g>"
        }
        return out
    }

    /// One deliverable: a link around a box with the pattern in a strip down its left side, and the title and
    /// status written on plain white beside it.
    static func box(_ node: Node, in rect: RoadmapGraphGeometry.Rect, prefix: String) -> String {
        let n = SVGSupport.number
        let appearance = StatusAppearance.of(node.status)
        let strip = RoadmapGraphGeometry.Metrics.stripWidth
        let textX = rect.x + strip + 8
        let lines = SVGSupport.wrap(node.title, width: rect.maxX - 8 - textX, fontSize: titleFontSize, maxLines: 3)
        let name =
            "\(node.title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")), \(node.status.label)"
        var out =
            "<a href=\"\(SVGSupport.escape(SVGSupport.safeHref(node.href)))\" class=\"roadmap-node\" "
            + "aria-label=\"\(SVGSupport.escape(name))\">"
        if lines.last?.hasSuffix("…") == true { out += "<title>\(SVGSupport.escape(name))</title>" }
        out +=
            "<rect class=\"focus-ring\" x=\"\(n(rect.x - 4))\" y=\"\(n(rect.y - 4))\" width=\"\(n(rect.width + 8))\" "
            + "height=\"\(n(rect.height + 8))\" rx=\"7\" fill=\"none\" stroke=\"none\"/>"
        out +=
            "<rect class=\"focus-band\" x=\"\(n(rect.x))\" y=\"\(n(rect.y))\" width=\"\(n(rect.width))\" height=\"\(n(rect.height))\" "
            + "rx=\"4\" fill=\"#ffffff\" stroke=\"\(appearance.colour)\" stroke-width=\"2\"/>"
        out +=
            "<rect x=\"\(n(rect.x + 1))\" y=\"\(n(rect.y + 1))\" width=\"\(n(strip - 1))\" height=\"\(n(rect.height - 2))\" "
            + "fill=\"\(appearance.fill(prefix: prefix))\"/>"
        out +=
            "<path d=\"M\(n(rect.x + strip)),\(n(rect.y)) L\(n(rect.x + strip)),\(n(rect.maxY))\" stroke=\"\(appearance.colour)\" "
            + "stroke-width=\"2\"/>"
        out +=
            "<text x=\"\(n(textX))\" y=\"\(n(rect.y + 22))\" font-size=\"\(n(titleFontSize))\" fill=\"\(SVGSupport.linkColour)\" "
            + "text-decoration=\"underline\">"
        for (index, line) in lines.enumerated() {
            out +=
                "<tspan x=\"\(n(textX))\" dy=\"\(index == 0 ? "0" : n(titleLineHeight))\">\(SVGSupport.escape(line))</tspan>"
        }
        out += "</text>"
        out +=
            "<path d=\"M\(n(rect.x + strip + 1)),\(n(rect.y + 67)) L\(n(rect.maxX - 1)),\(n(rect.y + 67))\" stroke=\"#b1b4b6\" "
            + "stroke-width=\"1\"/>"
        out +=
            "<text x=\"\(n(textX))\" y=\"\(n(rect.maxY - 9))\" font-size=\"\(n(statusFontSize))\" fill=\"\(SVGSupport.textColour)\">"
            + "Status: <tspan font-weight=\"bold\">\(SVGSupport.escape(node.status.label))</tspan></text>"
        return out + "</a>"
    }
}
