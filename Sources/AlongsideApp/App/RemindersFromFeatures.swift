import Foundation
import GRDB
import Logging

/// The reminders that have come due (issue 20), gathered from each feature's store: a proposal closing within a day,
/// to the members who may answer and have not; an overdue action, to its owner; a decision whose review day has come,
/// to the people who record the group's decisions (its
/// managers and officers). Keys carry the day or time they are about, so a proposal whose
/// closing time moves, or an action given a new due day, is reminded of again.
struct RemindersFromFeatures: ReminderSource {
    let pool: DatabasePool
    let clock: AppClock
    let notifier: Notifier

    func settle(now: Date) async throws {
        try await ProposalStore(pool: pool, clock: clock, notifier: notifier).closeDue(now: now)
    }

    func reminders(now: Date) async throws -> [Reminder] {
        let today = LondonTime.isoDay(now)
        var due: [Reminder] = []
        for closing in try await ProposalStore(pool: pool, clock: clock).closingSoon(now: now, within: 86_400) {
            let proposal = closing.proposal
            let notice = Notice(
                kind: .proposals, event: "proposal_closing",
                subject: "Closes \(LondonTime.dateTime(proposal.closesAt)): \(proposal.title)",
                paragraphs: [
                    "The proposal \"\(proposal.title)\" in \(closing.groupName) closes on "
                        + "\(LondonTime.dateTime(proposal.closesAt)), and we have not had your answer yet.",
                    proposal.question,
                ],
                link: ("Read the proposal and answer", Href.proposal(proposal.groupID, proposal.id)))
            for userID in closing.awaiting {
                due.append(
                    Reminder(
                        key:
                            "proposal-closing:\(proposal.id):\(Int(proposal.closesAt.timeIntervalSince1970)):user:\(userID)",
                        userID: userID, notice: notice))
            }
        }
        for action in try await ActionStore(pool: pool, clock: clock).overdue(today: today) {
            due.append(
                Reminder(
                    key: "action-overdue:\(action.id):\(action.dueOn)", userID: action.ownerUserID,
                    notice: Notice(
                        kind: .actions, event: "action_overdue", subject: "Overdue: \(action.what)",
                        paragraphs: [
                            "The action \"\(action.what)\" for \(action.groupName) was due on "
                                + "\(LondonTime.day(action.dueOn)). If it is done, or you need more time, say so on "
                                + "its page."
                        ],
                        link: ("Update the action", Href.action(action.groupID, action.id)))))
        }
        let groupIDs = try await pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM groups") }
        let reviews = try await DecisionStore(pool: pool, clock: clock).reviewsDue(
            groupIDs: Set(groupIDs), today: today)
        if !reviews.isEmpty {
            let recorders = try await decisionRecorders(groupIDs: Set(reviews.map(\.decision.groupID)), today: today)
            for review in reviews {
                let decision = review.decision
                let reviewOn = decision.reviewOn ?? today
                let notice = Notice(
                    kind: .decisionReviews, event: "decision_review_due",
                    subject: "Review due: \(decision.title)",
                    paragraphs: [
                        "\(review.groupName) agreed to review the decision \"\(decision.title)\" on "
                            + "\(LondonTime.day(reviewOn)). You can record the review as a new decision, or correct "
                            + "this one with a new review date."
                    ],
                    link: ("Read the decision", Href.decision(decision.groupID, decision.id)))
                for userID in recorders[decision.groupID] ?? [] {
                    due.append(
                        Reminder(
                            key: "decision-review:\(decision.id):\(reviewOn):user:\(userID)", userID: userID,
                            notice: notice))
                }
            }
        }
        return due
    }

    /// The people who may record each group's decisions (its managers, and its chair, co-chair and secretary), by the
    /// same policy as the decision pages.
    private func decisionRecorders(groupIDs: Set<Int64>, today: String) async throws -> [Int64: [Int64]] {
        try await pool.read { db in
            let people = try Row.fetchAll(db, sql: "SELECT id, role FROM users WHERE is_active = 1 ORDER BY id")
                .compactMap { row in Role(rawValue: row["role"]).map { (id: row["id"] as Int64, role: $0) } }
            var recorders: [Int64: [Int64]] = [:]
            for group in try GroupStore.groups(ids: groupIDs, in: db) {
                let held = try GroupStore.currentSeats(groupID: group.id, today: today, in: db)
                let seats = Dictionary(grouping: held, by: \.userID).mapValues { Set($0.map(\.seat)) }
                for person in people {
                    let standing = group.standing(
                        role: person.role, seats: seats[person.id] ?? [], isMember: seats[person.id] != nil)
                    if Policy.allows(.recordDecisions, standing) { recorders[group.id, default: []].append(person.id) }
                }
            }
            return recorders
        }
    }
}

extension AppServices {
    /// Reminders and digests, every minute while the server serves (`NoticeSweep`).
    public func noticeSweep() -> NoticeSweep {
        NoticeSweep(
            pool: pool, clock: clock, notifier: notifier,
            source: RemindersFromFeatures(pool: pool, clock: clock, notifier: notifier),
            logger: Logger(label: "alongside.notices"))
    }
}
