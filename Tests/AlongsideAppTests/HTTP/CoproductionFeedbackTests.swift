import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// "You said, we did" (issue 7): the answers by community inside the workspace, publishing a community's page,
/// and the public pages, which never show an unconsented quote or anything that could identify anyone.
final class CoproductionFeedbackTests: XCTestCase {
    typealias F = CoproductionFixtures

    static let consented = "Evenings are all I have after work."
    static let unconsented = "My neighbour on Elm Road told me she gave up waiting."

    /// Two answered insights from the carers' community, one quoted with consent and one without, and one not answered.
    static func carersWithAnswers(_ app: TestContext, _ manager: TestBrowser) async throws -> (
        carers: Int64, paths: [String]
    ) {
        let carers = try await AllianceFixtures.community(app, named: "Carers")
        let first = try await F.recordInsight(
            manager,
            F.insightFields(["quote": Self.consented], communities: [carers], extra: [("quote_consent", "yes")]))
        let second = try await F.recordInsight(
            manager,
            F.insightFields(
                [
                    "heard": "Waiting lists feel endless", "quote": Self.unconsented,
                    "source_detail": "Elm Road residents' group", "place": "Elm Road hall",
                ],
                communities: [carers]))
        let third = try await F.recordInsight(
            manager, F.insightFields(["heard": "Leaflets are hard to read"], communities: [carers]))
        try await F.answer(manager, first, outcome: "changed", text: "We started a Thursday evening group.")
        try await F.answer(
            manager, second, outcome: "not_changed",
            text: "Waiting lists are set nationally; we now phone people every month.")
        return (carers, [first, second, third])
    }

    // MARK: Refusals

