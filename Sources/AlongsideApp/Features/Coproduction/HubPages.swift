import Foundation

/// The co-production hub: what the work is, where each part lives, and how far it has got.
struct CoproductionHubPage: PageModel {
    static let template = "coproduction/hub"
    let title = "Co-production work"
    let links: [Link]
    let statusCounts: [Count]
    let insightCount: String
    let unansweredCount: String

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
        let hint: String
    }

    struct Count: Encodable, Sendable {
        let label: String
        let count: Int
    }

    init(items: [PlanItem], insights: [Insight]) {
        links = [
            Link(
                label: "The action plan", href: Href.actionPlan(),
                hint: "What we will do together: what, how, who and when."),
            Link(
                label: "Insights", href: Href.insights(),
                hint: "What people in communities and staff have told us. Anyone signed in can record one."),
            Link(label: "Workshops", href: Href.workshops(), hint: "Workshops and what came out of each."),
            Link(
                label: "You said, we did: by community", href: Href.feedbackCommunities(),
                hint: "The answers to insights, community by community, and which pages are published."),
            Link(
                label: "The community asset map", href: Href.assets(),
                hint: "Support and places that already exist in our communities."),
            Link(
                label: "First steps", href: Href.firstSteps(),
                hint: "How far the partnership has come with the first steps."),
        ]
        statusCounts = PlanStatus.allCases.map { status in
            Count(label: status.label, count: items.filter { $0.status == status }.count)
        }
        insightCount = insights.count == 1 ? "1 insight recorded" : "\(insights.count) insights recorded"
        let unanswered = insights.filter { !$0.isAnswered }.count
        unansweredCount = unanswered == 1 ? "1 not answered yet" : "\(unanswered) not answered yet"
    }
}

/// Workshops in groups the person can see, with how many insights and plan items came from each.
struct WorkshopsPage: PageModel {
    static let template = "coproduction/workshops"
    let title = "Workshops"
    let hubHref: String
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let when: String
        let purpose: String
        let href: String
        let group: String
        let insights: Int
        let planItems: Int
    }

    init(workshops: [WorkshopRef], insightCounts: [Int64: Int], planCounts: [Int64: Int]) {
        hubHref = Href.coproduction()
        rows = workshops.map {
            Row(
                when: LondonTime.date($0.startsAt), purpose: $0.purpose, href: $0.href, group: $0.groupName,
                insights: insightCounts[$0.id] ?? 0, planItems: planCounts[$0.id] ?? 0)
        }
        hasRows = !rows.isEmpty
    }
}
