import Foundation
import XCTest
@testable import AlongsideApp

/// Filling in and sending claims as a person would, for the claims tests. The test clock's today is Monday
/// 21 September 2026.
enum ClaimFixtures {
    static let today = "2026-09-21"

    /// The form for a whole day of agreed activity with no expenses; pass more fields to add or replace.
    static func fields(
        activity: String = "Leaders group meeting", on day: String = today, length: String = "whole",
        choice: String = "full",
        _ extra: [(String, String)] = []
    ) -> [(String, String)] {
        var fields = [
            ("activity", activity), ("activity_on", day), ("length", length), ("choice", choice), ("expense_rows", "2"),
        ]
        for (name, value) in extra {
            fields.removeAll { $0.0 == name }
            fields.append((name, value))
        }
        return fields
    }

    /// Saves a draft and returns its id (from the redirect to its check page).
    static func draft(_ browser: TestBrowser, _ fields: [(String, String)]) async throws -> Int64 {
        _ = try await browser.get(Href.newClaim())
        let saved = try await browser.post(Href.newClaim(), fields)
        XCTAssertEqual(saved.status, .seeOther, "the claim should save: \(saved.errorSummary)")
        let location = try XCTUnwrap(saved.location)
        return try XCTUnwrap(Int64(location.split(separator: "/")[2]))
    }

    /// Saves a draft and sends it from its check page.
    @discardableResult
    static func send(_ browser: TestBrowser, _ fields: [(String, String)]) async throws -> Int64 {
        let id = try await draft(browser, fields)
        let check = try await browser.get(Href.checkClaim(id))
        let sent = try await browser.post(Href.checkClaim(id), [("version", check.inputValue("version") ?? "")])
        XCTAssertEqual(sent.status, .seeOther)
        return id
    }

    /// The claim's current version, read from its page as the given viewer.
    static func version(_ browser: TestBrowser, _ id: Int64) async throws -> String {
        let page = try await browser.get(Href.claim(id))
        return try XCTUnwrap(page.inputValue("version"))
    }
}
