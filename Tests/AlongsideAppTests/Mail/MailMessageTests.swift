import Foundation
import XCTest

@testable import AlongsideApp

/// A message rendered as RFC 5322 / MIME: headers, parts, encodings, line lengths, and everything refused.
final class MailMessageTests: XCTestCase {
    /// The same boundaries every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64 = 42
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    func message(
        subject: String = "Your claim was approved", text: String = "Hello Casey,\n\nYour claim was approved.",
        attachments: [MailAttachment] = []
    ) throws -> MailMessage {
        MailMessage(
            from: try MailAddress("alongside@example.org", name: "Alongside"),
            to: try MailAddress("casey@example.org", name: "Casey Jones"), subject: subject,
            date: Date(timeIntervalSince1970: 1_796_681_508), messageID: "outbox-7@alongside.example.org", text: text,
            html: "<p>Hello Casey,</p><p>Your claim was <strong>approved</strong>.</p>", attachments: attachments,
            unsubscribeURL: "https://alongside.example.org/unsubscribe/abc123")
    }

    func render(_ message: MailMessage) throws -> String {
        var random = Seeded()
        return try message.rendered(using: &random)
    }

    func headers(_ rendered: String) -> [String] {
        let head = rendered.components(separatedBy: "\r\n\r\n")[0]
        return head.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
    }

    func testHeadersAndTwoAlternativePartsWithCRLFLines() throws {
        let rendered = try render(try message())
        let headers = headers(rendered)
        XCTAssertEqual(
            Array(headers.prefix(9)),
            [
                "Date: Mon, 07 Dec 2026 22:11:48 +0000",
                "From: \"Alongside\" <alongside@example.org>",
                "To: \"Casey Jones\" <casey@example.org>",
                "Subject: Your claim was approved",
                "Message-ID: <outbox-7@alongside.example.org>",
                "MIME-Version: 1.0",
                "Auto-Submitted: auto-generated",
                "List-Unsubscribe: <https://alongside.example.org/unsubscribe/abc123>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            ])
        XCTAssertTrue(headers[9].hasPrefix("Content-Type: multipart/alternative; boundary=\"=_alongside_"))
        // Every line ends CRLF: no bare LF or CR anywhere.
        XCTAssertFalse(
            rendered.replacingOccurrences(of: "\r\n", with: "").contains(where: { $0 == "\n" || $0 == "\r" }))
        XCTAssertTrue(rendered.hasSuffix("--\r\n"))
        // text/plain first, then text/html (the last alternative is the preferred one).
        let plain = try XCTUnwrap(rendered.range(of: "Content-Type: text/plain; charset=utf-8"))
        let html = try XCTUnwrap(rendered.range(of: "Content-Type: text/html; charset=utf-8"))
        XCTAssertLessThan(plain.lowerBound, html.lowerBound)
        XCTAssertEqual(rendered.components(separatedBy: "Content-Transfer-Encoding: quoted-printable").count, 3)
        XCTAssertTrue(rendered.allSatisfy(\.isASCII))
    }

    func testNoUnsubscribeHeadersWithoutALink() throws {
        var message = try message()
        message.unsubscribeURL = nil
        XCTAssertFalse(try render(message).contains("List-Unsubscribe"))
    }

    func testAnAttachmentMakesItMultipartMixed() throws {
        let ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
        let rendered = try render(
            try message(attachments: [
                MailAttachment(
                    filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST",
                    data: Data(ics.utf8))
            ]))
        let headers = headers(rendered)
        XCTAssertTrue(headers.last!.hasPrefix("Content-Type: multipart/mixed; boundary="))
        let mixed = try XCTUnwrap(rendered.range(of: "multipart/mixed"))
        let alternative = try XCTUnwrap(rendered.range(of: "multipart/alternative"))
        let calendar = try XCTUnwrap(rendered.range(of: "Content-Type: text/calendar; charset=utf-8; method=REQUEST"))
        XCTAssertLessThan(mixed.lowerBound, alternative.lowerBound)
        XCTAssertLessThan(alternative.lowerBound, calendar.lowerBound)
        XCTAssertTrue(rendered.contains("Content-Disposition: attachment; filename=\"invite.ics\""))
        XCTAssertTrue(rendered.contains(Data(ics.utf8).base64EncodedString()))
    }

    func testQuotedPrintableKeepsTheTextAndItsLinesShort() throws {
        let text = "Café = 2 × £50 \nA line with trailing spaces   \n" + String(repeating: "long words é ", count: 40)
        let encoded = MIMEEncoding.quotedPrintable(text)
        for line in encoded.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 76, line) }
        XCTAssertTrue(encoded.contains("Caf=C3=A9 =3D 2 =C3=97 =C2=A350=20\r\n"))
        XCTAssertEqual(Self.decodeQuotedPrintable(encoded), text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testANonASCIISubjectAndNameAreEncodedWords() throws {
        var message = try message(subject: "Réunion demain — ordre du jour et documents pour le groupe des leaders")
        message.to = try MailAddress("casey@example.org", name: "Zoë Ñúñez")
        let rendered = try render(message)
        let subject = try XCTUnwrap(headers(rendered).first { $0.hasPrefix("Subject: ") })
        XCTAssertTrue(subject.hasPrefix("Subject: =?UTF-8?B?"))
        XCTAssertEqual(Self.decodeEncodedWords(String(subject.dropFirst(9))), message.subject)
        let to = try XCTUnwrap(headers(rendered).first { $0.hasPrefix("To: ") })
        XCTAssertEqual(to, "To: =?UTF-8?B?Wm/DqyDDkcO6w7Fleg==?= <casey@example.org>")
        for word in subject.split(separator: " ").dropFirst() { XCTAssertLessThanOrEqual(word.count, 75) }
        for line in rendered.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 78, line) }
    }

