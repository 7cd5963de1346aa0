import Foundation

/// Importing a whole roadmap from JSON (the shape of `GET /roadmap.json`). Everything is checked first; any
/// problem means nothing changes, and each problem says where it is.
///
/// An entry whose `id` is a deliverable already in the workspace updates it; any other entry is added, and its
/// `id` (if given) only lets other entries in the file refer to it. Each entry's `relies_upon` becomes exactly
/// its links. Deliverables the file does not mention are left as they are.
enum RoadmapImport {
    struct Problem: Equatable, Sendable {
        /// Where: "deliverables[3] (Shared records) status".
        let location: String
        let message: String
    }

    struct Problems: Error, Equatable {
        let list: [Problem]
        init(_ list: [Problem]) { self.list = list }
    }

    /// One deliverable of the plan: an existing one to update, or a new one.
    struct Planned: Equatable, Sendable {
        var existingID: Int64?
        var input: RoadmapStore.DeliverableInput
        var status: DeliverableStatus
        var inGrid: Bool
        /// What it relies upon, in the file's order without repeats: existing deliverables by id, new ones by their place in `entries`.
        var reliesOn: [Reference]
    }

    enum Reference: Equatable, Sendable, Hashable {
        case existing(Int64)
        case new(Int)
    }

    struct Plan: Equatable, Sendable {
        var entries: [Planned]
        var added: Int { entries.filter { $0.existingID == nil }.count }
        var updated: Int { entries.count - added }
    }

    /// What the workspace holds that the file may refer to.
    struct Known: Sendable {
        var deliverables: Set<Int64>
        var workstreams: Set<String>
        var people: Set<Int64>
        var groups: Set<Int64>
    }

    static func parse(_ text: String) -> Result<RoadmapDocument, Problems> {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(Problems([Problem(location: "The file", message: "is empty. Paste the roadmap's JSON")]))
        }
        do {
            return .success(try JSONDecoder().decode(RoadmapDocument.self, from: Data(text.utf8)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(
                Problems([
                    Problem(
                        location: path(context.codingPath),
                        message: "has the wrong kind of value: \(context.debugDescription)")
                ]))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(Problems([Problem(location: path(context.codingPath + [key]), message: "is missing")]))
        } catch {
            return .failure(
                Problems([
                    Problem(
                        location: "The file", message: "is not valid JSON. Check for a missing comma, bracket or quote")
                ]))
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "The file" : text)
    }

    static func validate(_ document: RoadmapDocument, known: Known) -> Result<Plan, Problems> {
        var problems: [Problem] = []
        if document.deliverables.isEmpty {
            problems.append(Problem(location: "deliverables", message: "is empty: there is nothing to import"))
        }
        // Which file ids are new deliverables, and where they are.
        var newIndex: [Int64: Int] = [:]
        var seen = Set<Int64>()
        for (index, entry) in document.deliverables.enumerated() {
            guard let id = entry.id else { continue }
            if !seen.insert(id).inserted {
                problems.append(
                    Problem(location: "deliverables[\(index)].id", message: "\(id) is used by an earlier entry too"))
            }
            if !known.deliverables.contains(id) { newIndex[id] = index }
        }
        var entries: [Planned] = []
        for (index, entry) in document.deliverables.enumerated() {
            let name = (entry.title ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? "" : " (\(entry.title ?? ""))"
            func problem(_ field: String, _ message: String) {
                problems.append(Problem(location: "deliverables[\(index)]\(name) \(field)", message: message))
            }
            let title = (entry.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty {
                problem("title", "is missing")
            } else if title.count > RoadmapForms.titleLimit {
                problem("title", "is longer than \(RoadmapForms.titleLimit) characters")
            }
            let workstream = entry.workstream ?? ""
            if !known.workstreams.contains(workstream) {
                problem(
                    "workstream",
                    "\"\(workstream)\" is not one of: \(known.workstreams.sorted().joined(separator: ", "))")
            }
            let status = DeliverableStatus(rawValue: entry.status ?? DeliverableStatus.notStarted.rawValue)
            if status == nil {
                problem(
                    "status",
                    "\"\(entry.status ?? "")\" is not one of: \(DeliverableStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            var owner: DeliverableOwner?
            if let given = entry.owner {
                switch given.type {
                case "person" where known.people.contains(given.id): owner = .person(given.id)
                case "group" where known.groups.contains(given.id): owner = .group(given.id)
                case "person", "group": problem("owner", "there is no \(given.type) with id \(given.id)")
                default: problem("owner", "type \"\(given.type)\" should be person or group")
                }
            }
            if let target = entry.targetDate, LondonTime.startOfDay(target) == nil {
                problem("target_date", "\"\(target)\" is not a date like 2027-03-31")
            }
            var involvement: InvolvementRung?
            if let rung = entry.involvement {
                involvement = InvolvementRung(rawValue: rung)
                if involvement == nil {
                    problem(
                        "involvement",
                        "\"\(rung)\" is not one of: \(InvolvementRung.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
            }
            var references: [Reference] = []
            for (position, target) in (entry.reliesUpon ?? []).enumerated() {
                if target == entry.id {
                    problems.append(
                        Problem(
                            location: "deliverables[\(index)]\(name) relies_upon[\(position)]",
                            message: "a deliverable cannot rely upon itself"))
                } else if let other = newIndex[target] {
                    if !references.contains(.new(other)) { references.append(.new(other)) }
                } else if known.deliverables.contains(target) {
                    if !references.contains(.existing(target)) { references.append(.existing(target)) }
                } else {
                    problems.append(
                        Problem(
                            location: "deliverables[\(index)]\(name) relies_upon[\(position)]",
                            message: "\(target) is not a deliverable in the file or the workspace"))
                }
            }
            let existing = entry.id.flatMap { known.deliverables.contains($0) ? $0 : nil }
            entries.append(
                Planned(
                    existingID: existing,
                    input: .init(
                        title: title, workstream: workstream, summary: "", owner: owner,
                        targetOn: entry.targetDate, involvement: involvement),
                    status: status ?? .notStarted, inGrid: entry.inGrid ?? false, reliesOn: references))
        }
        return problems.isEmpty ? .success(Plan(entries: entries)) : .failure(Problems(problems))
    }
}
