import Foundation
import Hummingbird

/// The Open Referral UK 3.0 API (`../shared/standards/open-referral-uk/openapi.json`): `/`, `/services`,
/// `/services/{id}` and `/service_at_locations`, public and read-only. Refusals answer JSON too: 404 for an id that
/// is not a published service (a hidden one is not revealed), 422 for a page or page size out of range.
struct OpenReferralController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.openReferral, about)
        routes.get(.openReferralServices, index)
        routes.get(.openReferralService, show)
        routes.get(.openReferralServiceAtLocations, serviceAtLocations)
    }

    /// The query parameters the standard names.
    enum QueryField: String, FormFieldName {
        case search, page, perPage = "per_page", taxonomyTermID = "taxonomy_term_id", taxonomyID = "taxonomy_id"
    }

    /// The version this API follows, and where its description is.
    static let about = OpenReferral.About(
        version: "3.0", profile: "https://openreferraluk.org/",
        openapiUrl: "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json")

    @Sendable func about(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.json(Self.about)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await listing(request) { $0.map(\.summary) }
    }

    @Sendable func serviceAtLocations(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await listing(request) { published in
            published.flatMap { service in
                service.serviceAtLocations.map { link in
                    // A list holds one-to-one fields only, and the service as listed.
                    var location = link.location
                    location.addresses = nil
                    location.accessibility = nil
                    return OpenReferral.ServiceAtLocation(
                        id: link.id, serviceId: link.serviceId, locationId: link.locationId, location: location,
                        service: service.summary)
                }
            }
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = OpenReferralIDs.parse(text.lowercased()),
            let service = try await catalogue(search: "").first(where: { $0.summary.id == OpenReferralIDs.text(id) })
        else {
            return try Self.refusal(.notFound, "There is no published service with this id.")
        }
        return try Self.json(service)
    }

    /// A page of `items(published)`, searched and paged as the request asks.
    func listing<Item: Encodable & Sendable>(
        _ request: Request, _ items: ([OpenReferral.Service]) -> [Item]
    ) async throws -> Response {
        typealias F = QueryField
        let query = request.queryForm
        switch OpenReferralPaging.parse(page: query[F.page], perPage: query[F.perPage]) {
        case .failure(let refusal):
            return try Self.refusal(.unprocessableContent, refusal.message)
        case .success(let paging):
            let published = try await catalogue(search: query.searchWords(F.search).text).filter {
                Self.has($0, term: query[F.taxonomyTermID], taxonomy: query[F.taxonomyID])
            }
            return try Self.json(paging.page(of: items(published)))
        }
    }

    /// Every published service matching `search` (the directory's own search: every word somewhere in the name,
    /// description, languages, category or needs), by name. Worked out once per change to the data.
    func catalogue(search: String) async throws -> [OpenReferral.Service] {
        let key = services.derived.key("openreferral", variant: search)
        return try await services.derived.value(for: key) {
            let assetsStore = AssetStore(pool: services.pool, clock: services.clock)
            let localities = try await LocalityStore(pool: services.pool, clock: services.clock).all()
            let needs = try await NeedStore(pool: services.pool, clock: services.clock).all()
            let needNames = Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0.name) })
            let asked = AssetSearch(words: search)
            let assets = try await assetsStore.directoryCandidates(asked, needNames: needNames).filter {
                DirectoryRules.isShown($0) && asked.matches($0, needNames: needNames)
            }
            let mapping = OpenReferralMapping(
                localities: Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0) }),
                needs: Dictionary(uniqueKeysWithValues: needs.map { ($0.id, $0) }),
                organisations: try await assetsStore.organisations())
            return assets.compactMap(mapping.service)
        }
    }

    /// The standard's `taxonomy_term_id` and `taxonomy_id` filters: a service with that term, or with any term of that
    /// taxonomy. An empty value does not filter; an id that is no term or taxonomy of ours finds nothing.
    static func has(_ service: OpenReferral.Service, term: String, taxonomy: String) -> Bool {
        let term = term.trimmingCharacters(in: .whitespaces).lowercased()
        let taxonomy = taxonomy.trimmingCharacters(in: .whitespaces).lowercased()
        let terms = service.attributes.map(\.taxonomyTerm)
        return (term.isEmpty || terms.contains { $0.id == term })
            && (taxonomy.isEmpty || terms.contains { $0.taxonomyId == taxonomy })
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    struct Problem: Encodable {
        let status: Int
        let message: String
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String) throws -> Response {
        try json(Problem(status: status.code, message: message), status: status)
    }
}
