import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import NIOCore
import XCTest
@testable import AlongsideApp

/// Records the asset map's tests start from, written straight to the database.
enum AssetFixtures {
    static func locality(_ app: TestContext, _ name: String, kind: LocalityKind = .locality) async throws -> Int64 {
        let store = LocalityStore(pool: app.services.pool, clock: app.services.clock)
        guard
            case .saved(let locality) = try await store.save(
                nil, AssetListInput(name: name, kind: kind), by: .commandLine, requestID: nil)
        else {
            throw AppError.badRequest
        }
        return locality.id
    }

    /// A need from the seeded list, by name.
    static func need(_ app: TestContext, _ name: String) async throws -> Int64 {
        try await app.services.pool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT id FROM needs WHERE name = ?", arguments: [name]))
        }
    }

    static func asset(
        _ app: TestContext, _ name: String, category: AssetCategory = .groupsAndNetworks, locality: Int64? = nil,
        needs: [Int64] = [], checked: String? = nil, status: AssetStatus = .active, listed: Bool = true,
        referral: Bool = false
    ) async throws -> Int64 {
        let store = AssetStore(pool: app.services.pool, clock: app.services.clock)
        let details = AssetDetails(
            name: name, category: category, description: "About \(name)", localityID: locality, openingTimes: "Mondays",
            referralNeeded: referral, cost: "Free", needIDs: needs,
            lastCheckedOn: checked ?? LondonTime.isoDay(app.clock.now), status: status, listedPublicly: listed)
        return try await store.create(details, by: .commandLine, requestID: nil).id
    }

    static func count(_ app: TestContext, _ sql: String = "SELECT COUNT(*) FROM assets") async throws -> Int {
        try await app.services.pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    static func today(_ app: TestContext) -> String { LondonTime.isoDay(app.clock.now) }

    /// The fields of a good asset form.
    static func form(_ app: TestContext, name: String = "Harbour Lights Café", changes: [(String, String)] = []) -> [(
        String, String
    )] {
        var fields: [(String, String)] = [
            ("name", name), ("category", AssetCategory.hubsAndSpaces.rawValue),
            ("domains", AssetDomain.localFacilities.rawValue),
            ("description", "Tea and company"), ("locality", ""), ("address", "1 Quay Street"), ("postcode", "EX2 2BB"),
            ("opening_times", "Daily, 9am to 5pm"), ("phone", "01632 960001"), ("email", "hello@example.org"),
            ("website", "harbour.example.org"),
            ("contact_notes", ""), ("referral_needed", "no"), ("access_information", "Step-free"),
            ("languages", "English"),
            ("cost", "Free"), ("last_checked", today(app)), ("status", "active"), ("listed_publicly", "yes"),
            ("organisation", ""),
        ]
        for (name, value) in changes {
            fields.removeAll { $0.0 == name }
            fields.append((name, value))
        }
        return fields
    }
}

extension TestBrowser {
    /// Posts a `multipart/form-data` form, as a browser does for a form with a file input. `file` is sent as an
    /// uploaded file part; the last CSRF token seen is added unless `csrf` is given ("" sends none).
    func postMultipart(
        _ path: String, _ fields: [(String, String)] = [], file: (name: String, text: String)? = nil,
        csrf: String? = nil
    ) async throws -> Page {
        let boundary = "----alongside-test-boundary"
        var body = ""
        var pairs = fields
        if let token = csrf ?? csrfToken, !token.isEmpty { pairs.append(("csrf_token", token)) }
        for (name, value) in pairs {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"assets.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n\(file.text)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers: HTTPFields = [:]
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.execute(
            uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
    }
}
