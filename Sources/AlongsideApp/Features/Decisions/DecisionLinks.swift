/// Links from a decision to other features' pages.
enum DecisionLinks {
    /// The meeting's page. TODO merge: Route.meeting (added with the Meetings feature) once both branches are in.
    static func meetingHref(groupID: Int64, meetingID: Int64) -> String {
        "/groups/\(groupID)/meetings/\(meetingID)"
    }
}
