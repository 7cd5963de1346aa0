import Foundation
import XCTest
@testable import AlongsideApp

/// Issue 15, "no request can crash, stall or mislead Alongside": every POST form and every GET page the router
/// serves gets hostile values in every field, hidden ones included. The routes come from the route table and the
/// fields from the forms on the pages, so a new route or field is covered without editing this file.
///
/// Checked for every answer: no 5xx, no raw `<script>`/`<img onerror>` in an HTML page, no redirect off the site,
/// no answer slower than a few seconds; after each batch the app still answers `GET /healthz`; an edit never goes
/// through with a missing or malformed `version` (STYLE.md 16); at the end no stored date is anything but a real
/// `YYYY-MM-DD` day. Listed for review without failing: hostile choices or 20,000 characters that were accepted, and
/// stored NUL, ESC or right-to-left overrides. All findings are reported together at the end.
///
/// A Swift trap (overflow, force unwrap) cannot be reported: it kills the whole test process. Run with
/// `FUZZ_TRACE=/tmp/fuzz.log` and that file's last request is the culprit.
///
/// Bounded: about 7,500 requests, under a minute in a debug build on two cores (see `FuzzTuning`).
final class RouteFuzzTests: XCTestCase {
    /// Values known to trap, which would kill the test runner, so are not sent. Empty, and it should stay so: the three
    /// overflows the first run found (claim `expense_rows` on both claim forms, the audit log's `page`) are fixed
    /// (issue 15). Should a new one appear, list it here with its cause only while it is being fixed.
    static let knownCrashes: [FuzzSkip] = []

    /// Who the fuzz walks the site as: an expert by experience first (their own claims and preferences), then an
    /// administrator (everything else), then no account (sign-in and the public forms; last, as a fuzzed sign-in
    /// form trips the sign-in throttle).
    static let personas: [(label: String, email: String?)] = [
        ("expert by experience", "casey@example.org"),
        ("administrator", "avery@example.org"),
        ("no account", nil),
    ]

    func testEveryFormAndQueryStringTakesHostileValues() async throws {
        try await withApp { app in
            // setup
            let started = ContinuousClock.now
            let dateColumns = try await Self.loadDemo(app)
            let table = FuzzRouteTable(services: app.services)
            let report = FuzzReport()
            var fuzzedForms = Set<String>()
            var fuzzedQueries = Set<FuzzRouteTable.Entry>()
            var fuzzers: [SiteFuzzer] = []
            // act
            for persona in Self.personas {
                let fuzzer = try await Self.fuzzer(app, table: table, report: report, persona: persona)
                // two rounds: the second starts from every page reached, now holding what the first stored
                for again in [false, true] {
                    await fuzzer.explore(alreadyFuzzed: fuzzedForms, again: again)
                    fuzzedQueries.formUnion(await fuzzer.fuzzQueries(skipRoutes: fuzzedQueries))
                    await fuzzer.fuzzForms(alreadyFuzzed: fuzzedForms)
                    fuzzedForms.formUnion(fuzzer.formKeysFound)
                }
                fuzzers.append(fuzzer)
            }
            let uncovered = await Self.fuzzPostsWithoutForms(table: table, fuzzers: fuzzers, fuzzedForms: fuzzedForms)
            let dates = try await StoredDateCheck.badDates(app.services.pool, alsoChecking: dateColumns)
            for value in dates.bad {
                report.add(
                    FuzzFinding(
                        kind: "stored date not YYYY-MM-DD", route: "database",
                        field: String(value.prefix(while: { $0 != " " })),
                        payload: "", status: 0, detail: value))
            }
            for column in try await StoredDateCheck.controlCharacters(app.services.pool) {
                report.review(
                    FuzzFinding(
                        kind: "stored NUL, ESC or right-to-left override", route: "database", field: column,
                        payload: "", status: 0, detail: column))
            }
            // check
            let elapsed = ContinuousClock.now - started
            let reached = Set(fuzzers.flatMap { $0.samples.keys })
            let unreached = table.entries("GET").filter { !reached.contains($0) }.map(\.description)
            print(
                """
                Route fuzz: \(report.requests) requests in \(elapsed); \(fuzzedForms.count) POST forms, \(fuzzedQueries.count) GET routes' \
                query strings, \(uncovered.count) POST routes with no form found (sent generic fields): \(uncovered.joined(separator: ", "))
                GET routes never reached: \(unreached.isEmpty ? "none" : unreached.joined(separator: ", "))
                Answers: \(report.statuses)
                Date columns checked: \(dates.columns.joined(separator: ", "))
                Skipped (known to trap): \(Self.knownCrashes.map { "\($0.method) \($0.route.rawValue) \($0.field)" }.joined(separator: "; "))
                \(report.notes.prefix(20).joined(separator: "\n"))
                \(report.summary())
                \(report.summary(limit: 80, reviews: true))
                """)
            XCTAssertTrue(report.findings.isEmpty, report.summary(limit: 60))
            XCTAssertGreaterThan(fuzzedForms.count, 50, "the crawl found the site's forms")
        }
    }

