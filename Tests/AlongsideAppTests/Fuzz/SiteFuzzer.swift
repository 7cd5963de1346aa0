import Foundation
import HTTPTypes
import NIOConcurrencyHelpers
@testable import AlongsideApp

/// Walks the site as one person, finds its forms, and sends them hostile values, checking every answer.
/// Shared knowledge (which forms were fuzzed already) lives in `FuzzState`, so a second person only adds what
/// the first could not reach.
final class SiteFuzzer: @unchecked Sendable {
    /// A form to fuzz, with the page it was found on (fetched again after a change, for a fresh `version`).
    struct FoundForm {
        let entry: FuzzRouteTable.Entry
        let form: FuzzForm
        let source: String
    }

    let table: FuzzRouteTable
    let report: FuzzReport
    let skips: [FuzzSkip]
    var browser: TestBrowser
    let persona: String
    let signIn: (@Sendable () async throws -> TestBrowser)?
    let tuning: FuzzTuning

    /// Concrete paths that answered 200 for each GET route (up to `tuning.samplesPerRoute`).
    private(set) var samples: [FuzzRouteTable.Entry: [String]] = [:]
    /// Field names (with the page's default values) of GET forms, per route.
    private(set) var getFormFields: [FuzzRouteTable.Entry: [(String, String)]] = [:]
    private(set) var forms: [FoundForm] = []
    /// How many of `forms` have been fuzzed.
    var fuzzedForms = 0
    private var formKeys = Set<String>()
    private var visited = Set<String>()
    private var synthesised = Set<FuzzRouteTable.Entry>()
    private var tried = Set<FuzzRouteTable.Entry>()
    /// Pages that answered 200, with their routes: where real parameter values come from.
    private(set) var known: [(FuzzRouteTable.Entry, String)] = []

    init(
        table: FuzzRouteTable, report: FuzzReport, skips: [FuzzSkip], browser: TestBrowser, persona: String,
        tuning: FuzzTuning, signIn: (@Sendable () async throws -> TestBrowser)?
    ) {
        self.table = table
        self.report = report
        self.skips = skips
        self.browser = browser
        self.persona = persona
        self.tuning = tuning
        self.signIn = signIn
    }

    // MARK: sending and checking

