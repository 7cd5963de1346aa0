import Foundation

/// What a meeting's recorded attendance says about who took part in a decision taken at it (issue 17): the decision
/// takes members present, deputies and lived-experience presence from the meeting, so they are shown, never retyped.
/// Counted as the meeting page counts quorum (`MeetingRules.quorum`), under the terms in force on the meeting's day.
public struct DecisionAttendance: Sendable, Equatable {
    /// Members expected at the meeting (observers aside).
    public let memberCount: Int
    /// Members counted as present: in person, plus deputies where the terms allow them.
    public let present: Int
    /// Members who sent their deputy.
    public let deputies: Int
    /// Whether those deputies count (the terms allow deputies, or there are no terms).
    public let deputiesCount: Bool
    public let livedExperiencePresent: Bool
    /// False when nobody has recorded the meeting's attendance yet.
    public let isRecorded: Bool

    public init(
        expected: [MeetingRules.Expected], attendance: [Int64: AttendanceStatus], terms: TermsContent?
    ) {
        let quorum = MeetingRules.quorum(terms: terms, expected: expected, attendance: attendance)
        memberCount = quorum.memberCount
        present = quorum.counted
        deputies = expected.filter { attendance[$0.userID] == .deputy }.count
        deputiesCount = terms?.deputiesAllowed ?? true
        livedExperiencePresent = quorum.livedExperiencePresent
        isRecorded = !attendance.isEmpty
    }

    /// "4 of 9 members present, including 1 deputy. An expert by experience or carer was present."
    public var summary: String {
        guard isRecorded else { return "No attendance has been recorded for this meeting yet." }
        var text = "\(present) of \(memberCount) member\(memberCount == 1 ? "" : "s") present"
        if deputies > 0 {
            let word = deputies == 1 ? "1 deputy" : "\(deputies) deputies"
            text +=
                deputiesCount
                ? ", including \(word)" : " (\(word) sent, not counted: the terms of reference do not allow deputies)"
        }
        text += ". "
        text +=
            livedExperiencePresent
            ? "An expert by experience or carer was present." : "No expert by experience or carer was present."
        return text
    }
}
