import Hummingbird

/// Works out the client's address for the sign-in limits. The peer's own address is used unless the peer is a
/// proxy named in `ALONGSIDE_TRUSTED_PROXIES`; only then is `X-Forwarded-For` believed, read from the right (the
/// entry the trusted proxy added) past any further trusted proxies. A header from anyone else is ignored, so a
/// client cannot choose the address it is counted under (issue 15).
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !trustedProxies.isEmpty, trustedProxies.contains(context.remoteAddress) else {
            return try await next(request, context)
        }
        var context = context
        context.remoteAddress = Self.client(
            peer: context.remoteAddress, forwardedFor: request.headers[values: .init("X-Forwarded-For")!],
            trusted: trustedProxies
        )
        return try await next(request, context)
    }

    /// The first address, reading from the nearest hop outwards, that is not a trusted proxy. Malformed entries stop
    /// the walk: everything before them came from the client and cannot be believed.
    static func client(peer: String, forwardedFor headers: [String], trusted: Set<String>) -> String {
        let hops = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard let address = IPAddressText.normalised(hop) else { break }
            client = address
            if !trusted.contains(address) { break }
        }
        return client
    }
}

/// IP addresses written as text.
enum IPAddressText {
    /// The address if `text` is an IPv4 or IPv6 address (no port, no brackets), lower-cased; else nil.
    static func normalised(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 45 else { return nil }
        let lowered = text.lowercased()
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        let isV4 =
            parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                    && (Int(part) ?? 256) <= 255
            }
        let isV6 =
            lowered.filter({ $0 == ":" }).count >= 2 && lowered.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        return isV4 || isV6 ? lowered : nil
    }
}
