import XCTest
@testable import AlongsideApp

final class PasswordHasherTests: XCTestCase {
    func testProductionDefaultsAreAtLeastOWASP() {
        let defaults = AppConfiguration().passwordParameters
        XCTAssertGreaterThanOrEqual(defaults.memoryKiB, 19_456)
        XCTAssertGreaterThanOrEqual(defaults.iterations, 2)
        XCTAssertGreaterThanOrEqual(defaults.parallelism, 1)
    }

    func testHashesAsArgon2idPHCStringAndVerifies() async throws {
        // setup
        let hasher = PasswordHasher(parameters: .owasp)
        // act
        let hash = try await hasher.hash("plum kettle orbit lantern")
        // check
        XCTAssertTrue(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"), hash)
        let matches = try await hasher.verify("plum kettle orbit lantern", against: hash)
        let wrong = try await hasher.verify("plum kettle orbit lanterns", against: hash)
        XCTAssertTrue(matches)
        XCTAssertFalse(wrong)
    }

    func testSaltsDifferSoEqualPasswordsHashDifferently() async throws {
        let hasher = PasswordHasher(parameters: testPasswordParameters)
        let first = try await hasher.hash("same password here")
        let second = try await hasher.hash("same password here")
        XCTAssertNotEqual(first, second)
    }

    func testUnreadableHashNeverMatches() async throws {
        let hasher = PasswordHasher(parameters: testPasswordParameters)
        let matches = try await hasher.verify("anything at all", against: "not a hash")
        XCTAssertFalse(matches)
    }

    func testAskForRehashWhenSettingsRise() async throws {
        let weak = try await PasswordHasher(parameters: testPasswordParameters).hash("plum kettle orbit lantern")
        XCTAssertTrue(PasswordHasher(parameters: .owasp).needsRehash(weak))
        XCTAssertFalse(PasswordHasher(parameters: testPasswordParameters).needsRehash(weak))
        XCTAssertTrue(PasswordHasher(parameters: .owasp).needsRehash("garbage"))
    }

    func testReadsParametersFromPHC() {
        let parsed = Argon2Parameters(phc: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")
        XCTAssertEqual(parsed, Argon2Parameters(memoryKiB: 65_536, iterations: 3, parallelism: 4))
        XCTAssertNil(Argon2Parameters(phc: "$argon2i$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"))
    }

    func testManyConcurrentHashesAllComplete() async throws {
        let hasher = PasswordHasher(parameters: testPasswordParameters, maxConcurrent: 2)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let hash = try await hasher.hash("password number \(index)")
                    return try await hasher.verify("password number \(index)", against: hash)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        XCTAssertEqual(results, Array(repeating: true, count: 8))
    }
}
