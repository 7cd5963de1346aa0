/// Meetings, attendance, minutes and actions, and calendars.
enum MeetingsFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [
            MeetingsController(services: services), ActionsController(services: services),
            CalendarController(services: services),
        ]
    }

    static let templates: [String] = [
        "meetings/workshop-outputs",
        MeetingsPage.template, MeetingFormPage.template, MeetingPage.template, AttendancePage.template,
        MinutesPage.template, ActionsPage.template, ActionFormPage.template, CalendarPage.template,
    ]
}
