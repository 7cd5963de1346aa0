import XCTest
@testable import AlongsideApp

/// The six first steps of 003's check box, judged from facts (issue 7).
final class FirstStepsRulesTests: XCTestCase {
    let categories: [(key: String, label: String)] = [
        ("hubs", "Hubs"), ("vcse", "VCSE organisations"), ("pcns", "Primary care networks"),
    ]

    func assess(_ facts: FirstStepsFacts) -> [FirstStepAssessment] {
        FirstStepsRules.assess(facts, categories: categories)
    }

    func testAnEmptyWorkspaceHasStartedNothingAndSaysWhatToDoFirst() {
        // act
        let steps = assess(FirstStepsFacts())
        // check
        XCTAssertEqual(steps.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(steps.map(\.state), Array(repeating: .notStarted, count: 6))
        XCTAssertEqual(steps[0].missing, ["Create a leaders group and add its members."])
        XCTAssertTrue(steps[2].missing.contains("No assets yet in: Hubs; VCSE organisations; Primary care networks."))
        XCTAssertEqual(steps[4].missing, ["Load the national roadmap, or add the model development deliverables."])
        XCTAssertTrue(steps.allSatisfy { !$0.missing.isEmpty }, "every step not in place says what is missing")
    }

    func testALeadersGroupIsInPlaceOnlyWithLivedExperienceStaffAdoptedTermsAndADecision() {
        // setup
        var facts = FirstStepsFacts()
        facts.leadersGroups = [
            .init(
                status: .active, livedExperienceMembers: 2, staffMembers: 0, hasAdoptedTerms: true, agreedDecisions: 1)
        ]
        // act
        let withoutStaff = assess(facts)[0]
        facts.leadersGroups[0].staffMembers = 3
        let complete = assess(facts)[0]
        facts.leadersGroups[0].agreedDecisions = 0
        let noDecision = assess(facts)[0]
        // check
        XCTAssertEqual(withoutStaff.state, .underWay)
        XCTAssertEqual(
            withoutStaff.missing, ["The leaders group has no staff members from the statutory or voluntary sectors."])
        XCTAssertEqual(complete.state, .inPlace)
        XCTAssertEqual(complete.missing, [])
        XCTAssertTrue(
            complete.shows.contains(
                "The leaders group is active, with 2 experts by experience or carers and 3 staff members."))
        XCTAssertEqual(noDecision.state, .underWay)
        XCTAssertEqual(noDecision.missing, ["Record the group's first agreed decision."])
    }

    func testTheGroupThatHasComeFurthestIsJudged() {
        // setup: a forming group with nothing, and an active one with everything
        var facts = FirstStepsFacts()
        facts.leadersGroups = [
            .init(status: .forming),
            .init(
                status: .active, livedExperienceMembers: 1, staffMembers: 1, hasAdoptedTerms: true, agreedDecisions: 4),
        ]
        // act and check
        XCTAssertEqual(assess(facts)[0].state, .inPlace)
    }

    func testCoproductionNeedsInsightsFromAnUnderServedCommunityAnswersAndAPublishedPage() {
        // setup
        var facts = FirstStepsFacts()
        facts.coproductionGroups = [.init(status: .active, livedExperienceMembers: 3, staffMembers: 2)]
        facts.planItems = 4
        facts.planItemsDone = 1
        facts.insights = 6
        facts.communitiesHeardFrom = 2
        facts.insightsAnswered = 2
        // act
        let notYet = assess(facts)[1]
        facts.underServedCommunitiesHeardFrom = 1
        facts.publishedCommunityPages = 1
        let done = assess(facts)[1]
        // check
        XCTAssertEqual(notYet.state, .underWay)
        XCTAssertEqual(
            notYet.missing,
            [
                "Hear from at least one under-served community.",
                "Publish a community's \"you said, we did\" page so it can be shared.",
            ])
        XCTAssertEqual(done.state, .inPlace)
        XCTAssertTrue(done.shows.contains("6 insights recorded from 2 communities, 1 of them under-served."))
        XCTAssertTrue(done.shows.contains("4 action-plan items, 1 done."))
    }

    func testInsightsWithoutAGroupCountAsAStart() {
        var facts = FirstStepsFacts()
        facts.insights = 1
        XCTAssertEqual(assess(facts)[1].state, .underWay)
    }

    func testTheAssetMapNeedsEveryCategoryEveryNeedMetAndNothingStale() {
        // setup
        var facts = FirstStepsFacts()
        facts.activeAssets = 5
        facts.categoriesCovered = ["hubs", "pcns"]
        facts.needsWithoutAsset = ["Debt and money", "Housing"]
        facts.staleAssets = 1
        // act
        let partial = assess(facts)[2]
        facts.categoriesCovered.insert("vcse")
        facts.needsWithoutAsset = []
        facts.staleAssets = 0
        let complete = assess(facts)[2]
        // check
        XCTAssertEqual(partial.state, .underWay)
        XCTAssertEqual(
            partial.missing,
            [
                "No assets yet in: VCSE organisations.",
                "No asset meets these needs anywhere: Debt and money; Housing.",
                "Check the 1 entry due for review.",
            ])
        XCTAssertTrue(partial.shows.contains("5 active assets are on the map, in 2 of the 3 categories."))
        XCTAssertEqual(complete.state, .inPlace)
    }

    func testAnAllianceFormsWithTwoMembersPrinciplesAndAnAccountableBody() {
        // setup
        var facts = FirstStepsFacts()
        facts.alliances = [.init(members: 1, joining: 3, hasAccountableBody: false, hasPrinciples: true)]
        // act
        let forming = assess(facts)[3]
        facts.alliances[0].members = 2
        facts.alliances[0].hasAccountableBody = true
        let formed = assess(facts)[3]
        // check
        XCTAssertEqual(forming.state, .underWay)
        XCTAssertEqual(
            forming.missing,
            ["At least two organisations become members.", "Elect an accountable body by a decision of the alliance."])
        XCTAssertEqual(formed.state, .inPlace)
    }

    func testANewModelIsFormingWhenEveryModelDeliverableHasStartedAndOneIsMoving() {
        // setup
        var facts = FirstStepsFacts()
        facts.modelDeliverables = [
            .init(title: "Joint governance", status: .planning), .init(title: "Model design", status: .notStarted),
        ]
        // act
        let started = assess(facts)[4]
        facts.modelDeliverables[1].status = .planning
        let allPlanning = assess(facts)[4]
        facts.modelDeliverables[1].status = .inProgress
        let forming = assess(facts)[4]
        // check
        XCTAssertEqual(started.state, .underWay)
        XCTAssertEqual(started.missing, ["Not started: Model design.", "None is in progress yet."])
        XCTAssertEqual(
            started.shows, ["2 model development deliverables on the roadmap (not started: 1, planning: 1)."])
        XCTAssertEqual(allPlanning.missing, ["None is in progress yet."])
        XCTAssertEqual(forming.state, .inPlace)
    }

    func testTheWorkforceStepNeedsAPublishedAdvertAndAStartedWorkforceDeliverable() {
        // setup
        var facts = FirstStepsFacts()
        facts.workforceDeliverables = [.init(title: "Recruitment", status: .notStarted)]
        facts.advertsPublished = 1
        facts.advertsOpen = 1
        // act
        let advertOnly = assess(facts)[5]
        facts.workforceDeliverables[0].status = .planning
        let planned = assess(facts)[5]
        // check
        XCTAssertEqual(advertOnly.state, .underWay)
        XCTAssertEqual(advertOnly.missing, ["Start planning the workforce deliverables on the roadmap."])
        XCTAssertEqual(planned.state, .inPlace)
        XCTAssertTrue(planned.shows.contains("1 role advert has been published; 1 open now; 0 people appointed."))
    }
}
