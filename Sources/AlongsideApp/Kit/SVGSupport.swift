import Foundation

/// Small helpers shared by the server-rendered SVG charts (DESIGN.md: charts are SVG with a title, a description
/// and a table beside them). The Content-Security-Policy forbids inline style, so everything here writes
/// presentation attributes only.
enum SVGSupport {
    /// The site's font stack (Public/css/site.css), as a presentation attribute value.
    static let fontFamily = "Liberation Sans, Arial, Helvetica, sans-serif"
    static let textColour = "#0b0c0c"
    static let secondaryTextColour = "#4c5155"
    static let linkColour = "#005eb8"

    /// Escapes text for XML content and attribute values, and drops control characters XML cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF
                {
                    continue
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An id prefix safe to use in `id` and `url(#…)`: letters, digits, `-` and `_`, starting with a letter.
    static func sanitisedPrefix(_ prefix: String) -> String {
        let kept = String(
            prefix.unicodeScalars.filter {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            })
        guard let first = kept.unicodeScalars.first, CharacterSet.letters.contains(first) else { return "svg-" + kept }
        return kept
    }

    /// A link target that cannot run script: relative paths, fragments, queries and http(s) addresses pass;
    /// anything else (`javascript:`, `data:`…) becomes `#`.
    static func safeHref(_ href: String) -> String {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return trimmed }
        if let first = trimmed.first, "/#?".contains(first) { return trimmed }
        let beforeSlash = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return beforeSlash.contains(":") || trimmed.isEmpty ? "#" : trimmed
    }

    /// A coordinate with at most one decimal place and no trailing ".0".
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// An estimate of the rendered width of `text` in Liberation Sans / Arial (the two share metrics) at `fontSize`,
    /// so exact for those two; a wider fallback font may reach into the padding beside the text.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            units += advance(of: scalar)
        }
        return Double(units) * fontSize / 1000
    }

    /// Arial's advance widths in thousandths of an em for printable ASCII (space to tilde).
    private static let asciiAdvances: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p to ~
    ]

    private static func advance(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x20...0x7E: return asciiAdvances[Int(scalar.value) - 0x20]
        case 0x2018, 0x2019: return 222
        case 0x201C, 0x201D: return 333
        case 0x2013: return 556
        case 0x2014, 0x2026: return 1000
        case 0x2E80...: return 1000
        default: return 600
        }
    }

    /// Wraps text into at most `maxLines` lines no wider than `width`, breaking at spaces and after hyphens; what does
    /// not fit ends the last line with "…".
    static func wrap(_ text: String, width: Double, fontSize: Double, maxLines: Int) -> [String] {
        // Each piece with what joins it to the piece before: a space between words, nothing after a hyphen.
        var pieces: [(glue: String, text: String)] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            var glue = " ", piece = ""
            for character in word {
                piece.append(character)
                if character == "-", piece.count > 1 { pieces.append((glue, piece)); glue = ""; piece = "" }
            }
            if !piece.isEmpty { pieces.append((glue, piece)) }
        }
        guard maxLines > 0, !pieces.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        func fits(_ candidate: String) -> Bool { textWidth(candidate, fontSize: fontSize) <= width }
        for piece in pieces {
            let candidate = current.isEmpty ? piece.text : current + piece.glue + piece.text
            if fits(candidate) { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            // A word longer than a whole line is broken wherever it must be.
            current = ""
            for character in piece.text {
                if fits(current + String(character)) {
                    current.append(character)
                } else {
                    if !current.isEmpty { lines.append(current) }
                    current = String(character)
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var last = lines[maxLines - 1]
        while !last.isEmpty && !fits(last + "…") { last.removeLast() }
        while last.last?.isWhitespace == true || last.last == "," { last.removeLast() }
        return Array(lines.prefix(maxLines - 1)) + [last + "…"]
    }
}
