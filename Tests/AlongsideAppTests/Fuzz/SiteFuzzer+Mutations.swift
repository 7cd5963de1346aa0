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
        // blanks filled with plausible values, so the form as sent is valid and each hostile value is judged alone
        // fetched again first: an earlier form may have changed the record since the crawl (a newer `version`)
        var fields = await refresh(found) ?? filled(found.form.fields, found.form)
        // the main submission (no named button), then each named button with a smaller sample
        let variants: [(button: (String, String)?, action: String, perField: Int)] =
            [(nil, found.form.action, tuning.payloadsPerField)]
            + found.form.buttons.map {
                (($0.name, $0.value), $0.action ?? found.form.action, tuning.payloadsPerButtonVariant)
            }
        var sendAsIs: [(action: String, fields: [(String, String)], label: String)] = []
        for variant in variants {
            let action = variant.action
            guard let entry = table.match("POST", action) else { continue }
            let extra = variant.button.map { [$0] } ?? []
            let label = variant.button.map { " [\($0.0)=\($0.1)]" } ?? ""
            for name in Set(fields.map(\.0)).union(extra.map(\.0)).union(found.form.unsent).sorted()
            where !isSkipped("POST", entry.route, name) {
                let value = (fields + extra).first { $0.0 == name }?.1 ?? ""
                let hostile =
                    variant.perField >= FuzzPayloads.all.count
                    ? FuzzPayloads.all
                    : FuzzPayloads.forField(name, value: value, extra: variant.perField, seed: route + name + label)
                for payload in hostile {
                    let mutated = Self.replacing(name, in: fields + extra, with: payload.value)
                    let page = await send(
                        "POST", action, mutated, route: route, field: name + label, payload: payload.label)
                    if let page, (300..<400).contains(page.status.code) {
                        // a redirect: the page it leads to shows what was stored; then a fresh form (new `version`)
                        if let location = page.location?.split(separator: "#").first.map(String.init),
                            location.hasPrefix("/"), !location.hasPrefix("//")
                        {
                            await send(
                                "GET", location, route: route, field: name + label,
                                payload: payload.label + " (page after)")
                        }
                        let after = await refreshPage(found)
                        judgeAccepted(
                            found, field: name + label, payload: payload, page: page, action: action,
                            wentThrough: Self.changed(fields, after))
                        fields = after.fields ?? fields
                    }
                }
            }
            // the form as a person would fill it in, last: it is the submission most likely to go through and change the
            // record (submit a claim, say), and its answer may hold the next step's form (check your answers)
            defer { sendAsIs.append((action, fields + extra, label)) }
            guard variant.button == nil else { continue }
            // duplicated, each missing, all missing, and hostile CSRF tokens
            await send(
                "POST", action, fields + fields, route: route, field: "(every field twice)", payload: "duplicates")
            for name in Set(fields.map(\.0)).sorted() where !isSkipped("POST", entry.route, name) {
                let page = await send(
                    "POST", action, fields.filter { $0.0 != name }, route: route, field: name, payload: "missing")
                if name == "version", let page, (300..<400).contains(page.status.code) {
                    let after = await refreshPage(found)
                    if Self.changed(fields, after) {
                        report.add(
                            FuzzFinding(
                                kind: "edit went through without a version", route: route, field: name,
                                payload: "missing",
                                status: page.status.code, detail: "\(persona): POST \(action)"))
                    }
                    fields = after.fields ?? fields
                }
            }
            await send("POST", action, [], route: route, field: "(all fields)", payload: "missing")
            for payload in [
                FuzzPayloads.named("Int64.max"), FuzzPayloads.named("20,000 characters"),
                FuzzPayloads.named("NUL and ESC"),
            ] {
                await send(
                    "POST", action, fields + [("csrf_token", payload.value)], csrf: "", route: route,
                    field: "csrf_token",
                    payload: payload.label)
            }
            fields = await refreshed(found, fields)
        }
        for (action, pairs, label) in sendAsIs {
            if let page = await send(
                "POST", action, pairs, route: route, field: "(the form, blanks filled)" + label, payload: "")
            {
                collectForms(from: page.html, source: found.source, alreadyFuzzed: alreadyFuzzed)
            }
        }
    }

    /// A hostile value that went through: wrong for a `version` (STYLE.md 16: a missing or malformed version is a
    /// conflict, never a pass); worth a look for a choice no list offered, or 20,000 characters. A form with a version
    /// went through when its version moved on (or the record went); one without, when the answer was a redirect.
    private func judgeAccepted(
        _ found: FoundForm, field: String, payload: Hostile, page: Page, action: String, wentThrough: Bool
    ) {
        let versioned = found.form.fieldNames.contains("version")
        guard wentThrough || !versioned else { return }
        let route = found.entry.description
        let detail = "\(persona): POST \(action) → \(page.location ?? "")"
        let name = String(field.prefix { $0 != " " })
        if name == "version" {
            report.add(
                FuzzFinding(
                    kind: "edit went through with a malformed version", route: route, field: field,
                    payload: payload.label, status: page.status.code, detail: detail))
        } else if found.form.choiceFields.contains(name) {
            report.review(
                FuzzFinding(
                    kind: "accepted a choice not offered", route: route, field: field, payload: payload.label,
                    status: page.status.code, detail: detail))
        } else if payload.value.count >= 20_000 {
            report.review(
                FuzzFinding(
                    kind: "accepted 20,000 characters", route: route, field: field, payload: payload.label,
                    status: page.status.code, detail: detail))
        }
    }

    /// True when the record behind a form changed: its page is gone (deleted), or its form's `version` moved on.
    /// A page still there without the form (a claim no longer a draft, say) tells nothing either way.
    static func changed(_ before: [(String, String)], _ after: (pageGone: Bool, fields: [(String, String)]?)) -> Bool {
        if after.pageGone { return true }
        guard let fields = after.fields else { return false }
        return before.first { $0.0 == "version" }?.1 != fields.first { $0.0 == "version" }?.1
    }

    /// The form's page again for fresh values, or the old ones when it is gone.
    private func refreshed(_ found: FoundForm, _ fields: [(String, String)]) async -> [(String, String)] {
        await refresh(found) ?? fields
    }

    /// The form's page again: the same form's fields now, or nil when the page or the form is gone.
    func refresh(_ found: FoundForm) async -> [(String, String)]? {
        await refreshPage(found).fields
    }

    func refreshPage(_ found: FoundForm) async -> (pageGone: Bool, fields: [(String, String)]?) {
        guard let page = await send("GET", found.source, route: "GET " + found.source, field: "(refresh)", payload: "")
        else {
            return (false, nil)
        }
        guard page.status == .ok else { return (page.status == .notFound, nil) }
        let names = Set(found.form.fieldNames)
        let form = FuzzHTML.forms(in: page.html).first { $0.action == found.form.action && Set($0.fieldNames) == names }
        return (false, form.map { filled($0.fields, $0) })
    }

    /// A new record's form with its blanks filled; an edit form (one with a `version`) as it is, since it shows a
    /// stored record that was valid, and a guess could only spoil it.
    func filled(_ fields: [(String, String)], _ form: FuzzForm) -> [(String, String)] {
        guard !form.fieldNames.contains("version") else { return fields }
        return fields.map { name, value in
            (
                name,
                value.isEmpty && !form.choiceFields.contains(name)
                    ? FuzzFill.value(for: name, today: tuning.today) : value
            )
        }
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
            var tries: [(name: String, payloads: [Hostile])] = Set(formFields.map(\.0)).sorted().map {
                ($0, FuzzPayloads.all)
            }
            let generic = Self.genericQueryNames.filter { name in !formFields.contains { $0.0 == name } }
            var chosen = generic.sample(tuning.genericQueryNames, seed: route)
            if generic.contains("page"), !chosen.contains("page") { chosen.append("page") }
            for name in chosen {
                tries.append(
                    (
                        name,
                        [FuzzPayloads.named("Int64.max")]
                            + Array(FuzzPayloads.all.dropFirst())
                            .sample(tuning.payloadsPerGenericName - 1, seed: route + name)
                    ))
            }
            for (name, payloads) in tries where !isSkipped("GET", entry.route, name) {
                for payload in payloads {
                    let query = Self.replacing(name, in: formFields, with: payload.value)
                    await send("GET", path + "?" + Self.query(query), route: route, field: name, payload: payload.label)
                }
            }
            if !formFields.isEmpty {
                await send(
                    "GET", path + "?" + Self.query(formFields + formFields), route: route, field: "(every field twice)",
                    payload: "duplicates")
            }
        }
        await checkStillAnswering(after: "GET query strings")
        return done
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(TestBrowser.encode($0.0))=\(TestBrowser.encode($0.1))" }.joined(separator: "&")
    }

}
