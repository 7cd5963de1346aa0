import Foundation
import XCTest
@testable import AlongsideApp

/// Issue 16: each feature declares its controllers and templates in one place; the app lists features.
final class FeatureDeclarationTests: XCTestCase {
    func testEveryTemplateInViewsIsDeclaredOnceByAFeatureOrAsShared() throws {
        // setup
        let views = repositoryRoot + "/Views"
        let files =
            FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) } ?? []
        // act
        let declared = AppFeatures.templates
        // check
        XCTAssertEqual(
            Set(files), Set(declared), "a template in Views/ that no feature declares, or the other way round")
        XCTAssertEqual(declared.count, Set(declared).count, "a template declared twice")
    }

    func testEveryControllerComesFromAFeature() async throws {
        let services = try await makeServices()
        let fromFeatures = AppFeatures.all.flatMap { $0.controllers(services) }.map { String(describing: type(of: $0)) }
        XCTAssertEqual(fromFeatures.count, Set(fromFeatures).count, "a controller listed by two features")
        XCTAssertGreaterThan(fromFeatures.count, 30)
    }
}

/// Issue 16: rendering neither hides a failure nor writes.
final class RenderingHonestyTests: XCTestCase {
    func testATemplateThatCannotBeRenderedIsAnErrorNotAnEmptyPage() async throws {
        let views = try await Views(directory: repositoryRoot + "/Views", required: [])
        XCTAssertThrowsError(try views.render([String: Any](), template: "no/such-template"))
        XCTAssertFalse(try views.render([String: Any](), template: "partials/csrf").contains("no/such"))
    }

    func testAFlashIsShownOnceAndClearedAfterThePageIsSent() async throws {
        try await withApp { app in
            let (admin, _) = try await app.signedIn(as: .administrator)
            _ = try await admin.get("/admin/users/new")
            let created = try await admin.post(
                "/admin/users", [("name", "Bo Sample"), ("email", "bo@example.org"), ("role", "member")])
            XCTAssertEqual(created.status, .seeOther)
            let first = try await admin.get("/admin/users")
            let second = try await admin.get("/admin/users")
            XCTAssertTrue(first.contains(#"<div class="notice" role="status">"#), "the flash is shown on the next page")
            XCTAssertFalse(second.contains(#"<div class="notice" role="status">"#), "and only once")
            let flashes = try await app.services.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE flash IS NOT NULL")
            }
            XCTAssertEqual(flashes, 0, "the flash was cleared once shown")
        }
    }
}
