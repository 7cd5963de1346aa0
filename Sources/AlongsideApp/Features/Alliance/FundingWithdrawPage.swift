import Foundation

/// Withdrawing money received or an allocation: what it is, and a reason.
struct FundingWithdrawPage: PageModel {
    static let template = "alliance/funding/withdraw"
    static let hasForm = true
    let title: String
    let details: [DetailRow]
    let alreadyWithdrawn: Bool
    let withdrawnReason: String
    let reason: Field
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(group: Group, received item: FundingReceived, form: FormData, errors: FormErrors) {
        title = "Withdraw funding received"
        details = [
            DetailRow("Amount", Money.format(item.amountPence)),
            DetailRow("From", item.fromName),
            DetailRow("Period", FundingPage.period(item.periodStartsOn, item.periodEndsOn)),
        ]
        alreadyWithdrawn = item.isWithdrawn
        withdrawnReason = item.withdrawnReason ?? ""
        reason = Field(
            FundingForms.WithdrawField.reason, label: "Why it is being withdrawn", form: form, type: "textarea",
            hint: "For example, the amount was wrong and is recorded again. The record stays, left out of the totals.",
            errors: errors)
        self.errors = errors
        action = Href.withdrawFundingReceived(group.id, item.id)
        cancelHref = Href.allianceFunding(group.id)
    }

    init(group: Group, allocation item: Allocation, form: FormData, errors: FormErrors) {
        title = "Withdraw an allocation"
        details = [
            DetailRow("Member", item.organisationName),
            DetailRow("Amount", Money.format(item.amountPence)),
            DetailRow("Period", FundingPage.period(item.periodStartsOn, item.periodEndsOn)),
            DetailRow("Purpose", item.purpose),
        ]
        alreadyWithdrawn = item.isWithdrawn
        withdrawnReason = item.withdrawnReason ?? ""
        reason = Field(
            FundingForms.WithdrawField.reason, label: "Why it is being withdrawn", form: form, type: "textarea",
            hint: "For example, the decision was changed. The record stays, left out of the totals.", errors: errors)
        self.errors = errors
        action = Href.withdrawAllocation(group.id, item.id)
        cancelHref = Href.allianceFunding(group.id)
    }
}
