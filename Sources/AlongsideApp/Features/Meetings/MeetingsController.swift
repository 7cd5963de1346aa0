import Foundation
import Hummingbird

/// A group's meetings: the planned series, each meeting's agenda, attendance, declarations, minutes and actions,
/// calendar files, and the public page of a published meeting.
struct MeetingsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock) }
    var actionStore: ActionStore { ActionStore(pool: services.pool, clock: services.clock) }
    var terms: TermsHistory { TermsHistory(store: TermsStore(pool: services.pool, clock: services.clock), adoptions: services.termsAdoptions) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups)
        routes.get(.meetings, .seeGroup, in: scope, index)
        routes.get(.newMeeting, .runMeetings, in: scope, new)
        routes.post(.meetings, .runMeetings, in: scope, create)
        routes.get(.meeting, .seeGroup, in: scope, show)
        // A meeting's own pages first answer 404 for a meeting that is not there, then 403.
        routes.get(.editMeeting, .runMeetings, in: scope, checked: .byHandler, edit)
        routes.post(.meeting, .runMeetings, in: scope, checked: .byHandler, update)
        routes.post(.agendaItems, .runMeetings, in: scope, checked: .byHandler, addAgendaItem)
        routes.get(.attendance, .runMeetings, in: scope, checked: .byHandler, attendanceForm)
        routes.post(.attendance, .runMeetings, in: scope, checked: .byHandler, saveAttendance)
        routes.get(.minutes, .runMeetings, in: scope, checked: .byHandler, minutesForm)
        routes.post(.minutes, .runMeetings, in: scope, checked: .byHandler, saveMinutes)
        routes.post(.declarations, .runMeetings, in: scope, checked: .byHandler, declare)
        routes.post(.meetingActions, .runMeetings, in: scope, checked: .byHandler, addAction)
        routes.get(.meetingCalendar, .seeGroup, in: scope, calendarFile)
        routes.get(.publishedMeeting, showPublished)
        routes.get(.publishedGroupCalendar, publishedGroupCalendar)
    }

    /// The meeting named in the path, in the group the route loaded: 404 unless the person may read it. Then the
    /// route's rule: routes that change a meeting declare `runMeetings`, checked once the meeting is found.
    func meeting(_ context: AppRequestContext, _ view: GroupView) async throws -> (Group, Meeting, canRun: Bool) {
        guard let id = context.parameters.get("meetingID", as: Int64.self), let meeting = try await store.meeting(id: id, groupID: view.group.id),
              view.mayRead(meeting.visibility)
        else { throw AppError.notFound }
        try view.require()
        return (view.group, meeting, view.may(.runMeetings))
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, canRun) = (view.group, view.may(.runMeetings))
        let meetings = try await store.meetings(groupID: group.id).filter { view.mayRead($0.visibility) }
        let page = MeetingsPage(group: group, meetings: meetings, now: services.clock.now(), canRun: canRun)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        let form = FormData([("kind", MeetingKind.meeting.rawValue), ("visibility", group.visibility.rawValue), ("start_time", "14:00"), ("end_time", "16:00")])
        return try await services.pages.render(MeetingFormPage(group: group, meeting: nil, form: form, errors: FormErrors()), request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        var errors = FormErrors()
        guard let parsed = MeetingForm.parse(context.form, isNew: true, errors: &errors) else {
            return try await services.pages.render(MeetingFormPage(group: group, meeting: nil, form: context.form, errors: errors), request: request, context: context)
        }
        let planned = try await store.plan(parsed.input, starts: parsed.starts, groupID: group.id, by: signedIn.actor, requestID: context.requestID)
        let message = planned.count == 1 ? "The meeting on \(planned[0].when) is planned. Add its agenda next."
            : "\(planned.count) meetings are planned, from \(LondonTime.date(planned[0].startsAt)) to \(LondonTime.date(planned[planned.count - 1].startsAt))."
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(planned.count == 1 ? Href.meeting(group.id, planned[0].id) : Href.meetings(group.id))
    }

    /// Everything the meeting page shows, read for one request.
    func pageContext(group: Group, meeting: Meeting, viewerID: Int64?) async throws -> MeetingPage.Context {
        let agenda = try await store.agenda(meetingID: meeting.id)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let attendance = try await store.attendance(meetingID: meeting.id)
        let inForce = try await terms.inForce(groupID: group.id, at: meeting.startsAt)
        let quorum = MeetingRules.quorum(terms: inForce?.content, expected: expected, attendance: attendance.mapValues(\.status))
        let people = try await services.accounts.all().filter(\.isActive).map { (id: $0.id ?? 0, name: $0.name) }
        return MeetingPage.Context(
            group: group, meeting: meeting, agenda: agenda, declarations: try await store.declarations(meetingID: meeting.id),
            expected: expected, attendance: attendance, quorum: quorum, termsNumber: inForce?.number,
            actions: try await actionStore.actions(meetingID: meeting.id),
            carriedOver: try await actionStore.carriedOver(groupID: group.id, meetingID: meeting.id, startsAt: meeting.startsAt),
            people: people, today: today, viewerID: viewerID
        )
    }

    func renderMeeting(
        _ request: Request, _ context: AppRequestContext, group: Group, meeting: Meeting, canRun: Bool,
        form: FormData = FormData(), errors: FormErrors = FormErrors()
    ) async throws -> Response {
        var pageContext = try await pageContext(group: group, meeting: meeting, viewerID: context.visit.user?.id)
        if meeting.kind == .workshop, let user = context.visit.user {
            pageContext.workshop = try await services.workshopOutputs.outputs(meetingID: meeting.id, role: user.role)
        }
        let page = MeetingPage(pageContext, canRun: canRun, canSeeActions: true, form: form, errors: errors)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, canRun) = try await meeting(context, view)
        return try await renderMeeting(request, context, group: group, meeting: meeting, canRun: canRun)
    }

    @Sendable func showPublished(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let groupID = context.parameters.get("id", as: Int64.self), let id = context.parameters.get("meetingID", as: Int64.self),
              let group = try await groups.find(id: groupID), let meeting = try await store.meeting(id: id, groupID: groupID),
              meeting.visibility == .published
        else { throw AppError.notFound }
        let page = MeetingPage(try await pageContext(group: group, meeting: meeting, viewerID: nil), canRun: false, canSeeActions: false, isPublicView: true)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, _) = try await meeting(context, view)
        let page = MeetingFormPage(group: group, meeting: meeting, form: MeetingForm.formData(for: meeting), errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, _) = try await meeting(context, view)
        var errors = FormErrors()
        guard let parsed = MeetingForm.parse(context.form, isNew: false, errors: &errors) else {
            return try await services.pages.render(MeetingFormPage(group: group, meeting: meeting, form: context.form, errors: errors), request: request, context: context)
        }
        _ = try await store.update(meeting.id, groupID: group.id, with: parsed.input, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "The meeting's details have been saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id))
    }

    @Sendable func addAgendaItem(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meeting(context, view)
        var errors = FormErrors()
        guard let item = MeetingItemForms.agendaItem(context.form, errors: &errors) else {
            return try await renderMeeting(request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        _ = try await store.addAgendaItem(meetingID: meeting.id, title: item.title, description: item.description, paper: item.paper,
                                          by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "\"\(item.title)\" is on the agenda."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func attendanceForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, _) = try await meeting(context, view)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let recorded = try await store.attendance(meetingID: meeting.id)
        let form = FormData(expected.map { ("attendance_\($0.userID)", recorded[$0.userID]?.status.rawValue ?? "") })
        let deputies = try await terms.inForce(groupID: group.id, at: meeting.startsAt)?.content.deputiesAllowed ?? true
        let page = AttendancePage(group: group, meeting: meeting, expected: expected, form: form, errors: FormErrors(), deputiesAllowed: deputies)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func saveAttendance(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, _) = try await meeting(context, view)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        var errors = FormErrors()
        guard let entries = MeetingItemForms.attendance(context.form, expected: expected, errors: &errors) else {
            let deputies = try await terms.inForce(groupID: group.id, at: meeting.startsAt)?.content.deputiesAllowed ?? true
            let page = AttendancePage(group: group, meeting: meeting, expected: expected, form: context.form, errors: errors, deputiesAllowed: deputies)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.recordAttendance(meetingID: meeting.id, entries, names: Dictionary(expected.map { ($0.userID, $0.name) }) { $1 },
                                         by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "Attendance has been recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#attendance")
    }

    @Sendable func minutesForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, _) = try await meeting(context, view)
        let page = MinutesPage(group: group, meeting: meeting, agenda: try await store.agenda(meetingID: meeting.id), form: nil, errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func saveMinutes(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, _) = try await meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        var errors = FormErrors()
        guard let minutes = MeetingItemForms.minutes(context.form, agenda: agenda, errors: &errors) else {
            let page = MinutesPage(group: group, meeting: meeting, agenda: agenda, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.saveMinutes(meetingID: meeting.id, minutes, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "The minutes have been saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func declare(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let people = expected.map(\.userID) + expected.compactMap(\.deputyUserID)
        var errors = FormErrors()
        guard let declared = MeetingItemForms.declaration(context.form, items: agenda, people: people, errors: &errors) else {
            return try await renderMeeting(request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        try await store.declare(agendaItemID: declared.itemID, userID: declared.userID, interest: declared.interest, tookPart: declared.tookPart,
                                meetingID: meeting.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "The declaration of interest has been recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func addAction(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        let people = try await services.accounts.all().filter(\.isActive).compactMap(\.id)
        var errors = FormErrors()
        guard let input = MeetingItemForms.action(context.form, items: agenda, people: people, errors: &errors) else {
            return try await renderMeeting(request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        let action = try await actionStore.create(input, groupID: group.id, meetingID: meeting.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(Flash(message: "The action for \(action.ownerName) has been added."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#actions")
    }

    // MARK: Calendars

    func event(_ meeting: Meeting, group: Group, includeJoiningDetails: Bool, url: String) async throws -> ICalendar.Event {
        let agenda = try await store.agenda(meetingID: meeting.id).map(\.title)
        return ICalendar.event(for: meeting, groupName: group.name, agenda: agenda, includeJoiningDetails: includeJoiningDetails, url: url)
    }

    @Sendable func calendarFile(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, meeting, _) = try await meeting(context, view)
        let event = try await event(meeting, group: group, includeJoiningDetails: true, url: services.configuration.baseURL + Href.meeting(group.id, meeting.id))
        return CalendarResponse.make(ICalendar.document(name: group.name, events: [event]), download: "meeting-\(meeting.day).ics")
    }

    /// A published group's published meetings, for anyone's calendar.
    @Sendable func publishedGroupCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let group = try await groups.find(id: id), group.visibility == .published
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
