import Foundation

/// The action plan and the insights as spreadsheets, for people inside the workspace only: the insights file
/// holds every quote, so it says beside each whether it may be used outside (quote_consent).
enum CoproductionCSV {
    static let planHeader = [
        "id", "what", "how", "who", "due_on", "status", "group", "workshop", "deliverables", "notes", "updated_on",
    ]

    static func plan(_ items: [PlanItem], scope: CoproductionScope, deliverables: [Deliverable]) -> String {
        let titles = Dictionary(uniqueKeysWithValues: deliverables.map { ($0.id, $0.title) })
        let rows = items.map { item -> [String] in
            let input = item.input
            return [
                String(item.id), input.what, input.how, input.who, input.dueOn ?? "", input.status.label,
                input.groupID == nil ? "" : ItemLinks.groupText(input.groupID, scope: scope),
                ItemLinks.workshop(input.meetingID, scope: scope)?.text ?? "",
                input.deliverableIDs.compactMap { titles[$0] }.joined(separator: "; "), input.notes,
                LondonTime.isoDay(item.updatedAt),
            ]
        }
        return CSVFormat.document(header: planHeader, rows: rows)
    }

    static let insightHeader = [
        "id", "heard_on", "heard", "source_kind", "source_detail", "place", "communities", "themes", "quote",
        "quote_consent",
        "group", "workshop", "outcome", "answer", "answered_on", "recorded_on",
    ]

    static func insights(_ insights: [Insight], communities: [Community], scope: CoproductionScope) -> String {
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0.name) })
        let rows = insights.map { insight -> [String] in
            let input = insight.input
            return [
                String(insight.id), input.heardOn, input.heard, input.sourceKind.label, input.sourceDetail, input.place,
                input.communityIDs.compactMap { names[$0] }.sorted().joined(separator: "; "),
                input.themes.joined(separator: "; "),
                input.quote, input.quote.isEmpty ? "" : (input.quoteConsent ? "yes" : "no"),
                input.groupID == nil ? "" : ItemLinks.groupText(input.groupID, scope: scope),
                ItemLinks.workshop(input.meetingID, scope: scope)?.text ?? "",
                insight.response?.outcome.label ?? "", insight.response?.answer ?? "",
                insight.response.map { LondonTime.isoDay($0.updatedAt) } ?? "", LondonTime.isoDay(insight.createdAt),
            ]
        }
        return CSVFormat.document(header: insightHeader, rows: rows)
    }
}
