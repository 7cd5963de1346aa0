import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Forms sent after the person's session had ended, kept a short time so that signing in again brings them back to
/// the same form with what they typed (issue 18: without JavaScript a form page used to move itself away after 28
/// minutes, and what was typed was lost). Kept in memory only, never written to the database or the log; never a
/// password; bounded in size and number; each under a random token (in a cookie) and for the person whose session it
/// was, so nobody else can have it back.
public final class KeptForms: Sendable {
    /// How long a kept form waits for its person to sign in again.
    public static let timeToLive: TimeInterval = 30 * 60
    /// The most forms kept at once; the oldest goes first.
    public static let maxEntries = 200
    /// The most characters of names and values one kept form may hold; a larger one is not kept.
    public static let maxCharacters = 64 * 1024

    struct Entry: Sendable {
        let userID: Int64
        let path: String
        let form: FormData
        let keptAt: Date
    }

    private let entries = NIOLockedValueBox<[Data: Entry]>([:])

    public init() {}

    /// How many forms are kept now (for tests).
    var count: Int { entries.withLockedValue { $0.count } }

    /// Keeps `form` for `userID` to find again at `path`: the token to hand the browser, or nil when there is nothing
    /// to keep or it is too large.
    func keep(_ form: FormData, userID: Int64, path: String, now: Date) -> String? {
        let kept = Self.keepable(form)
        let size = kept.values.reduce(0) { total, pair in
            total + pair.key.count + pair.value.reduce(0) { $0 + $1.count }
        }
        guard !kept.values.isEmpty, size <= Self.maxCharacters else { return nil }
        let token = SecretToken.generate()
        guard let hash = SecretToken.hash(token) else { return nil }
        entries.withLockedValue { entries in
            entries = entries.filter { now.timeIntervalSince($0.value.keptAt) < Self.timeToLive }
            while entries.count >= Self.maxEntries,
                let oldest = entries.min(by: { $0.value.keptAt < $1.value.keptAt })?.key
            {
                entries[oldest] = nil
            }
            entries[hash] = Entry(userID: userID, path: path, form: kept, keptAt: now)
        }
        return token
    }

    /// The form kept under `token`, handed back once, and only to the person it was kept for, on the page it came from,
    /// while it is fresh.
    func take(token: String, userID: Int64, path: String, now: Date) -> FormData? {
        guard let hash = SecretToken.hash(token) else { return nil }
        return entries.withLockedValue { entries in
            guard let entry = entries[hash] else { return nil }
            guard now.timeIntervalSince(entry.keptAt) < Self.timeToLive else {
                entries[hash] = nil
                return nil
            }
            guard entry.userID == userID, entry.path == path else { return nil }
            entries[hash] = nil
            return entry.form
        }
    }

    /// What may be kept of a form: never a password, nor the ended session's CSRF token.
    static func keepable(_ form: FormData) -> FormData {
        let pairs = form.values.sorted { $0.key < $1.key }.flatMap { name, values in
            values.map { (name, $0) }
        }.filter { name, _ in
            !name.lowercased().contains("password") && name != RequestForm.CSRFField.token.rawValue
        }
        return FormData(pairs)
    }
}

/// How `SiteRoutes` keeps a form sent after the session ended, and gives it back after signing in again.
struct FormKeeping: Sendable {
    let store: KeptForms
    let secure: Bool
    let clock: AppClock

    var cookieName: String { SessionCookie.name("alongside_kept_form", secure: secure) }

    /// For a form sent to a protected route just after the person's session ended: when the form carries that
    /// session's own CSRF token (so it came from our page, for that person), keep it and send them to sign in, to come
    /// back to the page the form was on. Nil to answer as before (sign in, nothing kept).
    func keep(_ request: Request, context: AppRequestContext, route: Route, access: Access) async -> Response? {
        guard context.visit.sessionExpired, let ended = context.visit.endedSession, let userID = ended.user?.id,
            FormData.multipartBoundary(contentType: request.headers[.contentType]) == nil,
            let form = try? await RequestForm.read(request, expected: ended.csrfToken, route: route, access: access)
        else { return nil }
        let back = Self.formPage(request) ?? request.uri.path
        let path = String(back.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard let token = store.keep(form, userID: userID, path: path, now: clock.now()) else { return nil }
        var response = Response.seeOther(SignInReturn.signInHref(returningTo: back, expired: true))
        let maxAge = Int(KeptForms.timeToLive)
        response.headers.append(
            HTTPField(
                name: .setCookie,
                value: "\(cookieName)=\(token)\(SessionCookie.attributes(secure: secure)); Max-Age=\(maxAge)"))
        return response
    }

    /// The form kept for this signed-in person and this page, if their browser holds its token; taken once.
    func take(_ request: Request, person: SignedIn) -> FormData? {
        guard let token = request.cookies[cookieName]?.value else { return nil }
        return store.take(token: token, userID: person.user.id, path: request.uri.path, now: clock.now())
    }

    /// The header that drops the kept form's cookie once the form is back on screen.
    var clearingCookie: HTTPField {
        HTTPField(name: .setCookie, value: "\(cookieName)=\(SessionCookie.attributes(secure: secure)); Max-Age=0")
    }

    /// The page the form was on, as the browser says (`Referer`, same origin only), as a local path; nil when unsaid.
    static func formPage(_ request: Request) -> String? {
        guard let referer = request.headers[.referer], let url = URL(string: referer), let host = url.host,
            let authority = request.head.authority
        else { return nil }
        let refererAuthority = url.port.map { "\(host):\($0)" } ?? host
        guard refererAuthority == authority else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        return SignInReturn.safeLocalPath(path + (url.query.map { "?" + $0 } ?? ""))
    }
}
