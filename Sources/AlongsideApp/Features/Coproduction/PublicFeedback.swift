import Foundation

/// One answered insight as a community's public "you said, we did" page shows it. Built only from what may leave
/// the workspace: the summary heard, a quote given with consent, the outcome, the answer and when it was answered;
/// never the recorder, the source detail, the place or a quote without consent (issue 7).
struct PublicFeedbackEntry: Encodable, Sendable, Equatable {
    let youSaid: String
    let quote: String?
    let weDid: String
    let answer: String
    let answeredOn: String

    /// Nil for an insight not yet answered: it has nothing to show the public.
    init?(_ insight: Insight) {
        guard let response = insight.response else { return nil }
        youSaid = insight.heard
        quote = insight.publicQuote
        weDid = response.outcome.publicWording
        answer = response.answer
        answeredOn = CoproductionRules.answeredOn(response.updatedAt)
    }

    /// The entries for a community's page: answered insights, most recently answered first.
    static func entries(_ insights: [Insight]) -> [PublicFeedbackEntry] {
        insights.filter(\.isAnswered).sorted { $0.response!.updatedAt > $1.response!.updatedAt }.compactMap(
            PublicFeedbackEntry.init)
    }
}
