import Foundation

/// A role description as the `involvement-roles/description` partial shows it, on the managers' role page and
/// the public advert alike, in the order of 003 Appendix 1.
struct RoleDescriptionView: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let label: String
        let value: String
    }

    /// One heading and its text: paragraphs for prose, a list when a field holds several items.
    struct Section: Encodable, Sendable {
        let id: String
        let heading: String
        let paragraphs: [String]
        let items: [String]
        let hasItems: Bool
    }

    let details: [Line]
    let kinds: [String]
    let hasKinds: Bool
    let sections: [Section]
    /// The level of the section headings, so the description sits under the page's own headings.
    let level: Int

    init(_ content: RoleContent, idPrefix: String = "role", level: Int = 2) {
        self.level = level
        var details = [Line(label: "Role", value: content.title)]
        if !content.location.isEmpty { details.append(Line(label: "Location", value: content.location)) }
        details.append(Line(label: "Payment and expenses", value: content.payment))
        self.details = details
        kinds = content.kinds.map(\.label)
        hasKinds = !kinds.isEmpty
        let fields: [(String, String, String, Bool)] = [
            ("about", "About the role", content.about, true),
            ("purpose", "What is the role for?", content.purpose, false),
            ("tasks", "What tasks are involved?", content.tasks, false),
            ("responsibilities", "What are the responsibilities?", content.responsibilities, false),
            ("support", "What support and training is there?", content.support, false),
            ("essential", "Skills and experience you need", content.essential, false),
            ("desirable", "Skills and experience that would help", content.desirable, false),
            ("how-to-apply", "How to find out more or apply", content.howToApply, true),
        ]
        sections = fields.compactMap { key, heading, text, prose in
            let lines = Self.lines(text)
            guard !lines.isEmpty else { return nil }
            let asList = !prose && lines.count > 1
            return Section(
                id: "\(idPrefix)-\(key)", heading: heading, paragraphs: asList ? [] : lines, items: asList ? lines : [],
                hasItems: asList)
        }
    }

    /// The non-blank lines of a field, without any bullet a person typed at the start ("- ", "* ", "• ").
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line in
            var trimmed = line.trimmingCharacters(in: .whitespaces)
            for bullet in ["- ", "* ", "• "] where trimmed.hasPrefix(bullet) {
                trimmed = String(trimmed.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces)
            }
            return trimmed
        }.filter { !$0.isEmpty }
    }
}
