import XCTest
@testable import AlongsideApp

final class InvolvementRolesRulesTests: XCTestCase {
    // MARK: Adverts

    func testAnAdvertIsOpenUntilTheEndOfItsClosingDay() {
        XCTAssertTrue(AdvertRules.isOpen(closesOn: "2026-03-03", closedEarly: false, today: "2026-03-02"))
        XCTAssertTrue(
            AdvertRules.isOpen(closesOn: "2026-03-03", closedEarly: false, today: "2026-03-03"),
            "the closing day itself is open")
        XCTAssertFalse(AdvertRules.isOpen(closesOn: "2026-03-03", closedEarly: false, today: "2026-03-04"))
        XCTAssertFalse(
            AdvertRules.isOpen(closesOn: "2026-03-03", closedEarly: true, today: "2026-03-02"), "closed early")
        XCTAssertTrue(
            AdvertRules.isOpen(closesOn: "2027-01-01", closedEarly: false, today: "2026-12-31"), "across a year end")
    }

    func testAClosingDateMustBeRealAndTodayOrLater() {
        XCTAssertNil(AdvertRules.closingDateProblem("2026-03-03", today: "2026-03-03"), "today is allowed")
        XCTAssertNil(AdvertRules.closingDateProblem("2026-04-01", today: "2026-03-03"))
        XCTAssertEqual(
            AdvertRules.closingDateProblem("2026-03-02", today: "2026-03-03"), "The closing date must be today or later"
        )
        XCTAssertEqual(
            AdvertRules.closingDateProblem("2026-02-30", today: "2026-01-01"),
            "Enter the closing date as a real date, like 2027-03-31")
        XCTAssertNotNil(AdvertRules.closingDateProblem("", today: "2026-01-01"))
    }

    func testAnAdvertAtTheTurnOfTheLondonDay() throws {
        // setup: in summer time London's day turns at 23:00 UTC, so the London day, not the UTC one, decides.
        let lateOnClosingDay = try XCTUnwrap(LondonTime.instant(isoDay: "2026-09-25", time: "23:30"))
        let justAfterMidnight = try XCTUnwrap(LondonTime.instant(isoDay: "2026-09-26", time: "00:01"))
        // check
        XCTAssertTrue(
            AdvertRules.isOpen(closesOn: "2026-09-25", closedEarly: false, today: LondonTime.isoDay(lateOnClosingDay)))
        XCTAssertFalse(
            AdvertRules.isOpen(closesOn: "2026-09-25", closedEarly: false, today: LondonTime.isoDay(justAfterMidnight)))
    }

    // MARK: Appointments

    func testAppointmentStandingByDay() {
        XCTAssertEqual(AppointmentRules.standing(startsOn: "2026-04-01", endsOn: nil, today: "2026-03-31"), .upcoming)
        XCTAssertEqual(AppointmentRules.standing(startsOn: "2026-04-01", endsOn: nil, today: "2026-04-01"), .current)
        XCTAssertEqual(
            AppointmentRules.standing(startsOn: "2026-04-01", endsOn: "2026-06-30", today: "2026-06-30"), .current,
            "the last day is still in the role")
        XCTAssertEqual(
            AppointmentRules.standing(startsOn: "2026-04-01", endsOn: "2026-06-30", today: "2026-07-01"), .ended)
    }

    func testAppointmentDatesMustBeRealAndEndAfterTheStart() {
        XCTAssertNil(AppointmentRules.datesProblem(startsOn: "2026-04-01", endsOn: ""), "no end date is fine")
        XCTAssertNil(AppointmentRules.datesProblem(startsOn: "2026-04-01", endsOn: "2026-04-02"))
        XCTAssertEqual(
            AppointmentRules.datesProblem(startsOn: "2026-04-01", endsOn: "2026-04-01")?.field, "ends_on",
            "the end must be after the start")
        XCTAssertEqual(
            AppointmentRules.datesProblem(startsOn: "2026-04-01", endsOn: "2026-03-01")?.message,
            "The end date must be after the start date (1 April 2026)")
        XCTAssertEqual(AppointmentRules.datesProblem(startsOn: "2026-13-01", endsOn: "")?.field, "starts_on")
        XCTAssertEqual(
            AppointmentRules.datesProblem(startsOn: "2026-04-01", endsOn: "soon")?.message,
            "Enter the end date as a real date, like 2027-03-31")
    }

