import Foundation

/// The decision log's search filters, as typed (kept so the form shows them again) and as checked.
struct DecisionSearchInput: Sendable, Equatable {
    /// The search form's fields (a query string).
    enum SearchField: String, FormFieldName {
        case words = "q", from, to, group, outcome
    }

    var words = ""
    var from = ""
    var to = ""
    var group = ""
    var outcome = ""

    init(query: [String: String]) {
        typealias F = SearchField
        words = query[F.words.rawValue] ?? ""
        from = query[F.from.rawValue] ?? ""
        to = query[F.to.rawValue] ?? ""
        group = query[F.group.rawValue] ?? ""
        outcome = query[F.outcome.rawValue] ?? ""
    }

    /// The filters as a query ("q=…&from=…"), for links to the exports and back; empty values left out.
    var query: Query {
        typealias F = SearchField
        let pairs = [(F.words, words), (F.from, from), (F.to, to), (F.group, group), (F.outcome, outcome)]
        return Query(pairs.filter { !$0.1.isEmpty }.map { ($0.0.rawValue, $0.1) })
    }

    /// Checks the filters against the groups the person can see. A bad filter is explained and the rest still apply.
    func parsed(visibleGroupIDs: Set<Int64>) -> (DecisionFilter, FormErrors) {
        typealias F = SearchField
        var errors = FormErrors()
        var filter = DecisionFilter(groupIDs: visibleGroupIDs)
        filter.words = SearchWords(words).words
        if !from.isEmpty {
            if let day = LondonTime.startOfDay(from.trimmingCharacters(in: .whitespaces)) {
                filter.from = day
            } else {
                errors.add(F.from, "Enter the start date as a real date, like 2026-03-03")
            }
        }
        if !to.isEmpty {
            if let day = LondonTime.startOfDay(to.trimmingCharacters(in: .whitespaces)),
                let next = LondonTime.calendar.date(byAdding: .day, value: 1, to: day)
            {
                filter.toExclusive = next
            } else {
                errors.add(F.to, "Enter the end date as a real date, like 2026-03-31")
            }
        }
        if let from = filter.from, let to = filter.toExclusive, to <= from {
            errors.add(F.to, "The end date must be the same as or after the start date")
            filter.toExclusive = nil
        }
        if !group.isEmpty {
            if let id = BoundedNumber.id(group), visibleGroupIDs.contains(id) {
                filter.groupIDs = [id]
            } else {
                errors.add(F.group, "Select a group from the list")
            }
        }
        if !outcome.isEmpty {
            if let outcome = DecisionOutcome(rawValue: outcome) {
                filter.outcome = outcome
            } else {
                errors.add(F.outcome, "Select an outcome from the list")
            }
        }
        return (filter, errors)
    }
}

/// What the search looks for. Only ever the groups the person can see.
struct DecisionFilter: Sendable, Equatable {
    var groupIDs: Set<Int64>
    /// Every word must appear in the title, question or reasons (any case).
    var words: [String] = []
    var from: Date?
    var toExclusive: Date?
    var outcome: DecisionOutcome?

    /// A LIKE pattern that matches `word` literally: `%`, `_` and the escape character itself are escaped.
    static func likePattern(_ word: String) -> String {
        let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }
}
