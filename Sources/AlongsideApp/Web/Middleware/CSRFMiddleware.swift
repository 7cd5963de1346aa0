import Hummingbird
import HTTPTypes

/// Synchronizer-token CSRF protection: every POST, PUT, PATCH and DELETE must carry the token stored in
/// the visitor's session, as the form field `csrf_token` or the `X-CSRF-Token` header. The form is read
/// here once and handed on in the context: URL-encoded, or multipart when it carries a file.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let fieldName = "csrf_token"
    static let headerName = HTTPField.Name("X-CSRF-Token")!
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else {
            return try await next(request, context)
        }
        var request = request
        let buffer = try await request.collectBody(upTo: maxBodyBytes)
        let form: FormData
        if let boundary = FormData.multipartBoundary(contentType: request.headers[.contentType]) {
            guard let decoded = try? FormData(multipart: buffer, boundary: boundary) else { throw AppError.badRequest }
            form = decoded
        } else {
            form = FormData(urlEncoded: String(buffer: buffer))
        }
        let sent = request.headers[Self.headerName] ?? form[Self.fieldName]
        guard let expected = context.visit.session?.csrfToken, !sent.isEmpty,
              SecretToken.constantTimeEquals(sent, expected)
        else {
            throw AppError.csrfFailed
        }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
