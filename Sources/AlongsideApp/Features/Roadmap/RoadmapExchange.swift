import Foundation

/// The roadmap as JSON, for other systems: `GET /roadmap.json`, and the shape `POST /roadmap/import` accepts.
/// Keys are snake_case; missing values are `null`.
struct RoadmapDocument: Codable, Sendable {
    var deliverables: [Entry]

    struct Owner: Codable, Sendable, Equatable {
        /// "person" or "group".
        var type: String
        var id: Int64
        var name: String?
    }

    struct Entry: Codable, Sendable {
        var id: Int64?
        var title: String?
        var workstream: String?
        var status: String?
        var owner: Owner?
        var targetDate: String?
        var involvement: String?
        var inGrid: Bool?
        var reliesUpon: [Int64]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, workstream, status, owner, targetDate = "target_date", involvement, inGrid = "in_grid",
                reliesUpon = "relies_upon"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(workstream, forKey: .workstream)
            try container.encode(status, forKey: .status)
            try container.encode(owner, forKey: .owner)
            try container.encode(targetDate, forKey: .targetDate)
            try container.encode(involvement, forKey: .involvement)
            try container.encode(inGrid, forKey: .inGrid)
            try container.encode(reliesUpon, forKey: .reliesUpon)
        }
    }

    init(deliverables: [Entry]) {
        self.deliverables = deliverables
    }

    init(graph: RoadmapGraph) {
        deliverables = graph.deliverables.indices.map { node in
            let deliverable = graph.deliverables[node]
            let owner: Owner? = deliverable.owner.map { owner in
                switch owner {
                case .person(let id): return Owner(type: "person", id: id, name: deliverable.ownerName)
                case .group(let id): return Owner(type: "group", id: id, name: deliverable.ownerName)
                }
            }
            return Entry(
                id: deliverable.id, title: deliverable.title, workstream: deliverable.workstream,
                status: deliverable.status.rawValue,
                owner: owner, targetDate: deliverable.targetOn, involvement: deliverable.involvement?.rawValue,
                inGrid: deliverable.inGrid,
                reliesUpon: graph.reliesOn(node).map { graph.deliverables[$0].id })
        }
    }
}

/// `GET /roadmap/analysis.json`: the cycles, the order to work in, and per deliverable its blockers and reach.
struct RoadmapAnalysisDocument: Encodable, Sendable {
    let components: [[Int64]]
    let workOrder: [[Int64]]
    /// Grid deliverables not in place that open work relies on, most relied upon first.
    let keyEnablers: [Int64]
    /// Every deliverable once, in the order that goes against the fewest links.
    let suggestedOrder: [Int64]
    /// The [deliverable, relied upon] links the suggested order goes against.
    let cycleBreaks: [[Int64]]
    let deliverables: [Entry]

    struct Entry: Encodable, Sendable {
        let id: Int64
        let status: String
        let blockers: [Int64]
        let waitingOn: [Int64]
        let reachDirect: Int
        let reachTransitive: Int
        let cycle: Int?

        enum CodingKeys: String, CodingKey {
            case id, status, blockers, waitingOn = "waiting_on", reachDirect = "reach_direct", reachTransitive =
                "reach_transitive", cycle
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(status, forKey: .status)
            try container.encode(blockers, forKey: .blockers)
            try container.encode(waitingOn, forKey: .waitingOn)
            try container.encode(reachDirect, forKey: .reachDirect)
            try container.encode(reachTransitive, forKey: .reachTransitive)
            try container.encode(cycle, forKey: .cycle)
        }
    }

    enum CodingKeys: String, CodingKey {
        case components, workOrder = "work_order", keyEnablers = "key_enablers",
            suggestedOrder = "suggested_order", cycleBreaks = "cycle_breaks", deliverables
    }

    init(graph: RoadmapGraph, suggested: SuggestedOrder.Result? = nil) {
        let ids = graph.deliverables.map(\.id)
        components = graph.cycles.map { $0.map { ids[$0] } }
        workOrder = graph.components.map { $0.map { ids[$0] } }
        keyEnablers = graph.keyEnablers(limit: .max).map { ids[$0.node] }
        let suggested = suggested ?? graph.suggestedOrder()
        suggestedOrder = suggested.order.map { ids[$0] }
        cycleBreaks = suggested.breaks.map { [ids[$0.node], ids[$0.reliesOn]] }
        let blockers = graph.allBlockers()
        deliverables = graph.deliverables.indices.map { node in
            Entry(
                id: ids[node], status: graph.deliverables[node].status.rawValue,
                blockers: blockers[node].map { ids[$0] }, waitingOn: graph.waitingOn(node).map { ids[$0] },
                reachDirect: graph.reach[node].direct, reachTransitive: graph.reach[node].transitive,
                cycle: graph.cycleNumber(of: node))
        }
    }
}

/// CSV exports of deliverables and of links, for spreadsheets.
enum RoadmapCSV {
    static let deliverableHeader = [
        "id", "title", "workstream", "status", "owner_type", "owner_id", "owner_name", "target_date", "involvement",
        "in_grid", "relies_upon", "blockers", "reach_direct", "reach_transitive", "cycle",
    ]

    static func deliverables(_ graph: RoadmapGraph) -> String {
        let blockers = graph.allBlockers()
        let rows = graph.deliverables.indices.map { node -> [String] in
            let deliverable = graph.deliverables[node]
            let (ownerType, ownerID): (String, String) =
                switch deliverable.owner {
                case .person(let id): ("person", String(id))
                case .group(let id): ("group", String(id))
                case nil: ("", "")
                }
            return [
                String(deliverable.id), deliverable.title, deliverable.workstreamName, deliverable.status.label,
                ownerType, ownerID,
                deliverable.ownerName ?? "", deliverable.targetOn ?? "", deliverable.involvement?.label ?? "",
                deliverable.inGrid ? "yes" : "no",
                graph.reliesOn(node).map { String(graph.deliverables[$0].id) }.joined(separator: " "),
                String(blockers[node].count),
                String(graph.reach[node].direct), String(graph.reach[node].transitive),
                graph.cycleNumber(of: node).map(String.init) ?? "",
            ]
        }
        return CSVFormat.document(header: deliverableHeader, rows: rows)
    }

    static func links(_ graph: RoadmapGraph) -> String {
        var rows: [[String]] = []
        for node in graph.deliverables.indices {
            for target in graph.reliesOn(node) {
                let from = graph.deliverables[node], to = graph.deliverables[target]
                rows.append([String(from.id), from.title, String(to.id), to.title, to.status.label])
            }
        }
        return CSVFormat.document(
            header: ["deliverable_id", "deliverable", "relies_upon_id", "relies_upon", "relies_upon_status"], rows: rows
        )
    }
}
