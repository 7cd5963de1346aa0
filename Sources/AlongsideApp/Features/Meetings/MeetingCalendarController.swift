import Foundation
import Hummingbird

/// A meeting as a calendar file, and a published group's published meetings as a calendar anyone can subscribe to.
struct MeetingCalendarController: Controller {
    let services: AppServices

    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock) }
    var meetings: MeetingLookup { MeetingLookup(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups)
        routes.get(.meetingCalendar, .seeGroup, in: scope, calendarFile)
        routes.get(.publishedGroupCalendar, publishedGroupCalendar)
    }

    func event(_ meeting: Meeting, group: Group, includeJoiningDetails: Bool, url: String) async throws
        -> ICalendar.Event
    {
        let agenda = try await store.agenda(meetingID: meeting.id).map(\.title)
        return ICalendar.event(
            for: meeting, groupName: group.name, agenda: agenda, includeJoiningDetails: includeJoiningDetails, url: url)
    }

    @Sendable func calendarFile(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let event = try await event(
            meeting, group: group, includeJoiningDetails: true,
            url: services.configuration.baseURL + Href.meeting(group.id, meeting.id))
        return CalendarResponse.make(
            ICalendar.document(name: group.name, events: [event]), download: "meeting-\(meeting.day).ics")
    }

    /// A published group's published meetings, for anyone's calendar.
    @Sendable func publishedGroupCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await groups.find(id: id),
            group.visibility == .published
        else { throw AppError.notFound }
        var events: [ICalendar.Event] = []
        for meeting in try await store.meetings(groupID: group.id) where meeting.visibility == .published {
            let url = services.configuration.baseURL + Href.publishedMeeting(group.id, meeting.id)
            events.append(try await event(meeting, group: group, includeJoiningDetails: false, url: url))
        }
        return CalendarResponse.make(ICalendar.document(name: group.name, events: events), download: nil)
    }
}

/// An iCalendar response: a feed, or a file to download.
enum CalendarResponse {
    static func make(_ text: String, download fileName: String?) -> Response {
        var headers: HTTPFields = [.contentType: "text/calendar; charset=utf-8"]
        if let fileName { headers[.contentDisposition] = "attachment; filename=\"\(fileName)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
