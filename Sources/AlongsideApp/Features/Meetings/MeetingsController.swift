import Foundation
import Hummingbird

/// A group's meetings: the planned series, planning and editing a meeting, its page, and the public page of a
/// published meeting. What happens at a meeting is `MeetingProceedingsController`; calendar files are
/// `MeetingCalendarController`.
struct MeetingsController: Controller {
    let services: AppServices

    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }
    var meetings: MeetingLookup { MeetingLookup(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups)
        routes.get(.meetings, .seeGroup, in: scope, index)
        routes.get(.newMeeting, .runMeetings, in: scope, new)
        routes.post(.meetings, .runMeetings, in: scope, create)
        routes.get(.meeting, .seeGroup, in: scope, show)
        // A meeting's own pages first answer 404 for a meeting that is not there, then 403.
        routes.get(.editMeeting, .runMeetings, in: scope, checked: .byHandler, edit)
        routes.post(.meeting, .runMeetings, in: scope, checked: .byHandler, update)
        routes.get(.publishedMeeting, showPublished)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, canRun) = (view.group, view.may(.runMeetings))
        let meetings = try await store.meetings(groupID: group.id).filter { view.mayRead($0.visibility) }
        let page = MeetingsPage(group: group, meetings: meetings, now: services.clock.now(), canRun: canRun)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        typealias F = MeetingForm.MeetingField
        let form = FormData([
            (F.kind, MeetingKind.meeting.rawValue), (F.visibility, group.visibility.rawValue), (F.startTime, "14:00"),
            (F.endTime, "16:00"),
        ])
        return try await services.pages.render(
            MeetingFormPage(group: group, meeting: nil, form: form, errors: FormErrors()), request: request,
            context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        var errors = FormErrors()
        guard let parsed = MeetingForm.parse(context.form, isNew: true, errors: &errors) else {
            return try await services.pages.render(
                MeetingFormPage(group: group, meeting: nil, form: context.form, errors: errors), request: request,
                context: context)
        }
        let planned = try await store.plan(
            parsed.input, starts: parsed.starts, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
        let message =
            planned.count == 1
            ? "The meeting on \(planned[0].when) is planned. Add its agenda next."
            : "\(planned.count) meetings are planned, from \(LondonTime.date(planned[0].startsAt)) to \(LondonTime.date(planned[planned.count - 1].startsAt))."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(planned.count == 1 ? Href.meeting(group.id, planned[0].id) : Href.meetings(group.id))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, canRun) = try await meetings.meeting(context, view)
        return try await meetings.render(request, context, group: group, meeting: meeting, canRun: canRun)
    }

    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let groupID = context.parameters.get("id", as: Int64.self),
            let id = context.parameters.get("meetingID", as: Int64.self),
            let group = try await groups.find(id: groupID),
            let meeting = try await store.meeting(id: id, groupID: groupID),
            meeting.visibility == .published
        else { throw AppError.notFound }
        let page = MeetingPage(
            try await meetings.pageContext(group: group, meeting: meeting, viewerID: nil), canRun: false,
            canSeeActions: false, isPublicView: true)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let page = MeetingFormPage(
            group: group, meeting: meeting, form: MeetingForm.formData(for: meeting), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, _) = try await meetings.meeting(context, view)
        var errors = FormErrors()
        guard let parsed = MeetingForm.parse(context.form, isNew: false, errors: &errors) else {
            return try await services.pages.render(
                MeetingFormPage(group: group, meeting: meeting, form: context.form, errors: errors), request: request,
                context: context)
        }
        _ = try await store.update(
            meeting.id, groupID: group.id, with: parsed.input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The meeting's details have been saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id))
    }
}
