import Foundation

/// A person's home page (issue 20): what they must do, most urgent first, each with a count and a link, and nothing
/// they cannot act on; their next meetings with what they need to take part; their involvement; and, for managers,
/// how far the first steps have come.
struct HomePage: PageModel {
    static let template = "home/index"
    let title = "Home"
    let name: String
    let roleLabel: String
    let tasks: [TaskView]
    let meetings: [MeetingView]
    let involvement: Involvement?
    let firstSteps: FirstSteps?
    let links: [HomeLink]
    let allMeetingsHref = Href.calendarSettings()

    struct TaskView: Encodable, Sendable {
        let text: String
        let detail: String?
        let href: String
        let count: Int
        let items: [HomeTask.Item]
        /// "Overdue" or "Soon", shown as a tag beside the line (words, not colour alone).
        let tag: String?
        let tagClass: String?
    }

    struct MeetingView: Encodable, Sendable {
        let label: String
        let href: String
        let isCancelled: Bool
        let place: String?
        let joining: String?
        let access: String?
        let papers: String?
        let calendarHref: String
    }

    struct Involvement: Encodable, Sendable {
        let roles: [HomeTask.Item]
        let href: String
        let earningsHref: String
        let claimsHref: String
    }

    struct FirstSteps: Encodable, Sendable {
        let summary: String
        let href: String
    }

    struct HomeLink: Encodable, Sendable {
        let label: String
        let href: String
        let description: String
    }

    /// Where the to-do lines lead when there is more than one thing of a kind.
    static func links(userID: Int64) -> HomeAgenda.Links {
        HomeAgenda.Links(
            actions: Href.actions(query: ["person": userID]), claims: Href.claims(), approvals: Href.claimApprovals(),
            finance: Href.financeClaims(),
            reviewsDue: Href.reviewsDue(), interest: Href.involvementInterest(), assetReview: Href.assetReview(),
            roadmap: Href.roadmap())
    }

    init(
        user: SessionUser, tasks: [HomeTask], meetings: [(Meeting, String)], appointments: [Appointment],
        firstSteps: [FirstStepAssessment]?
    ) {
        name = user.name
        roleLabel = user.role.label
        self.tasks = tasks.map { task in
            TaskView(
                text: task.text, detail: task.detail, href: task.href,
                count: task.count, items: task.items,
                tag: task.urgency == 0 ? "Overdue" : (task.urgency == 1 ? "Soon" : nil),
                tagClass: task.urgency == 0 ? "tag tag-missing" : (task.urgency == 1 ? "tag tag-yellow" : nil))
        }
        self.meetings = meetings.map { meeting, group in
            let access = meeting.access.map(\.label) + (meeting.accessNotes.isEmpty ? [] : [meeting.accessNotes])
            return MeetingView(
                label: "\(meeting.when): \(group)", href: Href.meeting(meeting.groupID, meeting.id),
                isCancelled: meeting.status == .cancelled,
                place: meeting.address.isEmpty ? nil : meeting.address,
                joining: meeting.joiningDetails.isEmpty ? nil : meeting.joiningDetails,
                access: access.isEmpty ? nil : access.joined(separator: "; "),
                papers: meeting.papers.isEmpty ? nil : meeting.papers,
                calendarHref: Href.meetingCalendar(meeting.groupID, meeting.id))
        }
        // An expert by experience sees their involvement without hunting; anyone holding a paid role does too.
        involvement =
            user.role == .expertByExperience || !appointments.isEmpty
            ? Involvement(
                roles: appointments.map {
                    HomeTask.Item(
                        text: "\($0.roleTitle), since \(LondonTime.day($0.startsOn))", href: Href.heldRole($0.roleID))
                },
                href: Href.involvement(), earningsHref: Href.earnings(), claimsHref: Href.claims())
            : nil
        self.firstSteps = firstSteps.map { steps in
            let done = steps.filter { $0.state == .inPlace }.count
            let partly = steps.filter { $0.state == .partly }.count
            return FirstSteps(
                summary: "\(done) of \(steps.count) first steps in place" + (partly > 0 ? ", \(partly) partly" : "")
                    + ".", href: Href.firstSteps())
        }
        var links: [HomeLink] = [
            HomeLink(
                label: "Groups", href: Href.groups(),
                description: "Your leaders group, working groups and alliance: who is at the table and what is missing."
            )
        ]
        // The administrative pages, each for those whose role holds its rule.
        let byRule: [(Rule, HomeLink)] = [
            (
                .manageAccounts,
                HomeLink(
                    label: "People", href: Href.users(),
                    description: "Create accounts, give people their sign-in links, and deactivate accounts.")
            ),
            (
                .readOutbox,
                HomeLink(
                    label: "Outbox", href: Href.outbox(),
                    description: "Read every message Alongside has written, and whether it was sent.")
            ),
            (
                .viewAuditLog,
                HomeLink(
                    label: "Audit log", href: Href.auditLog(), description: "See every change made, by whom and when.")
            ),
            (
                .manageUrgentHelp,
                HomeLink(
                    label: "Urgent help", href: Href.urgentHelpSettings(),
                    description: "Add the partnership's own crisis line to the urgent help every public page shows.")
            ),
            (
                .manageFrontDoor,
                HomeLink(
                    label: "Public front door", href: Href.frontDoorSettings(),
                    description: "Set the partnership's name and purpose, shown to people who are not signed in.")
            ),
        ]
        links += byRule.filter { Policy.allows(user.role, $0.0) }.map(\.1)
        // Anyone signed in may read first steps (issue 18: it was reachable only through the co-production hub).
        links.append(
            HomeLink(
                label: "First steps", href: Href.firstSteps(),
                description: "How far the partnership has come with the first steps of the transformation."))
        links.append(
            HomeLink(
                label: "Your account", href: Href.account(),
                description: "Change your password, or sign out of all your devices."))
        self.links = links
    }
}
