import Foundation

/// What a person is told by email when their claim moves on (issue 20): returned with the reason, approved, paid.
enum ClaimNotices {
    static func notice(_ event: ClaimEvent.Kind, _ claim: Claim, note: String) -> Notice? {
        let what = "\"\(claim.activity)\" on \(LondonTime.day(claim.activityOn))"
        let link = (label: "Open your claim", path: Href.claim(claim.id))
        switch event {
        case .returned:
            return Notice(
                kind: .claims, event: "claim_returned", subject: "Your claim was returned: \(claim.activity)",
                paragraphs: [
                    "Your payment claim for \(what) has been returned to you, so it can be put right.",
                    "The reason given: \(note)",
                    "You can change the claim and send it again.",
                ], link: link)
        case .approved:
            return Notice(
                kind: .claims, event: "claim_approved", subject: "Your claim was approved: \(claim.activity)",
                paragraphs: [
                    "Your payment claim for \(what) has been approved. We will email you again when it has been paid."
                ], link: link)
        case .paid:
            let paidOn = claim.paidOn.map { " on \(LondonTime.day($0))" } ?? ""
            let reference = claim.paidReference.isEmpty ? "" : " The payment reference is \(claim.paidReference)."
            return Notice(
                kind: .claims, event: "claim_paid", subject: "Your claim was paid: \(claim.activity)",
                paragraphs: ["Your payment claim for \(what) was paid\(paidOn).\(reference)"], link: link)
        default:
            return nil
        }
    }
}
