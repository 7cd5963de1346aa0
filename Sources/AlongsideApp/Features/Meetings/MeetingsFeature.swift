/// Meetings, attendance, minutes and actions, and calendars.
enum MeetingsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            MeetingsController(services: services), MeetingProceedingsController(services: services),
            MeetingCalendarController(services: services), ActionsController(services: services),
            CalendarController(services: services),
        ]
    }

    static let templates: [String] = [
        "meetings/workshop-outputs",
        MeetingsPage.template, MeetingFormPage.template, MeetingPage.template, AttendancePage.template,
        MinutesPage.template, ActionsPage.template, ActionFormPage.template, CalendarPage.template,
    ]

    static let rules: [Rule] = [.runMeetings, .updateAction]
}

extension Rule {
    /// The people who record a group's decisions also run its meetings.
    static let runMeetings = Rule(
        "runMeetings", permits: "Run a group's meetings: agenda, attendance, minutes, declarations and actions",
        holders: .groupOfficers, record: "the group")
    /// An action's owner updates it, as do the people who run the group's meetings.
    static let updateAction = Rule(
        "updateAction", permits: "Update an action's progress",
        holders: Holders.groupOfficers.adding(Holders(owner: true)), record: "the action")
}
