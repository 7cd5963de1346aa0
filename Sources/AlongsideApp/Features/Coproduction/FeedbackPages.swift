import Foundation

/// Each community with insights: how many were recorded and answered, and whether its page is published.
struct FeedbackCommunitiesPage: PageModel {
    static let template = "coproduction/communities"
    let title = "You said, we did: by community"
    let hubHref: String
    let publicHref: String
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let underServed: Bool
        let recorded: Int
        let answered: Int
        let published: String
        let tagClass: String
    }

    init(communities: [Community], counts: [Int64: FeedbackStore.Counts], published: [Int64: Date]) {
        hubHref = Href.coproduction()
        publicHref = Href.publishedFeedbackIndex()
        rows = communities.compactMap { community in
            // Communities with no insights and no page have nothing to feed back yet.
            let count = counts[community.id]
            guard count != nil || published[community.id] != nil else { return nil }
            return Row(
                name: community.name, href: Href.feedbackCommunity(community.id), underServed: community.underServed,
                recorded: count?.recorded ?? 0, answered: count?.answered ?? 0,
                published: published[community.id] == nil ? "Not published" : "Published",
                tagClass: published[community.id] == nil ? "tag tag-grey" : "tag")
        }
        hasRows = !rows.isEmpty
    }
}

/// One community's answers as the public will see them, the insights still to answer, and publishing.
struct FeedbackCommunityPage: PageModel {
    static let template = "coproduction/community"
    static let hasForm = true
    let title: String
    let backHref: String
    let communityName: String
    let entries: [PublicFeedbackEntry]
    let hasEntries: Bool
    let unanswered: [LinkLine]
    let hasUnanswered: Bool
    let isPublished: Bool
    let publishedText: String
    let publicHref: String?
    let publishAction: String?

    init(community: Community, insights: [Insight], publishedAt: Date?, canManage: Bool) {
        title = "You said, we did: \(community.name)"
        backHref = Href.feedbackCommunities()
        communityName = community.name
        entries = PublicFeedbackEntry.entries(insights)
        hasEntries = !entries.isEmpty
        unanswered = insights.filter { !$0.isAnswered }.map { LinkLine(text: $0.heard, href: Href.insight($0.id)) }
        hasUnanswered = !unanswered.isEmpty
        isPublished = publishedAt != nil
        publishedText =
            publishedAt.map { "Published on \(LondonTime.date($0)): anyone can read this page without signing in." }
            ?? "Not published: only people signed in to the workspace can read this."
        publicHref = publishedAt == nil ? nil : Href.publishedFeedback(community.id)
        publishAction = canManage ? Href.publishFeedback(community.id) : nil
    }
}

/// The public list of communities whose "you said, we did" pages are published.
struct PublishedFeedbackIndexPage: PageModel {
    static let template = "coproduction/published-index"
    let title = "You said, we did"
    let rows: [LinkLine]
    let hasRows: Bool

    init(communities: [Community], published: [Int64: Date]) {
        rows = communities.filter { published[$0.id] != nil }.map {
            LinkLine(text: $0.name, href: Href.publishedFeedback($0.id))
        }
        hasRows = !rows.isEmpty
    }
}

/// A community's public "you said, we did" page, for expert-by-experience leaders to take back to their communities.
struct PublishedFeedbackPage: PageModel {
    static let template = "coproduction/published-community"
    let title: String
    let backHref: String
    let communityName: String
    let entries: [PublicFeedbackEntry]
    let hasEntries: Bool

    init(community: Community, insights: [Insight]) {
        title = "You said, we did: \(community.name)"
        backHref = Href.publishedFeedbackIndex()
        communityName = community.name
        entries = PublicFeedbackEntry.entries(insights)
        hasEntries = !entries.isEmpty
    }
}
