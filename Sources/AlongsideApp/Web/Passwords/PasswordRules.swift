/// What makes a password acceptable: long enough, not absurdly long, and not one everybody guesses.
/// No composition rules (DESIGN.md, Security): length and a common-password check do more good.
public enum PasswordRules {
    public static let minimumLength = 12
    public static let maximumLength = 256

    public enum Problem: Equatable, Sendable {
        case missing, tooShort, tooLong, tooCommon, matchesAccount

        public var message: String {
            switch self {
            case .missing: return "Enter a password"
            case .tooShort: return "Password must be \(PasswordRules.minimumLength) characters or more"
            case .tooLong: return "Password must be \(PasswordRules.maximumLength) characters or fewer"
            case .tooCommon:
                return "This password is too easy to guess. Try a few words together, like a short sentence"
            case .matchesAccount: return "Password must not be your name or email address"
            }
        }
    }

    /// The first problem with `password`, or nil when it is fine. `personal` holds the person's name and email.
    public static func problem(with password: String, personal: [String] = []) -> Problem? {
        if password.isEmpty { return .missing }
        let length = password.count
        if length < minimumLength { return .tooShort }
        if length > maximumLength { return .tooLong }
        let folded = password.lowercased()
        if CommonPasswords.contains(folded) || isOneRepeatedCharacter(folded) || isRunOfDigits(folded) {
            return .tooCommon
        }
        for value in personal where !value.isEmpty && folded == value.lowercased() {
            return .matchesAccount
        }
        return nil
    }

    static func isOneRepeatedCharacter(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return text.allSatisfy { $0 == first }
    }

    static func isRunOfDigits(_ text: String) -> Bool {
        let digits = Array(text.unicodeScalars)
        guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        let steps = zip(digits, digits.dropFirst()).map { Int($1.value) - Int($0.value) }
        return steps.allSatisfy { $0 == 1 || $0 == -9 } || steps.allSatisfy { $0 == -1 || $0 == 9 }
    }
}
