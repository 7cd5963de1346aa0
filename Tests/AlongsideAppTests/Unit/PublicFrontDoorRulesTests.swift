import XCTest

@testable import AlongsideApp

/// Issue 18, "A public front door": adverts keep no template placeholders; the public group page names a member's
/// lived-experience seat only with their consent; the front door reads well before it is set up; and what a person
/// typed before their session ended is kept for them alone, never a password.
final class PublicFrontDoorRulesTests: XCTestCase {
    /// "An advert cannot be published while it still holds template placeholders such as `[name]` or
    /// `[email address]`": every one is found, in order, each once.
    func testEveryTemplatePlaceholderIsFound() {
        let texts = [
            "Meet us in [your area].",
            "Contact [name] at [email address] or on [phone number]. Ask [name] anything.",
        ]
        XCTAssertEqual(
            AdvertRules.placeholders(in: texts), ["[your area]", "[name]", "[email address]", "[phone number]"])
        XCTAssertEqual(AdvertRules.placeholders(in: RoleTemplate.expertByExperienceLeader.texts).count, 4)
    }

    func testTextWithoutPlaceholdersPasses() {
        XCTAssertEqual(AdvertRules.placeholders(in: ["Contact Ari Example on 01632 960 000.", "A list [ ] or []"]), [])
        XCTAssertEqual(AdvertRules.placeholders(in: ["An unclosed [bracket", "and a ] stray one"]), [])
        XCTAssertEqual(AdvertRules.placeholders(in: ["[a [b]"]), ["[b]"], "the innermost pair is the placeholder")
        XCTAssertNil(AdvertRules.placeholderProblem(in: ["Nothing to fill in"]))
    }

    func testTheRefusalNamesEachPlaceholder() {
        XCTAssertEqual(
            AdvertRules.placeholderProblem(in: ["Contact [name] at [email address] or on [phone number]."]),
            "The role description still has the template's placeholders [name], [email address] and [phone number]. "
                + "Edit the role description to put the real details in before publishing the advert")
        XCTAssertEqual(
            AdvertRules.placeholderProblem(in: ["In [your area]."]),
            "The role description still has the template's placeholder [your area]. "
                + "Edit the role description to put the real details in before publishing the advert")
    }

    /// "Does not label named members as 'Expert by experience' or 'Carer' unless that person agreed to be named that
    /// way publicly (a consent choice on the membership, off by default)."
    func testALivedExperienceSeatIsNamedPubliclyOnlyWithConsent() {
        let casey = Self.member("Casey Example", .expertByExperience, namedPublicly: false)
        XCTAssertTrue(PublicNaming.hidesSeat(of: casey))
        XCTAssertFalse(
            PublicNaming.hidesSeat(of: Self.member("Casey Example", .expertByExperience, namedPublicly: true)))
        XCTAssertTrue(PublicNaming.hidesSeat(of: Self.member("Finley Example", .carer, namedPublicly: false)))
        XCTAssertFalse(PublicNaming.hidesSeat(of: Self.member("Drew Example", .icb, namedPublicly: false)))
        XCTAssertEqual(
            PublicNaming.filledBy(
                ["Casey Example", "Finley Example", "Jo Example"], requirement: .livedExperience,
                unnamed: ["Finley Example", "Jo Example"]),
            "Casey Example, 2 members not named here")
        XCTAssertEqual(
            PublicNaming.filledBy(["Finley Example"], requirement: .livedExperience, unnamed: ["Finley Example"]),
            "1 member not named here")
        XCTAssertEqual(
            PublicNaming.filledBy(["Drew Example"], requirement: .icb, unnamed: ["Drew Example"]), "Drew Example")
        XCTAssertNil(PublicNaming.filledBy([], requirement: .livedExperience, unnamed: []))
    }

    func testTheFrontDoorNeverShowsAnEmptyHeading() {
        let unset = FrontDoorPage(settings: FrontDoorSettings(name: "", purpose: ""), roadmapPublished: false)
        XCTAssertEqual(unset.heading, "A community mental health partnership")
        XCTAssertFalse(unset.purpose.isEmpty)
        XCTAssertFalse(unset.links.contains { $0.label.contains("roadmap") }, "no link to a roadmap not yet published")
        let set = FrontDoorPage(
            settings: FrontDoorSettings(name: "Example Partnership", purpose: "Working together."),
            roadmapPublished: true)
        XCTAssertTrue(set.links.contains { $0.label == "Our plans (roadmap)" })
        XCTAssertEqual(set.heading, "Example Partnership")
        XCTAssertEqual(set.purpose, "Working together.")
    }

    /// Kept forms: never a password or the old token; only for the person and the page they came from; taken once;
    /// gone after half an hour; bounded in number and size.
    func testAKeptFormIsForItsPersonAndPageOnceAndHoldsNoPassword() throws {
        let store = KeptForms()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let form = FormData([("name", "Typed"), ("new_password", "secret"), ("csrf_token", "old")])
        let token = try XCTUnwrap(store.keep(form, userID: 7, path: "/admin/urgent-help", now: now))
        XCTAssertNil(store.take(token: token, userID: 8, path: "/admin/urgent-help", now: now), "another person")
        XCTAssertNil(store.take(token: token, userID: 7, path: "/elsewhere", now: now), "another page")
        XCTAssertNil(store.take(token: "made-up", userID: 7, path: "/admin/urgent-help", now: now))
        let kept = try XCTUnwrap(store.take(token: token, userID: 7, path: "/admin/urgent-help", now: now))
        XCTAssertEqual(kept, FormData([("name", "Typed")]))
        XCTAssertNil(store.take(token: token, userID: 7, path: "/admin/urgent-help", now: now), "taken once")
        let late = try XCTUnwrap(store.keep(form, userID: 7, path: "/p", now: now))
        XCTAssertNil(store.take(token: late, userID: 7, path: "/p", now: now.addingTimeInterval(KeptForms.timeToLive)))
        XCTAssertNil(store.keep(FormData([("password", "x")]), userID: 7, path: "/p", now: now), "nothing to keep")
        let huge = FormData([("text", String(repeating: "a", count: KeptForms.maxCharacters + 1))])
        XCTAssertNil(store.keep(huge, userID: 7, path: "/p", now: now), "too large to keep")
        for index in 0..<(KeptForms.maxEntries + 10) {
            _ = store.keep(
                FormData([("n", "\(index)")]), userID: 7, path: "/p", now: now.addingTimeInterval(Double(index)))
        }
        XCTAssertEqual(store.count, KeptForms.maxEntries)
    }

    static func member(_ name: String, _ sector: Sector, namedPublicly: Bool) -> Membership {
        Membership(
            id: 1, groupID: 1, userID: 1, personName: name, seat: .member, sector: sector, community: nil,
            organisation: nil, deputyUserID: nil, deputyName: nil, startsOn: "2026-01-01", endsOn: nil,
            namedPublicly: namedPublicly)
    }
}
