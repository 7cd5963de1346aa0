import Foundation
import Hummingbird

/// A person's own data (issue 21, UK GDPR): anyone can download everything Alongside holds about them as one archive,
/// and an administrator can for a subject access request.
enum PersonalDataFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [PersonalDataController(services: services), ErasureController(services: services)]
    }

    static let templates: [String] = [PersonalDataPage.template, ErasurePage.template]

    static let rules: [Rule] = [.exportPersonalData, .erasePeople]
}

extension Rule {
    /// Erasing a person cannot be undone: administrators only, never their own account.
    static let erasePeople = Rule(
        "erasePeople",
        permits: "Erase a person: their name and email address replaced by a pseudonym everywhere",
        holders: Holders(roles: [.administrator]))
    /// Another person's data, whole: administrators only, and every download is in the audit log.
    static let exportPersonalData = Rule(
        "exportPersonalData",
        permits: "Download everything Alongside holds about a person, for a subject access request",
        holders: Holders(roles: [.administrator]))
}

struct PersonalDataController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.personalData, .signedIn) { request, context, signedIn in
            let found = try await read(signedIn.user.id)
            let page = PersonalDataPage(sections: found.1)
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.get(.personalDataDownload, .signedIn) { _, context, signedIn in
            try await download(
                signedIn.user.id, by: signedIn, context: context,
                summary: { person in
                    "\(person.name) downloaded everything Alongside holds about them"
                })
        }
        routes.get(.userPersonalData, .capability(.exportPersonalData)) { _, context, signedIn in
            guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
            return try await download(
                id, by: signedIn, context: context,
                summary: { person in
                    "Downloaded everything Alongside holds about \(person.name), for a subject access request"
                })
        }
    }

    func read(_ userID: Int64) async throws -> (PersonalDataReader.Person, [PersonalDataReader.Section]) {
        guard let found = try await services.pool.read({ db in try PersonalDataReader.read(userID: userID, in: db) })
        else { throw AppError.notFound }
        return found
    }

    func download(
        _ userID: Int64, by signedIn: SignedIn, context: AppRequestContext,
        summary: @Sendable (PersonalDataReader.Person) -> String
    ) async throws -> Response {
        let (person, sections) = try await read(userID)
        let now = services.clock.now()
        let archive = try PersonalDataArchive.make(person: person, sections: sections, at: now)
        try await services.pool.writeAudited(by: signedIn.actor, at: now, requestID: context.requestID) { _, audit in
            try audit.record(
                AuditChange<[String: String]>(
                    action: "personal data downloaded", recordKind: "account", recordID: String(person.id),
                    summary: summary(person), before: nil, after: nil))
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"\(PersonalDataArchive.fileName(for: person, at: now))\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: archive)))
    }
}

struct PersonalDataPage: PageModel {
    static let template = "account/data"
    let title = "Your data"
    let accountHref = Href.account()
    let downloadHref = Href.personalDataDownload()
    let privacyHref = Href.privacy()
    let parts: [Part]
    let total: Int

    struct Part: Encodable, Sendable {
        let name: String
        let count: String
    }

    init(sections: [PersonalDataReader.Section]) {
        parts = sections.map { Part(name: $0.name, count: $0.rows.count == 1 ? "1 row" : "\($0.rows.count) rows") }
        total = sections.count
    }
}
