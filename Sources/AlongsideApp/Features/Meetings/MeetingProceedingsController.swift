import Foundation
import Hummingbird

/// What happens at a meeting: its agenda, attendance, minutes, declarations of interest and the actions it sets.
struct MeetingProceedingsController: Controller {
    let services: AppServices

    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var store: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }
    var actionStore: ActionStore {
        ActionStore(pool: services.pool, clock: services.clock, notifier: services.notifier)
    }
    var terms: TermsHistory {
        TermsHistory(store: TermsStore(pool: services.pool, clock: services.clock), adoptions: services.termsAdoptions)
    }
    var meetings: MeetingLookup { MeetingLookup(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups)
        // A meeting's own pages first answer 404 for a meeting that is not there, then 403.
        routes.post(.agendaItems, .runMeetings, in: scope, checked: .byHandler, addAgendaItem)
        routes.get(.attendance, .runMeetings, in: scope, checked: .byHandler, attendanceForm)
        routes.post(.attendance, .runMeetings, in: scope, checked: .byHandler, saveAttendance)
        routes.get(.minutes, .runMeetings, in: scope, checked: .byHandler, minutesForm)
        routes.post(.minutes, .runMeetings, in: scope, checked: .byHandler, saveMinutes)
        routes.post(.declarations, .runMeetings, in: scope, checked: .byHandler, declare)
        routes.post(.meetingActions, .runMeetings, in: scope, checked: .byHandler, addAction)
    }

    @Sendable func addAgendaItem(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meetings.meeting(context, view)
        var errors = FormErrors()
        guard let item = MeetingItemForms.agendaItem(context.form, errors: &errors) else {
            return try await meetings.render(
                request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        _ = try await store.addAgendaItem(
            meetingID: meeting.id, title: item.title, description: item.description, paper: item.paper,
            by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "\"\(item.title)\" is on the agenda."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func attendanceForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let recorded = try await store.attendance(meetingID: meeting.id)
        let form = FormData(
            expected.map {
                (MeetingItemForms.ProceedingsField(.attendance, $0.userID), recorded[$0.userID]?.status.rawValue ?? "")
            })
        let deputies = try await terms.inForce(groupID: group.id, at: meeting.startsAt)?.content.deputiesAllowed ?? true
        let page = AttendancePage(
            group: group, meeting: meeting, expected: expected, form: form, errors: FormErrors(),
            deputiesAllowed: deputies)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func saveAttendance(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let deputies = try await terms.inForce(groupID: group.id, at: meeting.startsAt)?.content.deputiesAllowed ?? true
        var errors = FormErrors()
        guard
            let entries = MeetingItemForms.attendance(
                context.form, expected: expected, deputiesAllowed: deputies, errors: &errors)
        else {
            let page = AttendancePage(
                group: group, meeting: meeting, expected: expected, form: context.form, errors: errors,
                deputiesAllowed: deputies)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.recordAttendance(
            meetingID: meeting.id, entries, names: Dictionary(expected.map { ($0.userID, $0.name) }) { $1 },
            by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "Attendance has been recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#attendance")
    }

    @Sendable func minutesForm(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let page = MinutesPage(
            group: group, meeting: meeting, agenda: try await store.agenda(meetingID: meeting.id), form: nil,
            errors: FormErrors())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func saveMinutes(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let (group, meeting, _) = try await meetings.meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        var errors = FormErrors()
        guard let minutes = MeetingItemForms.minutes(context.form, agenda: agenda, errors: &errors) else {
            let page = MinutesPage(group: group, meeting: meeting, agenda: agenda, form: context.form, errors: errors)
            return try await services.pages.render(page, request: request, context: context)
        }
        try await store.saveMinutes(meetingID: meeting.id, minutes, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The minutes have been saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func declare(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response
    {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meetings.meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let people = expected.map(\.userID) + expected.compactMap(\.deputyUserID)
        var errors = FormErrors()
        guard let declared = MeetingItemForms.declaration(context.form, items: agenda, people: people, errors: &errors)
        else {
            return try await meetings.render(
                request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        try await store.declare(
            agendaItemID: declared.itemID, userID: declared.userID, interest: declared.interest,
            tookPart: declared.tookPart,
            meetingID: meeting.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The declaration of interest has been recorded."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#agenda")
    }

    @Sendable func addAction(_ request: Request, context: AppRequestContext, in view: GroupView) async throws
        -> Response
    {
        let signedIn = view.person
        let (group, meeting, canRun) = try await meetings.meeting(context, view)
        let agenda = try await store.agenda(meetingID: meeting.id)
        let people = try await services.accounts.all().filter(\.isActive).compactMap(\.id)
        var errors = FormErrors()
        guard let input = MeetingItemForms.action(context.form, items: agenda, people: people, errors: &errors) else {
            return try await meetings.render(
                request, context, group: group, meeting: meeting, canRun: canRun, form: context.form, errors: errors)
        }
        let action = try await actionStore.create(
            input, groupID: group.id, meetingID: meeting.id, by: signedIn.actor, requestID: context.requestID)
        try await services.sessions.setFlash(
            Flash(message: "The action for \(action.ownerName) has been added."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.meeting(group.id, meeting.id) + "#actions")
    }
}
