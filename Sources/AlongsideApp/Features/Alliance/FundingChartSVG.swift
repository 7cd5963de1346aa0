import Foundation

/// Money allocated to each member by financial year, as horizontal bars in an inline SVG (DESIGN.md: server-rendered
/// SVG with a title, a description and a table of the same data beside it). Each member has a heading with its total
/// and one bar per year, each bar labelled in words with its year and amount, so nothing depends on colour.
/// Presentation attributes only: the Content-Security-Policy forbids inline style.
enum FundingChartSVG {
    enum Metrics {
        static let width = 720.0
        static let margin = 16.0
        static let yearColumn = 86.0
        static let valueColumn = 132.0
        static let nameHeight = 26.0
        static let barHeight = 18.0
        static let barPitch = 26.0
        static let memberGap = 14.0
        static let fontSize = 14.0
    }

    struct Bar: Equatable {
        let label: String
        let pence: Int
    }

    struct MemberBars: Equatable {
        let name: String
        let total: Int
        let bars: [Bar]
    }

    /// The length of a bar for `pence` when the largest bar is `largest` pence and `plotWidth` wide; a bar for
    /// something more than nothing is at least 2 wide so it shows.
    static func barWidth(_ pence: Int, largest: Int, plotWidth: Double) -> Double {
        guard largest > 0, pence > 0 else { return 0 }
        return max(2, Double(pence) / Double(largest) * plotWidth)
    }

    static func render(_ members: [MemberBars], title: String, description: String, idPrefix: String) -> String {
        typealias M = Metrics
        let prefix = SVGSupport.sanitisedPrefix(idPrefix)
        let n = SVGSupport.number, escape = SVGSupport.escape
        let plotLeft = M.margin + M.yearColumn
        let plotWidth = M.width - plotLeft - M.valueColumn - M.margin
        let largest = members.flatMap(\.bars).map(\.pence).max() ?? 0
        let bodyHeight = members.reduce(0.0) { $0 + M.nameHeight + Double($1.bars.count) * M.barPitch + M.memberGap }
        let height = max(60, M.margin * 2 + bodyHeight)

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funding-chart\" role=\"img\" "
        out += "aria-labelledby=\"\(prefix)-title\" aria-describedby=\"\(prefix)-desc\" width=\"100%\" "
        out +=
            "viewBox=\"0 0 \(n(M.width)) \(n(height))\" font-family=\"\(SVGSupport.fontFamily)\" font-size=\"\(n(M.fontSize))\">"
        out +=
            "<title id=\"\(prefix)-title\">\(escape(title))</title><desc id=\"\(prefix)-desc\">\(escape(description))</desc>"
        out += "<rect width=\"\(n(M.width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>"
        if members.isEmpty {
            out +=
                "<text x=\"\(n(M.width / 2))\" y=\"\(n(height / 2 + 5))\" text-anchor=\"middle\" fill=\"\(SVGSupport.textColour)\">"
                + "Nothing is allocated yet.</text>"
        }
        var y = M.margin
        for member in members {
            let name =
                SVGSupport.wrap(member.name, width: M.width - 2 * M.margin - 150, fontSize: M.fontSize, maxLines: 1)
                .first ?? ""
            out += "<g>"
            out +=
                "<text x=\"\(n(M.margin))\" y=\"\(n(y + 18))\" font-weight=\"bold\" fill=\"\(SVGSupport.textColour)\">"
                + "\(escape(name)): \(escape(Money.format(member.total))) in all</text>"
            y += M.nameHeight
            for bar in member.bars {
                let width = barWidth(bar.pence, largest: largest, plotWidth: plotWidth)
                out +=
                    "<text x=\"\(n(M.margin))\" y=\"\(n(y + 14))\" fill=\"\(SVGSupport.textColour)\">\(escape(bar.label))</text>"
                if width > 0 {
                    out +=
                        "<rect x=\"\(n(plotLeft))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(M.barHeight))\" fill=\"#005eb8\"/>"
                }
                out +=
                    "<text x=\"\(n(plotLeft + width + 6))\" y=\"\(n(y + 14))\" fill=\"\(SVGSupport.textColour)\">\(escape(Money.format(bar.pence)))</text>"
                y += M.barPitch
            }
            out += "</g>"
            y += M.memberGap
        }
        return out + "</svg>"
    }
}
