import Foundation

/// What a group's pages show of records other features keep: its published terms of reference, meetings and
/// decisions, and whether the terms in force allow deputies. Answered in `App/` from those features' stores, so groups
/// depend on none of the features that build on them (issue 16).
protocol GroupRecordsSource: Sendable {
    /// Links to the group's published terms versions, meetings and decisions, for its public page.
    func publishedRecords(groupID: Int64) async throws -> GroupPage.PublishedRecords
    /// Whether the terms of reference in force let a member send a deputy (true when there are none yet).
    func deputiesAllowed(groupID: Int64) async throws -> Bool
}
