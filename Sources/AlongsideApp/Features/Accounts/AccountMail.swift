import Foundation

/// The messages an account's one-time link goes out in (issue 20): to the person, not only shown to the
/// administrator. Plain English, a text and an HTML part, no tracking. Security messages cannot be turned off, so
/// they carry no unsubscribe link.
enum AccountMail {
    static func invitation(name: String, email: String, userID: Int64?, link: String, isNew: Bool) -> OutgoingMail {
        let opening =
            isNew
            ? "An account has been made for you on Alongside, the partnership's co-production workspace."
            : "Here is a new link to set your password on Alongside. Any earlier link no longer works."
        let lines = [
            "Hello \(name),",
            opening,
            "To choose your password and sign in, open this link. It works once, within 7 days:",
            link,
            "If you were not expecting this, you can ignore it: nothing happens until the link is used.",
        ]
        let html =
            [
                MailHTML.paragraph(lines[0]), MailHTML.paragraph(opening), MailHTML.paragraph(lines[2]),
                MailHTML.link("Set your password", to: link), MailHTML.paragraph(lines[4]),
            ].joined(separator: "\n") + "\n"
        return OutgoingMail(
            kind: isNew ? "account_invitation" : "set_password_link", userID: userID, to: email,
            subject: isNew ? "Your Alongside account: set your password" : "A new link to set your Alongside password",
            text: lines.joined(separator: "\n\n") + "\n", html: html)
    }
}