    func testNoLineIsLongerThan78WhereItCanBeFolded() throws {
        let long = String(repeating: "a very long subject ", count: 30)
        let rendered = try render(try message(subject: long, text: String(repeating: "x", count: 3000)))
        for line in rendered.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 78, line) }
        XCTAssertTrue(headers(rendered).contains("Subject: " + long.trimmingCharacters(in: .whitespaces)))
    }

    func testABoundaryCannotOccurInTheContent() throws {
        let rendered = try render(try message(text: "--=_alongside_ pretending to be a boundary"))
        let boundary = try XCTUnwrap(rendered.firstMatch(of: /boundary="([^"]+)"/)?.1)
        XCTAssertTrue(rendered.contains("--=3D_alongside_ pretending"))
        // The opening, the two part lines and the closing line: nothing else.
        XCTAssertEqual(rendered.components(separatedBy: String(boundary)).count - 1, 4)
    }

    func testHeaderInjectionIsRefused() throws {
        XCTAssertThrowsError(try render(try message(subject: "Hello\r\nBcc: everyone@example.org")))
        XCTAssertThrowsError(try render(try message(subject: "Hello\nBcc: everyone@example.org")))
        XCTAssertThrowsError(try MailAddress("casey@example.org", name: "Casey\r\nBcc: x@example.org"))
        var message = try message()
        message.extraHeaders = [MailHeader("X-Thing", "ok\r\nBcc: x@example.org")]
        XCTAssertThrowsError(try render(message))
        message.extraHeaders = [MailHeader("Bcc", "x@example.org")]
        XCTAssertThrowsError(try render(message))
        message.extraHeaders = [MailHeader("X Thing", "ok")]
        XCTAssertThrowsError(try render(message))
        message.extraHeaders = [MailHeader("X-Entity-Ref-ID", "outbox-7")]
        XCTAssertTrue(try render(message).contains("\r\nX-Entity-Ref-ID: outbox-7\r\n"))
        message.messageID = "a>\r\nBcc: x@example.org"
        XCTAssertThrowsError(try render(message))
        message.messageID = "outbox-7@example.org"
        message.unsubscribeURL = "https://example.org/u>\r\nBcc: x"
        XCTAssertThrowsError(try render(message))
        message.unsubscribeURL = "javascript:alert(1)"
        XCTAssertThrowsError(try render(message))
        message.unsubscribeURL = nil
        message.attachments = [MailAttachment(filename: "a\".ics", contentType: "text/calendar", data: Data())]
        XCTAssertThrowsError(try render(message))
        message.attachments = [MailAttachment(filename: "a.ics", contentType: "text/calendar\r\nBcc: x", data: Data())]
        XCTAssertThrowsError(try render(message))
    }

    func testAddressesAreCheckedStrictly() throws {
        for good in ["casey@example.org", "first.last+tag@mail.example.co.uk", "o'brien@example.org", "a@b-c.io"] {
            XCTAssertTrue(MailAddress.isValid(good), good)
        }
        for bad in [
            "", "casey", "casey@", "@example.org", "casey@example", "ca sey@example.org", "casey@@example.org",
            ".casey@example.org", "ca..sey@example.org", "casey@-example.org", "casey@example..org",
            "casey@example.org\r\nRCPT TO:<x@example.org>", "casey@example.org>", "\"casey\"@example.org",
            "zoë@example.org", "casey@exämple.org", "casey@127.0.0.1",
            String(repeating: "a", count: 65) + "@example.org",
        ] {
            XCTAssertFalse(MailAddress.isValid(bad), bad)
        }
        XCTAssertEqual(try MailAddress(parsing: "Alongside <alongside@example.org>").name, "Alongside")
        XCTAssertEqual(
            try MailAddress(parsing: "\"Alongside, Leeds\" <alongside@example.org>").name, "Alongside, Leeds")
        XCTAssertNil(try MailAddress(parsing: "alongside@example.org").name)
        XCTAssertThrowsError(try MailAddress(parsing: "Alongside <nope>"))
    }

    func testRepliesAreParsedLineByLine() throws {
        var parser = SMTPReplyParser()
        XCTAssertNil(try parser.take("250-mail.example.org"))
        XCTAssertNil(try parser.take("250-STARTTLS"))
        XCTAssertNil(try parser.take("250-AUTH PLAIN login"))
        let reply = try XCTUnwrap(try parser.take("250 SIZE 1000"))
        XCTAssertEqual(reply.code, 250)
        XCTAssertEqual(reply.extensions["STARTTLS"], [])
        XCTAssertEqual(reply.extensions["AUTH"], ["PLAIN", "LOGIN"])
        XCTAssertEqual(reply.extensions["SIZE"], ["1000"])
        XCTAssertEqual(try parser.take("221"), SMTPReply(code: 221, lines: [""]))
        XCTAssertThrowsError(try parser.take("25"))
        XCTAssertThrowsError(try parser.take("hello"))
        XCTAssertThrowsError(try parser.take("250x"))
        XCTAssertThrowsError(try parser.take("650 nope"))
        var mixed = SMTPReplyParser()
        XCTAssertNil(try mixed.take("250-one"))
        XCTAssertThrowsError(try mixed.take("251 two"))
    }

    // MARK: decoding, for the checks

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 2 < input.count + 0,
                let byte = UInt8(String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decodeEncodedWords(_ text: String) -> String {
        let bytes = text.split(separator: " ").flatMap { word -> [UInt8] in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return Array(Data(base64Encoded: String(base64)) ?? Data())
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
