import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import AlongsideApp

/// Issue 15 against the real server on 127.0.0.1 (a port of its own, short limits so each test takes seconds):
/// slow clients are cut off, a big body is refused without being read, one address cannot hold every connection,
/// links never come from the Host header, and `X-Forwarded-For` is believed only from a trusted proxy.
final class LiveServerTests: XCTestCase {
    func withLiveApp(
        configure: (inout AppConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (Int, AppServices) async throws -> Void
    ) async throws {
        let services = try await makeServices { configuration in
            configuration.connectionLimits.firstHeaders = .seconds(1)
            configuration.connectionLimits.idle = .seconds(1)
            configuration.connectionLimits.body = .seconds(2)
            configure(&configuration)
        }
        let app = buildApplication(services: services)
        try await app.test(.live) { client in
            try await body(try XCTUnwrap(client.port), services)
        }
    }

    func testHalfSentHeadersAreCutOffAndOthersAreStillServed() async throws {
        try await withLiveApp { port, _ in
            // setup: a client that starts a request and never finishes its headers
            let slow = try RawConnection(port: port)
            slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            // act
            let started = Date()
            let healthy = try RawResponse.send(port: port, "GET", "/healthz")
            let (_, closed) = slow.readUntilClosed(timeout: 5)
            // check
            XCTAssertEqual(healthy.status, 200)
            XCTAssertTrue(closed, "the half-sent request is cut off")
            XCTAssertLessThan(Date().timeIntervalSince(started), 4.5)
        }
    }

    func testABodyThatNeverArrivesIsCutOff() async throws {
        try await withLiveApp { port, _ in
            let slow = try RawConnection(port: port)
            slow.send(
                "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail="
            )
            let started = Date()
            let (_, closed) = slow.readUntilClosed(timeout: 6)
            XCTAssertTrue(closed)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5.5)
        }
    }

    func testOneAddressCannotHoldEveryConnection() async throws {
        try await withLiveApp(configure: {
            $0.connectionLimits.perAddress = 6; $0.connectionLimits.firstHeaders = .seconds(30)
        }) { port, _ in
            // setup: six connections held open
            var held: [RawConnection] = []
            for _ in 0..<6 {
                let connection = try RawConnection(port: port)
                connection.send("GET / HTTP/1.1\r\n")
                held.append(connection)
            }
            try await Task.sleep(for: .milliseconds(300))
            // act: a seventh from the same address
            let extra = try RawConnection(port: port)
            extra.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let (bytes, closed) = extra.readUntilClosed(timeout: 3)
            // check
            XCTAssertTrue(closed)
            XCTAssertTrue(bytes.isEmpty, "refused without an answer")
            held.removeAll()
            try await Task.sleep(for: .milliseconds(300))
            let afterwards = try RawResponse.send(port: port, "GET", "/healthz")
            XCTAssertEqual(afterwards.status, 200, "closing them frees the address again")
        }
    }