    func testSignedOutMembersAndUnknownCommunitiesAreRefused() async throws {
        try await withApp { app in
            let (manager, _) = try await app.signedIn(as: .programmeManager)
            let (carers, _) = try await Self.carersWithAnswers(app, manager)
            let (member, _) = try await app.signedIn(as: .member)
            for path in ["/coproduction/communities", "/coproduction/communities/\(carers)"] {
                let signedOut = try await app.browser().get(path)
                XCTAssertTrue(signedOut.location?.hasPrefix("/sign-in?next=") ?? false, path)
                let read = try await member.get(path)
                XCTAssertEqual(read.status, .ok, path)
            }
            let page = try await member.get("/coproduction/communities/\(carers)")
            XCTAssertFalse(page.contains("Publish this page"), "members are not offered publishing")
            let refused = try await member.post("/coproduction/communities/\(carers)/publishing", [("publish", "yes")])
            XCTAssertEqual(refused.status, .forbidden)
            let signedOutPost = try await app.browser().post(
                "/coproduction/communities/\(carers)/publishing", [("publish", "yes")], csrf: "")
            XCTAssertEqual(signedOutPost.status, .forbidden)
            _ = try await manager.get("/coproduction/communities/\(carers)")
            let noToken = try await manager.post(
                "/coproduction/communities/\(carers)/publishing", [("publish", "yes")], csrf: "")
            XCTAssertEqual(noToken.status, .forbidden)
            let nonsense = try await manager.post(
                "/coproduction/communities/\(carers)/publishing", [("publish", "maybe")])
            XCTAssertEqual(nonsense.status, .badRequest)
            let published = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM community_feedback_pages")
            }
            XCTAssertEqual(published, 0, "nothing refused was published")
            for path in ["/coproduction/communities/999", "/coproduction/communities/abc"] {
                let missing = try await manager.get(path)
                XCTAssertEqual(missing.status, .notFound, path)
            }
            let missingPost = try await manager.post("/coproduction/communities/999/publishing", [("publish", "yes")])
            XCTAssertEqual(missingPost.status, .notFound)
            let unpublished = try await app.browser().get("/published/you-said-we-did/\(carers)")
            XCTAssertEqual(unpublished.status, .notFound, "a page not published is not there")
            let unknown = try await app.browser().get("/published/you-said-we-did/999")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    // MARK: Publishing

    func testAPublishedPageShowsAnswersAndOnlyConsentedQuotesWithoutSigningIn() async throws {
        try await withApp { app in
            // setup
            let (manager, _) = try await app.signedIn(as: .expertByExperience, name: "Casey Leader")
            let (carers, paths) = try await Self.carersWithAnswers(app, manager)
            let list = try await manager.get("/coproduction/communities")
            XCTAssertTrue(
                list.contains(
                    #"<a href="/coproduction/communities/\#(carers)">Carers</a></th><td class="numeric">3</td><td class="numeric">2</td><td><span class="tag tag-grey">Not published</span>"#
                ))
            let preview = try await manager.get("/coproduction/communities/\(carers)")
            XCTAssertTrue(preview.contains("We started a Thursday evening group."))
            XCTAssertTrue(preview.contains(Self.consented))
            XCTAssertFalse(preview.contains(Self.unconsented), "the preview is what the public will see")
            XCTAssertTrue(
                preview.contains(#"<a href="\#(paths[2])">Leaflets are hard to read</a>"#),
                "unanswered insights are listed to answer")
            // act
            let published = try await manager.post(
                "/coproduction/communities/\(carers)/publishing", [("publish", "yes")])
            XCTAssertEqual(published.location, "/coproduction/communities/\(carers)")
            // check: the public pages, signed out
            let index = try await app.browser().get("/published/you-said-we-did")
            XCTAssertEqual(index.status, .ok)
            XCTAssertTrue(index.contains(#"<a href="/published/you-said-we-did/\#(carers)">Carers</a>"#))
            let page = try await app.browser().get("/published/you-said-we-did/\(carers)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.h1, "You said, we did: Carers")
            XCTAssertTrue(page.contains("Evening groups would help people who work in the day"))
            XCTAssertTrue(page.contains(Self.consented), "a quote given with consent is shown")
            XCTAssertTrue(page.contains("We changed something."))
            XCTAssertTrue(page.contains("We have not changed anything. This is why."))
            XCTAssertTrue(page.contains("Answered on 21 September 2026"))
            for hidden in [
                Self.unconsented, "Elm Road", "Tuesday carers", "Brightwater library", "Casey Leader",
                "Leaflets are hard to read",
            ] {
                XCTAssertFalse(page.contains(hidden), "the public page shows \(hidden)")
            }
            // no public page anywhere shows the unconsented quote
            for path in ["/published/you-said-we-did", "/published/you-said-we-did/\(carers)", "/directory", "/"] {
                let public_ = try await app.browser().get(path)
                XCTAssertFalse(public_.contains(Self.unconsented), path)
            }
            let audit = try await F.audit(app, kind: "community feedback page")
            XCTAssertEqual(audit, ["Published the \"you said, we did\" page for Carers"])
            // withdrawing
            _ = try await manager.get("/coproduction/communities/\(carers)")
            let withdrawn = try await manager.post(
                "/coproduction/communities/\(carers)/publishing", [("publish", "no")])
            XCTAssertEqual(withdrawn.status, .seeOther)
            let gone = try await app.browser().get("/published/you-said-we-did/\(carers)")
            XCTAssertEqual(gone.status, .notFound)
            let emptyIndex = try await app.browser().get("/published/you-said-we-did")
            XCTAssertTrue(emptyIndex.contains("No pages are published yet."))
            let auditAfter = try await F.audit(app, kind: "community feedback page")
            XCTAssertEqual(auditAfter.count, 2)
        }
    }

    // MARK: Demo data

    func testTheDemoPublishesTheCarersPageWithOnlyItsConsentedQuote() async throws {
        try await withApp { app in
            // setup
            let hash = try await app.services.hasher.hash(goodPassword)
            _ = try await DemoData.load(into: app.services, passwordHash: hash)
            let carers = try await AllianceFixtures.community(app, named: "Carers")
            // act
            let page = try await app.browser().get("/published/you-said-we-did/\(carers)")
            // check
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("Evenings are the only time I have to myself."))
            XCTAssertTrue(page.contains("We are changing something."))
            XCTAssertTrue(
                page.contains("opening times are now on the partnership"),
                "an answer to an insight from two communities shows on both")
            XCTAssertFalse(
                page.contains("I only found out about the drop-in by accident."),
                "a quote given without consent stays inside")
            let young = try await AllianceFixtures.community(app, named: "Young adults aged 18 to 25")
            let unpublished = try await app.browser().get("/published/you-said-we-did/\(young)")
            XCTAssertEqual(unpublished.status, .notFound)
        }
    }
}
