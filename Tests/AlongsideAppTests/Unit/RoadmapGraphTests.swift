import Foundation
import XCTest
@testable import AlongsideApp

final class RoadmapGraphTests: XCTestCase {
    /// Deliverables with made-up ids and statuses, for the analysis over records.
    static func deliverables(_ statuses: [DeliverableStatus]) -> [Deliverable] {
        statuses.enumerated().map { index, status in
            var deliverable = try! Deliverable(row: [
                "id": Int64(100 + index), "national_key": nil, "title": "D\(index)", "workstream": "w",
                "workstream_name": "W", "summary": "",
                "in_grid": true, "status": status.rawValue, "owner_user_id": nil, "owner_group_id": nil,
                "owner_name": nil, "target_on": nil,
                "involvement": nil, "retired_at": nil, "version": 1, "created_at": Date(), "updated_at": Date(),
            ])
            deliverable.status = status
            return deliverable
        }
    }

    func testAllBlockersAgreesWithBlockersOneAtATime() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let count = 1 + round * 3
            let statuses = (0..<count).map { _ in DeliverableStatus.allCases.randomElement(using: &generator)! }
            let all = Self.deliverables(statuses)
            let links = (0..<(count * 2)).map { _ in
                (all.randomElement(using: &generator)!.id, all.randomElement(using: &generator)!.id)
            }
            let graph = RoadmapGraph(deliverables: all, links: links)
            let together = graph.allBlockers()
            for node in 0..<count {
                XCTAssertEqual(together[node], graph.blockers(of: node), "round \(round), node \(node)")
            }
        }
    }

    func testTheNationalRoadmapsAnalysisHangsTogether() throws {
        let national = try NationalRoadmap.bundled()
        var all = Self.deliverables(Array(repeating: .notStarted, count: national.deliverables.count))
        for index in all.indices { all[index].inGrid = national.deliverables[index].inGrid }
        var ids: [String: Int64] = [:]
        for (index, deliverable) in national.deliverables.enumerated() { ids[deliverable.key] = all[index].id }
        let graph = RoadmapGraph(deliverables: all, links: national.links().map { (ids[$0.from]!, ids[$0.to]!) })
        XCTAssertEqual(
            graph.components.reduce(0) { $0 + $1.count }, national.deliverables.count,
            "every deliverable is in exactly one component")
        XCTAssertFalse(graph.cycles.isEmpty, "the national roadmap has cycles")
        // The order to work in: every link from a later step points back to the same or an earlier step.
        for node in 0..<all.count {
            for target in graph.reliesOn(node) {
                XCTAssertLessThanOrEqual(graph.componentOf[target], graph.componentOf[node])
            }
        }
        // With nothing in place, a deliverable's blockers are everything it relies upon, transitively.
        for node in 0..<all.count { XCTAssertEqual(graph.blockers(of: node), graph.reliesOnTransitively(node)) }
        let enablers = graph.keyEnablers(limit: 5)
        XCTAssertEqual(enablers.count, 5)
        XCTAssertEqual(
            enablers.map(\.reach.direct), enablers.map(\.reach.direct).sorted(by: >), "ranked by direct reliance first")
        // Issue 19: the national end state "Every ICB to have a new model fully in place" and the other items
        // outside the grid are never ranked as key enablers; they are listed apart.
        let everyICB = try XCTUnwrap(national.deliverables.firstIndex { $0.key == "every-icb-new-model" })
        let ranked = graph.keyEnablers(limit: .max).map(\.node)
        XCTAssertFalse(ranked.contains(everyICB))
        XCTAssertTrue(ranked.allSatisfy { national.deliverables[$0].inGrid })
        XCTAssertTrue(graph.enablersOutsideGrid(limit: .max).allSatisfy { !national.deliverables[$0.node].inGrid })
    }

    /// Waiting on (issue 19): only what a deliverable relies upon directly, and only what is not yet in place.
    func testWaitingOnIsDirectAndOnlyWhatIsNotInPlace() {
        // 0 relies on 1 and 2; 1 relies on 3; 2 is in place.
        let all = Self.deliverables([.notStarted, .planning, .inPlace, .notStarted])
        let id = { (node: Int) in all[node].id }
        let graph = RoadmapGraph(deliverables: all, links: [(id(0), id(1)), (id(0), id(2)), (id(1), id(3))])
        XCTAssertEqual(graph.waitingOn(0), [1], "2 is in place; 3 is only reached through 1")
        XCTAssertEqual(graph.waitingOn(1), [3])
        XCTAssertEqual(graph.waitingOn(3), [])
        XCTAssertEqual(graph.blockers(of: 0), [1, 3], "the transitive view stays available on request")
    }

    /// Key enablers count only work not yet in place that relies on them, directly first.
    func testKeyEnablersCountOpenWorkDirectlyFirst() {
        // 1 and 2 rely on 0 (1 in place); 3, 4 and 5 rely on 6 through a chain 5 -> 4 -> 3 -> 6; 7 relies on 8
        // and 9 relies on 8, both open. 6 has most reach through others, 8 most open work relying directly.
        let statuses: [DeliverableStatus] = [
            .notStarted, .inPlace, .planning, .planning, .planning, .planning, .notStarted, .planning, .notStarted,
            .planning,
        ]
        let all = Self.deliverables(statuses)
        let id = { (node: Int) in all[node].id }
        let links = [(1, 0), (2, 0), (3, 6), (4, 3), (5, 4), (7, 8), (9, 8)].map { (id($0.0), id($0.1)) }
        let graph = RoadmapGraph(deliverables: all, links: links)
        let ranked = graph.keyEnablers(limit: .max)
        XCTAssertEqual(ranked.first?.node, 8, "two open deliverables rely on it directly")
        XCTAssertEqual(ranked.first?.reach, GraphAnalysis.Reach(direct: 2, transitive: 2))
        XCTAssertEqual(
            ranked.first { $0.node == 0 }?.reach, GraphAnalysis.Reach(direct: 1, transitive: 1),
            "the dependent already in place is not counted")
        XCTAssertEqual(ranked.first { $0.node == 6 }?.reach, GraphAnalysis.Reach(direct: 1, transitive: 3))
        XCTAssertEqual(ranked.map(\.node).prefix(2), [8, 6], "then by reach")
        XCTAssertFalse(ranked.contains { $0.node == 1 }, "in place: never an enabler")
    }
}
