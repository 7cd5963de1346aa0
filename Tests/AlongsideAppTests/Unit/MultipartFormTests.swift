import Foundation
import GRDB
import HTTPTypes
import NIOCore
import XCTest
@testable import AlongsideApp

/// Forms with a file input arrive as multipart/form-data; the CSRF middleware reads them into `FormData` (issue 7's CSV import).
final class MultipartFormTests: XCTestCase {
    static func body(boundary: String, parts: [(name: String, fileName: String?, value: String)]) -> String {
        parts.map { part in
            let disposition = "form-data; name=\"\(part.name)\"" + (part.fileName.map { "; filename=\"\($0)\"" } ?? "")
            let type = part.fileName == nil ? "" : "Content-Type: text/csv\r\n"
            return "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\(type)\r\n\(part.value)\r\n"
        }.joined() + "--\(boundary)--\r\n"
    }

    func testTheBoundaryIsReadOnlyFromAMultipartFormContentType() {
        XCTAssertEqual(
            FormData.multipartBoundary(contentType: "multipart/form-data; boundary=----abc123"), "----abc123")
        XCTAssertEqual(
            FormData.multipartBoundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="quoted b""#),
            "quoted b")
        XCTAssertNil(FormData.multipartBoundary(contentType: "application/x-www-form-urlencoded"))
        XCTAssertNil(FormData.multipartBoundary(contentType: "multipart/form-data"))
        XCTAssertNil(FormData.multipartBoundary(contentType: "multipart/form-data; boundary="))
        XCTAssertNil(FormData.multipartBoundary(contentType: nil))
    }

    func testFieldsAndAFileBecomeFormValuesWithTheByteOrderMarkRemoved() throws {
        // setup
        let csv = "\u{FEFF}name,category\r\n\"Caf\u{E9}, with a comma\",hubs_and_spaces\r\n"
        let text = Self.body(
            boundary: "XyZ",
            parts: [("csrf_token", nil, "token-1"), ("file", "assets.csv", csv), ("note", nil, "two\r\nlines")])
        // act
        let form = try FormData(multipart: ByteBuffer(string: text), boundary: "XyZ")
        // check
        XCTAssertEqual(form["csrf_token"], "token-1")
        XCTAssertEqual(form["file"], "name,category\r\n\"Caf\u{E9}, with a comma\",hubs_and_spaces\r\n")
        XCTAssertEqual(form["note"], "two\r\nlines")
    }

    func testABodyThatIsNotMultipartIsRefused() {
        XCTAssertThrowsError(try FormData(multipart: ByteBuffer(string: "--XyZ\r\nbroken"), boundary: "XyZ"))
    }

    func testAMultipartPostNeedsItsTokenLikeAnyOtherAndThenSaves() async throws {
        try await withApp { app in
            // setup
            let (lead, _) = try await app.signedIn(as: .allianceLead)
            _ = try await lead.get("/communities")
            let token = try XCTUnwrap(lead.csrfToken)
            func send(_ parts: [(name: String, fileName: String?, value: String)], boundary: String = "b0und4ry")
                async throws -> HTTPResponse.Status
            {
                var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
                headers[.cookie] = lead.cookie
                let body = ByteBuffer(string: Self.body(boundary: "b0und4ry", parts: parts))
                return try await app.client.execute(uri: "/communities", method: .post, headers: headers, body: body)
                    .status
            }
            // act
            let withoutToken = try await send([("name", nil, "Fishing communities")])
            let wrongBoundary = try await send(
                [("csrf_token", nil, token), ("name", nil, "Fishing communities")], boundary: "other")
            let saved = try await send([("csrf_token", nil, token), ("name", nil, "Fishing communities")])
            // check
            XCTAssertEqual(withoutToken, .forbidden)
            XCTAssertEqual(wrongBoundary, .badRequest)
            XCTAssertEqual(saved, .seeOther)
            let names = try await app.services.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM communities WHERE name = 'Fishing communities'")
            }
            XCTAssertEqual(names, ["Fishing communities"])
        }
    }
}
