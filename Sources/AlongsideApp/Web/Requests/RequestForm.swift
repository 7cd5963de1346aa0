import Hummingbird
import HTTPTypes
import NIOCore

/// How large a request body each route accepts, in one place (README, "Limits"). Bodies are refused with 413 as
/// soon as they pass the limit, before any of them is parsed.
public enum BodyLimit {
    /// Forms people fill in: far above the longest text we accept (50,000 characters of terms of reference).
    public static let form = 256 * 1024
    /// Forms anyone may send without signing in (sign in, set a password, express interest): smaller still.
    public static let publicForm = 64 * 1024
    /// Spreadsheet and roadmap imports, which may be a file.
    public static let upload = 5 * 1024 * 1024
    /// The most any route accepts; the connection guard cuts a connection whose body runs past it.
    public static let largest = upload

    /// The limit for a state-changing request to `route`.
    public static func bytes(for route: Route, access: Access) -> Int {
        switch route {
        case .assetImport, .roadmapImport: return upload
        default: return access == .everyone ? publicForm : form
        }
    }
}

/// Reads the form of a state-changing request, checking the CSRF token first wherever it can be checked without
/// the body, so a stranger's large body is refused before it is read (issue 15).
enum RequestForm {
    /// The hidden field that carries the token in a form (`partials/csrf`).
    enum CSRFField: String, FormFieldName {
        case token = "csrf_token"
    }

    static let headerName = HTTPField.Name("X-CSRF-Token")!

    /// The form, once the request has shown it came from a page of ours: the synchronizer token of the visitor's
    /// session, or for a signed-out visitor the token signed for their form cookie.
    static func read(_ request: Request, context: AppRequestContext, route: Route, access: Access) async throws
        -> FormData
    {
        // Who may send this at all: a protected route needs a signed-in session, a public one any session or a
        // form cookie. Without one there is nothing the body could prove, so it is not read.
        let expected: String?
        if access == .everyone {
            expected = context.visit.session?.csrfToken ?? context.visit.formToken
        } else {
            expected = context.visit.user == nil ? nil : context.visit.session?.csrfToken
        }
        guard let expected else { throw AppError.csrfFailed }
        return try await read(request, expected: expected, route: route, access: access)
    }

    /// The form of a route whose address carries its own secret (`SiteRoutes.postOneClick`): no token is asked for,
    /// and the body is held to the public limit.
    static func readUnchecked(_ request: Request, route: Route) async throws -> FormData {
        try await body(request, route: route, access: .everyone)
    }

    /// The form, once the request carries `expected` (in the header or the form) and its body is within the limit.
    static func read(_ request: Request, expected: String, route: Route, access: Access) async throws -> FormData {
        let headerToken = request.headers[headerName]
        if let headerToken, !SecretToken.constantTimeEquals(headerToken, expected) { throw AppError.csrfFailed }
        let form = try await body(request, route: route, access: access)
        if headerToken == nil {
            let sent = form[CSRFField.token]
            guard !sent.isEmpty, SecretToken.constantTimeEquals(sent, expected) else { throw AppError.csrfFailed }
        }
        return form
    }

    /// The body as a form, refused with 413 as soon as it passes the route's limit.
    private static func body(_ request: Request, route: Route, access: Access) async throws -> FormData {

        let limit = BodyLimit.bytes(for: route, access: access)
        if let declared = request.headers[.contentLength].flatMap({ BoundedNumber.parse($0, in: 0...Int.max) }),
            declared > limit
        {
            throw AppError.tooLarge(limitBytes: limit)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw AppError.tooLarge(limitBytes: limit)
        } catch is NIOTooManyBytesError {
            // A body sent in chunks, with no length declared, ran past the limit while being read.
            throw AppError.tooLarge(limitBytes: limit)
        }
        let form: FormData
        if let boundary = FormData.multipartBoundary(contentType: request.headers[.contentType]) {
            guard let decoded = try? FormData(multipart: buffer, boundary: boundary) else { throw AppError.badRequest }
            form = decoded
        } else {
            form = FormData(urlEncodedBytes: Array(buffer.readableBytesView))
        }
        return form
    }
}
