import Mustache

/// HTML escaping with exactly swift-mustache's output, made cheap (issue 16: a profile of `/roadmap` spent 11% of
/// the server's time in the library's escaping, which walks the text one `Character` at a time with a dictionary
/// lookup for each).
///
/// The library replaces `<`, `>`, `&`, `"` and `'` when one stands as a `Character` of its own. Here the UTF-8
/// bytes are read instead: text with none of those five bytes is returned as it is, and otherwise each is replaced
/// in one pass. The two differ only where one of the five joins a neighbour in one `Character` (a combining mark
/// after it, a prepended mark before it), which needs a non-ASCII byte beside it; such text is escaped by
/// `Character`s, as the library does.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        if let escaped = text.utf8.withContiguousStorageIfAvailable({ escape(text, bytes: $0) }) {
            return escaped
        }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable { escape(contiguous, bytes: $0) } ?? byCharacter(text)
    }

    private static func escape(_ text: String, bytes: UnsafeBufferPointer<UInt8>) -> String {
        // First pass: how much longer the escaped text is, and whether bytes are enough to decide.
        var extra = 0
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte <= 0x3E, let replacement = replacements[Int(byte)] else { continue }
            if index > 0, bytes[index - 1] >= 0x80 { return byCharacter(text) }
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return byCharacter(text) }
            extra += replacement.count - 1
        }
        if extra == 0 { return text }
        // Second pass: write the escaped bytes straight into the new string.
        return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
            var written = 0
            for byte in bytes {
                if byte <= 0x3E, let replacement = replacements[Int(byte)] {
                    for replacementByte in replacement {
                        output[written] = replacementByte
                        written += 1
                    }
                } else {
                    output[written] = byte
                    written += 1
                }
            }
            return written
        }
    }

    /// The library's own way, for the rare text where a byte alone cannot tell.
    static func byCharacter(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The replacement for each ASCII byte up to `>`, or `nil` for one kept as it is.
    private static let replacements: [[UInt8]?] = (0...0x3E).map { byte -> [UInt8]? in
        switch UInt8(byte) {
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "'"): Array("&#39;".utf8)
        default: nil
        }
    }
}

/// The content type every template is rendered with: HTML, escaped by `HTMLEscaping`. `Views` names it in a
/// `CONTENT_TYPE` pragma it puts before each template as it loads it, so the templates themselves say nothing.
struct EscapedHTML: MustacheContentType {
    static let name = "ALONGSIDE_HTML"

    /// Registered once, before the first template naming it is parsed.
    static let registered: Void = MustacheContentTypes.register(EscapedHTML(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
