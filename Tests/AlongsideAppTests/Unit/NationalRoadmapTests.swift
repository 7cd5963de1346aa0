import XCTest
@testable import AlongsideApp

/// The shipped national roadmap (`national-roadmap.json`, from 001_ddd2b203e5584a25.txt) and the rules that check it.
final class NationalRoadmapTests: XCTestCase {
    // MARK: the shipped data

    func testTheShippedDataHasNoProblems() throws {
        let roadmap = try NationalRoadmap.bundled()
        let problems = roadmap.problems()
        XCTAssertTrue(problems.isEmpty, "Problems:\n" + problems.map(\.description).joined(separator: "\n"))
    }

    func testKeysAndTitlesAreUniqueAndEveryWorkstreamHasDeliverables() throws {
        let roadmap = try NationalRoadmap.bundled()
        let keys = roadmap.deliverables.map(\.key)
        XCTAssertEqual(Set(keys).count, keys.count, "duplicate keys")
        let titles = roadmap.deliverables.map { NationalRoadmap.normalised($0.title) }
        XCTAssertEqual(Set(titles).count, titles.count, "duplicate titles")
        for workstream in roadmap.workstreams {
            XCTAssertTrue(
                roadmap.deliverables.contains { $0.workstream == workstream.key },
                "\(workstream.key) has no deliverables")
        }
    }

    func testOneInGridDeliverablePerGridCell() throws {
        let roadmap = try NationalRoadmap.bundled()
        // The grid on slide 4 ("By 2023/24 - Priorities…"): model development 8, care provision 8, workforce 8,
        // data and outcomes 5, complex emotional needs 1, community rehab 4, eating disorders 6, plus the two rows
        // that span all three dedicated focus areas (dedicated function; experts by experience) = 42.
        XCTAssertEqual(roadmap.deliverables.filter(\.inGrid).count, 42)
        // Named only by relies-upon lines.
        XCTAssertEqual(
            roadmap.deliverables.filter { !$0.inGrid }.map(\.key).sorted(),
            ["access-data-recording", "every-icb-new-model", "trauma-specific-support"]
        )
        let perWorkstream = Dictionary(grouping: roadmap.deliverables, by: \.workstream).mapValues(\.count)
        XCTAssertEqual(
            perWorkstream,
            [
                "model-development": 9, "care-provision": 9, "workforce": 8, "data-and-outcomes": 6,
                "complex-emotional-needs": 1, "community-rehabilitation": 4, "eating-disorders": 8,
            ])
    }

    func testLinksCheckedByHandResolve() throws {
        let roadmap = try NationalRoadmap.bundled()
        let links = Set(roadmap.links().map { "\($0.from) -> \($0.to)" })
        // Joint governance slide: "Model design coproduced with service users, carers & communities".
        XCTAssertTrue(links.contains("joint-governance -> coproduced-model-design"))
        // Model design slide: "... delivery of dedicated focus areas", a longer wording held as an alias.
        XCTAssertTrue(links.contains("coproduced-model-design -> experts-by-experience"))
        // Older adults slide still says "indicative 21/22 MH workforce profile": an alias of the 23/24 deliverable.
        XCTAssertTrue(links.contains("tailored-offer -> workforce-recruitment"))
        // CPA slide: "... access to the model at PCN level?" (a stray mark where a footnote was) resolves by normalising.
        XCTAssertTrue(links.contains("shift-from-cpa -> primary-care-integration"))
        // No wrong door slide: "Alignment of model with IAPT, CYP & perinatal", the former name of Talking Therapies.
        XCTAssertTrue(links.contains("no-wrong-door -> model-alignment"))
        // Eating disorders slides all rely upon the dedicated function.
        XCTAssertTrue(links.contains("ed-referral-routes -> dedicated-function"))
        XCTAssertEqual(roadmap.links().count, 157)
    }

    func testCombinedTitlesNameBothDeliverables() throws {
        let table = try NationalRoadmap.bundled().lookup()
        let combined =
            "Improved access to evidence-based psychological therapies/"
            + "Staff accessing national training to delivery psychological therapies"
        XCTAssertEqual(
            table[NationalRoadmap.normalised(combined)],
            ["psychological-therapies-access", "psychological-therapies-training"])
        XCTAssertEqual(
            table[
                NationalRoadmap.normalised(
                    "Multi-disciplinary place-based model in place / Place based co-location approaches")],
            ["multidisciplinary-model", "co-location"]
        )
        XCTAssertEqual(
            table[NationalRoadmap.normalised("All other must-have and additional services are available at PCN-level")],
            ["must-have-services", "additional-services"]
        )
    }

