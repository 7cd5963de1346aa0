import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import XCTest

/// A response with its body as text.
struct Page: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    /// The page as sent, less the stacked-table labels (` data-label="…"` on table cells, issue 18), so a test about
    /// what a cell holds does not depend on them; `rawHTML` keeps them.
    let html: String
    let rawHTML: String
    /// The body's bytes as sent, for a download that is not text (a ZIP).
    let bytes: [UInt8]

    init(status: HTTPResponse.Status, headers: HTTPFields, html: String, bytes: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.bytes = bytes
        rawHTML = html
        self.html = html.replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
    }

    var location: String? { headers[.location] }

    /// The value of the first `<input name="...">` with that name.
    func inputValue(_ name: String) -> String? {
        firstMatch(#"name="\#(name)"[^>]*value="([^"]*)""#) ?? firstMatch(#"value="([^"]*)"[^>]*name="\#(name)""#)
    }

    var csrfToken: String? { inputValue("csrf_token") }
    var h1: String? { firstMatch(#"<h1[^>]*>(.*?)</h1>"#) }
    var title: String? { firstMatch(#"<title>(.*?)</title>"#) }

    /// The error summary's messages, in order.
    var errorSummary: [String] { allMatches(##"<li><a href="#[^"]+">([^<]+)</a></li>"##) }

    func firstMatch(_ pattern: String) -> String? { allMatches(pattern).first }

    func allMatches(_ pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else {
            return []
        }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { Self.unescape(String(html[$0])) }
        }
    }

    /// Undoes the template's HTML escaping so tests compare plain text.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func contains(_ text: String) -> Bool { html.contains(text) }
}

/// A test client that keeps its cookies (the session, and the form cookie of a signed-out visitor) and the last
/// CSRF token, like a browser would.
final class TestBrowser: Sendable {
    let client: any TestClientProtocol
    private let state = NIOLockedValueBox<(cookies: [(name: String, value: String)], csrf: String?)>(([], nil))

    init(client: any TestClientProtocol) {
        self.client = client
    }

    /// The `Cookie` header this browser sends: every cookie it holds.
    var cookie: String? {
        get {
            let cookies = state.withLockedValue { $0.cookies }
            return cookies.isEmpty ? nil : cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
        }
        set {
            let pairs = (newValue ?? "").split(separator: ";").compactMap { part -> (name: String, value: String)? in
                let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(
                    String.init)
                return pieces.count == 2 ? (pieces[0], pieces[1]) : nil
            }
            state.withLockedValue { $0.cookies = pairs }
        }
    }

    /// The value of one cookie, if held.
    func cookie(named name: String) -> String? {
        state.withLockedValue { $0.cookies.first { $0.name == name }?.value }
    }

    /// The session cookie as a `Cookie` header value, if held.
    var sessionCookie: String? {
        state.withLockedValue { $0.cookies.first { $0.name.hasSuffix("alongside_session") } }.map {
            "\($0.name)=\($0.value)"
        }
    }

    var csrfToken: String? { state.withLockedValue { $0.csrf } }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form. The last CSRF token seen is added unless `csrf` is given (use "" to send none).
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil, headers: HTTPFields = [:])
        async throws -> Page
    {
        var pairs = fields
        let token = csrf ?? csrfToken
        if let token, !token.isEmpty { pairs.append(("csrf_token", token)) }
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Loads the sign-in page (for its token) and signs in.
    func signIn(email: String, password: String) async throws -> Page {
        _ = try await get("/sign-in")
        return try await post("/sign-in", [("email", email), ("password", password)])
    }

    private func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws
        -> Page
    {
        var headers = headers
        if let cookie, headers[.cookie] == nil { headers[.cookie] = cookie }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for setCookie in response.headers[values: .setCookie] {
            let pair = String(setCookie.split(separator: ";")[0])
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            state.withLockedValue { state in
                state.cookies.removeAll { $0.name == name }
                if !value.isEmpty, !setCookie.contains("Max-Age=0") { state.cookies.append((name, value)) }
            }
        }
        let page = Page(
            status: response.status, headers: response.headers, html: String(buffer: response.body),
            bytes: Array(response.body.readableBytesView))
        if let token = page.csrfToken { state.withLockedValue { $0.csrf = token } }
        return page
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", ".", "~"])) ?? text
    }
}
