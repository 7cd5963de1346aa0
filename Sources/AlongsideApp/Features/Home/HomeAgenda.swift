import Foundation

/// What a person must do, gathered from every feature for their home page (issue 20): only what they can act on.
/// Counts and dates only; `HomeAgenda.tasks` orders them.
struct HomeFacts: Sendable {
    struct Named: Sendable, Equatable {
        let text: String
        let href: String
        /// The day it is due or closes (`YYYY-MM-DD`, London), when it has one.
        let day: String?
    }

    /// Open proposals in their groups waiting for their response, soonest closing first.
    var proposals: [Named] = []
    /// Their actions still to do, soonest due first.
    var actions: [Named] = []
    /// Their own claims sent back to them, and those not yet sent.
    var returnedClaims: [Named] = []
    var draftClaims: [Named] = []
    /// Claims waiting for them to approve or pay: nil when they hold no such duty.
    var claimsToApprove: Int?
    var claimsToPay: Int?
    /// Decisions of their groups whose review date has come, soonest first.
    var reviewsDue: [Named] = []
    /// New expressions of interest, for those who handle them; nil otherwise.
    var newInterest: Int?
    /// Directory entries due for a check, for those who keep the map; nil otherwise.
    var assetsDue: Int?
    /// Deliverables they own (or their group owns) that are at risk or past their target date.
    var deliverables: [Named] = []
}

/// One line of a person's to-do list: a count, what it is, where to go, and up to three of the things themselves.
struct HomeTask: Sendable, Equatable, Encodable {
    enum Kind: String, Sendable, Encodable {
        case proposals, actions, returnedClaims, draftClaims, claimsToApprove, claimsToPay, reviewsDue, interest, assets
        case deliverables
    }

    let kind: Kind
    let count: Int
    let text: String
    /// A line under it: the soonest date, or what to do.
    let detail: String?
    let href: String
    let items: [Item]
    /// 0: overdue or past its date; 1: due within two days, or sent back; 2: waiting.
    let urgency: Int

    struct Item: Sendable, Equatable, Encodable {
        let text: String
        let href: String
    }
}

/// Orders a person's to-do list, most urgent first (plain rules, unit-tested).
enum HomeAgenda {
    /// Links for the lists the tasks lead to.
    struct Links: Sendable {
        var actions: String
        var claims: String
        var approvals: String
        var finance: String
        var reviewsDue: String
        var interest: String
        var assetReview: String
        var roadmap: String
    }

    static func tasks(_ facts: HomeFacts, today: String, links: Links) -> [HomeTask] {
        let soon = LondonTime.addingDays(2, to: today) ?? today
        func urgency(_ named: [HomeFacts.Named], waiting: Int = 2) -> Int {
            let days = named.compactMap(\.day)
            if days.contains(where: { $0 < today }) { return 0 }
            if days.contains(where: { $0 <= soon }) { return 1 }
            return waiting
        }
        func items(_ named: [HomeFacts.Named]) -> [HomeTask.Item] {
            named.prefix(3).map { HomeTask.Item(text: $0.text, href: $0.href) }
        }
        func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        func first(_ named: [HomeFacts.Named], _ words: String) -> String? {
            named.compactMap(\.day).min().map { "\(words) \(LondonTime.day($0))" }
        }
        var tasks: [HomeTask] = []
        if !facts.proposals.isEmpty {
            let list = facts.proposals
            tasks.append(
                HomeTask(
                    kind: .proposals, count: list.count,
                    text: plural(list.count, "proposal waits", "proposals wait") + " for your response",
                    detail: first(list, "The first closes on"),
                    href: list[0].href, items: items(list), urgency: urgency(list)))
        }
        if !facts.actions.isEmpty {
            let list = facts.actions
            let overdue = list.filter { ($0.day ?? today) < today }.count
            tasks.append(
                HomeTask(
                    kind: .actions, count: list.count,
                    text: plural(list.count, "action", "actions") + " to do"
                        + (overdue > 0 ? ", \(overdue) overdue" : ""),
                    detail: first(list, overdue > 0 ? "The oldest was due on" : "The next is due on"),
                    href: links.actions, items: items(list), urgency: urgency(list)))
        }
        if !facts.returnedClaims.isEmpty {
            let list = facts.returnedClaims
            tasks.append(
                HomeTask(
                    kind: .returnedClaims, count: list.count,
                    text: plural(list.count, "claim was", "claims were") + " sent back to you",
                    detail: "Read why, change what is needed and send it again.",
                    href: list.count == 1 ? list[0].href : links.claims, items: items(list), urgency: 1))
        }
        if !facts.draftClaims.isEmpty {
            let list = facts.draftClaims
            tasks.append(
                HomeTask(
                    kind: .draftClaims, count: list.count,
                    text: plural(list.count, "claim is", "claims are") + " not sent yet",
                    detail: "A claim is paid only once it is sent and approved.",
                    href: list.count == 1 ? list[0].href : links.claims, items: items(list), urgency: 2))
        }
        // Lines that are a count and a link to the list to work through.
        func counted(
            _ kind: HomeTask.Kind, _ count: Int?, _ one: String, _ many: String, _ rest: String, _ href: String
        ) {
            guard let count, count > 0 else { return }
            tasks.append(
                HomeTask(
                    kind: kind, count: count, text: plural(count, one, many) + rest, detail: nil, href: href, items: [],
                    urgency: 2))
        }
        counted(.claimsToApprove, facts.claimsToApprove, "claim waits", "claims wait", " for approval", links.approvals)
        counted(
            .claimsToPay, facts.claimsToPay, "approved claim waits", "approved claims wait", " to be paid",
            links.finance)
        if !facts.reviewsDue.isEmpty {
            let list = facts.reviewsDue
            tasks.append(
                HomeTask(
                    kind: .reviewsDue, count: list.count,
                    text: plural(list.count, "decision is", "decisions are") + " due for review",
                    detail: first(list, "The first was due on"),
                    href: links.reviewsDue, items: items(list), urgency: urgency(list, waiting: 1)))
        }
        counted(
            .interest, facts.newInterest, "new expression", "new expressions", " of interest to answer", links.interest)
        counted(
            .assets, facts.assetsDue, "directory entry is", "directory entries are", " due for a check",
            links.assetReview)
        if !facts.deliverables.isEmpty {
            let list = facts.deliverables
            tasks.append(
                HomeTask(
                    kind: .deliverables, count: list.count,
                    text: plural(list.count, "deliverable you own needs", "deliverables you own need")
                        + " attention: at risk or past its target date",
                    detail: nil, href: list.count == 1 ? list[0].href : links.roadmap, items: items(list),
                    urgency: 1))
        }
        // Most urgent first; within the same urgency, the order above (which is the order people act in).
        return tasks.enumerated().sorted { ($0.element.urgency, $0.offset) < ($1.element.urgency, $1.offset) }
            .map(\.element)
    }
}
