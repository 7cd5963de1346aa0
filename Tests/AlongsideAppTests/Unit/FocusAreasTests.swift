import XCTest
@testable import AlongsideApp

/// 001 footnote 6: a system starts work on 2 of the 3 dedicated focus areas (issue 19).
final class FocusAreasTests: XCTestCase {
    private let workstreams = [
        Workstream(key: "model-development", name: "Model development", started: true),
        Workstream(key: "complex-emotional-needs", name: "Complex emotional needs", started: true),
        Workstream(key: "community-rehabilitation", name: "Community rehabilitation", started: true),
        Workstream(key: "eating-disorders", name: "Eating disorders", started: true),
    ]

    func testTwoOrThreeFocusAreasMayBeStarted() {
        var errors = FormErrors()
        XCTAssertEqual(
            FocusAreas.started(["eating-disorders", "community-rehabilitation"], among: workstreams, errors: &errors),
            ["eating-disorders", "community-rehabilitation"])
        XCTAssertEqual(
            FocusAreas.started(Array(FocusAreas.keys), among: workstreams, errors: &errors)?.count, 3)
        XCTAssertTrue(errors.isEmpty)
    }

    func testFewerThanTwoIsRefusedAndOtherWorkstreamsNeverCount() {
        var errors = FormErrors()
        XCTAssertNil(
            FocusAreas.started(
                ["eating-disorders", "model-development", "nonsense"], among: workstreams, errors: &errors),
            "a core workstream or an unknown key is not a focus area")
        XCTAssertEqual(
            errors[RoadmapForms.FocusField.started],
            "Select at least 2 focus areas: the national roadmap expects work on 2 of the 3 to have started")
        var none = FormErrors()
        XCTAssertNil(FocusAreas.started([], among: workstreams, errors: &none))
    }
}
