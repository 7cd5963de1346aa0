import Foundation
@testable import AlongsideApp

extension SiteFuzzer {
    /// The names tried in every GET route's query string besides its own forms' fields.
    static let genericQueryNames = ["page", "year", "month", "since", "q", "words", "id", "next", "from", "to"]

    // MARK: POST forms

    /// Fuzzes every form found, including forms found on the answers to earlier submissions (a "check your
    /// answers" page), until no new form turns up.
    func fuzzForms(alreadyFuzzed: Set<String>) async {
        while fuzzedForms < forms.count {
            let found = forms[fuzzedForms]
            fuzzedForms += 1
            await fuzz(found, alreadyFuzzed: alreadyFuzzed)
            await checkStillAnswering(after: found.entry.description)
        }
    }

    private func fuzz(_ found: FoundForm, alreadyFuzzed: Set<String>) async {
        let route = found.entry.description
        var fields = found.form.fields
        // the main submission (no named button), then each named button with a smaller sample
        let variants: [(button: (String, String)?, action: String, perField: Int)] =
            [(nil, found.form.action, tuning.payloadsPerField)]
            + found.form.buttons.map { (($0.name, $0.value), $0.action ?? found.form.action, tuning.payloadsPerButtonVariant) }
        var sendAsIs: [(action: String, fields: [(String, String)], label: String)] = []
        for variant in variants {
            let action = variant.action
            guard let entry = table.match("POST", action) else { continue }
            let extra = variant.button.map { [$0] } ?? []
            let label = variant.button.map { " [\($0.0)=\($0.1)]" } ?? ""
            for name in Set(fields.map(\.0)).union(extra.map(\.0)).sorted() where !isSkipped("POST", entry.route, name) {
                let value = (fields + extra).first { $0.0 == name }?.1 ?? ""
                let hostile = variant.perField >= FuzzPayloads.all.count
                    ? FuzzPayloads.all
                    : FuzzPayloads.forField(name, value: value, extra: variant.perField, seed: route + name + label)
                for payload in hostile {
                    let mutated = Self.replacing(name, in: fields + extra, with: payload.value)
                    let page = await send("POST", action, mutated, route: route, field: name + label, payload: payload.label)
                    if let page, (300..<400).contains(page.status.code) {
                        // it went through: the page it leads to shows the stored value, then a fresh form
                        if let location = page.location?.split(separator: "#").first.map(String.init),
                           location.hasPrefix("/"), !location.hasPrefix("//") {
                            await send("GET", location, route: route, field: name + label, payload: payload.label + " (page after)")
                        }
                        fields = await refreshed(found, fields)
                    }
                }
            }
            // the form as a browser sends it, last: it is the submission most likely to go through and change the
            // record (submit a claim, say), and its answer may hold the next step's form (check your answers)
            defer { sendAsIs.append((action, fields + extra, label)) }
            guard variant.button == nil else { continue }
            // duplicated, each missing, all missing, and hostile CSRF tokens
            await send("POST", action, fields + fields, route: route, field: "(every field twice)", payload: "duplicates")
            for name in Set(fields.map(\.0)).sorted() where !isSkipped("POST", entry.route, name) {
                await send("POST", action, fields.filter { $0.0 != name }, route: route, field: name, payload: "missing")
            }
            await send("POST", action, [], route: route, field: "(all fields)", payload: "missing")
            for payload in [FuzzPayloads.named("Int64.max"), FuzzPayloads.named("20,000 characters"), FuzzPayloads.named("NUL and ESC")] {
                await send("POST", action, fields + [("csrf_token", payload.value)], csrf: "", route: route, field: "csrf_token",
                           payload: payload.label)
            }
            fields = await refreshed(found, fields)
        }
        for (action, pairs, label) in sendAsIs {
            if let page = await send("POST", action, pairs, route: route, field: "(as the page sent it)" + label, payload: "") {
                collectForms(from: page.html, source: found.source, alreadyFuzzed: alreadyFuzzed)
            }
        }
    }

    /// After a submission went through (a redirect), the form's page again, for a fresh `version` and the like.
    private func refreshed(_ found: FoundForm, _ fields: [(String, String)]) async -> [(String, String)] {
        guard let page = await send("GET", found.source, route: "GET " + found.source, field: "(refresh)", payload: ""),
              page.status == .ok
        else { return fields }
        let names = Set(found.form.fieldNames)
        return FuzzHTML.forms(in: page.html).first { $0.action == found.form.action && Set($0.fieldNames) == names }?.fields ?? fields
    }

    /// The pairs with the first value of `name` replaced (or added).
    static func replacing(_ name: String, in fields: [(String, String)], with value: String) -> [(String, String)] {
        guard let index = fields.firstIndex(where: { $0.0 == name }) else { return fields + [(name, value)] }
        var copy = fields
        copy[index].1 = value
        return copy
    }

    // MARK: GET query strings

    /// Fuzzes the query string of every GET route reached (once per route across people): its own GET forms'
    /// fields with every hostile value, and a seeded sample of generic names with a few.
    func fuzzQueries(skipRoutes: Set<FuzzRouteTable.Entry>) async -> Set<FuzzRouteTable.Entry> {
        var done = Set<FuzzRouteTable.Entry>()
        for entry in table.entries("GET") where !skipRoutes.contains(entry) {
            guard let path = samples[entry]?.first else { continue }
            done.insert(entry)
            let route = entry.description
            let formFields = getFormFields[entry] ?? []
            var tries: [(name: String, payloads: [Hostile])] = Set(formFields.map(\.0)).sorted().map { ($0, FuzzPayloads.all) }
            let generic = Self.genericQueryNames.filter { name in !formFields.contains { $0.0 == name } }
            var chosen = generic.sample(tuning.genericQueryNames, seed: route)
            if generic.contains("page"), !chosen.contains("page") { chosen.append("page") }
            for name in chosen {
                tries.append((name, [FuzzPayloads.named("Int64.max")] + Array(FuzzPayloads.all.dropFirst())
                    .sample(tuning.payloadsPerGenericName - 1, seed: route + name)))
            }
            for (name, payloads) in tries where !isSkipped("GET", entry.route, name) {
                for payload in payloads {
                    let query = Self.replacing(name, in: formFields, with: payload.value)
                    await send("GET", path + "?" + Self.query(query), route: route, field: name, payload: payload.label)
                }
            }
            if !formFields.isEmpty {
                await send("GET", path + "?" + Self.query(formFields + formFields), route: route, field: "(every field twice)", payload: "duplicates")
            }
        }
        await checkStillAnswering(after: "GET query strings")
        return done
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
    }

}
