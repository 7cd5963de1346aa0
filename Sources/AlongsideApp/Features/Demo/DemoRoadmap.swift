import Foundation

/// The demo's roadmap: the national roadmap, tailored over the last few months by the fictional programme
/// manager, so the overview, history, "what changed since" and progress chart have something to show.
enum DemoRoadmap {
    static func load(into services: AppServices, manager: AuditActor, ownerGroupID: Int64, ownerUserID: Int64)
        async throws -> Int
    {
        let now = services.clock.now()
        func store(daysAgo: Int) -> RoadmapStore {
            RoadmapStore(pool: services.pool, clock: AppClock { now.addingTimeInterval(-Double(daysAgo) * 86400) })
        }
        let loader = RoadmapLoader(pool: services.pool, clock: AppClock { now.addingTimeInterval(-120 * 86400) })
        let report = try await loader.load(try NationalRoadmap.bundled(), by: DemoData.actor)
        let deliverables = try await store(daysAgo: 0).deliverables()
        func find(_ key: String) -> Deliverable? { deliverables.first { $0.nationalKey == key } }
        // Move the first deliverables of each workstream along, a month at a time.
        let byWorkstream = Dictionary(grouping: deliverables, by: \.workstream)
        let steps: [(daysAgo: Int, status: DeliverableStatus, note: String)] = [
            (100, .planning, "Scoping started with the leaders group."),
            (70, .inProgress, "Work under way; experts by experience are on the task group."),
            (40, .inPlace, "Signed off by the leaders group."),
        ]
        for (_, list) in byWorkstream.sorted(by: { $0.key < $1.key }) {
            for (offset, deliverable) in list.prefix(3).enumerated() {
                for step in steps.prefix(3 - offset) {
                    _ = try await store(daysAgo: step.daysAgo - offset * 5).setStatus(
                        deliverable.id, to: step.status, note: step.note, by: manager, requestID: nil)
                }
            }
            if let risky = list.dropFirst(3).first {
                _ = try await store(daysAgo: 20).setStatus(
                    risky.id, to: .atRisk, note: "Waiting on recruitment; raised at the leaders group.", by: manager,
                    requestID: nil)
            }
        }
        if let found = find("joint-governance") ?? deliverables.first,
            let governance = try await store(daysAgo: 0).deliverable(id: found.id)
        {
            _ = try await store(daysAgo: 30).update(
                governance.id,
                .init(
                    title: governance.title, workstream: governance.workstream, summary: governance.summary,
                    owner: .group(ownerGroupID), targetOn: LondonTime.addingMonths(3, to: LondonTime.isoDay(now)),
                    involvement: .coProduce),
                expectedVersion: governance.version, by: manager, requestID: nil)
        }
        if let second = deliverables.dropFirst().first(where: { $0.status != .inPlace }) {
            let current = try await store(daysAgo: 0).deliverable(id: second.id) ?? second
            _ = try await store(daysAgo: 10).update(
                current.id,
                .init(
                    title: current.title, workstream: current.workstream, summary: current.summary,
                    owner: .person(ownerUserID), targetOn: LondonTime.addingMonths(6, to: LondonTime.isoDay(now)),
                    involvement: .inform),
                expectedVersion: current.version, by: manager, requestID: nil)
        }
        return report.deliverablesAdded
    }

    /// The peer support decision and its action name the deliverable for lived experience input (peer support
    /// workers are part of it), whose latest status change cites the decision (issue 19), so its page shows what
    /// moved it.
    static func nameDeliverables(
        into services: AppServices, decision: Decision, action: ActionItem, manager: AuditActor
    )
        async throws
    {
        let roadmap = RoadmapStore(pool: services.pool, clock: services.clock)
        guard
            let named = try await roadmap.deliverables().first(where: { $0.nationalKey == "lived-experience-resource" })
        else { return }
        try await DecisionStore(pool: services.pool, clock: services.clock).setDeliverables(
            [named.id], of: decision, keeping: [], by: manager, requestID: nil)
        _ = try await ActionStore(pool: services.pool, clock: services.clock).update(
            action.id, groupID: action.groupID, status: action.status, dueOn: action.dueOn, notes: action.notes,
            deliverableIDs: [named.id], by: manager, requestID: nil)
        guard named.status == .notStarted || named.status == .planning else { return }
        _ = try await roadmap.setStatus(
            named.id, to: .inProgress,
            note: "The leaders group agreed to fund two peer support workers; the trust is being asked to host them.",
            citing: decision.chainID, by: manager, requestID: nil)
    }
}