    // MARK: Contact details

    func testEmailFormat() {
        for good in ["sam@example.org", "sam.fictional+roles@mail.example.co.uk"] {
            XCTAssertTrue(ContactRules.isEmail(good), good)
        }
        for bad in [
            "sam", "sam@", "@example.org", "sam@example", "sam@@example.org", "sam @example.org", "sam@example..org",
            "sam@-x.org",
        ] {
            XCTAssertFalse(ContactRules.isEmail(bad), bad)
        }
    }

    func testPhoneFormat() {
        for good in ["07700 900982", "01632 960 001", "+44 7700 900982", "(01632) 960-001", "+353 1 234 5678"] {
            XCTAssertTrue(ContactRules.isPhone(good), good)
        }
        for bad in ["12345", "0770090098x", "07700 900982 ext 4", "44+7700900982", "0161 496 0000 0000 0000"] {
            XCTAssertFalse(ContactRules.isPhone(bad), bad)
        }
    }

    func testAtLeastOneWayToContactAndAPreferenceThatUsesIt() {
        XCTAssertTrue(ContactRules.problems(email: "sam@example.org", phone: "", preferred: .email).isEmpty)
        XCTAssertTrue(ContactRules.problems(email: "", phone: "07700 900982", preferred: .text).isEmpty)
        XCTAssertTrue(ContactRules.problems(email: "sam@example.org", phone: "07700 900982", preferred: .phone).isEmpty)
        XCTAssertEqual(
            ContactRules.problems(email: "", phone: "", preferred: .email).map(\.field), ["email", "preferred_contact"])
        XCTAssertEqual(
            ContactRules.problems(email: "sam@example.org", phone: "", preferred: .phone).map(\.message),
            ["You chose phone call: enter your phone number, or choose another way"])
        XCTAssertEqual(
            ContactRules.problems(email: "", phone: "07700 900982", preferred: .email).map(\.field),
            ["preferred_contact"])
        XCTAssertEqual(
            ContactRules.problems(email: "not-an-email", phone: "123", preferred: nil).map(\.field),
            ["email", "phone", "preferred_contact"])
    }

    func testFirstName() {
        XCTAssertEqual(ContactRules.firstName("Sam Fictional"), "Sam")
        XCTAssertEqual(ContactRules.firstName("  Ari  "), "Ari")
    }

    // MARK: Forms and the description

    func testTheTemplateIsAValidRoleWithPlaceholdersForTheArea() {
        var errors = FormErrors()
        let content = InvolvementForms.role(
            InvolvementForms.formData(RoleTemplate.expertByExperienceLeader), errors: &errors)
        XCTAssertTrue(errors.isEmpty, "\(errors.summary)")
        XCTAssertEqual(content, RoleTemplate.expertByExperienceLeader)
        XCTAssertTrue(RoleTemplate.expertByExperienceLeader.about.contains("[your area]"))
        XCTAssertEqual(RoleTemplate.expertByExperienceLeader.kinds, InvolvementKind.allCases)
        XCTAssertEqual(
            RoleTemplate.blank.payment,
            "£50 for up to half a day and £100 for a whole day of agreed activity, plus agreed expenses")
    }

    func testDescriptionShowsListsForSeveralItemsAndDropsTypedBullets() {
        let view = RoleDescriptionView(
            RoleContent(
                title: "Peer researcher", location: "", payment: "£50", about: "One.\nTwo.",
                purpose: "- Listen\n\n• Report", tasks: "Only one task",
                kinds: [.workingGroup], responsibilities: "", support: "", essential: "", desirable: "",
                howToApply: "Use the form"
            ))
        XCTAssertEqual(
            view.details.map(\.label), ["Role", "Payment and expenses"], "no location line when there is none")
        let byID = Dictionary(uniqueKeysWithValues: view.sections.map { ($0.id, $0) })
        XCTAssertEqual(byID["role-about"]?.paragraphs, ["One.", "Two."], "about the role is prose")
        XCTAssertEqual(byID["role-purpose"]?.items, ["Listen", "Report"])
        XCTAssertEqual(byID["role-tasks"]?.paragraphs, ["Only one task"])
        XCTAssertNil(byID["role-responsibilities"], "empty sections are left out")
    }
}
