import Foundation

/// A website address a person typed (an organisation's, an asset's): optional; when given, an http or https address
/// with a host.
public enum WebsiteRules {
    public static let maxLength = 300

    /// "example.org" becomes "https://example.org"; "" stays "".
    public static func normalise(_ typed: String) -> Result<String, RuleProblem> {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .success("") }
        let example = "Enter the website's address, like https://www.example.org"
        guard text.count <= maxLength, !text.contains(where: { $0.isWhitespace }) else {
            return .failure(RuleProblem(example))
        }
        let address: String
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                return .failure(
                    RuleProblem(
                        "The website's address must start with https:// or http://, like https://www.example.org"))
            }
            address = scheme + text[schemeEnd.lowerBound...]
        } else {
            address = "https://" + text
        }
        guard let parts = URLComponents(string: address), let host = parts.host, parts.user == nil,
            parts.password == nil
        else {
            return .failure(RuleProblem(example))
        }
        // A host needs a dot between labels that are not empty: "example.org", not "example" or "example.".
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else {
            return .failure(RuleProblem(example))
        }
        return .success(address)
    }
}
