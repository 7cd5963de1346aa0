import Foundation
import GRDB

/// A claim for an agreed activity and its expenses, with the names the pages need. The row decodes itself; its
/// expenses, its group's name and its meeting's label are attached after (see `ClaimStore.fetch`).
public struct Claim: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var userID: Int64
    public var personName: String
    public var status: ClaimStatus
    public var activity: String
    public var groupID: Int64?
    /// From the groups' store.
    public var groupName: String?
    public var meetingID: Int64?
    /// From the meetings' store: see `label(for:)`.
    public var meetingLabel: String?
    public var activityOn: String
    public var length: ActivityLength
    public var policyID: Int64
    public var ratePence: Int
    public var minutes: Int
    public var choice: PaymentChoice
    public var lowerPence: Int?
    public var charity: String
    public var version: Int
    public var createdAt: Date
    public var submittedAt: Date?
    /// The person saw the earnings limit warning on the check page when they last sent it.
    public var sentWithWarning: Bool
    public var decidedBy: Int64?
    public var decidedByName: String?
    public var decidedAt: Date?
    public var returnReason: String
    public var paidOn: String?
    public var paidReference: String
    public var expenses: [ClaimExpense] = []

    public var amounts: ClaimAmounts {
        ClaimAmounts(rate: ratePence, choice: choice, lowerPence: lowerPence, expenses: expenses.map(\.amountPence))
    }

    /// What the claim adds to the person's earnings, for the earnings check.
    public var earningsEntry: EarningsEntry {
        EarningsEntry(activityOn: activityOn, earnings: amounts.earnings, minutes: minutes)
    }

    static let selectSQL = """
        SELECT c.*, u.name AS person_name, d.name AS decided_by_name
        FROM claims c JOIN users u ON u.id = c.user_id
        LEFT JOIN users d ON d.id = c.decided_by
        """

    enum CodingKeys: String, CodingKey {
        case id, userID = "user_id", personName = "person_name", status, activity, groupID = "group_id"
        case meetingID = "meeting_id", activityOn = "activity_on", length, policyID = "policy_id"
        case ratePence = "rate_pence", minutes, choice, lowerPence = "lower_pence", charity, version
        case createdAt = "created_at", submittedAt = "submitted_at", sentWithWarning = "sent_with_warning"
        case decidedBy = "decided_by", decidedByName = "decided_by_name", decidedAt = "decided_at"
        case returnReason = "return_reason", paidOn = "paid_on", paidReference = "paid_reference"
    }

    /// "Steering group meeting, 4 March 2027": the meeting a claim names, as its pages show it.
    static func label(for meeting: Meeting) -> String {
        let purpose = meeting.purpose.hasSuffix(".") ? String(meeting.purpose.dropLast()) : meeting.purpose
        return "\(purpose), \(LondonTime.date(meeting.startsAt))"
    }

    /// What the audit log keeps of a claim.
    var snapshot: Snapshot {
        Snapshot(
            status: status.rawValue, activity: activity, activityOn: activityOn, length: length.rawValue,
            choice: choice.rawValue,
            ratePence: ratePence, paymentPence: amounts.payment, expensesPence: amounts.expenses,
            totalPence: amounts.total,
            paidOn: paidOn, paidReference: paidReference.isEmpty ? nil : paidReference)
    }

    struct Snapshot: Encodable, Sendable {
        let status: String
        let activity: String
        let activityOn: String
        let length: String
        let choice: String
        let ratePence: Int
        let paymentPence: Int
        let expensesPence: Int
        let totalPence: Int
        let paidOn: String?
        let paidReference: String?
    }
}

/// One expense on a claim.
public struct ClaimExpense: Sendable, Equatable, FetchableRecord, Decodable {
    public var kind: ExpenseKind
    /// Mileage only.
    public var tenthsOfAMile: Int?
    public var amountPence: Int
    public var note: String
    public var receipt: Bool

    enum CodingKeys: String, CodingKey {
        case kind, tenthsOfAMile = "tenths_of_a_mile", amountPence = "amount_pence", note, receipt
    }

    public init(kind: ExpenseKind, tenthsOfAMile: Int?, amountPence: Int, note: String, receipt: Bool) {
        self.kind = kind
        self.tenthsOfAMile = tenthsOfAMile
        self.amountPence = amountPence
        self.note = note
        self.receipt = receipt
    }

    /// "Mileage: 12.5 miles at 45p a mile" or the kind's name.
    public var description: String {
        if let tenths = tenthsOfAMile { return "\(kind.shortLabel): \(Money.miles(tenths))" }
        return kind.shortLabel
    }
}

/// One step in a claim's life, for the person to read.
public struct ClaimEvent: Sendable, Equatable, FetchableRecord, Decodable {
    public enum Kind: String, Sendable, DatabaseValueConvertible, Decodable {
        case created, changed, submitted, returned, approved, paid
    }

    public var kind: Kind
    public var who: String?
    public var note: String
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case kind, who, note, at
    }

    /// "Sent for approval by Casey Example", in plain words.
    public var sentence: String {
        let by = who.map { " by \($0)" } ?? ""
        switch kind {
        case .created: return "Started" + by
        case .changed: return "Changed" + by
        case .submitted: return "Sent for approval" + by + (note.isEmpty ? "" : ", \(note)")
        case .returned: return "Returned" + by + (note.isEmpty ? "" : ": \(note)")
        case .approved: return "Approved" + by
        case .paid: return "Marked paid" + by + (note.isEmpty ? "" : " (\(note))")
        }
    }
}
