import Foundation

/// A form found on a page, as a browser would submit it: its action, method and the name-value pairs it
/// sends (hidden fields included), plus the named submit buttons that each send one more pair.
struct FuzzForm: Sendable {
    let method: String
    let action: String
    /// The pairs a browser sends without the CSRF token (the fuzzer adds the live token itself).
    let fields: [(String, String)]
    /// Named submit buttons: the pair each adds, and the action it overrides (`formaction`), if any.
    let buttons: [(name: String, value: String, action: String?)]
    /// True when the form posts a file (multipart): we still post its other fields, URL-encoded.
    let hasFile: Bool
    /// Fields whose values come from a fixed list (select, radio, checkbox): anything else was not offered.
    let choiceFields: Set<String>
    /// Names the form has but a browser would not send as it stands (checkboxes none of which is ticked).
    let unsent: [String]

    var fieldNames: [String] {
        var seen = Set<String>()
        return fields.map(\.0).filter { seen.insert($0).inserted }
    }
}

/// A small scanner over our own server-rendered HTML: enough to find links and forms, not a general parser.
enum FuzzHTML {
    static func forms(in html: String) -> [FuzzForm] {
        matches(#"<form\b([^>]*)>(.*?)</form>"#, in: html).map { groups in
            return form(formAttributes: attributes(groups[1] ?? ""), body: groups[2] ?? "")
        }
    }

    /// Every local path a page links to or posts to (`href`, `action`, `formaction`), unescaped.
    static func localPaths(in html: String) -> [String] {
        matches(#"(?:href|action|formaction)="(/[^"]*)""#, in: html).compactMap { groups in
            guard let path = groups[1], !path.hasPrefix("//") else { return nil }
            return unescape(path)
        }
    }

    private static func form(formAttributes: [String: String], body: String) -> FuzzForm {
        var fields: [(String, String)] = []
        var buttons: [(name: String, value: String, action: String?)] = []
        var checkboxes: [String: [(value: String, checked: Bool)]] = [:]
        var checkboxOrder: [String] = []
        var hasFile = false
        var choices = Set<String>()
        let pattern =
            #"<input\b([^>]*)>|<select\b([^>]*)>(.*?)</select>|<textarea\b([^>]*)>(.*?)</textarea>|<button\b([^>]*)>"#
        for groups in matches(pattern, in: body) {
            if let input = groups[1] {
                let a = attributes(input)
                guard let name = a["name"], a["disabled"] == nil else { continue }
                let type = (a["type"] ?? "text").lowercased()
                let value = a["value"] ?? ""
                switch type {
                case "file": hasFile = true
                case "submit", "image", "button", "reset":
                    if type == "submit" { buttons.append((name, value, a["formaction"])) }
                case "radio":
                    choices.insert(name)
                    // the checked choice, else the first one offered, so the field is there to be fuzzed
                    if a["checked"] != nil {
                        fields.removeAll { $0.0 == name }
                        fields.append((name, value))
                    } else if !fields.contains(where: { $0.0 == name }) {
                        fields.append((name, value))
                    }
                case "checkbox":
                    choices.insert(name)
                    if checkboxes[name] == nil { checkboxOrder.append(name) }
                    checkboxes[name, default: []].append((value.isEmpty ? "on" : value, a["checked"] != nil))
                default: fields.append((name, value))
                }
            } else if let select = groups[2] {
                let a = attributes(select)
                guard let name = a["name"] else { continue }
                choices.insert(name)
                let options = matches(#"<option\b([^>]*)>(.*?)</option>"#, in: groups[3] ?? "").map { option in
                    let o = attributes(option[1] ?? "")
                    return (value: o["value"] ?? unescape(option[2] ?? ""), selected: o["selected"] != nil)
                }
                let chosen =
                    options.first(where: { $0.selected }) ?? options.first(where: { !$0.value.isEmpty })
                    ?? options.first
                fields.append((name, chosen?.value ?? ""))
            } else if let textarea = groups[4] {
                let a = attributes(textarea)
                guard let name = a["name"] else { continue }
                fields.append((name, unescape(groups[5] ?? "")))
            } else if let button = groups[6] {
                let a = attributes(button)
                guard let name = a["name"], (a["type"] ?? "submit").lowercased() == "submit" else { continue }
                buttons.append((name, unescape(a["value"] ?? ""), a["formaction"].map(unescape)))
            }
        }
        // checkboxes: those ticked, as a browser sends them; a name with none ticked is still fuzzed (`unsent`)
        var unsent: [String] = []
        for name in checkboxOrder {
            let ticked = (checkboxes[name] ?? []).filter(\.checked)
            if ticked.isEmpty { unsent.append(name) }
            for box in ticked { fields.append((name, box.value)) }
        }
        return FuzzForm(
            method: (formAttributes["method"] ?? "get").lowercased(), action: unescape(formAttributes["action"] ?? ""),
            fields: fields.filter { $0.0 != "csrf_token" }, buttons: buttons, hasFile: hasFile,
            choiceFields: choices, unsent: unsent
        )
    }

    /// `name="value"` pairs of one tag (values unescaped); bare attributes map to "".
    static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for groups in matches(#"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?"#, in: text)
        {
            guard let name = groups[1]?.lowercased(), result[name] == nil else { continue }
            result[name] = unescape(groups[2] ?? groups[3] ?? groups[4] ?? "")
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        for groups in matches(#"&#(x?)([0-9A-Fa-f]+);"#, in: result) {
            let hex = groups[1] == "x"
            if let code = UInt32(groups[2] ?? "", radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                result = result.replacingOccurrences(
                    of: "&#\(groups[1] ?? "")\(groups[2] ?? "");", with: String(Character(scalar)))
            }
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every match of `pattern`, each as its capture groups (index 0 the whole match; nil for a group that did not take part).
    static func matches(_ pattern: String, in text: String) -> [[String?]] {
        guard
            let regex = try? NSRegularExpression(
                pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive])
        else {
            return []
        }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } }
        }
    }
}
