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

    /// Concrete paths found for each GET route (up to `tuning.samplesPerRoute`).
    private(set) var samples: [FuzzRouteTable.Entry: [String]] = [:]
    /// Field names (with the page's default values) of GET forms, per route.
    private(set) var getFormFields: [FuzzRouteTable.Entry: [(String, String)]] = [:]
    private(set) var forms: [FoundForm] = []
    private var formKeys = Set<String>()
    private var visited = Set<String>()

    init(table: FuzzRouteTable, report: FuzzReport, skips: [FuzzSkip], browser: TestBrowser, persona: String,
         tuning: FuzzTuning, signIn: (@Sendable () async throws -> TestBrowser)?) {
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
    func send(_ method: String, _ target: String, _ fields: [(String, String)] = [], csrf: String? = nil,
              route: String, field: String, payload: String) async -> Page? {
        report.countRequest()
        FuzzTrace.write("\(persona) \(method) \(target) \(fields.map { "\($0.0)=\($0.1.prefix(40))" }.joined(separator: "&"))")
        let started = ContinuousClock.now
        let page: Page
        do {
            page = method == "POST" ? try await browser.post(target, fields, csrf: csrf) : try await browser.get(target)
        } catch {
            report.add(FuzzFinding(kind: "request threw", route: route, field: field, payload: payload, status: 0,
                                   detail: "\(method) \(target.prefix(120)): \(error)"))
            return nil
        }
        let elapsed = ContinuousClock.now - started
        report.countStatus(method, page.status.code)
        FuzzTrace.write("  → \(page.status.code)")
        let detail = "\(persona): \(method) \(target.prefix(120))"
        if page.status.code >= 500 {
            report.add(FuzzFinding(kind: "5xx", route: route, field: field, payload: payload, status: page.status.code, detail: detail))
        }
        let contentType = page.headers[.contentType] ?? ""
        if contentType.isEmpty || contentType.contains("html") {
            for marker in FuzzPayloads.markers where page.html.contains(marker) {
                report.add(FuzzFinding(kind: "unescaped payload", route: route, field: field, payload: payload,
                                       status: page.status.code, detail: detail + " shows " + marker))
            }
        }
        if (300..<400).contains(page.status.code), let location = page.location,
           !(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\")) {
            report.add(FuzzFinding(kind: "redirect off the site", route: route, field: field, payload: payload,
                                   status: page.status.code, detail: detail + " → " + location.prefix(80)))
        }
        if elapsed > tuning.slowRequest {
            report.add(FuzzFinding(kind: "slow answer", route: route, field: field, payload: payload,
                                   status: page.status.code, detail: detail + " took \(elapsed)"))
        }
        return page
    }

    /// The app still answers, and this person is still signed in (a fuzzed sign-out or password change may end
    /// the session: sign in again so the rest of the run still reaches signed-in pages).
    func checkStillAnswering(after route: String) async {
        let health = await send("GET", Route.health.href, route: route, field: "(after the batch)", payload: "GET /healthz")
        if health?.status != .ok {
            report.add(FuzzFinding(kind: "stopped answering", route: route, field: "", payload: "", status: health?.status.code ?? 0,
                                   detail: "GET /healthz after fuzzing \(route)"))
        }
        guard let signIn else { return }
        let account = await send("GET", Route.account.href, route: "GET /account", field: "(session check)", payload: "")
        if account?.status != .ok {
            do { browser = try await signIn() } catch {
                report.add(FuzzFinding(kind: "cannot sign in again", route: route, field: "", payload: "", status: 0, detail: "\(persona): \(error)"))
            }
        }
    }

    func isSkipped(_ method: String, _ route: Route, _ field: String) -> Bool {
        skips.contains { $0.method == method && $0.route == route && $0.field == field }
    }

    // MARK: exploring

    /// Visits every GET route without parameters, then follows links to fill each parameterised route with up to
    /// `samplesPerRoute` real paths, collecting the forms on every page.
    func explore(alreadyFuzzed: Set<String>) async {
        var queue = table.entries("GET").filter { !$0.hasParameters }.map(\.route.href)
        var index = 0
        while index < queue.count, index < tuning.maxPagesPerPersona {
            let path = queue[index]
            index += 1
            guard let entry = table.match("GET", path) else { continue }
            let page = await send("GET", path, route: entry.description, field: "(crawl)", payload: "")
            samples[entry, default: []].append(path)
            guard let page, page.status == .ok else { continue }
            collectForms(from: page.html, source: path, alreadyFuzzed: alreadyFuzzed)
            for link in FuzzHTML.localPaths(in: page.html) {
                let linkPath = FuzzRouteTable.pathOnly(link)
                guard !visited.contains(linkPath), let target = table.match("GET", linkPath) else { continue }
                visited.insert(linkPath)
                let known = samples[target, default: []].count + queue[index...].filter { table.match("GET", $0) == target }.count
                if known < tuning.samplesPerRoute { queue.append(linkPath) }
            }
        }
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
            let sameRoute = formKeys.filter { $0.hasPrefix(entry.description + " ") }.count
                + alreadyFuzzed.filter { $0.hasPrefix(entry.description + " ") }.count
            guard !formKeys.contains(key), !alreadyFuzzed.contains(key), sameRoute < tuning.formsPerRoute else { continue }
            formKeys.insert(key)
            forms.append(FoundForm(entry: entry, form: form, source: source))
        }
    }

    static func formKey(_ entry: FuzzRouteTable.Entry, _ form: FuzzForm) -> String {
        "\(entry.description) " + (form.fieldNames.sorted() + form.buttons.map { "[\($0.name)=\($0.value)]" }).joined(separator: ",")
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
    var formsPerRoute = 2
    var maxPagesPerPersona = 400
    /// Hostile values per field on each form's main submission besides those for its kind (all of them when this
    /// is at least their count): see `FuzzPayloads.forField`.
    var payloadsPerField = 3
    /// The same for the other submit buttons of a form.
    var payloadsPerButtonVariant = 1
    /// Generic query names tried on each GET route, and hostile values for each.
    var genericQueryNames = 3
    var payloadsPerGenericName = 3
    var slowRequest: Duration = .seconds(3)
}
