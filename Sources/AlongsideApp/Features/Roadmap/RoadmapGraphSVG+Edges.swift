extension RoadmapGraphSVG {
    static let edgeColour = "#383f43"

    /// The arrows, from each deliverable to what it relies upon. Links between columns leave the left edge of the
    /// deliverable and end on the right edge of what it relies upon, spread along each edge so they do not all meet
    /// at one point, and cross intermediate columns through the gaps between boxes. Links inside a cycle join
    /// neighbours with short vertical arrows, and others with arcs beside the boxes.
    static func edges(graph: DependencyGraph, geometry g: RoadmapGraphGeometry, arrowID: String) -> String {
        let layout = g.layout
        let n = SVGSupport.number
        var outgoing = Array(repeating: [Int](), count: graph.count)
        var incoming = Array(repeating: [Int](), count: graph.count)
        var inner: [(from: Int, to: Int)] = []
        for (from, targets) in graph.reliesOn.enumerated() {
            for to in targets {
                if layout.layerOf[from] == layout.layerOf[to] {
                    inner.append((from, to))
                } else {
                    outgoing[from].append(to)
                    incoming[to].append(from)
                }
            }
        }
        func spread(_ box: RoadmapGraphGeometry.Rect, _ index: Int, of count: Int) -> Double {
            let inset = 14.0
            return box.y + inset + Double(index + 1) * (box.height - 2 * inset) / Double(count + 1)
        }
        func attach(_ list: [Int]) -> [Int: Int] {
            let ordered = list.sorted { (g.boxes[$0].midY, $0) < (g.boxes[$1].midY, $1) }
            return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
        }
        let outgoingOrder = outgoing.map(attach), incomingOrder = incoming.map(attach)
        let open =
            "<path fill=\"none\" stroke=\"\(edgeColour)\" stroke-width=\"1.5\" marker-end=\"url(#\(arrowID))\" d=\""
        var out = ""

        for from in outgoing.indices {
            for to in outgoing[from] {
                let source = g.boxes[from], target = g.boxes[to]
                let start = (x: source.x, y: spread(source, outgoingOrder[from][to]!, of: outgoing[from].count))
                let end = (x: target.maxX, y: spread(target, incomingOrder[to][from]!, of: incoming[to].count))
                var d = "M\(n(start.x)),\(n(start.y))"
                var at = start
                func curve(to point: (x: Double, y: Double)) {
                    let dx = (at.x - point.x) / 2
                    d += " C\(n(at.x - dx)),\(n(at.y)) \(n(point.x + dx)),\(n(point.y)) \(n(point.x)),\(n(point.y))"
                    at = point
                }
                // Cross each column in between through its nearest gap, on a line from start to end.
                for layer in stride(from: layout.layerOf[from] - 1, to: layout.layerOf[to], by: -1) {
                    let right = g.columnX[layer] + RoadmapGraphGeometry.Metrics.boxWidth + g.padX
                    let left = g.columnX[layer] - g.padX
                    let share = (start.x - (left + right) / 2) / (start.x - end.x)
                    let y = g.crossing(layer: layer, desired: start.y + (end.y - start.y) * share)
                    curve(to: (right, y))
                    d += " L\(n(left)),\(n(y))"
                    at = (left, y)
                }
                curve(to: end)
                out += open + d + "\"/>"
            }
        }

        for link in inner {
            let source = g.boxes[link.from], target = g.boxes[link.to]
            let down = source.y < target.y
            let distance = abs(g.slot[link.from] - g.slot[link.to])
            if distance == 1 {
                let x = source.x + source.width / 2 + (down ? -24 : 24)
                let (y1, y2) = down ? (source.maxY, target.y) : (source.y, target.maxY)
                out += open + "M\(n(x)),\(n(y1)) L\(n(x)),\(n(y2))\"/>"
            } else {
                // Downward arcs on the right, upward on the left, so a pair of opposite links never overlap.
                let control = RoadmapGraphGeometry.bulge(distance: distance) / 0.75
                let x = down ? source.maxX : source.x
                let bend = down ? x + control : x - control
                let y1 = source.midY + (down ? 12 : -12), y2 = target.midY + (down ? -12 : 12)
                out += open + "M\(n(x)),\(n(y1)) C\(n(bend)),\(n(y1)) \(n(bend)),\(n(y2)) \(n(x)),\(n(y2))\"/>"
            }
        }
        return out
    }

    /// Red, as the error colour elsewhere, and dashed so the difference never rests on colour alone.
    static let breakColour = "#d4351c"

    /// The links a suggested order goes against (issue 19), drawn dashed in red. In a layout that follows the
    /// order they usually point right, to a later column: they leave the right edge of the deliverable, cross the
    /// columns in between through their gaps and end on the left edge of what it relies upon. Within one column
    /// they arc beside the boxes on the right.
    static func breakEdges(_ breaks: [SuggestedOrder.Break], geometry g: RoadmapGraphGeometry, arrowID: String)
        -> String
    {
        let n = SVGSupport.number
        let layout = g.layout
        let open =
            "<path fill=\"none\" stroke=\"\(breakColour)\" stroke-width=\"2\" stroke-dasharray=\"6 4\" "
            + "marker-end=\"url(#\(arrowID))\" d=\""
        var out = ""
        for link in breaks {
            let source = g.boxes[link.node], target = g.boxes[link.reliesOn]
            let fromLayer = layout.layerOf[link.node], toLayer = layout.layerOf[link.reliesOn]
            var d: String
            if fromLayer == toLayer {
                let bend = source.maxX + 44
                d =
                    "M\(n(source.maxX)),\(n(source.midY + 8)) C\(n(bend)),\(n(source.midY + 8)) "
                    + "\(n(bend)),\(n(target.midY - 8)) \(n(target.maxX)),\(n(target.midY - 8))"
            } else {
                let rightwards = fromLayer < toLayer
                let start = (x: rightwards ? source.maxX : source.x, y: source.midY + 10)
                let end = (x: rightwards ? target.x : target.maxX, y: target.midY + 10)
                var at = start
                d = "M\(n(start.x)),\(n(start.y))"
                func curve(to point: (x: Double, y: Double)) {
                    let dx = (point.x - at.x) / 2
                    d += " C\(n(at.x + dx)),\(n(at.y)) \(n(point.x - dx)),\(n(point.y)) \(n(point.x)),\(n(point.y))"
                    at = point
                }
                let between =
                    rightwards
                    ? Array(stride(from: fromLayer + 1, to: toLayer, by: 1))
                    : Array(stride(from: fromLayer - 1, to: toLayer, by: -1))
                for layer in between {
                    let left = g.columnX[layer] - g.padX
                    let right = g.columnX[layer] + RoadmapGraphGeometry.Metrics.boxWidth + g.padX
                    let share = ((left + right) / 2 - start.x) / (end.x - start.x)
                    let y = g.crossing(layer: layer, desired: start.y + (end.y - start.y) * share)
                    let (entry, exit) = rightwards ? (left, right) : (right, left)
                    curve(to: (entry, y))
                    d += " L\(n(exit)),\(n(y))"
                    at = (exit, y)
                }
                curve(to: end)
            }
            out += open + d + "\"/>"
        }
        return out
    }
}
