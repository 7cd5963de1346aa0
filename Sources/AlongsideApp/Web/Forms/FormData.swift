import Foundation

/// A submitted `application/x-www-form-urlencoded` body. Values are kept as typed (no trimming) so a
/// form shown again after an error holds exactly what the person entered.
public struct FormData: Sendable, Equatable {
    public private(set) var values: [String: [String]] = [:]

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    public init(urlEncoded body: String) {
        self.init(urlEncodedBytes: Array(body.utf8))
    }

    /// Decodes `application/x-www-form-urlencoded` bytes in one pass: "+" is a space and "%XX" a byte, anything
    /// malformed is kept as sent, control characters are dropped (`isKept`). Bytes that are not UTF-8 become replacement characters. One pass over the bytes
    /// keeps a large hostile body cheap to read (issue 15: 1 MiB of "+" took 600 ms with string replacing).
    public init(urlEncodedBytes bytes: [UInt8]) {
        var pairs: [(String, String)] = []
        var name: [UInt8] = [], value: [UInt8] = []
        var inValue = false
        var index = 0
        func finish() {
            if !name.isEmpty || inValue {
                pairs.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
            }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                finish()
            case UInt8(ascii: "=") where !inValue:
                inValue = true
            default:
                var decoded = byte
                if byte == UInt8(ascii: "+") {
                    decoded = UInt8(ascii: " ")
                } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                    let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2])
                {
                    decoded = high << 4 | low
                    index += 2
                }
                if Self.isKept(decoded) {
                    if inValue { value.append(decoded) } else { name.append(decoded) }
                }
            }
            index += 1
        }
        finish()
        self.init(pairs)
    }

    /// Control characters never reach a handler: NUL, escape and the rest of C0 (but tab, line feed and carriage
    /// return, which text areas send) and DEL are dropped as a form is read, so none can be stored and shown later
    /// (issue 15).
    static func isKept(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte != 0x7F) || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The first value for `name`, or "" when it was not sent.
    public subscript(_ name: String) -> String { values[name]?.first ?? "" }

    /// The first value with surrounding spaces removed: what most fields are validated and saved as.
    public func trimmed(_ name: String) -> String {
        self[name].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The same form with one field's value replaced.
    public func replacing(_ name: String, with value: String) -> FormData {
        var copy = self
        copy.values[name] = [value]
        return copy
    }
}
