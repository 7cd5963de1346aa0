import Foundation

/// The filters on the list of insights, read from the query string. Unknown values are ignored.
struct InsightFilter: Sendable, Equatable {
    enum Answered: String, Sendable {
        case yes, no
    }

    var words: String = ""
    var communityID: Int64?
    var theme: String = ""
    var sourceKind: SourceKind?
    var answered: Answered?

    init(
        words: String = "", communityID: Int64? = nil, theme: String = "", sourceKind: SourceKind? = nil,
        answered: Answered? = nil
    ) {
        self.words = words
        self.communityID = communityID
        self.theme = theme
        self.sourceKind = sourceKind
        self.answered = answered
    }

    /// The filters' fields in the query string.
    enum FilterField: String, FormFieldName {
        case words, community, theme, sourceKind = "source_kind", answered
    }

    init(_ query: FormData) {
        typealias F = FilterField
        self.init(
            words: query.searchWords(F.words).text, communityID: query.id(F.community),
            theme: CoproductionRules.themes(query[F.theme]).first ?? "",
            sourceKind: SourceKind(rawValue: query[F.sourceKind]), answered: Answered(rawValue: query[F.answered]))
    }

    var isEmpty: Bool { words.isEmpty && communityID == nil && theme.isEmpty && sourceKind == nil && answered == nil }

    /// Every word typed must appear in what was heard, the quote, where or from whom, or a theme.
    func matches(_ insight: Insight) -> Bool {
        let input = insight.input
        if let communityID, !input.communityIDs.contains(communityID) { return false }
        if !theme.isEmpty, !input.themes.contains(theme) { return false }
        if let sourceKind, input.sourceKind != sourceKind { return false }
        if let answered, insight.isAnswered != (answered == .yes) { return false }
        let haystack = ([input.heard, input.quote, input.sourceDetail, input.place] + input.themes).joined(
            separator: " ")
        return words.split(whereSeparator: \.isWhitespace).allSatisfy {
            haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
    }
}
