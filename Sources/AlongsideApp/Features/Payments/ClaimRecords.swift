import Foundation
import GRDB

/// A claim for an agreed activity and its expenses, with the names the pages need.
public struct Claim: Sendable, Equatable, Encodable {
    public var id: Int64
    public var userID: Int64
    public var personName: String
    public var status: ClaimStatus
    public var activity: String
    public var groupID: Int64?
    public var groupName: String?
    public var meetingID: Int64?
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
    public var expenses: [ClaimExpense]

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

    /// A claim from its row, with its group's name and the meeting it names as the groups' and meetings' stores read them.
    init(row: Row, expenses: [ClaimExpense], groupName: String?, meeting: Meeting?) {
        id = row["id"]
        userID = row["user_id"]
        personName = row["person_name"]
        status = row["status"]
        activity = row["activity"]
        groupID = row["group_id"]
        self.groupName = groupName
        meetingID = row["meeting_id"]
        meetingLabel = meeting.map { meeting in
            let purpose = meeting.purpose.hasSuffix(".") ? String(meeting.purpose.dropLast()) : meeting.purpose
            return "\(purpose), \(LondonTime.date(meeting.startsAt))"
        }
        activityOn = row["activity_on"]
        length = row["length"]
        policyID = row["policy_id"]
        ratePence = row["rate_pence"]
        minutes = row["minutes"]
        choice = row["choice"]
        lowerPence = row["lower_pence"]
        charity = row["charity"]
        version = row["version"]
        createdAt = row["created_at"]
        submittedAt = row["submitted_at"]
        sentWithWarning = row["sent_with_warning"]
        decidedBy = row["decided_by"]
        decidedByName = row["decided_by_name"]
        decidedAt = row["decided_at"]
        returnReason = row["return_reason"]
        paidOn = row["paid_on"]
        paidReference = row["paid_reference"]
        self.expenses = expenses
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
public struct ClaimExpense: Sendable, Equatable, Encodable {
    public var kind: ExpenseKind
    /// Mileage only.
    public var tenthsOfAMile: Int?
    public var amountPence: Int
    public var note: String
    public var receipt: Bool

    init(row: Row) {
        kind = row["kind"]
        tenthsOfAMile = row["tenths_of_a_mile"]
        amountPence = row["amount_pence"]
        note = row["note"]
        receipt = row["receipt"]
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
