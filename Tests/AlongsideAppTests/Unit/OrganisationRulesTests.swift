import XCTest
@testable import AlongsideApp

/// Charity and company numbers, websites, duplicates and the register's filter (issue 6).
final class OrganisationRulesTests: XCTestCase {
    func value(_ result: Result<String, RuleProblem>) -> String? {
        if case .success(let value) = result { return value }
        return nil
    }

    func problem(_ result: Result<String, RuleProblem>) -> String? {
        if case .failure(let problem) = result { return problem.message }
        return nil
    }

    // MARK: Charity numbers

    func testCharityNumbersOfEachRegisterAreAcceptedAndNormalised() {
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("1123456")), "1123456")
        XCTAssertEqual(
            value(OrganisationNumbers.charityNumber("212345")), "212345",
            "older England and Wales numbers have 6 digits")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("1123456-1")), "1123456-1", "a linked charity")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber(" 1123 456 - 12 ")), "1123456-12")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("sc012345")), "SC012345")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("SC 012 345")), "SC012345")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("nic100001")), "NIC100001")
        XCTAssertEqual(value(OrganisationNumbers.charityNumber("   ")), "", "optional")
    }

    func testWrongCharityNumbersAreRefusedWithWhatARightOneLooksLike() {
        for wrong in [
            "12345", "12345678", "112345A", "SC12345", "SC0123456", "NI100001", "NIC10001", "1123456-", "1123456-123",
            "XY123456", "1123456/1",
        ] {
            let message = problem(OrganisationNumbers.charityNumber(wrong))
            XCTAssertNotNil(message, wrong)
            XCTAssertTrue(message?.contains("like 1123456") ?? false, wrong)
            XCTAssertTrue(message?.contains("SC012345") ?? false, wrong)
            XCTAssertTrue(message?.contains("NIC100001") ?? false, wrong)
        }
    }

    // MARK: Company numbers

    func testCompanyNumbersAreEightDigitsOrTwoLettersAndSix() {
        XCTAssertEqual(value(OrganisationNumbers.companyNumber("01234567")), "01234567")
        XCTAssertEqual(value(OrganisationNumbers.companyNumber("sc123456")), "SC123456")
        XCTAssertEqual(value(OrganisationNumbers.companyNumber("OC 301234")), "OC301234")
        XCTAssertEqual(value(OrganisationNumbers.companyNumber("")), "")
    }

    func testShortCompanyNumbersAreNotPaddedButExplained() {
        let message = problem(OrganisationNumbers.companyNumber("1234567"))
        XCTAssertEqual(message, "A company number has 8 characters: include any zeros at the start, like 01234567")
        for wrong in ["123456789", "S1234567", "SC12345", "SCX23456", "12-345678"] {
            let wrongMessage = problem(OrganisationNumbers.companyNumber(wrong))
            XCTAssertTrue(wrongMessage?.contains("2 letters and 6 digits, like SC123456") ?? false, wrong)
        }
    }

    // MARK: Websites

    func testWebsitesGetHTTPSWhenTypedWithoutAndKeepTheirPath() {
        XCTAssertEqual(value(WebsiteRules.normalise("example.org")), "https://example.org")
        XCTAssertEqual(value(WebsiteRules.normalise(" www.example.org/about ")), "https://www.example.org/about")
        XCTAssertEqual(value(WebsiteRules.normalise("http://example.org")), "http://example.org")
        XCTAssertEqual(value(WebsiteRules.normalise("HTTPS://Example.org/Path")), "https://Example.org/Path")
        XCTAssertEqual(value(WebsiteRules.normalise("")), "")
    }

    func testWebsitesNeedAWebSchemeAndAHost() {
        XCTAssertEqual(
            problem(WebsiteRules.normalise("ftp://example.org")),
            "The website's address must start with https:// or http://, like https://www.example.org")
        for wrong in [
            "javascript://alert(1)", "example", "https://", "https://exa mple.org", "https://user:pass@example.org",
            "https://.org", "example.",
        ] {
            XCTAssertNotNil(problem(WebsiteRules.normalise(wrong)), wrong)
        }
    }

    // MARK: Duplicates

    func testNamesAreComparedWithoutCaseArticlesLegalFormsOrPunctuation() {
        let plain = OrganisationDuplicates.normalisedName("Brightwater Peer Network")
        XCTAssertEqual(plain, "brightwater peer network")
        for variant in [
            "The Brightwater Peer Network Ltd", "BRIGHTWATER PEER NETWORK LIMITED", "Brightwater Peer-Network C.I.C.",
            "brightwater, peer network cic",
        ] {
            XCTAssertEqual(OrganisationDuplicates.normalisedName(variant), plain, variant)
        }
        XCTAssertEqual(
            OrganisationDuplicates.normalisedName("Hope & Harbour"),
            OrganisationDuplicates.normalisedName("Hope and Harbour"))
        XCTAssertEqual(OrganisationDuplicates.normalisedName("St Anne's Café"), "st annes cafe")
        XCTAssertNotEqual(
            OrganisationDuplicates.normalisedName("Brightwater Peer Network"),
            OrganisationDuplicates.normalisedName("Brightwater Peer Support"))
    }

    func testDuplicatesAreFoundByNumberOrNameWithEveryReason() {
        let existing = [
            OrganisationDuplicates.Entry(id: 1, name: "Brightwater Peer Network", charityNumber: "1123456"),
            OrganisationDuplicates.Entry(id: 2, name: "Harbour Lights CIC", companyNumber: "01234567"),
            OrganisationDuplicates.Entry(id: 3, name: "Meadowbank Carers"),
        ]
        let candidate = OrganisationDuplicates.Entry(
            id: nil, name: "The Brightwater Peer Network Ltd", charityNumber: "1123456",
            companyNumber: "01234567")
        let found = OrganisationDuplicates.matches(for: candidate, among: existing)
        XCTAssertEqual(found.map(\.id), [1, 2])
        XCTAssertEqual(found[0].reasons, [.sameCharityNumber, .sameName])
        XCTAssertEqual(found[0].reasonText, "the same charity number and the same name")
        XCTAssertEqual(found[1].reasons, [.sameCompanyNumber])
    }

    func testAnOrganisationIsNotItsOwnDuplicateAndEmptyNumbersNeverMatch() {
        let existing = [
            OrganisationDuplicates.Entry(id: 1, name: "Brightwater Peer Network"),
            OrganisationDuplicates.Entry(id: 2, name: "Meadowbank Carers"),
        ]
        XCTAssertEqual(
            OrganisationDuplicates.matches(for: .init(id: 1, name: "Brightwater Peer Network"), among: existing), [])
        XCTAssertEqual(
            OrganisationDuplicates.matches(for: .init(id: nil, name: "Willow Tree Group"), among: existing), [],
            "blank numbers are not the same number")
        XCTAssertEqual(
            OrganisationDuplicates.matches(
                for: .init(id: nil, name: "The Ltd"), among: [.init(id: 5, name: "Limited")]), [],
            "a name of nothing but ignored words matches nothing")
    }

    func testConfirmingCoversOnlyTheMatchesThatWereShown() {
        let matches = [
            OrganisationDuplicates.Match(id: 4, name: "A", reasons: [.sameName]),
            OrganisationDuplicates.Match(id: 9, name: "B", reasons: [.sameName]),
        ]
        XCTAssertTrue(
            OrganisationForms.duplicatesConfirmed(
                FormData([("confirm_not_duplicate", "yes"), ("seen_duplicates", "4,9")]), matches: matches))
        XCTAssertFalse(
            OrganisationForms.duplicatesConfirmed(
                FormData([("confirm_not_duplicate", "yes"), ("seen_duplicates", "4")]), matches: matches))
        XCTAssertFalse(OrganisationForms.duplicatesConfirmed(FormData([("seen_duplicates", "4,9")]), matches: matches))
    }

    // MARK: The form

    func testSizeAndKindsAreRequiredOrSetAsideByTheSector() {
        var errors = FormErrors()
        let vcse = FormData([("name", "Brightwater Peer Network"), ("sector", "vcse"), ("status", "active")])
        XCTAssertNil(OrganisationForms.organisation(vcse, communities: [], errors: &errors))
        XCTAssertEqual(errors["vcse_size"], "Select the size of the VCSE organisation, by its annual income")
        errors = FormErrors()
        let trust = FormData([
            ("name", "Riverside NHS Trust"), ("sector", "nhs_trust"), ("vcse_size", "large"), ("vcse_kinds", "charity"),
            ("status", "active"),
        ])
        let details = OrganisationForms.organisation(trust, communities: [], errors: &errors)
        XCTAssertTrue(errors.isEmpty)
        XCTAssertNil(details?.size)
        XCTAssertEqual(details?.kinds, [])
    }

    func testOnlyCommunitiesOnOfferCanBeChosen() {
        let offered = Community(id: 1, name: "Carers", underServed: false)
        let retired = Community(id: 2, name: "Old list entry", underServed: true, retiredAt: Date())
        var errors = FormErrors()
        let form = FormData([
            ("name", "Brightwater"), ("sector", "other"), ("status", "active"), ("communities", "1"),
            ("communities", "2"),
        ])
        XCTAssertNil(OrganisationForms.organisation(form, communities: [offered, retired], errors: &errors))
        XCTAssertEqual(errors["communities"], "Select communities from the list")
    }

    // MARK: The register's filter

    func testTheFilterMatchesEveryWordInNameAreaOrNumbers() {
        let organisation = Organisation(
            id: 1,
            details: OrganisationDetails(
                name: "Brightwater Peer Network", sector: .vcse, size: .small,
                charityNumber: "1123456", areaServed: "Somerset coast"))
        XCTAssertTrue(OrganisationFilter(words: "peer somerset").matches(organisation))
        XCTAssertTrue(OrganisationFilter(words: "1123456").matches(organisation))
        XCTAssertFalse(OrganisationFilter(words: "peer devon").matches(organisation))
        XCTAssertTrue(OrganisationFilter(sector: .vcse, size: .small).matches(organisation))
        XCTAssertFalse(OrganisationFilter(size: .micro).matches(organisation))
        XCTAssertFalse(OrganisationFilter(sector: .icb).matches(organisation))
    }
}
