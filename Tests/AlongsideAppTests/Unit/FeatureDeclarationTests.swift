import Foundation
import XCTest
@testable import AlongsideApp

/// Issue 16: each feature declares its controllers and templates in one place; the app lists features.
final class FeatureDeclarationTests: XCTestCase {
    func testEveryTemplateInViewsIsDeclaredOnceByAFeatureOrAsShared() throws {
        // setup
        let views = repositoryRoot + "/Views"
        let files = FileManager.default.enumerator(atPath: views)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) } ?? []
        // act
        let declared = AppFeatures.templates
        // check
        XCTAssertEqual(Set(files), Set(declared), "a template in Views/ that no feature declares, or the other way round")
        XCTAssertEqual(declared.count, Set(declared).count, "a template declared twice")
    }

    func testEveryControllerComesFromAFeature() async throws {
        let services = try await makeServices()
        let fromFeatures = AppFeatures.all.flatMap { $0.controllers(services) }.map { String(describing: type(of: $0)) }
        XCTAssertEqual(fromFeatures.count, Set(fromFeatures).count, "a controller listed by two features")
        XCTAssertGreaterThan(fromFeatures.count, 30)
    }
}
