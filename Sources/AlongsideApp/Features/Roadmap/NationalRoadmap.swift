import Foundation

/// The national community mental health transformation roadmap (`001_ddd2b203e5584a25.txt`) as shipped with
/// Alongside in `national-roadmap.json`. Descriptions are summaries in the project's own words; resource titles
/// are kept as published. Every item records the slide it came from.
///
/// Each deliverable's `reliesUpon` keeps the wording of the source's "Relies upon delivery of" lines. A line
/// resolves to the deliverable whose title (or a listed alias) matches it after `NationalRoadmap.normalised`;
/// one line may name more than one deliverable (a combined title) through the alias table.
public struct NationalRoadmap: Codable, Sendable, Equatable {
    public struct Workstream: Codable, Sendable, Equatable {
        public let key: String
        public let name: String
    }

    public struct Item: Codable, Sendable, Equatable {
        public let text: String
        /// The title of the slide the item came from.
        public let source: String
    }

    public struct Deliverable: Codable, Sendable, Equatable {
        public let key: String
        public let title: String
        public let workstream: String
        /// False for a deliverable that relies-upon lines name but the roadmap's grid does not show.
        public let inGrid: Bool
        public let summary: String
        public let gettingStarted: [Item]
        public let successMarkers: [Item]
        public let resources: [Item]
        public let serviceUserVoice: [Item]
        /// The "Relies upon delivery of" lines, worded as in the source.
        public let reliesUpon: [String]
        /// Lines from a slide merged into this deliverable that name the deliverable's own grid cell (the
        /// "Must have" sub-slides, for example). Kept for the record: they resolve to this deliverable and add no link.
        public let ownCellLines: [String]?
    }

    public struct Alias: Codable, Sendable, Equatable {
        /// A wording used in the source (a heading, a grid cell or a relies-upon line).
        public let text: String
        /// The deliverables it means (more than one for a combined title).
        public let deliverables: [String]
        public let note: String?
    }

    public let source: String
    public let workstreams: [Workstream]
    public let deliverables: [Deliverable]
    public let aliases: [Alias]

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case duplicateKey(String)
        case duplicateTitle(String)
        case unknownWorkstream(deliverable: String, workstream: String)
        case unresolvedLine(deliverable: String, line: String)
        case aliasToUnknown(alias: String, key: String)
        case ambiguousAlias(String)
        case reliesOnItself(String)

        public var description: String {
            switch self {
            case .duplicateKey(let key): "Deliverable key \(key) is used twice"
            case .duplicateTitle(let title): "Deliverable title \"\(title)\" is used twice"
            case .unknownWorkstream(let deliverable, let workstream):
                "\(deliverable) names unknown workstream \(workstream)"
            case .unresolvedLine(let deliverable, let line):
                "\(deliverable) relies upon \"\(line)\", which names no deliverable"
            case .aliasToUnknown(let alias, let key): "Alias \"\(alias)\" points at unknown deliverable \(key)"
            case .ambiguousAlias(let text): "Alias \"\(text)\" is listed twice or matches a title"
            case .reliesOnItself(let key): "\(key) relies upon itself"
            }
        }
    }

    /// Lower case, "&" read as "and", quotes and punctuation dropped, spaces collapsed.
    public static func normalised(_ text: String) -> String {
        let lowered = text.lowercased()
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "’", with: "'")
        var out = ""
        var lastWasSpace = true
        for scalar in lowered.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar); lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" "); lastWasSpace = true
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// What each wording means: every title, then every alias.
    public func lookup() -> [String: [String]] {
        var table: [String: [String]] = [:]
        for deliverable in deliverables { table[Self.normalised(deliverable.title)] = [deliverable.key] }
        for alias in aliases { table[Self.normalised(alias.text)] = alias.deliverables }
        return table
    }

    /// Every problem with the data; an empty list means every line resolves and nothing is duplicated.
    public func problems() -> [Problem] {
        var problems: [Problem] = []
        var keys = Set<String>(), titles = Set<String>()
        for deliverable in deliverables {
            if !keys.insert(deliverable.key).inserted { problems.append(.duplicateKey(deliverable.key)) }
            if !titles.insert(Self.normalised(deliverable.title)).inserted {
                problems.append(.duplicateTitle(deliverable.title))
            }
        }
        let workstreamKeys = Set(workstreams.map(\.key))
        for deliverable in deliverables where !workstreamKeys.contains(deliverable.workstream) {
            problems.append(.unknownWorkstream(deliverable: deliverable.key, workstream: deliverable.workstream))
        }
        var aliasTexts = Set<String>()
        for alias in aliases {
            let text = Self.normalised(alias.text)
            if titles.contains(text) || !aliasTexts.insert(text).inserted {
                problems.append(.ambiguousAlias(alias.text))
            }
            for key in alias.deliverables where !keys.contains(key) {
                problems.append(.aliasToUnknown(alias: alias.text, key: key))
            }
        }
        let table = lookup()
        for deliverable in deliverables {
            for line in deliverable.reliesUpon {
                guard let targets = table[Self.normalised(line)] else {
                    problems.append(.unresolvedLine(deliverable: deliverable.key, line: line)); continue
                }
                if targets == [deliverable.key] { problems.append(.reliesOnItself(deliverable.key)) }
            }
            for line in deliverable.ownCellLines ?? []
            where table[Self.normalised(line)].map({ !$0.contains(deliverable.key) }) ?? true {
                problems.append(.unresolvedLine(deliverable: deliverable.key, line: line))
            }
        }
        return problems
    }

    /// The resolved links, as (deliverable key, relied-upon key), without repeats or self-links.
    /// Lines that do not resolve are left out; `problems()` reports them.
    public func links() -> [(from: String, to: String)] {
        let table = lookup()
        var seen = Set<String>(), result: [(from: String, to: String)] = []
        for deliverable in deliverables {
            for line in deliverable.reliesUpon {
                for target in table[Self.normalised(line)] ?? [] where target != deliverable.key {
                    if seen.insert("\(deliverable.key)\u{1F}\(target)").inserted {
                        result.append((deliverable.key, target))
                    }
                }
            }
        }
        return result
    }

    /// The copy shipped with the application.
    public static func bundled() throws -> NationalRoadmap {
        guard let url = Bundle.module.url(forResource: "national-roadmap", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(NationalRoadmap.self, from: Data(contentsOf: url))
    }
}
