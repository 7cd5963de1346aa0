import Foundation
import Hummingbird

/// The outbox, for administrators (issue 20): every message Alongside has written, waiting, sent or not delivered and
/// why. Without a mail relay configured messages stay here, so the demo works with no mail server.
enum OutboxFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [OutboxController(services: services)]
    }

    static let templates: [String] = [OutboxPage.template, OutboxMessagePage.template]

    static let rules: [Rule] = [.readOutbox]
}

extension Rule {
    /// Messages hold people's addresses and one-time links: administrators only.
    static let readOutbox = Rule(
        "readOutbox", permits: "Read the outbox: every message written, whether it was sent, and why not",
        holders: Holders(roles: [.administrator]))
}

struct OutboxController: Controller {
    let services: AppServices

    var store: OutboxStore { OutboxStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.outbox, .capability(.readOutbox), index)
        routes.get(.outboxMessage, .capability(.readOutbox), show)
    }

    enum FilterField: String, FormFieldName {
        case status
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let status = OutboxMessage.Status(rawValue: request.queryForm[FilterField.status])
        let page = OutboxPage(
            messages: try await store.messages(status: status), counts: try await store.counts(), status: status,
            relayConfigured: services.configuration.mailRelayConfigured)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let message = try await store.message(id: id)
        else { throw AppError.notFound }
        return try await services.pages.render(OutboxMessagePage(message), request: request, context: context)
    }
}
