import Hummingbird
import Logging

/// One log line a request: request id (from the logger's metadata), method, path, status and duration.
/// Never the query string, headers or body, and one-time tokens in paths are masked.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(Self.redacted(request.uri.path))",
                "status": "\(response.status.code)",
                "duration_ms": "\(Double(micros) / 1000)",
            ]
        )
        return response
    }

    /// Paths that carry a secret token keep their shape but lose the token.
    static func redacted(_ path: String) -> String {
        for prefix in ["/setup/", "/set-password/", "/email/unsubscribe/"] where path.hasPrefix(prefix) {
            return prefix + "[token]"
        }
        // A private calendar address is a standing secret: keep the shape, drop the token.
        if path.hasPrefix("/calendar/") {
            let rest = path.dropFirst("/calendar/".count)
            return "/calendar/[token]" + (rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "")
        }
        return path
    }
}
