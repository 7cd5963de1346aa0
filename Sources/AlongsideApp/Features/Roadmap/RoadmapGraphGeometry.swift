/// Where everything in the roadmap graph drawing goes: columns of boxes, one column per layer of `GraphLayout`,
/// what is relied upon on the left. Cycles are drawn as a group (a labelled dashed frame) within their column.
struct RoadmapGraphGeometry {
    struct Rect: Equatable {
        var x, y, width, height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }
        var midY: Double { y + height / 2 }
    }

    enum Metrics {
        static let margin = 20.0
        static let boxWidth = 210.0
        static let boxHeight = 92.0
        static let stripWidth = 26.0
        static let gapX = 104.0
        static let gapY = 24.0
        /// Space above a cycle's first member for its label.
        static let cycleLabelHeight = 28.0
        /// Space between members of a cycle, for the arrows between neighbours.
        static let cycleMemberGap = 34.0
        static let cyclePadBottom = 12.0
        static let cyclePadX = 16.0
    }

    let layout: GraphLayout
    /// Each node's box.
    let boxes: [Rect]
    /// Each cycle's frame, by cycle number.
    let groups: [Rect]
    /// Each column's occupied vertical intervals (boxes and cycle frames), top to bottom.
    let obstacles: [[ClosedRange<Double>]]
    /// The left edge of each column's boxes.
    let columnX: [Double]
    /// How far a cycle frame reaches beyond its boxes on each side (room for arcs between non-neighbours).
    let padX: Double
    /// Each node's position in its layer's drawing order.
    let slot: [Int]
    let areaTop: Double
    let areaBottom: Double
    let width: Double

    init(graph: DependencyGraph, layout: GraphLayout, top: Double, minimumWidth: Double) {
        typealias M = Metrics
        var slot = Array(repeating: 0, count: graph.count)
        for row in layout.layers { for (index, node) in row.enumerated() { slot[node] = index } }
        var widest = 0
        for (from, targets) in graph.reliesOn.enumerated() {
            for to in targets where layout.cycleOf[from] != nil && layout.cycleOf[from] == layout.cycleOf[to] {
                widest = max(widest, abs(slot[from] - slot[to]))
            }
        }
        let padX = M.cyclePadX + (widest >= 2 ? RoadmapGraphGeometry.bulge(distance: widest) : 0)
        let columnX = layout.layers.indices.map { M.margin + padX + Double($0) * (M.boxWidth + M.gapX) }

        // Stack each column from 0, then centre the columns on the tallest.
        var boxes = Array(repeating: Rect(x: 0, y: 0, width: M.boxWidth, height: M.boxHeight), count: graph.count)
        var groups = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: layout.cycles.count)
        var obstacles: [[ClosedRange<Double>]] = []
        var heights: [Double] = []
        for (layer, row) in layout.layers.enumerated() {
            var y = 0.0, index = 0, intervals: [ClosedRange<Double>] = []
            while index < row.count {
                let node = row[index]
                if let cycle = layout.cycleOf[node] {
                    let top = y
                    y += M.cycleLabelHeight
                    let members = layout.cycles[cycle].count
                    for offset in 0..<members {
                        boxes[row[index + offset]] = Rect(
                            x: columnX[layer], y: y, width: M.boxWidth, height: M.boxHeight)
                        y += M.boxHeight + (offset == members - 1 ? M.cyclePadBottom : M.cycleMemberGap)
                    }
                    groups[cycle] = Rect(
                        x: columnX[layer] - padX, y: top, width: M.boxWidth + 2 * padX, height: y - top)
                    intervals.append(top...y)
                    index += members
                } else {
                    boxes[node] = Rect(x: columnX[layer], y: y, width: M.boxWidth, height: M.boxHeight)
                    intervals.append(y...(y + M.boxHeight))
                    y += M.boxHeight
                    index += 1
                }
                y += M.gapY
            }
            obstacles.append(intervals)
            heights.append(max(0, y - M.gapY))
        }
        let tallest = heights.max() ?? 0
        let areaTop = top + M.gapY
        for (layer, row) in layout.layers.enumerated() {
            let shift = areaTop + (tallest - heights[layer]) / 2
            for node in row { boxes[node].y += shift }
            obstacles[layer] = obstacles[layer].map { ($0.lowerBound + shift)...($0.upperBound + shift) }
        }
        for cycle in groups.indices {
            groups[cycle].y += areaTop + (tallest - heights[layout.layerOf[layout.cycles[cycle][0]]]) / 2
        }

        self.layout = layout
        self.boxes = boxes
        self.groups = groups
        self.obstacles = obstacles
        self.columnX = columnX
        self.padX = padX
        self.slot = slot
        self.areaTop = areaTop
        self.areaBottom = areaTop + tallest + M.gapY
        let columns = Double(layout.layers.count)
        let drawn = columns == 0 ? 0 : 2 * M.margin + 2 * padX + columns * M.boxWidth + (columns - 1) * M.gapX
        self.width = max(minimumWidth, drawn)
    }

    /// How far an arc between cycle members `distance` places apart bulges beside the boxes.
    static func bulge(distance: Int) -> Double { min(24, 14 + 5 * Double(max(0, distance - 2))) }

    /// The nearest height to `desired` at which a line can cross column `layer` without passing behind anything.
    func crossing(layer: Int, desired: Double) -> Double {
        var free: [ClosedRange<Double>] = []
        var upper = areaTop - Metrics.gapY / 2
        for interval in obstacles[layer] {
            free.append(upper...max(upper, interval.lowerBound))
            upper = interval.upperBound
        }
        free.append(upper...max(upper, areaBottom - Metrics.gapY / 2))
        var best = desired, bestDistance = Double.infinity
        for gap in free {
            let inset = min(12, (gap.upperBound - gap.lowerBound) / 2)
            let y = min(max(desired, gap.lowerBound + inset), gap.upperBound - inset)
            if abs(y - desired) < bestDistance { best = y; bestDistance = abs(y - desired) }
        }
        return best
    }
}
