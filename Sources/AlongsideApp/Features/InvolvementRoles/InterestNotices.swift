import Foundation

/// The emails an expression of interest sends (issue 20): a notice to the people who manage involvement roles, and an
/// acknowledgement to the person who expressed it.
enum InterestNotices {
    /// To each manager of involvement roles. It names the role only: what the person wrote stays on the page, behind
    /// sign-in.
    static func received(_ interest: Interest) -> Notice {
        Notice(
            kind: .interest, event: "interest_received", subject: "New interest in \"\(interest.roleTitle)\"",
            paragraphs: [
                "Someone has expressed interest in the involvement role \"\(interest.roleTitle)\". Their details, and "
                    + "how they would like to be contacted, are on Alongside."
            ],
            link: ("Read their expression of interest", Href.interestReceived(interest.id)))
    }

    /// To the address the person gave. The form is public, so anyone could type someone else's address: the message
    /// carries nothing they typed (not even the name), says what to do if it was not them, and goes once per address
    /// per advert (and only when they gave an address). It has no unsubscribe link: it is a one-off reply, not a kind of
    /// email anyone is signed up to.
    static func acknowledgement(_ interest: Interest, baseURL: String) -> OutgoingMail {
        let lines = [
            "Hello,",
            "Thank you for expressing interest in the role \"\(interest.roleTitle)\". We have received it, and someone "
                + "from the partnership will be in touch in the way you asked.",
            "If you have any questions in the meantime, or need anything to make taking part easier, reply to this email.",
            "If this was not you, you can ignore this email: nothing else will be sent.",
            "About the role: \(baseURL + Href.opportunity(interest.advertID))",
        ]
        let html =
            (lines.dropLast().map(MailHTML.paragraph)
            + [MailHTML.link("About the role", to: baseURL + Href.opportunity(interest.advertID))])
            .joined(separator: "\n") + "\n"
        return OutgoingMail(
            kind: "interest_acknowledged", userID: nil, to: interest.email,
            subject: "Thank you for your interest in \"\(interest.roleTitle)\"",
            text: lines.joined(separator: "\n\n") + "\n", html: html)
    }
}
