import Foundation
import Hummingbird

/// Every path on the site. Routes are registered from these and links are built from them,
/// so a link cannot drift from its route.
public enum Route: String, CaseIterable, Sendable {
    case home = "/"
    case health = "/healthz"
    case accessibility = "/accessibility"
    case privacy = "/privacy"
    case signIn = "/sign-in"
    case signOut = "/sign-out"
    case setup = "/setup/{token}"
    case setPassword = "/set-password/{token}"
    case account = "/account"
    case changePassword = "/account/password"
    case signOutEverywhere = "/account/sign-out-everywhere"
    case sessionExpiring = "/session/expiring"
    case sessionExtend = "/session/extend"
    case users = "/admin/users"
    case newUser = "/admin/users/new"
    case user = "/admin/users/{id}"
    case deactivateUser = "/admin/users/{id}/deactivate"
    case reactivateUser = "/admin/users/{id}/reactivate"
    case newUserLink = "/admin/users/{id}/link"
    case auditLog = "/admin/audit"
    case groups = "/groups"
    case newGroup = "/groups/new"
    case group = "/groups/{id}"
    case editGroup = "/groups/{id}/edit"
    case newMembership = "/groups/{id}/members/new"
    case memberships = "/groups/{id}/members"
    case endMembership = "/groups/{id}/members/{membershipID}/end"
    case publishedGroup = "/published/groups/{id}"
    case terms = "/groups/{id}/terms"
    case compareTerms = "/groups/{id}/terms/compare"
    case termsVersion = "/groups/{id}/terms/{number}"
    case editTerms = "/groups/{id}/terms/{number}/edit"
    case proposeTerms = "/groups/{id}/terms/{number}/propose"
    case decisions = "/groups/{id}/decisions"
    case newDecision = "/groups/{id}/decisions/new"
    case decision = "/groups/{id}/decisions/{decisionID}"
    case meetings = "/groups/{id}/meetings"
    case newMeeting = "/groups/{id}/meetings/new"
    case meeting = "/groups/{id}/meetings/{meetingID}"
    case editMeeting = "/groups/{id}/meetings/{meetingID}/edit"
    case agendaItems = "/groups/{id}/meetings/{meetingID}/agenda"
    case attendance = "/groups/{id}/meetings/{meetingID}/attendance"
    case minutes = "/groups/{id}/meetings/{meetingID}/minutes"
    case declarations = "/groups/{id}/meetings/{meetingID}/declarations"
    case meetingActions = "/groups/{id}/meetings/{meetingID}/actions"
    case meetingCalendar = "/groups/{id}/meetings/{meetingID}/calendar"
    case action = "/groups/{id}/actions/{actionID}"
    case actions = "/actions"
    case calendarSettings = "/account/calendar"
    case personalCalendar = "/calendar/{token}"
    case groupCalendar = "/calendar/{token}/groups/{id}"
    case publishedMeeting = "/published/groups/{id}/meetings/{meetingID}"
    case publishedGroupCalendar = "/published/groups/{id}/calendar"
    case publishedTerms = "/published/groups/{id}/terms/{number}"
    case termsVisibility = "/groups/{id}/terms/{number}/visibility"
    case correctDecision = "/groups/{id}/decisions/{decisionID}/correct"
    case decisionVisibility = "/groups/{id}/decisions/{decisionID}/visibility"
    case publishedDecision = "/published/groups/{id}/decisions/{decisionID}"
    case decisionSearch = "/decisions"
    case decisionsCSV = "/decisions.csv"
    case decisionsJSON = "/decisions.json"
    case reviewsDue = "/decisions/reviews-due"
    case proposals = "/groups/{id}/proposals"
    case newProposal = "/groups/{id}/proposals/new"
    case proposal = "/groups/{id}/proposals/{proposalID}"
    case proposalResponse = "/groups/{id}/proposals/{proposalID}/response"
    case closeProposal = "/groups/{id}/proposals/{proposalID}/close"
    case withdrawProposal = "/groups/{id}/proposals/{proposalID}/withdraw"
    case roadmap = "/roadmap"
    case newDeliverable = "/roadmap/new"
    case deliverable = "/roadmap/deliverables/{id}"
    case editDeliverable = "/roadmap/deliverables/{id}/edit"
    case deliverableStatus = "/roadmap/deliverables/{id}/status"
    case successMarker = "/roadmap/deliverables/{id}/markers/{markerID}"
    case deliverableLinks = "/roadmap/deliverables/{id}/links"
    case removeDeliverableLink = "/roadmap/deliverables/{id}/links/{targetID}/remove"
    case retireDeliverable = "/roadmap/deliverables/{id}/retire"
    case restoreDeliverable = "/roadmap/deliverables/{id}/restore"
    case roadmapAnalysis = "/roadmap/analysis"
    case roadmapGraph = "/roadmap/graph"
    case roadmapProgress = "/roadmap/progress"
    case roadmapChanges = "/roadmap/changes"
    case roadmapJSON = "/roadmap.json"
    case roadmapAnalysisJSON = "/roadmap/analysis.json"
    case roadmapDeliverablesCSV = "/roadmap/deliverables.csv"
    case roadmapLinksCSV = "/roadmap/links.csv"
    case roadmapImport = "/roadmap/import"
    case roadmapPublishing = "/roadmap/publishing"
    case publishedRoadmap = "/published/roadmap"

    public var pattern: RouterPath { RouterPath(rawValue) }

    /// The path with each `{placeholder}` replaced, in order, by a percent-encoded value.
    public func href(_ values: CustomStringConvertible...) -> String {
        var path = ""
        var remaining = values.makeIterator()
        for segment in rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            path += "/"
            if segment.hasPrefix("{") {
                let value = remaining.next()?.description ?? ""
                path += value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? ""
            } else {
                path += segment
            }
        }
        return path
    }

    public var href: String { href() }
}
