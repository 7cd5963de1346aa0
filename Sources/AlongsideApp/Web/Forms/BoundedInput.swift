import Foundation

/// Whole numbers from a request, parsed into a bounded range before any arithmetic. Swift traps on overflow and
/// a trap stops the server for everyone, so no request value reaches `Int(…)` or arithmetic except through here
/// (issue 15; STYLE.md 16).
public enum BoundedNumber {
    /// The largest number of characters a whole number we accept may have: far above any real value we ask
    /// for, far below what could overflow.
    static let maxDigits = 12

    /// The whole number in `text` (spaces around it allowed, an optional leading "-"), or nil when it is empty,
    /// not a whole number, or outside `range`.
    public static func parse(_ text: String, in range: ClosedRange<Int>) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        guard !digits.isEmpty, digits.utf8.count <= maxDigits, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int(trimmed), range.contains(value)
        else { return nil }
        return value
    }

    /// A record id: a positive whole number of at most 18 digits, or nil.
    public static func id(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 18, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int64(trimmed), value > 0
        else { return nil }
        return value
    }
}

extension FormData {
    /// A number the page itself sends (a hidden field, a page number, a year in a link): nil when the field is
    /// missing or empty; a value that is not a whole number in `range` is refused with a 422 page naming the field,
    /// since no form of ours sends one.
    public func number(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        let text = self[name]
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        guard let value = BoundedNumber.parse(text, in: range) else {
            throw AppError.invalidInput(
                "“\(Self.shortName(name))” must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A record id chosen from a list (a select, a radio, a link): nil when missing or not an id.
    public func id(_ name: String) -> Int64? {
        BoundedNumber.id(self[name])
    }

    /// Every id sent under `name`, with anything that is not an id as nil (so a form can say a choice was not offered).
    public func ids(_ name: String) -> [Int64?] {
        all(name).filter { !$0.isEmpty }.map(BoundedNumber.id)
    }

    /// The version an edit was made from. A missing or malformed version is treated as out of date (-1 never
    /// matches a stored version), so an edit without one is refused as a conflict rather than silently overwriting.
    public var expectedVersion: Int {
        BoundedNumber.parse(self[EditField.version], in: 0...Int(Int32.max)) ?? -1
    }

    /// A field name short enough to quote back in a message.
    static func shortName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40))
        return cleaned.isEmpty ? "a field" : cleaned
    }
}

/// Length limits for free text, so no field can grow without bound, above all in append-only records that can
/// never be cleaned (issue 15). Counted in characters as a person sees them.
public enum TextLimit {
    /// A name, a title, a short answer on one line.
    public static let line = 200
    /// A question, a reference, a few sentences.
    public static let short = 1_000
    /// Paragraphs: a rationale, minutes for an item, a description.
    public static let paragraph = 10_000
    /// A whole document such as a terms of reference section.
    public static let document = 50_000
}

extension FormErrors {
    /// Adds "`label` must be `max` characters or fewer" when the trimmed value of `name` is longer than `max`.
    /// Returns true when the value fits.
    @discardableResult
    public mutating func checkLength(_ form: FormData, _ name: String, max: Int, label: String) -> Bool {
        checkLength(form.trimmed(name), name, max: max, label: label)
    }

    /// The same check on a value already read.
    @discardableResult
    public mutating func checkLength(_ value: String, _ name: String, max: Int, label: String) -> Bool {
        guard value.count > max else { return true }
        add(
            name,
            "\(label) must be \(NumberText.grouped(max)) characters or fewer (you entered \(NumberText.grouped(value.count)))"
        )
        return false
    }
}

/// Sizes as people read them: "1 MB", "64 KB".
enum ByteSize {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
