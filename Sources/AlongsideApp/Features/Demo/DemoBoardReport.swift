import Foundation

/// A board report issued and published for the last 60 days of the demo (issue 19), so the list, an issued report
/// and its public page have something to show. Demo is the one feature that may use the board report's insides.
enum DemoBoardReport {
    static func load(into services: AppServices, issuer: SessionUser, today: String) async throws {
        let period = BoardReportPeriod(startsOn: LondonTime.addingDays(-60, to: today) ?? today, endsOn: today)
        let data = try await BoardReportSources(services: services).figures(for: period, viewer: issuer)
        let store = BoardReportStore(pool: services.pool, clock: services.clock)
        let actor = AuditActor(userID: issuer.id, label: issuer.name)
        let id = try await store.issue(data, by: actor, requestID: nil)
        _ = try await store.publish(id: id, by: actor, requestID: nil)
    }
}
