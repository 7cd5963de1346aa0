import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import AlongsideApp

final class PagesAndHeadersTests: XCTestCase {
    func testHealthAnswersJSONWithoutSignIn() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/healthz")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], "application/json")
            XCTAssertEqual(page.html, #"{"status":"ok","database":"ok"}"#)
        }
    }

    func testSecurityHeadersOnEveryKindOfResponse() async throws {
        try await withApp { app in
            let browser = app.browser()
            for path in ["/healthz", "/sign-in", "/", "/no-such-page", "/css/site.css"] {
                let page = try await browser.get(path)
                XCTAssertEqual(
                    page.headers[.contentSecurityPolicy],
                    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                    path
                )
                XCTAssertEqual(page.headers[.xContentTypeOptions], "nosniff", path)
                XCTAssertEqual(page.headers[HTTPField.Name("Referrer-Policy")!], "same-origin", path)
                XCTAssertNil(page.headers[.strictTransportSecurity], "no HSTS over plain HTTP")
            }
            let response1 = try await browser.get("/sign-in")
            XCTAssertEqual(response1.headers[.cacheControl], "no-store")
        }
    }

    func testHSTSAndSecureCookieBehindHTTPS() async throws {
        try await withApp(configure: { $0.https = true }) { app in
            let page = try await app.browser().get("/sign-in")
            XCTAssertNotNil(page.headers[.strictTransportSecurity])
            let cookie = try XCTUnwrap(page.headers[.setCookie])
            XCTAssertTrue(cookie.hasPrefix("__Host-alongside_form="), cookie)
            XCTAssertTrue(cookie.contains("; Secure"))
            let browser = app.browser()
            try await app.createUser(email: "sam@example.org")
            let signedIn = try await browser.signIn(email: "sam@example.org", password: goodPassword)
            let session = try XCTUnwrap(signedIn.headers[.setCookie])
            XCTAssertTrue(session.hasPrefix("__Host-alongside_session="), session)
            XCTAssertTrue(session.contains("; Secure"))
        }
    }

    func testPublicPagesNeedNoSignIn() async throws {
        try await withApp { app in
            let browser = app.browser()
            let accessibility = try await browser.get("/accessibility")
            XCTAssertEqual(accessibility.status, .ok)
            XCTAssertEqual(accessibility.h1, "Accessibility statement")
            let privacy = try await browser.get("/privacy")
            XCTAssertEqual(privacy.status, .ok)
            XCTAssertEqual(privacy.h1, "How we use your information")
        }
    }

    func testLayoutMeetsPageConventions() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/sign-in")
            XCTAssertTrue(page.contains(#"<html lang="en-GB">"#))
            XCTAssertTrue(page.contains(##"<a class="skip-link" href="#main">"##))
            XCTAssertTrue(page.contains(#"<main id="main""#))
            XCTAssertEqual(page.allMatches("<h1[^>]*>(.*?)</h1>").count, 1)
            XCTAssertFalse(page.contains("<script>"), "no inline script")
            XCTAssertFalse(page.contains("style="), "no inline style")
        }
    }

    func testUnknownPageIsA404InsideTheLayout() async throws {
        try await withApp { app in
            let page = try await app.browser().get("/no-such-page")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(page.h1, "Page not found")
            XCTAssertTrue(page.contains("Reference:"))
        }
    }

    func testServerErrorShowsRequestIDButNeverTheError() async throws {
        // setup: a router with the error pages and a route that fails
        let services = try await makeServices()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: ErrorPagesMiddleware(pages: services.pages))
        struct SecretFailure: Error, CustomStringConvertible {
            var description: String { "database password is hunter2" }
        }
        router.get("/boom") { _, _ -> Response in throw SecretFailure() }
        let app = Application(router: router)
        // act
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            let html = String(buffer: response.body)
            // check
            XCTAssertEqual(response.status, .internalServerError)
            XCTAssertTrue(html.contains("Sorry, there is a problem with the service"))
            XCTAssertTrue(html.contains("Reference:"))
            XCTAssertFalse(html.contains("hunter2"))
        }
    }

    func testStaticFilesAreServedAndCached() async throws {
        try await withApp { app in
            let css = try await app.browser().get("/css/site.css")
            XCTAssertEqual(css.status, .ok)
            XCTAssertTrue(css.headers[.cacheControl]?.contains("max-age=3600") == true)
            XCTAssertNil(css.headers[.setCookie], "static files never touch the session")
        }
    }
}
