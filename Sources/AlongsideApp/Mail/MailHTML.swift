/// The pieces every HTML part is made of: a paragraph of plain text, and a link on its own line. Escaped here, once.
enum MailHTML {
    static func paragraph(_ text: String) -> String {
        "<p>" + HTMLEscaping.escape(text) + "</p>"
    }

    static func link(_ label: String, to url: String) -> String {
        "<p><a href=\"" + HTMLEscaping.escape(url) + "\">" + HTMLEscaping.escape(label) + "</a></p>"
    }
}
