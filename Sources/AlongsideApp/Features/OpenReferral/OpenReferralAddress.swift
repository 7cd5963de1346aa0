import Foundation

/// An address as the asset map keeps it (free text and a postcode) split into the standard's fields
/// (`schema-service.json`, location `addresses`: address_1, city, state_province, postal_code, country, all required).
public enum OpenReferralAddress {
    public struct Parts: Equatable, Sendable {
        public let address1: String
        public let city: String
        public let postalCode: String
    }

    /// Lines are the text's lines and comma-separated parts. The last of two or more is the town or city; the rest
    /// is `address_1`. A postcode typed at the end of the address is taken out of it, and used when the postcode
    /// field is empty. With one line, it is `address_1` and the city is left empty (the schema requires the field,
    /// not a value).
    public static func split(address: String, postcode: String) -> Parts {
        var lines = address.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var code = normalisedPostcode(postcode)
        if let last = lines.last, let found = trailingPostcode(last) {
            if code.isEmpty { code = found.postcode }
            if found.postcode == code || normalisedPostcode(found.postcode) == code {
                if found.rest.isEmpty { lines.removeLast() } else { lines[lines.count - 1] = found.rest }
            }
        }
        guard lines.count >= 2 else { return Parts(address1: lines.first ?? "", city: "", postalCode: code) }
        return Parts(
            address1: lines.dropLast().joined(separator: ", "), city: lines[lines.count - 1], postalCode: code)
    }

    /// A UK postcode in capitals with one space before its last three characters ("ex1 1aa" is "EX1 1AA");
    /// anything else is kept as typed, trimmed.
    public static func normalisedPostcode(_ text: String) -> String {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard isPostcode(compact) else { return text.trimmingCharacters(in: .whitespaces) }
        return compact.dropLast(3) + " " + compact.suffix(3)
    }

    /// The outward and inward codes of a UK postcode, written without spaces: A9, A99, AA9, AA99, A9A or AA9A,
    /// then 9AA.
    static func isPostcode(_ compact: String) -> Bool {
        let characters = Array(compact)
        guard (5...7).contains(characters.count), characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        let inward = characters.suffix(3)
        let outward = characters.dropLast(3)
        guard inward.first!.isNumber, inward.dropFirst().allSatisfy(\.isLetter) else { return false }
        return outward.first!.isLetter && outward.contains(where: \.isNumber)
    }

    /// A postcode at the end of a line ("Exeter EX1 1AA"): the postcode and what comes before it.
    static func trailingPostcode(_ line: String) -> (postcode: String, rest: String)? {
        let words = line.split(separator: " ")
        for count in [2, 1] where words.count >= count {
            let candidate = words.suffix(count).joined()
            if isPostcode(candidate.uppercased()) {
                return (normalisedPostcode(candidate), words.dropLast(count).joined(separator: " "))
            }
        }
        return nil
    }
}
