import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import AlongsideApp

/// `/metrics` (issue 21): Prometheus text with requests by route pattern and status class, statement time, sign-in
/// refusals and the outbox's depth; read from this machine, or elsewhere only with the token; no paths with ids, no
/// people, no SQL.
final class MetricsTests: XCTestCase {
    static let token = String(repeating: "f00d", count: 10)

    func testAScraperWithTheTokenReadsCountsByRoutePatternAndNobodyElseDoes() async throws {
        try await withApp(configure: { $0.metricsToken = Self.token }) { app in
            // setup: some traffic, a refused sign-in and a waiting message
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            let group = try await GroupsTests.createGroup(manager)
            _ = try await manager.get(group)
            let stranger = app.browser()
            _ = try await stranger.signIn(email: "pm@example.org", password: "not the password at all")
            let now = app.services.clock.now()
            try await app.services.pool.write { db in
                try Outbox.enqueue(
                    OutgoingMail(
                        kind: "test", userID: nil, to: "casey@example.org", subject: "Hello", text: "Hi",
                        html: "<p>Hi</p>"),
                    host: "example.org", now: now, in: db)
            }
            // refusals: no token, a wrong one (in the router's tests the peer is not this machine)
            let none = try await app.browser().get("/metrics")
            XCTAssertEqual(none.status, .notFound)
            var wrong = HTTPFields()
            wrong[.authorization] = "Bearer " + String(repeating: "beef", count: 10)
            let refused = try await app.browser().get("/metrics", headers: wrong)
            XCTAssertEqual(refused.status, .notFound)
            // act
            var bearer = HTTPFields()
            bearer[.authorization] = "Bearer " + Self.token
            let page = try await app.browser().get("/metrics", headers: bearer)
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") ?? false)
            let text = page.html
            let groupID = try XCTUnwrap(group.split(separator: "/").last)
            XCTAssertTrue(text.contains("# TYPE alongside_http_requests_total counter"), text)
            XCTAssertTrue(
                text.contains(#"alongside_http_requests_total{route="/groups/{id}",method="GET",status="2xx"}"#), text)
            XCTAssertTrue(text.contains(#"route="/sign-in",method="POST",status="3xx""#), text)
            XCTAssertFalse(text.contains("/groups/\(groupID)\""), "a path with an id is never a label")
            XCTAssertTrue(text.contains(#"alongside_http_request_duration_seconds_bucket{route="/groups/{id}""#))
            XCTAssertTrue(text.contains(#"alongside_sign_in_refusals_total{reason="wrong_details"}"#))
            XCTAssertTrue(text.contains(#"alongside_outbox_messages{status="waiting"} 1"#), text)
            XCTAssertTrue(text.contains("alongside_database_statement_duration_seconds_count "))
            for secret in ["pm@example.org", "casey@example.org", "Sam Fictional", "SELECT", "INSERT"] {
                XCTAssertFalse(text.contains(secret), "\(secret) in /metrics")
            }
        }
    }

    func testTheTokenMustBeLongAndHaveNoSpaces() throws {
        var configuration = AppConfiguration()
        XCTAssertThrowsError(try configuration.apply(environment: ["ALONGSIDE_METRICS_TOKEN": "short"]))
        XCTAssertThrowsError(try configuration.apply(environment: ["ALONGSIDE_METRICS_TOKEN": Self.token + " x"]))
        XCTAssertNoThrow(try configuration.apply(environment: ["ALONGSIDE_METRICS_TOKEN": Self.token]))
        XCTAssertEqual(configuration.metricsToken, Self.token)
    }

    func testThisMachineReadsItWithoutATokenButNotThroughAProxy() async throws {
        let services = try await makeServices { $0.trustedProxies = ["127.0.0.1"] }
        let app = buildApplication(services: services)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let local = try RawResponse.send(port: port, "GET", "/metrics")
            XCTAssertEqual(local.status, 200)
            XCTAssertTrue(local.body.contains("alongside_http_requests_total"), local.body)
            // A request the proxy on this machine passes on from someone else is not from this machine.
            let forwarded = try RawResponse.send(
                port: port, "GET", "/metrics", headers: [("X-Forwarded-For", "203.0.113.9")])
            XCTAssertEqual(forwarded.status, 404)
        }
    }
}
