import Foundation

/// A decision's revisions read field by field, so a correction shows exactly what changed and why
/// (issue 3: "a correction is a new revision that shows what changed and why; the original stays visible").
public enum DecisionRevisions {
    public struct Field: Equatable, Sendable {
        public let label: String
        public let value: String
    }

    public struct Change: Equatable, Sendable {
        public let label: String
        public let before: String
        public let after: String
    }

    /// What a revision says, as labelled values in reading order (empty parts left out). `meetingLabel` names the
    /// meeting the decision was taken at, when there is one.
    public static func fields(_ decision: Decision, meetingLabel: String? = nil) -> [Field] {
        var fields = [
            Field(label: "Title", value: decision.title),
            Field(label: "Question", value: decision.question),
            Field(label: "Outcome", value: decision.outcome.label),
            Field(label: "How it was made", value: decision.method.label),
            Field(label: "Where it was taken", value: whereTaken(decision, meetingLabel: meetingLabel)),
            Field(label: "Terms of reference", value: decision.termsVersion.map { "Version \($0)" } ?? "None adopted"),
            Field(
                label: "Present",
                value: "\(decision.membersPresent) of \(decision.membersTotal) members"
                    + (decision.livedExperiencePresent ? ", including an expert by experience or carer" : "")),
            Field(label: "Quorum", value: decision.quorumMet ? "Met" : "Not met"),
        ]
        if let votesFor = decision.votesFor {
            fields.append(
                Field(
                    label: "Votes",
                    value:
                        "\(votesFor) for, \(decision.votesAgainst ?? 0) against, \(decision.votesAbstaining ?? 0) abstaining"
                ))
        }
        if let objections = decision.objections { fields.append(Field(label: "Objections", value: String(objections))) }
        if let record = decision.consensusRecord {
            fields.append(Field(label: "How the group reached it", value: record))
        }
        fields.append(Field(label: "Reasons", value: decision.rationale))
        if !decision.declarationList.isEmpty {
            fields.append(
                Field(
                    label: "Declarations of interest",
                    value: decision.declarationList.map(\.summary).joined(separator: "\n")))
        }
        if let declarations = decision.declarations {
            fields.append(Field(label: "Declarations of interest (as first recorded)", value: declarations))
        }
        if let review = decision.reviewOn { fields.append(Field(label: "Review date", value: LondonTime.day(review))) }
        if let adopted = decision.adoptsTermsVersion {
            fields.append(Field(label: "Adopts", value: "Version \(adopted) of the terms of reference"))
        }
        fields.append(
            Field(
                label: "Validity",
                value: decision.isValid
                    ? "Valid" : "Not valid under the terms of reference: \(decision.invalidReason ?? "")"))
        return fields
    }

    static func whereTaken(_ decision: Decision, meetingLabel: String?) -> String {
        if decision.meetingID != nil { return "At the meeting " + (meetingLabel ?? "#\(decision.meetingID!)") }
        return decision.betweenMeetings == true ? "Between meetings" : "Not recorded"
    }

    /// The fields that differ between two revisions, in reading order; a field only one of them has counts as changed.
    public static func changes(from old: [Field], to new: [Field]) -> [Change] {
        var labels: [String] = []
        for field in old + new where !labels.contains(field.label) { labels.append(field.label) }
        return labels.compactMap { label in
            let before = old.first { $0.label == label }?.value ?? "(none)"
            let after = new.first { $0.label == label }?.value ?? "(none)"
            return before == after ? nil : Change(label: label, before: before, after: after)
        }
    }
}
