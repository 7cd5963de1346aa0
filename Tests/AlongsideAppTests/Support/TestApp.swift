import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import AlongsideApp

/// The repository's root folder (Views, Public, Migrations), found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "alongside-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Cheap argon2 settings so tests stay fast; production uses `.owasp` (checked in PasswordHasherTests).
let testPasswordParameters = Argon2Parameters(memoryKiB: 1024, iterations: 1, parallelism: 1)

/// A good password for fixtures: long, not common.
let goodPassword = "plum kettle orbit lantern"

extension XCTestCase {
    /// Makes services over a new database in a temporary folder.
    func makeServices(clock: ManualClock = ManualClock(), configure: (inout AppConfiguration) -> Void = { _ in })
        async throws -> AppServices
    {
        var configuration = AppConfiguration()
        configuration.rootDirectory = repositoryRoot
        configuration.databasePath = try temporaryFolder(self) + "/test.sqlite"
        configuration.port = 0
        configuration.passwordParameters = testPasswordParameters
        configuration.logLevel = .error
        configure(&configuration)
        return try await AppServices.make(configuration, clock: clock.appClock)
    }

    /// Runs `body` against the app through its router (no socket), on a fresh database.
    func withApp(
        clock: ManualClock = ManualClock(), configure: (inout AppConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (TestContext) async throws -> Void
    ) async throws {
        let services = try await makeServices(clock: clock, configure: configure)
        let app = buildApplication(services: services)
        try await app.test(.router) { client in
            try await body(TestContext(client: client, services: services, clock: clock))
        }
    }
}

/// What a test has to hand: the client, the services behind the app, and the clock.
struct TestContext: Sendable {
    let client: any TestClientProtocol
    let services: AppServices
    let clock: ManualClock

    /// A new browser with no cookie.
    func browser() -> TestBrowser { TestBrowser(client: client) }

    /// Creates an account directly, with a password.
    @discardableResult
    func createUser(
        name: String = "Sam Fictional", email: String = "sam@example.org", role: Role = .member,
        password: String = goodPassword
    ) async throws -> User {
        let hash = try await services.hasher.hash(password)
        return try await services.accounts.create(
            name: name, email: email, role: role, passwordHash: hash, by: .commandLine, requestID: nil)
    }

    /// A browser signed in as a new account with the given role.
    func signedIn(as role: Role, email: String? = nil, name: String = "Sam Fictional") async throws -> (
        TestBrowser, User
    ) {
        let email = email ?? "\(role.rawValue)@example.org"
        let user = try await createUser(name: name, email: email, role: role)
        let browser = browser()
        let response = try await browser.signIn(email: email, password: goodPassword)
        XCTAssertEqual(response.status, .seeOther, "sign-in should redirect")
        return (browser, user)
    }
}