    func testTheRelyUponGraphHasCycles() throws {
        let roadmap = try NationalRoadmap.bundled()
        let keys = roadmap.deliverables.map(\.key)
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let graph = DependencyGraph(count: keys.count, links: roadmap.links().map { (index[$0.from]!, index[$0.to]!) })
        let cycles = GraphAnalysis.components(graph).filter { $0.count > 1 }.map { Set($0.map { keys[$0] }) }
        XCTAssertFalse(cycles.isEmpty)
        // Checked by hand: the joint governance slide relies upon integration with primary care; that slide relies upon
        // "Must have" services; the must-have services' "All other…" slide relies upon joint governance.
        let loop = ["joint-governance", "primary-care-integration", "must-have-services"]
        XCTAssertTrue(cycles.contains { $0.isSuperset(of: loop) })
        // And a pair: equalities principles rely upon the tailored offer, whose young adults slide relies upon them.
        XCTAssertTrue(cycles.contains { $0.isSuperset(of: ["equalities-in-care", "tailored-offer"]) })
        let links = Set(roadmap.links().map { "\($0.from) -> \($0.to)" })
        for (from, to) in zip(loop, loop.dropFirst() + loop.prefix(1)) {
            XCTAssertTrue(links.contains("\(from) -> \(to)"), "\(from) -> \(to)")
        }
    }

    // MARK: the rules, on small hand-made roadmaps

    /// Four lines on merged slides name the deliverable they now belong to; they are kept, resolve to it, and add
    /// no link, so every line of the source is accounted for.
    func testLinesNamingTheirOwnMergedCellResolveToItAndAddNoLink() throws {
        let roadmap = try NationalRoadmap.bundled()
        let table = roadmap.lookup()
        let withOwnLines = roadmap.deliverables.filter { !($0.ownCellLines ?? []).isEmpty }
        XCTAssertEqual(
            withOwnLines.map(\.key).sorted(),
            ["model-alignment", "must-have-services", "psychological-therapies-training"])
        XCTAssertEqual(withOwnLines.reduce(0) { $0 + ($1.ownCellLines?.count ?? 0) }, 4)
        for deliverable in withOwnLines {
            for line in deliverable.ownCellLines ?? [] {
                XCTAssertEqual(table[NationalRoadmap.normalised(line)], [deliverable.key], line)
            }
        }
        XCTAssertFalse(roadmap.links().contains { $0.from == $0.to })
    }

    func testNormalisedIgnoresCasePunctuationQuotesAndAmpersands() {
        XCTAssertEqual(NationalRoadmap.normalised("  “Must have” services  "), "must have services")
        XCTAssertEqual(NationalRoadmap.normalised("Carers & communities"), "carers and communities")
        XCTAssertEqual(NationalRoadmap.normalised("at PCN level?"), "at pcn level")
        XCTAssertEqual(NationalRoadmap.normalised("Staff-caseload ratios"), "staff caseload ratios")
        XCTAssertEqual(NationalRoadmap.normalised("older people’s"), NationalRoadmap.normalised("older people's"))
    }

    func testAResolvedRoadmapHasNoProblems() {
        let roadmap = tiny(
            [
                deliverable("a", "Alpha", reliesUpon: ["BETA!", "Both"]), deliverable("b", "Beta"),
                deliverable("c", "Gamma"),
            ],
            aliases: [.init(text: "Both", deliverables: ["b", "c"], note: "combined title")]
        )
        XCTAssertEqual(roadmap.problems(), [])
        XCTAssertEqual(roadmap.links().map { "\($0.from)>\($0.to)" }, ["a>b", "a>c"])
    }

    func testAnUnresolvedLineIsReported() {
        let roadmap = tiny([deliverable("a", "Alpha", reliesUpon: ["Nothing by this name"])])
        XCTAssertEqual(roadmap.problems(), [.unresolvedLine(deliverable: "a", line: "Nothing by this name")])
        XCTAssertTrue(roadmap.links().isEmpty)
    }

    func testAnAliasToAnUnknownKeyIsReported() {
        let roadmap = tiny(
            [deliverable("a", "Alpha")], aliases: [.init(text: "Other", deliverables: ["a", "zz"], note: nil)])
        XCTAssertEqual(roadmap.problems(), [.aliasToUnknown(alias: "Other", key: "zz")])
    }

    func testDuplicateKeysAndTitlesAreReported() {
        let roadmap = tiny([deliverable("a", "Alpha"), deliverable("a", "Beta"), deliverable("b", "alpha.")])
        XCTAssertEqual(roadmap.problems(), [.duplicateKey("a"), .duplicateTitle("alpha.")])
    }

    func testRelyingUponItselfIsReported() {
        let roadmap = tiny([deliverable("a", "Alpha", reliesUpon: ["Alpha"])])
        XCTAssertEqual(roadmap.problems(), [.reliesOnItself("a")])
        XCTAssertTrue(roadmap.links().isEmpty, "self-links are left out")
    }

    // MARK: helpers

    private func tiny(_ deliverables: [NationalRoadmap.Deliverable], aliases: [NationalRoadmap.Alias] = [])
        -> NationalRoadmap
    {
        NationalRoadmap(
            source: "test", workstreams: [.init(key: "w", name: "W")], deliverables: deliverables, aliases: aliases)
    }

    private func deliverable(_ key: String, _ title: String, reliesUpon: [String] = []) -> NationalRoadmap.Deliverable {
        .init(
            key: key, title: title, workstream: "w", inGrid: true, summary: "", gettingStarted: [], successMarkers: [],
            resources: [], serviceUserVoice: [], reliesUpon: reliesUpon, ownCellLines: nil)
    }
}
