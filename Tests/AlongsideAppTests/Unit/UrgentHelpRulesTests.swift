import XCTest

@testable import AlongsideApp

/// Issue 18: which searches are about a crisis, what counts as a phone number, and how it is dialled.
final class UrgentHelpRulesTests: XCTestCase {
    func testCrisisSearchesAreFoundByWholeWordsInAnyCase() {
        for text in ["crisis", "Crisis team", "feeling SUICIDAL", "self-harm support", "urgent help", "A&E"] {
            XCTAssertTrue(UrgentHelp.isCrisisSearch(text), text)
        }
        for text in ["", "walking group", "harmony choir", "critical friends", "emergent arts"] {
            XCTAssertFalse(UrgentHelp.isCrisisSearch(text), text)
        }
    }

    func testAPhoneNumberIsDigitsAsPeopleWriteThem() {
        for phone in ["0800 123 4567", "+44 (0)20 7946 0000", "111", "0808-157-0192"] {
            XCTAssertNil(UrgentHelpForm.phoneProblem(phone), phone)
        }
        for phone in ["", "call us", "12", "0800 123 4567 ext 2", "44+20", "１２３４"] {
            XCTAssertNotNil(UrgentHelpForm.phoneProblem(phone), phone)
        }
    }

    func testTheDialledNumberKeepsOnlyDigitsAndALeadingPlus() {
        XCTAssertEqual(CrisisLine(name: "A", phone: "0808 157 0192", hours: "").dialable, "08081570192")
        XCTAssertEqual(CrisisLine(name: "A", phone: "+44 (0)20 7946 0000", hours: "").dialable, "+4402079460000")
    }

    func testAllBoxesEmptyRemovesTheLineAndANameWithoutANumberIsAProblem() {
        var errors = FormErrors()
        let removed = UrgentHelpForm.parse(FormData([("name", ""), ("phone", "")]), errors: &errors)
        XCTAssertNotNil(removed, "a decision was made")
        XCTAssertNil(removed ?? nil, "to remove the line")
        XCTAssertTrue(errors.isEmpty)
        XCTAssertNil(UrgentHelpForm.parse(FormData([("name", "Example line")]), errors: &errors))
        XCTAssertNotNil(errors[UrgentHelpForm.LineField.phone])
    }
}
