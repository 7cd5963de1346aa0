import XCTest
@testable import AlongsideApp

final class SessionRulesTests: XCTestCase {
    let policy = SessionPolicy()
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func testIdleAndAbsoluteExpiry() {
        XCTAssertEqual(policy.state(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(29 * 60)), .live)
        XCTAssertEqual(
            policy.state(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(30 * 60)), .idleExpired)
        let busy = start.addingTimeInterval(12 * 3600 - 60)
        XCTAssertEqual(
            policy.state(createdAt: start, lastSeenAt: busy, now: start.addingTimeInterval(12 * 3600)), .absoluteExpired
        )
    }

    func testEndsAtIsTheEarlierOfIdleAndAbsolute() {
        XCTAssertEqual(policy.endsAt(createdAt: start, lastSeenAt: start), start.addingTimeInterval(1800))
        let late = start.addingTimeInterval(12 * 3600 - 600)
        XCTAssertEqual(policy.endsAt(createdAt: start, lastSeenAt: late), start.addingTimeInterval(12 * 3600))
    }

    func testTouchesOnlyWhenStale() {
        XCTAssertFalse(policy.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(59)))
        XCTAssertTrue(policy.needsTouch(lastSeenAt: start, now: start.addingTimeInterval(60)))
    }

    func testTokensAreRandomAndOnlyOurShapeHashes() {
        let first = SecretToken.generate(), second = SecretToken.generate()
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(first.utf8.count, 43)
        XCTAssertEqual(SecretToken.hash(first)?.count, 32)
        XCTAssertNil(SecretToken.hash("short"))
        XCTAssertNil(SecretToken.hash(String(repeating: "!", count: 43)))
        XCTAssertNotEqual(SecretToken.hash(first), SecretToken.hash(second))
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(SecretToken.constantTimeEquals("abc", "abc"))
        XCTAssertFalse(SecretToken.constantTimeEquals("abc", "abd"))
        XCTAssertFalse(SecretToken.constantTimeEquals("abc", "abcd"))
    }

    func testCookieAttributes() {
        let plain = SessionCookie(secure: false).header(for: .set(token: "t"))
        XCTAssertEqual(plain, "alongside_session=t; Path=/; HttpOnly; SameSite=Lax")
        let secure = SessionCookie(secure: true).header(for: .set(token: "t"))
        XCTAssertEqual(secure, "__Host-alongside_session=t; Path=/; HttpOnly; SameSite=Lax; Secure")
        XCTAssertTrue(SessionCookie(secure: false).header(for: .clear).hasSuffix("Max-Age=0"))
    }

    func testOnlyLocalPathsAreFollowedAfterSignIn() {
        XCTAssertEqual(SignInReturn.safeLocalPath("/admin/users?x=1"), "/admin/users?x=1")
        for bad in ["//evil.example", "/\\evil.example", "https://evil.example/", "evil", "", "/a\\b", "/a\nb"] {
            XCTAssertNil(SignInReturn.safeLocalPath(bad), bad)
        }
        XCTAssertEqual(
            SignInReturn.signInHref(returningTo: "/admin/users", expired: true), "/sign-in?next=/admin/users&expired=1")
        XCTAssertEqual(SignInReturn.signInHref(returningTo: "/", expired: false), "/sign-in")
    }

    func testRequestLogMasksOneTimeTokens() {
        XCTAssertEqual(RequestLogMiddleware<AppRequestContext>.redacted("/setup/abc123"), "/setup/[token]")
        XCTAssertEqual(
            RequestLogMiddleware<AppRequestContext>.redacted("/set-password/abc123"), "/set-password/[token]")
        XCTAssertEqual(
            RequestLogMiddleware<AppRequestContext>.redacted("/email/unsubscribe/3.claims.abc"),
            "/email/unsubscribe/[token]")
        XCTAssertEqual(RequestLogMiddleware<AppRequestContext>.redacted("/admin/users"), "/admin/users")
    }
}
