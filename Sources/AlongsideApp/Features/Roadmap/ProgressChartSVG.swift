/// Roadmap progress by month as stacked bars in an inline SVG (DESIGN.md: server-rendered SVG with a title, a
/// description and a table of the same data beside it). Each status has the same pattern, colour and words as in
/// the relies-upon graph; "in place" sits at the bottom of each bar. Presentation attributes only, no inline style.
public enum ProgressChartSVG {
    enum Metrics {
        static let margin = 20.0
        static let axisX = 76.0
        static let plotHeight = 260.0
        static let pitch = 76.0
        static let barWidth = 40.0
        static let labelFontSize = 13.0
    }

    /// The y axis: from 0 to `maximum` in steps of `step`.
    struct Scale: Equatable {
        let maximum: Int
        let step: Int

        /// Steps of 1, 2 or 5 times a power of ten, at most five of them, covering `largest` (at least one step).
        init(covering largest: Int) {
            let largest = max(0, largest)
            var base = 1, step = 1
            search: while true {
                for factor in [1, 2, 5] {
                    step = base * factor
                    if (largest + step - 1) / step <= 5 { break search }
                }
                base *= 10
            }
            self.step = step
            self.maximum = max(1, (largest + step - 1) / step) * step
        }
    }

    struct Segment: Equatable {
        let status: DeliverableStatus
        let count: Int
        let y: Double
        let height: Double
    }

    /// The segments of one bar, bottom up ("in place" first), in a plot whose baseline is at `baseline`. Empty
    /// statuses have no segment.
    static func segments(_ counts: [DeliverableStatus: Int], scale: Scale, baseline: Double, plotHeight: Double)
        -> [Segment]
    {
        var top = baseline
        return DeliverableStatus.allCases.reversed().compactMap { status in
            let count = max(0, counts[status] ?? 0)
            guard count > 0 else { return nil }
            let height = Double(count) / Double(scale.maximum) * plotHeight
            top -= height
            return Segment(status: status, count: count, y: top, height: height)
        }
    }

    /// - Parameters:
    ///   - months: one bar per entry, left to right; a status missing from `counts` counts as zero.
    ///   - title: the SVG's accessible name (its `<title>`); `description`: its `<desc>`.
    ///   - idPrefix: starts every id in the SVG, so two charts on one page cannot clash.
    ///   - fitToWidth: `width="100%"` (scales with the page) rather than the chart's natural size in pixels.
    public static func render(
        months: [(label: String, counts: [DeliverableStatus: Int])], title: String, description: String,
        idPrefix: String,
        fitToWidth: Bool = true
    ) -> String {
        typealias M = Metrics
        let prefix = SVGSupport.sanitisedPrefix(idPrefix)
        let n = SVGSupport.number, escape = SVGSupport.escape
        let width = max(600, M.axisX + 12 + Double(months.count) * M.pitch + M.margin)
        let legend = SVGLegend.render(
            SVGLegend.statusEntries(prefix: prefix), x: M.margin, y: M.margin, width: width - 2 * M.margin)
        let plotTop = M.margin + legend.height + 28
        let baseline = plotTop + M.plotHeight
        let height = baseline + 16 + 2 * 17 + M.margin
        let totals = months.map { month in month.counts.values.reduce(0) { $0 + max(0, $1) } }
        let scale = Scale(covering: totals.max() ?? 0)
        let plotRight = width - M.margin

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-chart\" role=\"group\" "
        out += "aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\" "
        out += fitToWidth ? "width=\"100%\" " : "width=\"\(n(width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(SVGSupport.fontFamily)\">"
        out +=
            "<title id=\"\(prefix)-title\">\(escape(title))</title><desc id=\"\(prefix)-desc\">\(escape(description))</desc>"
        out += "<defs>" + StatusAppearance.definitions(prefix: prefix) + "</defs>"
        out += "<rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>"
        out += legend.markup

        // The y axis: grid lines and numbers at each step, and what is counted.
        out += "<g aria-hidden=\"true\" font-size=\"\(n(M.labelFontSize))\" fill=\"\(SVGSupport.textColour)\">"
        for value in stride(from: 0, through: scale.maximum, by: scale.step) {
            let y = baseline - Double(value) / Double(scale.maximum) * M.plotHeight
            out +=
                "<path d=\"M\(n(M.axisX)),\(n(y)) L\(n(plotRight)),\(n(y))\" stroke=\"\(value == 0 ? SVGSupport.textColour : "#b1b4b6")\" "
                + "stroke-width=\"1\"/>"
            out += "<text x=\"\(n(M.axisX - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        out +=
            "<path d=\"M\(n(M.axisX)),\(n(plotTop)) L\(n(M.axisX)),\(n(baseline))\" stroke=\"\(SVGSupport.textColour)\" stroke-width=\"1\"/>"
        let middle = plotTop + M.plotHeight / 2
        out +=
            "<text x=\"\(n(M.margin + 10))\" y=\"\(n(middle))\" text-anchor=\"middle\" transform=\"rotate(-90 \(n(M.margin + 10)) \(n(middle)))\">"
            + "Number of deliverables</text></g>"

        if months.isEmpty {
            out +=
                "<text x=\"\(n((M.axisX + plotRight) / 2))\" y=\"\(n(middle))\" text-anchor=\"middle\" font-size=\"14\" "
                + "fill=\"\(SVGSupport.textColour)\">No months to show yet.</text>"
        }
        for (index, month) in months.enumerated() {
            let centre = M.axisX + 12 + (Double(index) + 0.5) * M.pitch
            let x = centre - M.barWidth / 2
            let parts = segments(month.counts, scale: scale, baseline: baseline, plotHeight: M.plotHeight)
            let words = DeliverableStatus.allCases.map { "\(max(0, month.counts[$0] ?? 0)) \($0.label.lowercased())" }
            out +=
                "<g><title>\(escape("\(month.label): \(words.joined(separator: ", ")); \(totals[index]) in all"))</title>"
            for part in parts {
                out +=
                    "<rect x=\"\(n(x))\" y=\"\(n(part.y))\" width=\"\(n(M.barWidth))\" height=\"\(n(part.height))\" "
                    + "fill=\"\(StatusAppearance.of(part.status).fill(prefix: prefix))\" stroke=\"\(StatusAppearance.of(part.status).colour)\" "
                    + "stroke-width=\"1.5\"/>"
            }
            let top = parts.last?.y ?? baseline
            out +=
                "<text x=\"\(n(centre))\" y=\"\(n(top - 6))\" text-anchor=\"middle\" font-size=\"\(n(M.labelFontSize))\" "
                + "font-weight=\"bold\" fill=\"\(SVGSupport.textColour)\">\(totals[index])</text>"
            let lines = SVGSupport.wrap(month.label, width: M.pitch - 6, fontSize: M.labelFontSize, maxLines: 2)
            out +=
                "<text x=\"\(n(centre))\" y=\"\(n(baseline + 18))\" text-anchor=\"middle\" font-size=\"\(n(M.labelFontSize))\" "
                + "fill=\"\(SVGSupport.textColour)\">"
            for (line, text) in lines.enumerated() {
                out += "<tspan x=\"\(n(centre))\" dy=\"\(line == 0 ? "0" : "17")\">\(escape(text))</tspan>"
            }
            out += "</text></g>"
        }
        return out + "</svg>"
    }
}
