import Foundation

/// Charity and company numbers as the registers write them. Each check accepts spaces and lower case, and
/// returns the number upper case without spaces (how it is stored), or "" when nothing was typed.
public enum OrganisationNumbers {
    public static let charityFormat =
        "6 or 7 digits for England and Wales, like 1123456 (or 1123456-1 for a linked charity), "
        + "SC and 6 digits for Scotland, like SC012345, or NIC and 6 digits for Northern Ireland, like NIC100001"

    /// England and Wales (Charity Commission): 6 or 7 digits, with a linked charity's suffix such as "-1";
    /// Scotland (OSCR): "SC" and 6 digits; Northern Ireland (CCNI): "NIC" and 6 digits.
    public static func charityNumber(_ typed: String) -> Result<String, RuleProblem> {
        let number = compact(typed)
        if number.isEmpty { return .success("") }
        if matches(number, #"^[0-9]{6,7}(-[0-9]{1,2})?$"#) || matches(number, #"^SC[0-9]{6}$"#)
            || matches(number, #"^NIC[0-9]{6}$"#)
        {
            return .success(number)
        }
        return .failure(RuleProblem("Enter a charity number in the right format: \(charityFormat)"))
    }

    /// Companies House: 8 characters, either 8 digits or 2 letters and 6 digits (SC123456, OC301234, NI…).
    /// A short all-digit number is refused rather than padded, so nobody's number is guessed at.
    public static func companyNumber(_ typed: String) -> Result<String, RuleProblem> {
        let number = compact(typed)
        if number.isEmpty { return .success("") }
        if matches(number, #"^[0-9]{8}$"#) || matches(number, #"^[A-Z]{2}[0-9]{6}$"#) { return .success(number) }
        if matches(number, #"^[0-9]{1,7}$"#) {
            return .failure(
                RuleProblem("A company number has 8 characters: include any zeros at the start, like 01234567"))
        }
        return .failure(
            RuleProblem(
                "Enter a company number in the right format: 8 digits, like 01234567, or 2 letters and 6 digits, like SC123456"
            ))
    }

    static func compact(_ typed: String) -> String {
        String(typed.uppercased().filter { !$0.isWhitespace })
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}

/// Possible duplicates in the register: the same charity number, the same company number, or the same name
/// once case, punctuation and words such as "the", "limited" and "CIC" are set aside.
public enum OrganisationDuplicates {
    /// What the check needs of an organisation: `id` is nil for one not yet saved.
    public struct Entry: Sendable, Equatable {
        public var id: Int64?
        public var name: String
        public var charityNumber: String
        public var companyNumber: String

        public init(id: Int64?, name: String, charityNumber: String = "", companyNumber: String = "") {
            self.id = id
            self.name = name
            self.charityNumber = charityNumber
            self.companyNumber = companyNumber
        }
    }

    public enum Reason: String, Sendable, Equatable, CaseIterable {
        case sameCharityNumber, sameCompanyNumber, sameName

        public var label: String {
            switch self {
            case .sameCharityNumber: return "the same charity number"
            case .sameCompanyNumber: return "the same company number"
            case .sameName: return "the same name"
            }
        }
    }

    public struct Match: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var reasons: [Reason]

        /// "the same charity number and the same name"
        public var reasonText: String {
            let labels = reasons.map(\.label)
            guard labels.count > 1 else { return labels.first ?? "" }
            return labels.dropLast().joined(separator: ", ") + " and " + labels.last!
        }
    }

    /// Words that do not tell two organisations apart.
    static let ignoredWords: Set<String> = ["the", "ltd", "limited", "cic", "and"]

    /// The name as compared: lower case, without accents, punctuation or the ignored words.
    public static func normalisedName(_ name: String) -> String {
        let folded = name.folding(
            options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_GB")
        )
        .replacingOccurrences(of: "&", with: " and ")
        // Dots and apostrophes join what they sit in ("C.I.C." is "cic", "St John's" is "st johns"); other punctuation separates words.
        let joined = folded.filter { !".'’".contains($0) }
        let words = joined.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        return words.filter { !ignoredWords.contains($0) }.joined(separator: " ")
    }

    /// Every existing organisation that may be the same as `candidate` (never the candidate itself), in the order given.
    public static func matches(for candidate: Entry, among existing: [Entry]) -> [Match] {
        let name = normalisedName(candidate.name)
        return existing.compactMap { other in
            if let id = candidate.id, id == other.id { return nil }
            guard let otherID = other.id else { return nil }
            var reasons: [Reason] = []
            if !candidate.charityNumber.isEmpty, candidate.charityNumber == other.charityNumber {
                reasons.append(.sameCharityNumber)
            }
            if !candidate.companyNumber.isEmpty, candidate.companyNumber == other.companyNumber {
                reasons.append(.sameCompanyNumber)
            }
            if !name.isEmpty, name == normalisedName(other.name) { reasons.append(.sameName) }
            return reasons.isEmpty ? nil : Match(id: otherID, name: other.name, reasons: reasons)
        }
    }
}

extension OrganisationDuplicates.Entry {
    init(_ organisation: Organisation) {
        self.init(
            id: organisation.id, name: organisation.name, charityNumber: organisation.details.charityNumber,
            companyNumber: organisation.details.companyNumber)
    }
}

extension Organisation {
    /// An organisation made in memory, for rules that take plain values (and their tests).
    init(
        id: Int64, details: OrganisationDetails, version: Int = 1, createdAt: Date = Date(timeIntervalSince1970: 0),
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.details = details
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
