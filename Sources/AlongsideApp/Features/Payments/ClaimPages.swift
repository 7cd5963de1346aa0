import Foundation

/// "Check your answers" before a claim is sent: each answer with a Change link, the money, and any earnings warning.
struct ClaimCheckPage: PageModel {
    static let template = "payments/claims/check"
    static let hasForm = true
    let title = "Check your claim before sending it"
    let answers: [SummaryLine]
    let amounts: AmountLines
    let warning: WarningView?
    let hasWarning: Bool
    /// Other claims of the person's that may be for the same activity (issue 17).
    let duplicates: DuplicateClaimsView?
    /// Said beside the payment when vouchers are chosen, as the form says it (issue 17).
    let voucherWarning: String?
    let action: String
    let version: String
    let sendLabel: String
    let backHref: String

    init(claim: Claim, warning: EarningsWarning?, duplicates: [Claim] = []) {
        let change = Href.editClaim(claim.id)
        var answers = [
            SummaryLine("What you did", claim.activity, change: change + "#field-activity"),
            SummaryLine(
                "Meeting", claim.meetingLabel ?? "Not a meeting in Alongside", change: change + "#field-meeting"),
            SummaryLine("Group", claim.groupName ?? "Not for a group", change: change + "#field-group"),
            SummaryLine("Date", LondonTime.day(claim.activityOn), change: change + "#field-activity_on"),
            SummaryLine("How long", claim.length.label, change: change + "#field-length"),
            SummaryLine(
                "How you would like to be paid",
                claim.choice.label + (claim.choice == .charity ? ": \(claim.charity)" : "")
                    + (claim.choice == .lower ? ": \(Money.format(claim.lowerPence ?? 0))" : ""),
                change: change + "#field-choice"),
        ]
        answers.append(
            SummaryLine(
                "Expenses",
                claim.expenses.isEmpty
                    ? "None"
                    : claim.expenses.map { "\($0.description) \(Money.format($0.amountPence))" }.joined(
                        separator: "; "),
                change: change + "#expenses"))
        self.answers = answers
        amounts = AmountLines(claim)
        self.warning = warning.map { WarningView($0, forPerson: true, name: claim.personName) }
        hasWarning = warning != nil
        self.duplicates = DuplicateClaimsView(claim, duplicates: duplicates, forPerson: true)
        voucherWarning = PaymentWords.voucherNote(for: claim.choice)
        action = Href.checkClaim(claim.id)
        version = String(claim.version)
        sendLabel = claim.status == .returned ? "Send the claim again" : "Send the claim"
        backHref = Href.claim(claim.id)
    }
}

/// One claim: where it has got to in plain words, its money, its history, and what the viewer may do next.
struct ClaimPage: PageModel {
    static let template = "payments/claims/show"
    static let hasForm = true
    let title: String
    /// Why the person is seeing this page instead of what they asked for (someone else acted first).
    let notice: String?
    let status: String
    let statusClass: String
    let explanation: String
    let returnReason: String?
    let paidLine: String?
    let details: [SummaryLine]
    let amounts: AmountLines
    let history: [String]
    let isOwner: Bool
    let canEdit: Bool
    let editHref: String
    let checkHref: String
    let canDelete: Bool
    let deleteAction: String
    let canDecide: Bool
    let ownClaimNote: Bool
    let warning: WarningView?
    let hasWarning: Bool
    /// Other claims of the person's that may be for the same activity, linked where the viewer may open them.
    let duplicates: DuplicateClaimsView?
    let voucherWarning: String?
    let approveAction: String
    let returnAction: String
    let reason: Field
    let canPay: Bool
    let payAction: String
    let paidOn: Field
    let reference: Field
    let version: String
    let errors: FormErrors
    let backHref: String
    let backLabel: String

