import XCTest
@testable import AlongsideApp

final class PasswordRulesTests: XCTestCase {
    func testAcceptsALongUncommonPassword() {
        XCTAssertNil(PasswordRules.problem(with: "plum kettle orbit lantern"))
    }

    func testRefusesMissingShortAndOverlongPasswords() {
        XCTAssertEqual(PasswordRules.problem(with: ""), .missing)
        XCTAssertEqual(PasswordRules.problem(with: "elevenchars"), .tooShort)
        XCTAssertNil(PasswordRules.problem(with: "twelve chars"))
        XCTAssertEqual(PasswordRules.problem(with: String(repeating: "ab", count: 129)), .tooLong)
    }

    func testRefusesCommonPasswordsWhateverTheirCase() {
        XCTAssertEqual(PasswordRules.problem(with: "Password1234"), .tooCommon)
        XCTAssertEqual(PasswordRules.problem(with: "QWERTYUIOP12"), .tooCommon)
        XCTAssertEqual(PasswordRules.problem(with: "aaaaaaaaaaaaaa"), .tooCommon)
        XCTAssertEqual(PasswordRules.problem(with: "345678901234"), .tooCommon)
        XCTAssertEqual(PasswordRules.problem(with: "987654321098"), .tooCommon)
    }

    func testRefusesThePersonsOwnEmailOrName() {
        XCTAssertEqual(
            PasswordRules.problem(with: "Sam.Long@example.org", personal: ["Sam Long", "sam.long@example.org"]),
            .matchesAccount)
    }

    func testEveryMessageIsPlainEnglish() {
        for problem in [PasswordRules.Problem.missing, .tooShort, .tooLong, .tooCommon, .matchesAccount] {
            XCTAssertFalse(problem.message.isEmpty)
            XCTAssertFalse(problem.message.hasSuffix("."), "GOV.UK style error messages have no full stop")
        }
    }
}
