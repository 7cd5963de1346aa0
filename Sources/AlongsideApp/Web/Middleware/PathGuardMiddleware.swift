import Hummingbird

/// Refuses (400) a request whose path holds a NUL or another control character, written plainly or percent-escaped,
/// before anything else reads it: `/css/site.css%00.html` was served as `text/html` (issue 15). No page of ours
/// has such a path.
struct PathGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard Self.isAcceptable(request.uri.path) else {
            return Response(
                status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8", .connection: "close"],
                body: .init(
                    byteBuffer: ByteBuffer(string: "Bad request: the address holds a character no address may hold.\n"))
            )
        }
        return try await next(request, context)
    }

    /// False when the raw or decoded path holds a control character (U+0000–U+001F, U+007F), or a "%" escape that
    /// does not decode.
    static func isAcceptable(_ rawPath: String) -> Bool {
        func clean(_ text: String) -> Bool { !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        guard clean(rawPath) else { return false }
        guard rawPath.contains("%") else { return true }
        guard let decoded = rawPath.removingPercentEncoding else { return false }
        return clean(decoded)
    }
}
