import Foundation

/// The encodings a message is written in (RFC 2045 and 2047, RFC 5322's header syntax). Everything they produce is
/// 7-bit ASCII with CRLF line ends and lines of at most 76 characters, so a message passes any relay unchanged.
enum MIMEEncoding {
    static let crlf = "\r\n"
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Quoted-printable (RFC 2045 section 6.7) of UTF-8 text. Any line break in the text (`\n`, `\r\n`, `\r`) becomes a
    /// CRLF; a line longer than 76 characters is broken with a soft break (`=` at its end), never inside an `=XX`.
    /// `=` is always encoded, so `=_` (how boundaries begin) can never appear in the output.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output: [UInt8] = []
        for (index, line) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += Array(crlf.utf8) }
            let bytes = Array(line.utf8)
            var width = 0
            for (position, byte) in bytes.enumerated() {
                let isLast = position == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
                let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // Leave room for the soft break's "=" unless this is the line's last piece.
                let limit = isLast ? 76 : 75
                if width + piece.count > limit {
                    output += Array("=\r\n".utf8)
                    width = 0
                }
                output += piece
                width += piece.count
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters (RFC 2045 section 6.8), each ended by CRLF.
    static func base64Lines(_ data: Data) -> String {
        let encoded = data.base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return lines.map { $0 + crlf }.joined()
    }

    /// Text as it may stand in a header: printable ASCII words as they are; otherwise RFC 2047 encoded-words
    /// (`=?UTF-8?B?…?=`, each at most 75 characters and never splitting a character), separated by spaces, so the
    /// header can be folded between them.
    static func headerText(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value <= 126 }
        // A word that looks like an encoded-word, or one too long to fold, is encoded too.
        if plain, !text.contains("=?"), words.allSatisfy({ $0.utf8.count <= 70 }) { return text }
        return encodedWords(text)
    }

    /// RFC 2047 "B" encoded-words for the whole text, each holding whole characters and at most 64 characters long.
    static func encodedWords(_ text: String) -> String {
        let prefix = "=?UTF-8?B?", suffix = "?="
        // 39 bytes of UTF-8 make 52 characters of base64, 64 with the markers: short enough that even the first word,
        // after "Subject: ", keeps its line within 78 characters.
        let maxBytes = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(prefix + Data(chunk).base64EncodedString() + suffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
        return words.joined(separator: " ")
    }

    /// A display name as an RFC 5322 phrase: a quoted string when it is printable ASCII, else encoded-words.
    static func phrase(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value <= 126 }
        guard plain, !name.contains("=?"), name.utf8.count <= 70 else { return encodedWords(name) }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    static func mailbox(_ address: MailAddress) -> String {
        guard let name = address.name else { return address.address }
        return phrase(name) + " <" + address.address + ">"
    }

    /// One header field, folded (RFC 5322 section 2.2.3) at spaces so that no line passes 78 characters where the
    /// value allows it; a value is never longer than 998 characters between spaces (callers see to it).
    static func header(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = name + ":"
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            if line.utf8.count + 1 + word.utf8.count > 78, line != name + ":" {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: crlf) + crlf
    }

    /// The RFC 5322 date, in UTC: `Mon, 07 Dec 2026 22:11:48 +0000`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ number: Int?) -> String { String(format: "%02d", number ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