    /// Sends one request and checks the answer: no 5xx, no unescaped payload, no redirect off the site, not slow.
    @discardableResult
    func send(
        _ method: String, _ target: String, _ fields: [(String, String)] = [], csrf: String? = nil,
        route: String, field: String, payload: String
    ) async -> Page? {
        report.countRequest()
        FuzzTrace.write(
            "\(persona) \(method) \(target) \(fields.map { "\($0.0)=\($0.1.prefix(40))" }.joined(separator: "&"))")
        let started = ContinuousClock.now
        let page: Page
        do {
            page = method == "POST" ? try await browser.post(target, fields, csrf: csrf) : try await browser.get(target)
        } catch {
            report.add(
                FuzzFinding(
                    kind: "request threw", route: route, field: field, payload: payload, status: 0,
                    detail: "\(method) \(target.prefix(120)): \(error)"))
            return nil
        }
        let elapsed = ContinuousClock.now - started
        report.countStatus(method, page.status.code)
        FuzzTrace.write(
            "  → \(page.status.code) \(page.status == .unprocessableContent ? page.errorSummary.joined(separator: " | ") : "")"
        )
        let detail = "\(persona): \(method) \(target.prefix(120))"
        if page.status.code >= 500 {
            report.add(
                FuzzFinding(
                    kind: "5xx", route: route, field: field, payload: payload, status: page.status.code, detail: detail)
            )
        }
        let contentType = page.headers[.contentType] ?? ""
        if contentType.isEmpty || contentType.contains("html") {
            for marker in FuzzPayloads.markers where page.html.contains(marker) {
                report.add(
                    FuzzFinding(
                        kind: "unescaped payload", route: route, field: field, payload: payload,
                        status: page.status.code, detail: detail + " shows " + marker))
            }
        }
        if (300..<400).contains(page.status.code), let location = page.location,
            !(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"))
        {
            report.add(
                FuzzFinding(
                    kind: "redirect off the site", route: route, field: field, payload: payload,
                    status: page.status.code, detail: detail + " → " + location.prefix(80)))
        }
        if elapsed > tuning.slowRequest {
            report.add(
                FuzzFinding(
                    kind: "slow answer", route: route, field: field, payload: payload,
                    status: page.status.code, detail: detail + " took \(elapsed)"))
        }
        return page
    }

    /// The app still answers, and this person is still signed in (a fuzzed sign-out or password change may end
    /// the session: sign in again so the rest of the run still reaches signed-in pages).
    func checkStillAnswering(after route: String) async {
        let health = await send("GET", Href.health(), route: route, field: "(after the batch)", payload: "GET /healthz")
        if health?.status != .ok {
            report.add(
                FuzzFinding(
                    kind: "stopped answering", route: route, field: "", payload: "", status: health?.status.code ?? 0,
                    detail: "GET /healthz after fuzzing \(route)"))
        }
        guard let signIn else { return }
        let account = await send("GET", Href.account(), route: "GET /account", field: "(session check)", payload: "")
        if account?.status != .ok {
            do { browser = try await signIn() } catch {
                report.add(
                    FuzzFinding(
                        kind: "cannot sign in again", route: route, field: "", payload: "", status: 0,
                        detail: "\(persona): \(error)"))
            }
        }
    }

    func isSkipped(_ method: String, _ route: Route, _ field: String) -> Bool {
        skips.contains { $0.method == method && $0.route == route && $0.field == field }
    }

    // MARK: exploring

    /// Visits every GET route without parameters, then follows links to fill each parameterised route with up to
    /// `samplesPerRoute` real paths, collecting the forms on every page.
    ///
    /// Called again after the forms were fuzzed (`again`), it starts from every page reached: that shows each page
    /// with the hostile values now stored, and finds records, links and forms that only the submissions created.
    func explore(alreadyFuzzed: Set<String>, again: Bool = false) async {
        var queue =
            again
            ? samples.sorted { $0.key.description < $1.key.description }.flatMap(\.value)
            : table.entries("GET").filter { !$0.hasParameters }.map(\.route.rawValue)
        var index = 0
        while index < queue.count, index < tuning.maxPagesPerPersona {
            let path = queue[index]
            index += 1
            guard let entry = table.match("GET", path) else { continue }
            let page = await send(
                "GET", path, route: entry.description, field: again ? "(page after fuzzing)" : "(crawl)",
                payload: again ? "stored values" : "")
            tried.insert(entry)
            guard let page, page.status == .ok else { continue }
            if samples[entry]?.contains(path) != true {
                samples[entry, default: []].append(path)
                known.append((entry, path))
            }
            collectForms(from: page.html, source: path, alreadyFuzzed: alreadyFuzzed)
            for link in FuzzHTML.localPaths(in: page.html) {
                let linkPath = FuzzRouteTable.pathOnly(link)
                guard !visited.contains(linkPath), let target = table.match("GET", linkPath) else { continue }
                visited.insert(linkPath)
                let known =
                    samples[target, default: []].count
                    + queue[index...].filter { table.match("GET", $0) == target }.count
                if known < tuning.samplesPerRoute { queue.append(linkPath) }
            }
            // routes no link led to (a page shown only for a draft, say): their path made from the nearest real one
            if index == queue.count {
                for entry in table.entries("GET") where !tried.contains(entry) && !synthesised.contains(entry) {
                    synthesised.insert(entry)
                    queue.append(nearestPath(for: entry.route))
                }
            }
        }
        // steps that end or finish a record last, so a deleted, retired or submitted record does not turn every
        // later form into a 403 or 404
        forms[fuzzedForms...].sort { Self.isDestructive($0.form.action) == false && Self.isDestructive($1.form.action) }
    }

    static let destructiveSteps: Set<String> = [
        "delete", "retire", "withdraw", "end", "close", "deactivate", "remove", "paid",
        "approve", "return", "check", "sign-out", "sign-out-everywhere",
    ]

    static func isDestructive(_ action: String) -> Bool {
        destructiveSteps.contains(String(FuzzRouteTable.pathOnly(action).split(separator: "/").last ?? ""))
    }

    /// `route` with its parameters taken from the real path (of a page that answered) sharing the most leading
    /// segments with it, a parameter only from a parameter; "1" where none fits.
    func nearestPath(for route: Route) -> String {
        let pattern = route.rawValue.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var best: (score: Int, parts: [String]) = (0, [])
        for (entry, path) in known {
            let theirs = entry.segments
            let parts = FuzzRouteTable.pathOnly(path).split(separator: "/", omittingEmptySubsequences: false).map(
                String.init)
            var score = 0
            for (index, segment) in pattern.enumerated() {
                guard index < theirs.count, index < parts.count,
                    segment.hasPrefix("{") ? theirs[index] == Substring(segment) : segment == parts[index]
                else { break }
                score += 1
            }
            // the last of equals: not the first row, often oneself
            if score >= best.score, score > 0 { best = (score, parts) }
        }
        return pattern.enumerated().map { index, segment in
            guard segment.hasPrefix("{") else { return segment }
            return index < best.score ? best.parts[index] : "1"
        }.joined(separator: "/")
    }

    /// Records the forms on a page: POST forms to fuzz (up to `formsPerRoute` different ones per route), and GET
    /// forms' fields for the query-string fuzz.
    func collectForms(from html: String, source: String, alreadyFuzzed: Set<String>) {
        for form in FuzzHTML.forms(in: html) {
            let method = form.method == "post" ? "POST" : "GET"
            guard let entry = table.match(method, form.action) else {
                report.note("\(persona): a form on \(source) goes to \(method) \(form.action), which no route serves")
                continue
            }
            if method == "GET" {
                var known = getFormFields[entry] ?? []
                for pair in form.fields where !known.contains(where: { $0.0 == pair.0 }) { known.append(pair) }
                getFormFields[entry] = known
                continue
            }
            let key = Self.formKey(entry, form)
            let sameRoute =
                formKeys.filter { $0.hasPrefix(entry.description + " ") }.count
                + alreadyFuzzed.filter { $0.hasPrefix(entry.description + " ") }.count
            guard !formKeys.contains(key), !alreadyFuzzed.contains(key), sameRoute < tuning.formsPerRoute else {
                continue
            }
            formKeys.insert(key)
            forms.append(FoundForm(entry: entry, form: form, source: source))
        }
    }

    static func formKey(_ entry: FuzzRouteTable.Entry, _ form: FuzzForm) -> String {
        "\(entry.description) "
            + (form.fieldNames.sorted() + form.buttons.map { "[\($0.name)=\($0.value)]" }).joined(separator: ",")
    }

    var formKeysFound: Set<String> { formKeys }
}

/// A (route, field) whose hostile values are not sent, because they are known to trap today.
struct FuzzSkip: Sendable {
    let method: String
    let route: Route
    let field: String
    let reason: String
}

/// How much the fuzz sends: bounded so the whole test adds well under two minutes to `swift test`.
struct FuzzTuning: Sendable {
    var samplesPerRoute = 1
    var formsPerRoute = 1
    var maxPagesPerPersona = 400
    /// Hostile values per field on each form's main submission besides those for its kind (all of them when this
    /// is at least their count): see `FuzzPayloads.forField`.
    var payloadsPerField = 1
    /// The same for the other submit buttons of a form.
    var payloadsPerButtonVariant = 1
    /// Generic query names tried on each GET route, and hostile values for each.
    var genericQueryNames = 1
    var payloadsPerGenericName = 2
    var slowRequest: Duration = .seconds(3)
    /// The app's today (its clock), for plausible dates in blank fields.
    var today = "2026-01-01"
}
