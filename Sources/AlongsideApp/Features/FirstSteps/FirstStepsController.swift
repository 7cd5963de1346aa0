import Foundation
import Hummingbird

/// `/first-steps` and `/first-steps.json`: how far the partnership has come, from the records (003's check box).
struct FirstStepsController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.firstSteps, .signedIn, index)
        routes.get(.firstStepsJSON, .signedIn, json)
    }

    func assessments() async throws -> [FirstStepAssessment] {
        let facts = try await FirstStepsStore(pool: services.pool, clock: services.clock).facts()
        let categories = AssetCategory.allCases.map { (key: $0.rawValue, label: $0.label) }
        return FirstStepsRules.assess(facts, categories: categories)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = FirstStepsPage(assessments: try await assessments())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func json(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let today = LondonTime.isoDay(services.clock.now())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = String(
            decoding: try encoder.encode(FirstStepsDocument(assessments: try await assessments(), asOf: today)),
            as: UTF8.self)
        return .download(body, contentType: "application/json; charset=utf-8", fileName: "first-steps-\(today).json")
    }
}
