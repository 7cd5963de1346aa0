/// One SMTP reply (RFC 5321 section 4.2): a three-digit code and its lines of text. A multi-line reply repeats the
/// code on each line, with `-` after it on all but the last (`250-SIZE 1000000` … `250 HELP`).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public var isPositive: Bool { (200..<400).contains(code) }
    public var isTemporaryFailure: Bool { (400..<500).contains(code) }
    public var isPermanentFailure: Bool { code >= 500 }
    /// The reply's text on one line, for people to read.
    public var text: String { lines.filter { !$0.isEmpty }.joined(separator: " ") }
    public var description: String { "\(code) \(text)" }

    /// The EHLO keywords (the first word of each line after the first), upper-cased, with their parameters.
    var extensions: [String: [String]] {
        var found: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first else { continue }
            found[keyword.uppercased()] = words.dropFirst().map { $0.uppercased() }
        }
        return found
    }
}

/// Puts replies together from the lines the server sends. A line that is not `ddd`, `ddd text` or `ddd-text`, or a
/// continuation with another code, is a protocol error: the peer is not the SMTP server it should be.
struct SMTPReplyParser {
    private var code: Int?
    private var lines: [String] = []

    struct Malformed: Error {}

    /// Takes one line without its CRLF; returns the reply when this line ends one.
    mutating func take(_ line: String) throws(Malformed) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            bytes[0] >= UInt8(ascii: "2"), bytes[0] <= UInt8(ascii: "5"),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
            let lineCode = Int(String(decoding: bytes[0...2], as: UTF8.self))
        else { throw Malformed() }
        if let code, code != lineCode { throw Malformed() }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        defer {
            code = nil
            lines = []
        }
        return SMTPReply(code: lineCode, lines: lines)
    }

    var isInsideReply: Bool { code != nil }
}
