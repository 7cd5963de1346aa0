import Foundation

/// A notice as an email (issue 20): a greeting, the notice's paragraphs, the link to act on it, and a footer saying
/// why it came and how to change that, with the one-click unsubscribe link. Plain text plus the same in HTML, no
/// images, no tracking.
enum NoticeMail {
    struct Links: Equatable {
        var base: String
        var preferences: String
        var unsubscribe: String
    }

    static func single(_ notice: Notice, name: String, email: String, userID: Int64, links: Links) -> OutgoingMail {
        var text = ["Hello \(name),"] + notice.paragraphs
        var html = [MailHTML.paragraph("Hello \(name),")] + notice.paragraphs.map(MailHTML.paragraph)
        if let link = notice.link {
            text.append("\(link.label): \(links.base + link.path)")
            html.append(MailHTML.link(link.label, to: links.base + link.path))
        }
        let footer = footer(
            about: "You get this because you have not turned off emails about \(notice.kind.about).", links: links,
            stop: notice.kind.about)
        return OutgoingMail(
            kind: notice.event, userID: userID, to: email, subject: notice.subject,
            text: (text + footer.text).joined(separator: "\n\n") + "\n",
            html: (html + footer.html).joined(separator: "\n") + "\n", attachment: notice.attachment,
            unsubscribeURL: links.unsubscribe)
    }

    /// One item of a digest, as it was saved.
    struct DigestItem: Equatable {
        var kind: NoticeKind
        var subject: String
        var text: String
        var linkURL: String?
        var createdAt: Date
    }

    /// The day's digest: every waiting item, oldest first, under its kind. Its one-click unsubscribe link turns off
    /// the kind of the first item; the footer links the preferences page for the rest.
    static func digest(_ items: [DigestItem], name: String, email: String, userID: Int64, links: Links) -> OutgoingMail
    {
        let count = items.count == 1 ? "1 thing" : "\(items.count) things"
        var text = ["Hello \(name),", "Here is what happened on Alongside since your last digest: \(count)."]
        var html = text.map(MailHTML.paragraph)
        for kind in NoticeKind.allCases {
            let mine = items.filter { $0.kind == kind }
            guard !mine.isEmpty else { continue }
            text.append(kind.label.uppercased())
            html.append("<h2>" + HTMLEscaping.escape(kind.label) + "</h2>")
            for item in mine {
                var lines = ["* " + item.subject + " (" + LondonTime.dateTime(item.createdAt) + ")", item.text]
                var part =
                    "<h3>" + HTMLEscaping.escape(item.subject) + "</h3>\n"
                    + MailHTML.paragraph(LondonTime.dateTime(item.createdAt)) + "\n"
                    + item.text.components(separatedBy: "\n\n").map(MailHTML.paragraph).joined(separator: "\n")
                if let url = item.linkURL {
                    lines.append("Open it: \(url)")
                    part += "\n" + MailHTML.link("Open it on Alongside", to: url)
                }
                text.append(lines.joined(separator: "\n\n"))
                html.append(part)
            }
        }
        let footer = footer(
            about: "You get this once a day because you chose a daily digest for some emails.", links: links,
            stop: items.first?.kind.about ?? "this")
        return OutgoingMail(
            kind: "digest", userID: userID, to: email, subject: "Your Alongside digest: \(count)",
            text: (text + footer.text).joined(separator: "\n\n") + "\n",
            html: (html + footer.html).joined(separator: "\n") + "\n", unsubscribeURL: links.unsubscribe)
    }

    static func footer(about why: String, links: Links, stop what: String) -> (text: [String], html: [String]) {
        let change = "Choose what you get, and when: \(links.preferences)"
        let stop = "Stop emails about \(what): \(links.unsubscribe)"
        return (
            ["--", why, change, stop],
            [
                "<hr>", MailHTML.paragraph(why), MailHTML.link("Choose what you get, and when", to: links.preferences),
                MailHTML.link("Stop emails about \(what)", to: links.unsubscribe),
            ]
        )
    }
}
