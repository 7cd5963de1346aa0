import Foundation

/// The stores and lookups every co-production controller shares.
struct CoproductionStores: Sendable {
    let services: AppServices

    var plan: ActionPlanStore { ActionPlanStore(pool: services.pool, clock: services.clock) }
    var insights: InsightStore { InsightStore(pool: services.pool, clock: services.clock) }
    var feedback: FeedbackStore { FeedbackStore(pool: services.pool, clock: services.clock) }
    var communities: CommunityStore { CommunityStore(pool: services.pool, clock: services.clock) }
    var roadmap: RoadmapStore { RoadmapStore(pool: services.pool, clock: services.clock) }
    var today: String { LondonTime.isoDay(services.clock.now()) }

    func scope(for user: SessionUser) async throws -> CoproductionScope {
        try await CoproductionScope.load(for: user, pool: services.pool, clock: services.clock)
    }

    /// Everything a form may offer this person.
    func choices(for user: SessionUser) async throws -> CoproductionChoices {
        CoproductionChoices(
            scope: try await scope(for: user), communities: try await communities.choices(),
            deliverables: try await roadmap.deliverables(), planItems: ActionPlanPage.ordered(try await plan.all()))
    }

    /// The id in the path, or 404.
    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        return id
    }
}