    func testEveryRouteRefusesHostilePathParameters() async throws {
        try await withApp { app in
            // setup
            _ = try await Self.loadDemo(app)
            let table = FuzzRouteTable(services: app.services)
            let report = FuzzReport()
            let fuzzer = try await Self.fuzzer(app, table: table, report: report, persona: Self.personas[1])
            await fuzzer.explore(alreadyFuzzed: [])
            let posted = Dictionary(
                fuzzer.forms.map { ($0.entry, $0.form.action) }, uniquingKeysWith: { first, _ in first })
            // act: every parameter at once, then each parameter of a real path alone
            for entry in table.entries where entry.hasParameters {
                let real = entry.method == "GET" ? fuzzer.samples[entry]?.first : posted[entry]
                for value in FuzzPayloads.pathValues {
                    var targets = [FuzzRouteTable.fill(entry.route, with: value)]
                    if let real, FuzzRouteTable.parameterCount(entry.route) > 1 {
                        targets += (0..<FuzzRouteTable.parameterCount(entry.route)).map {
                            FuzzRouteTable.replaceParameter($0, of: entry.route, in: real, with: value)
                        }
                    }
                    for target in targets {
                        await fuzzer.send(
                            entry.method, target, route: entry.description, field: "(path)", payload: value)
                    }
                }
                await fuzzer.checkStillAnswering(after: entry.description)
            }
            // check
            print("Path fuzz: \(report.requests) requests; answers: \(report.statuses)\n" + report.summary())
            XCTAssertTrue(report.findings.isEmpty, report.summary(limit: 60))
        }
    }
}

extension RouteFuzzTests {
    /// Loads the fictional demo (every account's password is `goodPassword`) and returns the columns that hold
    /// only dates before any fuzzing.
    static func loadDemo(_ app: TestContext) async throws -> Set<StoredDateCheck.Column> {
        let hash = try await app.services.hasher.hash(goodPassword)
        _ = try await DemoData.load(into: app.services, passwordHash: hash)
        return try await StoredDateCheck.columnsHoldingDates(app.services.pool)
    }

    static func fuzzer(
        _ app: TestContext, table: FuzzRouteTable, report: FuzzReport,
        persona: (label: String, email: String?)
    ) async throws -> SiteFuzzer {
        var signIn: (@Sendable () async throws -> TestBrowser)?
        if let email = persona.email {
            signIn = { @Sendable () async throws -> TestBrowser in
                let browser = app.browser()
                let answer = try await browser.signIn(email: email, password: goodPassword)
                guard answer.status == .seeOther else {
                    throw FuzzSignInFailed(email: email, status: answer.status.code)
                }
                return browser
            }
        }
        let browser = if let signIn { try await signIn() } else { app.browser() }
        return SiteFuzzer(
            table: table, report: report, skips: knownCrashes, browser: browser, persona: persona.label,
            tuning: FuzzTuning(today: LondonTime.isoDay(app.services.clock.now())), signIn: signIn)
    }

    /// POST routes none of whose forms the crawl found (a form shown only after an earlier step, a button on a
    /// record the demo lacks): posted with generic field names, parameters filled from the nearest real path.
    static func fuzzPostsWithoutForms(table: FuzzRouteTable, fuzzers: [SiteFuzzer], fuzzedForms: Set<String>) async
        -> [String]
    {
        guard let fuzzer = fuzzers.first(where: { $0.signIn != nil && $0.persona == "administrator" }) ?? fuzzers.first
        else { return [] }
        let generic = ["version", "title", "name", "date", "starts_on", "amount", "id", "status", "notes", "step"]
        var uncovered: [String] = []
        for entry in table.entries("POST") where !fuzzedForms.contains(where: { $0.hasPrefix(entry.description + " ") })
        {
            uncovered.append(entry.description)
            let target = fuzzer.nearestPath(for: entry.route)
            let fields = generic.map { ($0, "1") }
            for name in generic where !fuzzer.isSkipped("POST", entry.route, name) {
                for payload in [
                    FuzzPayloads.named("Int64.max"), FuzzPayloads.named("20,000 characters"),
                    FuzzPayloads.named("date 2026-1-5"), FuzzPayloads.named("script tag"),
                ] {
                    await fuzzer.send(
                        "POST", target, SiteFuzzer.replacing(name, in: fields, with: payload.value),
                        route: entry.description, field: name + " (generic)", payload: payload.label)
                }
            }
            await fuzzer.checkStillAnswering(after: entry.description)
        }
        return uncovered
    }
}

struct FuzzSignInFailed: Error {
    let email: String
    let status: Int
}
