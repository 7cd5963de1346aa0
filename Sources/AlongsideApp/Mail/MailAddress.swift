import Foundation

/// What is wrong with a message or an address given to `Mail/`: said in plain words, never echoing a secret.
public struct MailProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// One mailbox: an address checked strictly (plain ASCII `local@domain.tld`, as RFC 5321 carries it without
/// SMTPUTF8) and an optional display name, which may be any text but a line break.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let address: String
    public let name: String?

    public init(_ address: String, name: String? = nil) throws(MailProblem) {
        guard Self.isValid(address) else { throw MailProblem("\"\(address.prefix(80))\" is not an email address") }
        if let name, name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw MailProblem("A display name must not hold a line break or another control character")
        }
        self.address = address
        self.name = name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    /// Reads `name <address>` or a bare address, as `ALONGSIDE_MAIL_FROM` is written.
    public init(parsing text: String) throws(MailProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            try self.init(address, name: name.isEmpty ? nil : name)
        } else {
            try self.init(trimmed)
        }
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    static let localCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.")

    /// A strict check: a dot-atom local part (no quoted strings) of at most 64 characters, and a domain of two or more
    /// labels of letters, digits and inner hyphens; 254 characters at most in all. Nothing here can break a header
    /// or an SMTP command.
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254 else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.count), local.allSatisfy({ localCharacters.contains($0) }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
            && labels.last!.contains(where: \.isLetter)
    }
}
