import GRDB
import HTTPTypes
import Hummingbird
import XCTest
@testable import AlongsideApp

/// Issue 15 through the router: what is checked before a body is read, size limits, signed-out forms without
/// session rows, control characters in paths, links that never come from the Host header.
final class RequestGuardTests: XCTestCase {
    func testControlCharactersInAPathAreRefused() async throws {
        try await withApp { app in
            for path in ["/css/site.css%00.html", "/sign-in%0d%0aSet-Cookie:x=1", "/%1b[31m", "/directory%7f"] {
                let page = try await app.browser().get(path)
                XCTAssertEqual(page.status, .badRequest, path)
                XCTAssertFalse(page.headers[.contentType]?.contains("text/html") ?? true, path)
            }
            let css = try await app.browser().get("/css/site.css")
            XCTAssertEqual(css.status, .ok)
        }
    }

    func testASignedOutPageViewWritesNoSessionAndItsFormStillWorks() async throws {
        try await withApp { app in
            // setup
            try await app.createUser(email: "sam@example.org")
            let browser = app.browser()
            // act: pages with forms, seen signed out
            for path in ["/sign-in", "/sign-in?next=/groups", "/sign-in"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .ok)
            }
            let sessions = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions")
            }
            // check
            XCTAssertEqual(sessions, 0, "no database write for a signed-out page view")
            XCTAssertNotNil(browser.cookie(named: "alongside_form"))
            let signedIn = try await browser.post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)])
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertEqual(signedIn.location, "/")
        }
    }

    func testAFormTokenOnlyWorksWithItsOwnCookie() async throws {
        try await withApp { app in
            try await app.createUser(email: "sam@example.org")
            let first = app.browser(), second = app.browser()
            _ = try await first.get("/sign-in")
            _ = try await second.get("/sign-in")
            let stolen = try XCTUnwrap(first.csrfToken)
            // another visitor's token does not go with this visitor's cookie
            let crossed = try await second.post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: stolen)
            XCTAssertEqual(crossed.status, .forbidden)
            // a made-up cookie with a made-up token
            let madeUp = try await app.browser().post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: SecretToken.generate(),
                headers: [.cookie: "alongside_form=" + SecretToken.generate()]
            )
            XCTAssertEqual(madeUp.status, .forbidden)
            // the token in a header is checked the same way
            let header = try await second.post(
                "/sign-in", [("email", "sam@example.org"), ("password", goodPassword)], csrf: "",
                headers: [HTTPField.Name("X-CSRF-Token")!: stolen])
            XCTAssertEqual(header.status, .forbidden)
        }
    }

    func testAFormBodyOverItsLimitGetsA413PageAndChangesNothing() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/groups/new")
            // act
            let huge = String(repeating: "x", count: BodyLimit.form + 1)
            let refused = try await admin.post("/groups", [("name", huge)])
            // check
            XCTAssertEqual(refused.status, .contentTooLarge)
            XCTAssertEqual(refused.h1, "What you sent is too large")
            XCTAssertTrue(refused.contains("at most 256 KB"))
            let groups = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM groups")
            }
            XCTAssertEqual(groups, 0)
            // a signed-out form has a smaller limit
            let visitor = app.browser()
            _ = try await visitor.get("/sign-in")
            let big = try await visitor.post(
                "/sign-in", [("email", String(repeating: "a", count: BodyLimit.publicForm))])
            XCTAssertEqual(big.status, .contentTooLarge)
            // an import may be larger than a form
            _ = try await admin.get("/assets/import")
            let csv = "name,category\n" + String(repeating: "x", count: BodyLimit.form)
            let imported = try await admin.post("/assets/import", [("text", csv)])
            XCTAssertNotEqual(imported.status, .contentTooLarge)
            XCTAssertLessThan(imported.status.code, 500)
        }
    }

    func testAStrangerPostingWithoutAnyPageOfOursIsRefusedFirst() async throws {
        try await withApp { app in
            let body = String(repeating: "+", count: 1 << 20)
            for path in ["/sign-in", "/groups", "/involvement/claims/new"] {
                let response = try await app.client.execute(
                    uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "x=" + body)
                )
                XCTAssertEqual(response.status, .forbidden, path)
            }
        }
    }

    func testForwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        let trusted: Set<String> = ["10.0.0.2", "10.0.0.3"]
        // from the proxy: the entry it added is the client
        XCTAssertEqual(
            ClientAddressMiddleware.client(peer: "10.0.0.2", forwardedFor: ["203.0.113.9"], trusted: trusted),
            "203.0.113.9")
        // a client cannot add entries to the left and be believed
        XCTAssertEqual(
            ClientAddressMiddleware.client(peer: "10.0.0.2", forwardedFor: ["1.1.1.1, 203.0.113.9"], trusted: trusted),
            "203.0.113.9")
        // through two trusted proxies
        XCTAssertEqual(
            ClientAddressMiddleware.client(peer: "10.0.0.2", forwardedFor: ["203.0.113.9, 10.0.0.3"], trusted: trusted),
            "203.0.113.9")
        // rubbish stops the walk at the proxy's own view
        XCTAssertEqual(
            ClientAddressMiddleware.client(peer: "10.0.0.2", forwardedFor: ["evil"], trusted: trusted), "10.0.0.2")
        XCTAssertEqual(ClientAddressMiddleware.client(peer: "10.0.0.2", forwardedFor: [], trusted: trusted), "10.0.0.2")
        XCTAssertEqual(IPAddressText.normalised("2001:DB8::1"), "2001:db8::1")
        XCTAssertNil(IPAddressText.normalised("256.1.1.1"))
        XCTAssertNil(IPAddressText.normalised("1.2.3.4:80"))
    }

    func testTrustedProxiesAreCheckedAtStart() throws {
        var configuration = AppConfiguration()
        try configuration.apply(environment: ["ALONGSIDE_TRUSTED_PROXIES": "127.0.0.1, ::1"])
        XCTAssertEqual(configuration.trustedProxies, ["127.0.0.1", "::1"])
        XCTAssertThrowsError(try configuration.apply(environment: ["ALONGSIDE_TRUSTED_PROXIES": "localhost"]))
        XCTAssertThrowsError(
            try configuration.apply(environment: ["ALONGSIDE_MAX_CONNECTIONS_PER_ADDRESS": "99999999999999999999"]))
    }

    func testACriticalLogLineNeverCarriesTheErrorsText() {
        let error = DatabaseError(
            resultCode: .SQLITE_ERROR, message: "near \"secret words\": syntax error",
            sql: "SELECT * FROM x WHERE q = 'secret words'")
        let logged = ErrorPagesMiddleware.kind(of: error)
        XCTAssertFalse(logged.contains("secret"), logged)
        XCTAssertTrue(logged.hasPrefix("DatabaseError"))
    }

    func testFormDecodingIsQuickAndExact() {
        let form = FormData(urlEncoded: "a=1+2&b=%C3%A9t%C3%A9&c&=v&d=%zz&e=%2&&f=x%3Dy")
        XCTAssertEqual(form["a"], "1 2")
        XCTAssertEqual(form["b"], "été")
        XCTAssertEqual(form.all("c"), [""])
        XCTAssertEqual(form[""], "v")
        XCTAssertEqual(form["d"], "%zz")
        XCTAssertEqual(form["e"], "%2")
        XCTAssertEqual(form["f"], "x=y")
        // control characters are dropped; tab and line breaks stay
        let controls = FormData(urlEncoded: "t=a%00b%1Bc%7Fd%09e%0D%0Af&n%00ame=1")
        XCTAssertEqual(controls["t"], "abcd\te\r\nf")
        XCTAssertEqual(controls["name"], "1")
        // a megabyte of "+" decodes in one pass
        let started = ContinuousClock.now
        let big = FormData(urlEncoded: "x=" + String(repeating: "+", count: 1 << 20))
        XCTAssertEqual(big["x"].count, 1 << 20)
        XCTAssertLessThan(
            ContinuousClock.now - started, .seconds(5), "guards against going back to quadratic work, not a benchmark")
    }
}