    func testABigBodyIsRefusedWithoutBeingReadAndTheServerCarriesOn() async throws {
        try await withLiveApp { port, _ in
            // setup: a form cookie, as a visitor who opened the sign-in page has
            let page = try RawResponse.send(port: port, "GET", "/sign-in")
            let cookie = try XCTUnwrap(page.header("Set-Cookie").first?.split(separator: ";").first.map(String.init))
            for withCookie in [false, true] {
                let connection = try RawConnection(port: port)
                let size = 50 * 1024 * 1024
                connection.send(
                    "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + (withCookie ? "Cookie: \(cookie)\r\n" : "") + "Content-Length: \(size)\r\n\r\n")
                // act: send until the server stops taking it
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                var sent = 0
                while sent < size, connection.send(chunk) { sent += chunk.count }
                let (bytes, closed) = connection.readUntilClosed(timeout: 5)
                // check
                let answer = String(decoding: bytes, as: UTF8.self)
                XCTAssertTrue(answer.hasPrefix(withCookie ? "HTTP/1.1 413" : "HTTP/1.1 403"), String(answer.prefix(40)))
                XCTAssertTrue(closed)
                XCTAssertLessThan(sent, size, "the server stopped reading long before 50 MB")
            }
            let healthy = try RawResponse.send(port: port, "GET", "/healthz")
            XCTAssertEqual(healthy.status, 200)
        }
    }

    func testLinksAndRedirectsNeverComeFromTheHostHeader() async throws {
        try await withLiveApp { port, services in
            // setup: an administrator signed in over the wire, every request naming another host
            let hasher = services.hasher
            let hash = try await hasher.hash(goodPassword)
            _ = try await services.accounts.create(
                name: "Ada Example", email: "ada@example.org", role: .administrator,
                passwordHash: hash, by: .commandLine, requestID: nil)
            let evil = ("Host", "evil.example")
            let signInPage = try RawResponse.send(port: port, "GET", "/sign-in", headers: [evil])
            let formCookie = try XCTUnwrap(
                signInPage.header("Set-Cookie").first?.split(separator: ";").first.map(String.init))
            let token = try XCTUnwrap(Page(status: .ok, headers: [:], html: signInPage.body).csrfToken)
            let signedIn = try RawResponse.send(
                port: port, "POST", "/sign-in",
                headers: [evil, ("Cookie", formCookie), ("Content-Type", "application/x-www-form-urlencoded")],
                body: "email=ada%40example.org&password=\(TestBrowser.encode(goodPassword))&csrf_token=\(token)")
            XCTAssertEqual(signedIn.status, 303)
            XCTAssertEqual(signedIn.header("Location"), ["/"], "a redirect is a path, never a host")
            let session = try XCTUnwrap(
                signedIn.header("Set-Cookie").first?.split(separator: ";").first.map(String.init))
            let form = try RawResponse.send(
                port: port, "GET", "/admin/users/new", headers: [evil, ("Cookie", session)])
            let formToken = try XCTUnwrap(Page(status: .ok, headers: [:], html: form.body).csrfToken)
            // act
            let created = try RawResponse.send(
                port: port, "POST", "/admin/users",
                headers: [evil, ("Cookie", session), ("Content-Type", "application/x-www-form-urlencoded")],
                body: "name=Bo+Sample&email=bo%40example.org&role=member&csrf_token=\(formToken)")
            let location = try XCTUnwrap(created.header("Location").first)
            let userPage = try RawResponse.send(port: port, "GET", location, headers: [evil, ("Cookie", session)])
            // check
            let link = try XCTUnwrap(
                Page(status: .ok, headers: [:], html: userPage.body).firstMatch(
                    #"id="one-time-link" type="text" readonly value="([^"]+)""#))
            XCTAssertFalse(link.contains("evil.example"), link)
            XCTAssertTrue(link.hasPrefix(services.configuration.baseURL + "/set-password/"), link)
        }
    }

    func testForwardedForIsBelievedOnlyFromATrustedProxy() async throws {
        for trusted in [false, true] {
            try await withLiveApp(configure: { $0.trustedProxies = trusted ? ["127.0.0.1"] : [] }) { port, services in
                let page = try RawResponse.send(port: port, "GET", "/sign-in")
                let cookie = try XCTUnwrap(
                    page.header("Set-Cookie").first?.split(separator: ";").first.map(String.init))
                let token = try XCTUnwrap(Page(status: .ok, headers: [:], html: page.body).csrfToken)
                let failed = try RawResponse.send(
                    port: port, "POST", "/sign-in",
                    headers: [
                        ("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"),
                        ("X-Forwarded-For", "192.0.2.9"),
                    ], body: "email=sam%40example.org&password=wrong+password+here&csrf_token=\(token)")
                XCTAssertEqual(failed.status, 422)
                let addresses = try await services.pool.read { db in
                    try String.fetchAll(db, sql: "SELECT address FROM sign_in_failures")
                }
                XCTAssertEqual(addresses, [trusted ? "192.0.2.9" : "127.0.0.1"], "trusted: \(trusted)")
            }
        }
    }
}
