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
        let all = Self.deliverables(Array(repeating: .notStarted, count: national.deliverables.count))
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
            enablers.map(\.reach.transitive), enablers.map(\.reach.transitive).sorted(by: >), "ranked by reach")
    }
}
