import Foundation

/// The demo's co-production work (issue 7): a few action-plan items, insights (some quoted with consent, one
/// quoted without), answers and the carers' published "you said, we did" page. Every name is obviously
/// fictional, and everything is written through the same stores as the pages, so it is audit-logged.
enum DemoCoproduction {
    static func load(into services: AppServices, casey: Int64, blake: Int64, workingGroupID: Int64, today: String)
        async throws
    {
        let pool = services.pool, clock = services.clock
        let ebe = AuditActor(userID: casey, label: "Casey Example")
        let manager = AuditActor(userID: blake, label: "Blake Example")
        let plan = ActionPlanStore(pool: pool, clock: clock)
        let insights = InsightStore(pool: pool, clock: clock)
        let communities = Dictionary(
            uniqueKeysWithValues: try await CommunityStore(pool: pool, clock: clock).all().map { ($0.name, $0) })
        func day(_ offset: Int) -> String { LondonTime.addingDays(offset, to: today) ?? today }

        let visits = try await plan.create(
            PlanItemInput(
                what: "Visit three community groups that already meet",
                how: "Go to their usual meetings rather than asking them to come to us.",
                who: "Casey Example and the co-production working group", dueOn: day(30), status: .inProgress,
                groupID: workingGroupID
            ), by: ebe, requestID: nil)
        _ = try await plan.create(
            PlanItemInput(
                what: "Offer easy read versions of every paper",
                how: "Ask the easy read service to turn each paper round in a week.",
                who: "Blake Example", dueOn: day(60), status: .notStarted, groupID: workingGroupID
            ), by: manager, requestID: nil)
        _ = try await plan.create(
            PlanItemInput(
                what: "Agree how experts by experience are paid for their time", who: "The leaders group",
                status: .done,
                notes: "The payment policy is in the workspace."
            ), by: manager, requestID: nil)

        let carers = communities["Carers"]
        let young = communities["Young adults aged 18 to 25"]
        let evenings = try await insights.create(
            InsightInput(
                heard: "Carers said evening and weekend groups would help people who look after someone in the day.",
                sourceKind: .communityGroup, sourceDetail: "A carers' coffee morning", place: "Example Town library",
                heardOn: day(-20),
                communityIDs: [carers?.id].compactMap { $0 }, themes: ["evenings", "access"],
                quote: "Evenings are the only time I have to myself.", quoteConsent: true, groupID: workingGroupID,
                planItemIDs: [visits.id]
            ), by: ebe, requestID: nil)
        _ = try await insights.respond(
            evenings.id, outcome: .changing,
            answer: "We are starting an evening peer support group at the library in the new year.",
            expectedVersion: nil, by: manager, requestID: nil)
        let dropIn = try await insights.create(
            InsightInput(
                heard: "Young adults said they did not know where to go for help before things got bad.",
                sourceKind: .individual, sourceDetail: "A college wellbeing session", place: "Example College",
                heardOn: day(-12),
                communityIDs: [young?.id, carers?.id].compactMap { $0 }, themes: ["information"],
                // Said without agreeing to be quoted: it stays inside the workspace.
                quote: "I only found out about the drop-in by accident.", quoteConsent: false
            ), by: ebe, requestID: nil)
        _ = try await insights.respond(
            dropIn.id, outcome: .changed,
            answer: "The drop-in's opening times are now on the partnership's website and in the college newsletter.",
            expectedVersion: nil, by: manager, requestID: nil)
        _ = try await insights.create(
            InsightInput(
                heard: "Staff said referrals between the community team and the crisis team take too long.",
                sourceKind: .staff, sourceDetail: "The north community team", heardOn: day(-5), themes: ["referrals"]
            ), by: manager, requestID: nil)
        if let carers {
            _ = try await FeedbackStore(pool: pool, clock: clock).setPublished(carers, true, by: ebe, requestID: nil)
        }
    }
}
