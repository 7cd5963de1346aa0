import Foundation
import Hummingbird

/// A role's description for the person who holds it (issue 20: "they can read the description of a role they
/// hold"). Anyone else is told it is not found, as with another person's claim; managers read it on the role's page.
struct HeldRoleController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.heldRole, .signedIn, show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        let held = try await InterestStore(pool: services.pool, clock: services.clock)
            .appointments(userID: signedIn.user.id).filter { $0.roleID == id }
        guard let latest = held.max(by: { $0.startsOn < $1.startsOn }),
            let role = try await RoleStore(pool: services.pool, clock: services.clock).role(id: id)
        else { throw AppError.notFound }
        let page = HeldRolePage(
            role: role, appointment: latest, today: LondonTime.isoDay(services.clock.now()))
        return try await services.pages.render(page, request: request, context: context)
    }
}

/// The description of a role the person holds, or held, with their dates in it.
struct HeldRolePage: PageModel {
    static let template = "involvement-roles/held"
    let title: String
    let held: String
    let description: RoleDescriptionView
    let involvementHref = Href.involvement()

    init(role: InvolvementRole, appointment: Appointment, today: String) {
        title = role.content.title
        let since = LondonTime.day(appointment.startsOn)
        if let ends = appointment.endsOn, ends < today {
            held = "You held this role from \(since) to \(LondonTime.day(ends))."
        } else {
            held =
                "You have held this role since \(since)"
                + (appointment.endsOn.map { ", until \(LondonTime.day($0))." } ?? ".")
        }
        description = RoleDescriptionView(role.content)
    }
}
