import Foundation

/// The rules of co-production work as plain functions, tested without a server (issue 7).
enum CoproductionRules {
    static let maxThemeLength = 60

    /// Themes typed as "Waiting times, peer support ,waiting times" become ["waiting times", "peer support"]:
    /// trimmed, lower case, inner spaces collapsed, each once, in the order first typed.
    static func themes(_ text: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for piece in text.split(separator: ",") {
            let words = piece.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            guard !words.isEmpty, seen.insert(words).inserted else { continue }
            result.append(words)
        }
        return result
    }

    /// A quote leaves the workspace only when the person agreed to it being quoted ("quotes without consent are
    /// never shown outside the workspace", issue 7). Nil means show no quote.
    static func publicQuote(quote: String, consent: Bool) -> String? {
        let trimmed = quote.trimmingCharacters(in: .whitespacesAndNewlines)
        guard consent, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A day typed into a form: nil when empty, else it must be a real ISO day. `notAfter` refuses later days.
    enum DayProblem: Error, Equatable {
        case notADate
        case inTheFuture
    }

    static func checkDay(_ text: String, notAfter today: String? = nil) -> Result<String?, DayProblem> {
        guard !text.isEmpty else { return .success(nil) }
        guard LondonTime.startOfDay(text) != nil else { return .failure(.notADate) }
        if let today, text > today { return .failure(.inTheFuture) }
        return .success(text)
    }

    /// "answered on" as the public page shows it: the day.
    static func answeredOn(_ date: Date) -> String { LondonTime.date(date) }
}
