/// A key drawn inside an SVG chart: a symbol and words per entry, flowing into rows that fit the width.
struct SVGLegend {
    struct Entry {
        /// Draws the symbol in a 28 × 18 box whose top-left corner is given.
        var symbol: (_ x: Double, _ y: Double) -> String
        var label: String
    }

    static let fontSize = 14.0
    static let rowHeight = 28.0
    static let symbolWidth = 28.0

    /// The status entries: each pattern, outlined in its colour, with the status in words and the pattern named.
    static func statusEntries(prefix: String) -> [Entry] {
        StatusAppearance.legend.map { appearance in
            Entry(
                symbol: { x, y in
                    StatusAppearance.swatch(
                        x: x, y: y, width: symbolWidth, height: 18, status: appearance.status, prefix: prefix)
                },
                label: "\(appearance.status.label) (\(appearance.patternDescription))"
            )
        }
    }

    /// Draws the heading "Key" and the entries from (x, y) within `width`; returns the markup and the height used.
    static func render(_ entries: [Entry], x: Double, y: Double, width: Double) -> (markup: String, height: Double) {
        let n = SVGSupport.number
        var out = "<g aria-hidden=\"true\">"
        let heading = "Key:"
        out +=
            "<text x=\"\(n(x))\" y=\"\(n(y + 19))\" font-size=\"\(n(fontSize))\" font-weight=\"bold\" "
            + "fill=\"\(SVGSupport.textColour)\">\(heading)</text>"
        let start = x + SVGSupport.textWidth(heading, fontSize: fontSize) + 12
        var cursor = start, row = 0.0
        for entry in entries {
            let itemWidth = symbolWidth + 8 + SVGSupport.textWidth(entry.label, fontSize: fontSize) + 20
            if cursor > start, cursor + itemWidth > x + width {
                cursor = start
                row += 1
            }
            let top = y + row * rowHeight
            out += entry.symbol(cursor, top + 5)
            out +=
                "<text x=\"\(n(cursor + symbolWidth + 8))\" y=\"\(n(top + 19))\" font-size=\"\(n(fontSize))\" "
                + "fill=\"\(SVGSupport.textColour)\">\(SVGSupport.escape(entry.label))</text>"
            cursor += itemWidth
        }
        out += "</g>"
        return (out, (row + 1) * rowHeight)
    }
}
