/// How a deliverable's status is drawn in the roadmap's SVG graph and progress chart. Status is never shown by
/// colour alone (DESIGN.md): each status has a fill pattern as well as a colour, and the words are always written
/// beside it. Every colour is at least 4.5:1 against white.
public struct StatusAppearance: Sendable, Equatable {
    public enum Pattern: String, Sendable, CaseIterable {
        case blank, dots, hatch, crossHatch, solid
    }

    public let status: DeliverableStatus
    /// Hex colour of the pattern and outline.
    public let colour: String
    public let pattern: Pattern
    /// The pattern in words, for a legend: "no fill", "dots"…
    public let patternDescription: String

    public static func of(_ status: DeliverableStatus) -> StatusAppearance {
        switch status {
        case .notStarted:
            return .init(status: status, colour: "#505a5f", pattern: .blank, patternDescription: "no fill")
        case .planning: return .init(status: status, colour: "#005eb8", pattern: .dots, patternDescription: "dots")
        case .inProgress:
            return .init(status: status, colour: "#4c2c92", pattern: .hatch, patternDescription: "diagonal lines")
        case .atRisk:
            return .init(status: status, colour: "#b10e1e", pattern: .crossHatch, patternDescription: "crossed lines")
        case .inPlace:
            return .init(status: status, colour: "#00703c", pattern: .solid, patternDescription: "solid fill")
        }
    }

    /// The legend, one entry per status in the vocabulary's order, for a page to show as text beside a chart.
    public static var legend: [StatusAppearance] { DeliverableStatus.allCases.map(of) }

    /// The `fill` attribute value for this status inside an SVG whose `<defs>` came from `definitions(prefix:)`.
    func fill(prefix: String) -> String {
        switch pattern {
        case .blank: return "#ffffff"
        case .solid: return colour
        default: return "url(#\(prefix)-pattern-\(status.rawValue))"
        }
    }

    /// `<pattern>` elements for every status that needs one, with ids `<prefix>-pattern-<status>`.
    static func definitions(prefix: String) -> String {
        legend.compactMap { appearance -> String? in
            let id = "\(prefix)-pattern-\(appearance.status.rawValue)"
            let colour = appearance.colour
            let open =
                "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
                + "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
            switch appearance.pattern {
            case .blank, .solid: return nil
            case .dots:
                return open + "<circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"\(colour)\"/></pattern>"
            case .hatch:
                return open
                    + "<path d=\"M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6\" stroke=\"\(colour)\" stroke-width=\"2\"/></pattern>"
            case .crossHatch:
                return open + "<path d=\"M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6 M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2\" "
                    + "stroke=\"\(colour)\" stroke-width=\"1.5\"/></pattern>"
            }
        }.joined()
    }

    /// A swatch: the pattern (or colour) inside an outline in the status colour.
    static func swatch(x: Double, y: Double, width: Double, height: Double, status: DeliverableStatus, prefix: String)
        -> String
    {
        let appearance = of(status)
        let n = SVGSupport.number
        return "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "fill=\"\(appearance.fill(prefix: prefix))\" stroke=\"\(appearance.colour)\" stroke-width=\"1.5\"/>"
    }
}
