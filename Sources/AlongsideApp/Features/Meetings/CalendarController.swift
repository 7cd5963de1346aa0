import Foundation
import Hummingbird

/// Private calendar feeds: a person's meetings across their groups, or one group's, at a secret address.
struct CalendarController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var feeds: CalendarFeedStore { CalendarFeedStore(pool: services.pool, clock: services.clock) }
    var meetings: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.calendarSettings, .signedIn) { request, context, signedIn in
            let page = CalendarPage(
                hasFeed: try await feeds.hasFeed(userID: signedIn.user.id), action: Href.calendarSettings())
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.post(.calendarSettings, .signedIn) { request, context, signedIn in
            let token = try await feeds.renew(for: signedIn.user, requestID: context.requestID)
            // Shown once, in this response: only its hash is kept.
            let today = LondonTime.isoDay(services.clock.now())
            let groups = try await GroupStore(pool: services.pool, clock: services.clock).visibleGroups(
                for: signedIn.user, today: today
            ).filter(\.isMember).map(\.group)
            let page = CalendarPage(
                hasFeed: true, newFeed: (services.configuration.baseURL, token), groups: groups,
                action: Href.calendarSettings())
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.get(.personalCalendar, personal)
        routes.get(.groupCalendar, group)
    }

    @Sendable func personal(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let token = context.parameters.get("token"), let person = try await feeds.person(token: token) else {
            throw AppError.notFound
        }
        return try await feed(
            name: "Alongside: my meetings", meetings: try await feeds.meetings(forUserID: person.id, today: today))
    }

    /// One group's meetings, for a member of it.
    @Sendable func group(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let token = context.parameters.get("token"), let person = try await feeds.person(token: token),
            let groupID = context.parameters.get("id", as: Int64.self)
        else { throw AppError.notFound }
        let groups = GroupStore(pool: services.pool, clock: services.clock)
        guard try await groups.isCurrentMember(userID: person.id, groupID: groupID, today: today),
            let group = try await groups.find(id: groupID)
        else { throw AppError.notFound }
        return try await feed(
            name: group.name, meetings: try await feeds.meetings(forUserID: person.id, today: today, groupID: groupID))
    }

    func feed(name: String, meetings found: [(Meeting, String)]) async throws -> Response {
        var events: [ICalendar.Event] = []
        for (meeting, groupName) in found {
            let agenda = try await meetings.agenda(meetingID: meeting.id).map(\.title)
            events.append(
                ICalendar.event(
                    for: meeting, groupName: groupName, agenda: agenda, includeJoiningDetails: true,
                    url: services.configuration.baseURL + Href.meeting(meeting.groupID, meeting.id)))
        }
        return CalendarResponse.make(ICalendar.document(name: name, events: events), download: nil)
    }
}
