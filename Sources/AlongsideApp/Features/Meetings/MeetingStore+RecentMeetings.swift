import Foundation

/// Answers the roadmap's "what changed since" quick choices (`RecentMeetingsSource`, wired in `AppServices`).
extension MeetingStore: RecentMeetingsSource {
    func recentMeetings(groupIDs: [Int64], before date: Date, limit: Int) async throws -> [(
        groupID: Int64, startsAt: Date
    )] {
        try await latest(groupIDs: groupIDs, before: date, limit: limit).map { ($0.groupID, $0.startsAt) }
    }
}
