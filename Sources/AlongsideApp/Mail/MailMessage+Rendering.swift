import Foundation

extension MailMessage {
    /// Header fields the renderer writes itself, which `extraHeaders` may not repeat.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "content-type",
        "content-transfer-encoding", "content-disposition", "list-unsubscribe", "list-unsubscribe-post", "sender",
        "reply-to", "return-path", "auto-submitted",
    ]

    /// The message as RFC 5322 / MIME text: CRLF line ends, 7-bit, no line over 78 characters but where a single
    /// word is longer (never over 998). `multipart/alternative` (text, then HTML; the last is the one preferred),
    /// inside `multipart/mixed` when there are attachments. Refuses (rather than sends) anything that could add a
    /// header or break the message: a line break in a header value, a bad Message-ID, filename or header name.
    /// `random` chooses the boundaries; tests pass a seeded one.
    public func rendered(using random: inout some RandomNumberGenerator) throws(MailProblem) -> String {
        try check()
        var head = ""
        head += MIMEEncoding.header("Date", MIMEEncoding.date(date))
        head += MIMEEncoding.header("From", MIMEEncoding.mailbox(from))
        head += MIMEEncoding.header("To", MIMEEncoding.mailbox(to))
        head += MIMEEncoding.header("Subject", MIMEEncoding.headerText(subject))
        head += MIMEEncoding.header("Message-ID", "<\(messageID)>")
        head += MIMEEncoding.header("MIME-Version", "1.0")
        // Every message Alongside sends is automatic: out-of-office replies should not answer it (RFC 3834).
        head += MIMEEncoding.header("Auto-Submitted", "auto-generated")
        if let unsubscribeURL {
            head += MIMEEncoding.header("List-Unsubscribe", "<\(unsubscribeURL)>")
            head += MIMEEncoding.header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
        }
        for header in extraHeaders { head += MIMEEncoding.header(header.name, header.value) }

        let alternative = Self.multipart(
            "alternative",
            parts: [
                Self.textPart("text/plain; charset=utf-8", body: text),
                Self.textPart("text/html; charset=utf-8", body: html),
            ], using: &random)
        guard !attachments.isEmpty else { return head + alternative }
        let files = attachments.map { attachment in
            MIMEEncoding.header("Content-Type", attachment.contentType)
                + MIMEEncoding.header("Content-Transfer-Encoding", "base64")
                + MIMEEncoding.header("Content-Disposition", "attachment; filename=\"\(attachment.filename)\"")
                + MIMEEncoding.crlf + MIMEEncoding.base64Lines(attachment.data)
        }
        return head + Self.multipart("mixed", parts: [alternative] + files, using: &random)
    }

    /// The message rendered with the system's random numbers.
    public func rendered() throws(MailProblem) -> String {
        var random = SystemRandomNumberGenerator()
        return try rendered(using: &random)
    }

    static func textPart(_ contentType: String, body: String) -> String {
        MIMEEncoding.header("Content-Type", contentType)
            + MIMEEncoding.header("Content-Transfer-Encoding", "quoted-printable") + MIMEEncoding.crlf
            + MIMEEncoding.quotedPrintable(body) + MIMEEncoding.crlf
    }

    /// A multipart entity (its Content-Type header and body). The boundary starts `=_`, which neither
    /// quoted-printable nor base64 can produce, and is checked against the parts all the same.
    static func multipart(_ subtype: String, parts: [String], using random: inout some RandomNumberGenerator) -> String
    {
        var boundary: String
        repeat {
            boundary = "=_alongside_" + (0..<4).map { _ in String(random.next() as UInt32, radix: 16) }.joined()
        } while parts.contains(where: { $0.contains(boundary) })
        var body = MIMEEncoding.header("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")
        body += MIMEEncoding.crlf
        for part in parts { body += "--\(boundary)\r\n" + part }
        return body + "--\(boundary)--\r\n"
    }

    /// Everything that could make the message say something other than what was meant.
    func check() throws(MailProblem) {
        if Self.hasLineBreakOrControl(subject) {
            throw MailProblem("The subject must be one line, with no control characters")
        }
        guard Self.isMessageID(messageID) else {
            throw MailProblem("The Message-ID must look like id@domain, without angle brackets or spaces")
        }
        if let unsubscribeURL {
            guard let url = URL(string: unsubscribeURL), url.scheme == "https" || url.scheme == "http", url.host != nil,
                unsubscribeURL.utf8.count <= 900,
                unsubscribeURL.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != ">" && $0 != "<" })
            else { throw MailProblem("The unsubscribe link must be an http or https address of up to 900 characters") }
        }
        for header in extraHeaders {
            guard !header.name.isEmpty, header.name.utf8.count <= 76,
                header.name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != ":" })
            else { throw MailProblem("A header name must be printable ASCII with no colon or space") }
            guard !Self.reservedHeaders.contains(header.name.lowercased()) else {
                throw MailProblem("The header \(header.name) is written by the message itself")
            }
            guard header.value.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }),
                header.value.split(separator: " ").allSatisfy({ $0.utf8.count <= 900 })
            else { throw MailProblem("The value of the header \(header.name) must be one line of printable ASCII") }
        }
        for attachment in attachments {
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
            guard (1...100).contains(attachment.filename.count),
                attachment.filename.allSatisfy({ allowed.contains($0) }),
                !attachment.filename.hasPrefix(".")
            else { throw MailProblem("An attachment's file name must be letters, digits, dots, dashes or underscores") }
            guard attachment.contentType.contains("/"), attachment.contentType.utf8.count <= 200,
                attachment.contentType.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 })
            else { throw MailProblem("An attachment's content type must be one line, such as text/calendar") }
        }
    }

    static func hasLineBreakOrControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `id-left@id-right` as dot-atoms (RFC 5322 section 3.6.4).
    static func isMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        let atext = MailAddress.localCharacters
        return id.utf8.count <= 200 && parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty && !part.hasPrefix(".") && !part.hasSuffix(".") && !part.contains("..")
                    && part.allSatisfy { atext.contains($0) }
            }
    }
}
