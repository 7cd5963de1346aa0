import Foundation
import Hummingbird

/// What the meeting controllers share: the meeting a path names (404, then the route's rule) and the meeting page,
/// read and drawn for one request.
struct MeetingLookup: Sendable {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var store: MeetingStore { MeetingStore(pool: services.pool, clock: services.clock, notifier: services.notifier) }
    var actionStore: ActionStore {
        ActionStore(pool: services.pool, clock: services.clock, notifier: services.notifier)
    }
    var terms: TermsHistory {
        TermsHistory(store: TermsStore(pool: services.pool, clock: services.clock), adoptions: services.termsAdoptions)
    }

    /// The meeting named in the path, in the group the route loaded: 404 unless the person may read it. Then the
    /// route's rule: routes that change a meeting declare `runMeetings`, checked once the meeting is found.
    func meeting(_ context: AppRequestContext, _ view: GroupView) async throws -> (Group, Meeting, canRun: Bool) {
        guard let id = context.parameters.get("meetingID", as: Int64.self),
            let meeting = try await store.meeting(id: id, groupID: view.group.id),
            view.mayRead(meeting.visibility)
        else { throw AppError.notFound }
        try view.require()
        return (view.group, meeting, view.may(.runMeetings))
    }

    /// Everything the meeting page shows, read for one request.
    func pageContext(group: Group, meeting: Meeting, viewerID: Int64?) async throws -> MeetingPage.Context {
        let agenda = try await store.agenda(meetingID: meeting.id)
        let expected = try await store.expected(groupID: group.id, on: meeting.day)
        let attendance = try await store.attendance(meetingID: meeting.id)
        let inForce = try await terms.inForce(groupID: group.id, at: meeting.startsAt)
        let quorum = MeetingRules.quorum(
            terms: inForce?.content, expected: expected, attendance: attendance.mapValues(\.status))
        let people = try await services.accounts.all().filter(\.isActive).map { (id: $0.id ?? 0, name: $0.name) }
        return MeetingPage.Context(
            group: group, meeting: meeting, agenda: agenda,
            declarations: try await store.declarations(meetingID: meeting.id),
            expected: expected, attendance: attendance, quorum: quorum, termsNumber: inForce?.number,
            actions: try await actionStore.actions(meetingID: meeting.id),
            carriedOver: try await actionStore.carriedOver(
                groupID: group.id, meetingID: meeting.id, startsAt: meeting.startsAt),
            people: people, today: today, viewerID: viewerID
        )
    }

    func render(
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
}