    init(
        claim: Claim, events: [ClaimEvent], viewer: ClaimAccess.Viewer, warning: EarningsWarning?,
        duplicates: [Claim] = [], form: FormData = FormData(),
        errors: FormErrors = FormErrors(), notice: String? = nil, today: String
    ) {
        self.notice = notice
        isOwner = claim.userID == viewer.userID
        title = "Claim: \(claim.activity)"
        status = claim.status.label
        statusClass = ClaimStatusTag.css(claim.status)
        explanation =
            claim.userID == viewer.userID ? claim.status.explanation : claim.status.explanation(for: claim.personName)
        returnReason = claim.status == .returned && !claim.returnReason.isEmpty ? claim.returnReason : nil
        paidLine = claim.paidOn.map { "Paid on \(LondonTime.day($0)), reference \(claim.paidReference)." }
        var details = [SummaryLine("Whose claim", claim.personName), SummaryLine("What", claim.activity)]
        if let meeting = claim.meetingLabel { details.append(SummaryLine("Meeting", meeting)) }
        details.append(SummaryLine("Group", claim.groupName ?? "Not for a group"))
        details.append(SummaryLine("Date", LondonTime.day(claim.activityOn)))
        details.append(
            SummaryLine("How long", "\(claim.length.label) (counted as \(Money.duration(minutes: claim.minutes)))"))
        details.append(
            SummaryLine("Payment", claim.choice.label + (claim.choice == .charity ? ": \(claim.charity)" : "")))
        self.details = details
        amounts = AmountLines(claim)
        history = events.map { "\(LondonTime.dateTime($0.at)): \($0.sentence)." }
        canEdit = viewer.canEdit(claim)
        editHref = Href.editClaim(claim.id)
        checkHref = Href.checkClaim(claim.id)
        canDelete = isOwner && claim.status == .draft
        deleteAction = Href.deleteClaim(claim.id)
        canDecide = viewer.canDecide(claim)
        ownClaimNote = isOwner && viewer.approves && claim.status == .submitted
        let owner = claim.userID == viewer.userID
        self.warning = warning.map {
            WarningView($0, forPerson: owner, name: claim.personName, seen: claim.sentWithWarning)
        }
        hasWarning = warning != nil
        self.duplicates = DuplicateClaimsView(claim, duplicates: duplicates, forPerson: owner, canOpen: viewer.canSee)
        voucherWarning = PaymentWords.voucherNote(for: claim.choice)
        approveAction = Href.approveClaim(claim.id)
        returnAction = Href.returnClaim(claim.id)
        reason = Field(
            ClaimDecisionsController.ReturnField.reason, label: "Reason for returning it", form: form, type: "textarea",
            hint: "\(claim.personName) will read this. Say what needs to change.", errors: errors)
        canPay = viewer.canMarkPaid(claim)
        payAction = Href.payClaim(claim.id)
        typealias F = ClaimDecisionsController.PaymentField
        paidOn = Field(
            F.paidOn, label: "Date paid", value: form[F.paidOn].isEmpty ? today : form[F.paidOn], type: "date",
            errors: errors)
        reference = Field(F.reference, label: "Payment reference from the finance system", form: form, errors: errors)
        version = String(claim.version)
        self.errors = errors
        if isOwner {
            backHref = Href.claims()
            backLabel = "Your claims"
        } else if claim.status == .approved || claim.status == .paid, viewer.pays {
            backHref = Href.financeClaims()
            backLabel = "Claims to pay"
        } else {
            backHref = Href.claimApprovals()
            backLabel = "Claims waiting for approval"
        }
    }
}

/// A person's own claims, newest first.
struct ClaimsPage: PageModel {
    static let template = "payments/claims/index"
    let title = "Your claims"
    let rows: [Row]
    let hasRows: Bool
    let newHref = Href.newClaim()
    let earningsHref = Href.earnings()
    let preferencesHref = Href.paymentPreferences()
    let policyHref = Href.paymentPolicy()

    struct Row: Encodable, Sendable {
        let href: String
        let activity: String
        let date: String
        let total: String
        let status: String
        let statusClass: String
    }

    init(claims: [Claim]) {
        rows = claims.map {
            Row(
                href: Href.claim($0.id), activity: $0.activity, date: LondonTime.day($0.activityOn),
                total: Money.format($0.amounts.total),
                status: $0.status.label, statusClass: ClaimStatusTag.css($0.status))
        }
        hasRows = !rows.isEmpty
    }
}
