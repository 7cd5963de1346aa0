import Foundation
import GRDB
import Hummingbird

/// What the alliance's pages share: the group-scoped context for its routes (a group of kind VCSE alliance, scoped to
/// the person asking as `GroupScope` scopes any group; any other kind answers 404), and its authorising decisions.
struct AllianceScope: Sendable {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    /// The alliance's routes load the group as any group's do, and answer 404 for any other kind of group.
    var context: GroupScope { GroupScope(store: groups, kind: .vcseAlliance) }

    /// The alliance's decisions that can authorise an election or an allocation, for a form's choices.
    func authorisingDecisions(groupID: Int64) async throws -> [DecisionReference] {
        try await services.pool.read { db in try AllianceDecisions.authorising(groupID: groupID, in: db) }
    }

    /// The decisions a page names, by id, with whether each still stands.
    func decisionReferences(_ ids: [Int64], groupID: Int64) async throws -> [Int64: DecisionReference] {
        try await services.pool.read { db in try AllianceDecisions.references(ids: ids, groupID: groupID, in: db) }
    }
}

/// A recorded alliance decision, as an allocation or an election names it.
public struct DecisionReference: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var recordedAt: Date
    /// False when the decision has since been corrected to something other than a valid "agreed".
    public var stillStands: Bool

    public var label: String { "\(title) (recorded \(LondonTime.date(recordedAt)))" }
    func href(groupID: Int64) -> String { Href.decision(groupID, id) }
}

extension DecisionReference {
    init(_ standing: DecisionStanding) {
        self.init(
            id: standing.id, title: standing.title, recordedAt: standing.recordedAt, stillStands: standing.stillStands)
    }
}

/// The alliance decisions that can authorise an election or an allocation: the latest revision of each,
/// agreed and valid, as the decision log reads them.
enum AllianceDecisions {
    /// Choices for a form, newest first.
    static func authorising(groupID: Int64, in db: Database) throws -> [DecisionReference] {
        try DecisionStore.standingAgreed(groupID: groupID, in: db).map(DecisionReference.init)
    }

    /// The decision `id` if it belongs to the alliance, is the latest revision and still stands: what a form accepts.
    static func authorising(id: Int64, groupID: Int64, in db: Database) throws -> DecisionReference? {
        try authorising(groupID: groupID, in: db).first { $0.id == id }
    }

    /// Decisions a page names, by id, with whether each still stands (the latest revision of its chain is agreed and valid).
    static func references(ids: [Int64], groupID: Int64, in db: Database) throws -> [Int64: DecisionReference] {
        try DecisionStore.standings(ids: ids, groupID: groupID, in: db).mapValues(DecisionReference.init)
    }
}
