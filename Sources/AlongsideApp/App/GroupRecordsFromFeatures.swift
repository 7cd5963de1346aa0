import Foundation
import GRDB

/// Answers the group pages' questions about records other features keep (`GroupRecordsSource`). It lives in `App/`,
/// which may know every feature, so that Groups does not depend on Terms of reference, Meetings or Decisions, which
/// all build on groups (issue 16).
struct GroupRecordsFromFeatures: GroupRecordsSource {
    let pool: DatabasePool
    let clock: AppClock

    func publishedRecords(groupID: Int64) async throws -> GroupPage.PublishedRecords {
        let terms = try await TermsStore(pool: pool, clock: clock).publishedVersions(groupID: groupID).map {
            GroupPage.PublishedRecords.Link(
                label: "Version \($0.number) (\($0.status.label.lowercased()))",
                href: Href.publishedTerms(groupID, $0.number))
        }
        let meetings = try await MeetingStore(pool: pool, clock: clock).meetings(groupID: groupID)
            .filter { $0.visibility == .published }
            .map {
                GroupPage.PublishedRecords.Link(
                    label: "\($0.when): \($0.purpose)", href: Href.publishedMeeting(groupID, $0.id))
            }
        let decisions = try await DecisionStore(pool: pool, clock: clock).publishedDecisions(groupID: groupID).map {
            GroupPage.PublishedRecords.Link(
                label: "\($0.title) (\(LondonTime.date($0.recordedAt)))",
                href: Href.publishedDecision(groupID, $0.chainID))
        }
        return GroupPage.PublishedRecords(groupID: groupID, terms: terms, meetings: meetings, decisions: decisions)
    }

    func deputiesAllowed(groupID: Int64) async throws -> Bool {
        try await TermsStore(pool: pool, clock: clock).inForce(groupID: groupID)?.content.deputiesAllowed ?? true
    }
}
