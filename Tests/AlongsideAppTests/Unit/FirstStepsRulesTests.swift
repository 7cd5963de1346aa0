import XCTest
@testable import AlongsideApp

/// The six first steps of 003's check box, judged from facts (issues 7 and 17).
final class FirstStepsRulesTests: XCTestCase {
    let categories: [(key: String, label: String)] = [
        ("hubs", "Hubs"), ("vcse", "VCSE organisations"), ("pcns", "Primary care networks"),
    ]

    func assess(_ facts: FirstStepsFacts) -> [FirstStepAssessment] {
        FirstStepsRules.assess(facts, categories: categories)
    }

    /// A leaders group with everything 003 step 1 asks for.
    func completeLeadersGroup() -> FirstStepsFacts.GroupFacts {
        .init(
            id: 7, status: .active, livedExperienceMembers: 2, staffMembers: 6, hasAdoptedTerms: true,
            agreedDecisions: 1, missingSeats: [], requiredSeats: 9, hasLivedExperienceChair: true)
    }

    func testAnEmptyWorkspaceHasStartedNothingAndSaysWhatToDoFirst() {
        // act
        let steps = assess(FirstStepsFacts())
        // check
        XCTAssertEqual(steps.map(\.number), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(steps.map(\.state), Array(repeating: .notStarted, count: 6))
        XCTAssertEqual(steps[0].missingText, ["Create a leaders group and add its members."])
        XCTAssertTrue(
            steps[2].missingText.contains("No assets yet in: Hubs; VCSE organisations; Primary care networks."))
        XCTAssertEqual(steps[4].missingText, ["Load the national roadmap, or add the model development deliverables."])
        XCTAssertTrue(steps.allSatisfy { !$0.missing.isEmpty }, "every step not in place says what is missing")
        XCTAssertTrue(steps.allSatisfy { !$0.evidence.isEmpty }, "every step says what it looked at")
    }

    func testStatusesAreTheThreeTheBoardPaperQuotes() {
        XCTAssertEqual(
            [FirstStepState.inPlace, .partly, .notStarted].map(\.rawValue), ["in_place", "partly", "not_started"])
    }

    /// 003 step 1: the leaders group "must include" the NHS, local authorities, the VCSE, experts by experience and
    /// people from under-served communities; 001 "Joint governance" success marker 1 adds employment services. A
    /// seat the composition check reports missing keeps the step partly in place, and says which.
    func testStepOneIsOnlyInPlaceWithEveryRequiredSeatFilled() {
        // setup: the demo's gap, as the group page shows it
        var facts = FirstStepsFacts()
        var group = completeLeadersGroup()
        group.missingSeats = [.employmentServices, .underServedCommunities]
        facts.leadersGroups = [group]
        // act
        let step = assess(facts)[0]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(
            step.missingText,
            ["No one sits for: Employment services.", "No one sits for: People from under-served communities."])
        XCTAssertEqual(step.missing.map(\.link), [.group(7), .group(7)], "each gap links to the group page")
        XCTAssertTrue(step.shows.contains("7 of the 9 seats the group must have are filled."))
    }

    /// 001 "Joint governance", service-user voice: committees "co-chaired with someone with lived experience".
    func testStepOneNeedsALivedExperienceChairOrCoChair() {
        // setup
        var facts = FirstStepsFacts()
        facts.leadersGroups = [completeLeadersGroup()]
        facts.leadersGroups[0].hasLivedExperienceChair = false
        // act
        let step = assess(facts)[0]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(step.missingText, ["Make an expert by experience or carer the chair or a co-chair."])
        XCTAssertTrue(step.shows.contains("No expert by experience or carer is chair or co-chair."))
    }

    /// 003 step 1: ways of working "agreed from the outset and included in the terms of reference".
    func testStepOneNeedsAdoptedTermsOfReference() {
        // setup
        var facts = FirstStepsFacts()
        facts.leadersGroups = [completeLeadersGroup()]
        facts.leadersGroups[0].hasAdoptedTerms = false
        // act
        let step = assess(facts)[0]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(step.missingText, ["Adopt terms of reference that say how the group makes decisions."])
        XCTAssertEqual(step.missing.first?.link, .terms(7))
    }

    func testStepOneInPlaceWithEverySeatALivedExperienceChairAndAdoptedTerms() {
        // setup
        var facts = FirstStepsFacts()
        facts.leadersGroups = [completeLeadersGroup()]
        // act
        let step = assess(facts)[0]
        // check
        XCTAssertEqual(step.state, .inPlace)
        XCTAssertEqual(step.missing, [])
        XCTAssertEqual(
            step.shows,
            [
                "The leaders group is active, with 2 experts by experience or carers and 6 staff members.",
                "Every seat the group must have is filled (9 seats).",
                "An expert by experience or carer is chair or co-chair.",
                "Its terms of reference are adopted.",
                "1 agreed decision is in its decision log.",
            ])
    }

    func testAMissingLivedExperienceSeatIsSaidOnce() {
        // setup
        var facts = FirstStepsFacts()
        facts.leadersGroups = [
            .init(
                status: .active, livedExperienceMembers: 0, staffMembers: 3, hasAdoptedTerms: true, agreedDecisions: 1,
                missingSeats: [.livedExperience], requiredSeats: 9, hasLivedExperienceChair: false)
        ]
        // act
        let step = assess(facts)[0]
        // check
        XCTAssertEqual(
            step.missingText,
            [
                "No one sits for: Experts by experience and carers.",
                "Make an expert by experience or carer the chair or a co-chair.",
            ])
    }

    func testTheGroupThatHasComeFurthestIsJudged() {
        // setup: a forming group with nothing, and an active one with everything
        var facts = FirstStepsFacts()
        facts.leadersGroups = [.init(status: .forming, missingSeats: [.icb], requiredSeats: 9), completeLeadersGroup()]
        // act and check
        XCTAssertEqual(assess(facts)[0].state, .inPlace)
    }

    /// Everything 003 step 2's timeline asks for, for the tests below to take away one piece at a time.
    func completeCoproduction() -> FirstStepsFacts {
        var facts = FirstStepsFacts()
        facts.coproductionGroups = [.init(id: 3, status: .active, livedExperienceMembers: 3, staffMembers: 2)]
        facts.planItems = 4
        facts.planItemsDone = 1
        facts.insights = 6
        facts.communityInsights = 4
        facts.staffInsights = 2
        facts.communitiesHeardFrom = 2
        facts.underServedCommunitiesHeardFrom = 1
        facts.insightsAnswered = 2
        facts.publishedCommunityPages = 1
        facts.publishedPagesWithAnswers = 1
        facts.workshopsHeld = 1
        facts.workshopsWithOutputs = 1
        facts.latestWorkshop = .init(groupID: 3, meetingID: 12)
        return facts
    }

    func testStepTwoInPlaceWithEverythingTheTimelineAsks() {
        // act
        let step = assess(completeCoproduction())[1]
        // check
        XCTAssertEqual(step.state, .inPlace)
        XCTAssertEqual(step.missing, [])
        XCTAssertTrue(step.shows.contains("6 insights recorded from 2 communities, 1 of them under-served."))
        XCTAssertTrue(
            step.shows.contains(
                "1 workshop has been held, 1 with outputs recorded; 0 are planned and not marked held yet."))
        XCTAssertTrue(step.evidence.contains { $0.link == .meeting(group: 3, meeting: 12) }, "links the workshop")
    }

    /// 003 step 2, 5: "carry out a number of workshops": a workshop only scheduled has not been carried out.
    func testStepTwoIsNotInPlaceWithAWorkshopOnlyScheduled() {
        // setup
        var facts = completeCoproduction()
        facts.workshopsHeld = 0
        facts.workshopsWithOutputs = 0
        facts.latestWorkshop = nil
        facts.workshopsPlanned = 1
        // act
        let step = assess(facts)[1]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(
            step.missingText,
            [
                "Hold a workshop to share insights and develop the local model (a planned one counts once it is marked held)."
            ])
        XCTAssertEqual(step.missing.first?.link, .meetings(3))
    }

    /// 003 step 2, 5: workshops "to share insights, and develop your local model": a held workshop needs outputs.
    func testStepTwoNeedsOutputsFromTheWorkshopsHeld() {
        // setup
        var facts = completeCoproduction()
        facts.workshopsWithOutputs = 0
        // act
        let step = assess(facts)[1]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(
            step.missingText,
            ["Record what came out of the workshops held: insights heard there, action-plan items or minutes."])
    }

    /// 003 step 2, 4a and 4b: insights from communities AND from staff and peer support workers.
    func testStepTwoNeedsInsightsFromCommunitiesAndFromStaff() {
        // setup
        var staffOnly = completeCoproduction()
        staffOnly.communityInsights = 0
        var communitiesOnly = completeCoproduction()
        communitiesOnly.staffInsights = 0
        // act
        let withoutCommunities = assess(staffOnly)[1]
        let withoutStaff = assess(communitiesOnly)[1]
        // check
        XCTAssertEqual(withoutCommunities.state, .partly)
        XCTAssertEqual(
            withoutCommunities.missingText, ["Record insights heard from community groups or people in communities."])
        XCTAssertEqual(withoutStaff.state, .partly)
        XCTAssertEqual(withoutStaff.missingText, ["Record insights heard from staff or peer support workers."])
    }

    /// 003 step 2, 7: feed back to communities: a published "you said, we did" page with answers on it.
    func testStepTwoNeedsAPublishedYouSaidWeDidWithAnswers() {
        // setup: a page published for a community none of whose insights has been answered
        var facts = completeCoproduction()
        facts.publishedPagesWithAnswers = 0
        // act
        let step = assess(facts)[1]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(
            step.missingText,
            ["Publish a community's \"you said, we did\" page, with at least one answer on it, so it can be shared."])
        XCTAssertEqual(step.missing.first?.link, .feedback)
    }

    func testInsightsWithoutAGroupCountAsAStart() {
        var facts = FirstStepsFacts()
        facts.insights = 1
        XCTAssertEqual(assess(facts)[1].state, .partly)
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
        XCTAssertEqual(partial.state, .partly)
        XCTAssertEqual(
            partial.missingText,
            [
                "No assets yet in: VCSE organisations.",
                "No asset meets these needs anywhere: Debt and money; Housing.",
                "Check the 1 entry due for review.",
            ])
        XCTAssertEqual(partial.missing.map(\.link), [.assets, .assetGaps, .assetReview])
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
        XCTAssertEqual(forming.state, .partly)
        XCTAssertEqual(
            forming.missingText,
            ["At least two organisations become members.", "Elect an accountable body by a decision of the alliance."])
        XCTAssertEqual(formed.state, .inPlace)
    }

    /// The model development workstream as loaded from 001, every deliverable at `status`.
    func modelDevelopment(_ status: DeliverableStatus) -> [FirstStepsFacts.Deliverable] {
        [
            ("joint-governance", "Joint governance with ICB oversight"),
            ("coproduced-model-design", "Model design coproduced with service users, carers & communities"),
            ("primary-care-integration", "Integration with primary care with access to the model at PCN level"),
            ("vcse-partnership", "Commissioning and partnership working with range of VCSE services"),
            ("local-authority-integration", "Integration with Local Authority services"),
            ("pcn-coverage", "Expanding PCN coverage for transformed model"),
            ("every-icb-new-model", "Every ICB to have a new model fully in place"),
        ].enumerated().map { .init(id: Int64($0.offset + 1), key: $0.element.0, title: $0.element.1, status: status) }
    }

    /// 003's check box, step 5: "A new model … forming (but not necessarily finalised)". The national end state
    /// (001: "Every ICB to have a new model fully in place") is an outcome, never waited on.
    func testStepFiveDoesNotWaitOnTheNationalEndState() {
        // setup: the model design in progress, its partnerships started, the end state not started
        var facts = FirstStepsFacts()
        facts.modelDeliverables = modelDevelopment(.planning)
        facts.modelDeliverables[1].status = .inProgress
        facts.modelDeliverables[6].status = .notStarted
        facts.modelDeliverables[5].status = .notStarted
        // act
        let step = assess(facts)[4]
        // check
        XCTAssertEqual(step.state, .inPlace)
        XCTAssertEqual(step.missing, [])
        XCTAssertTrue(
            step.shows.contains(
                "Not counted: \"Every ICB to have a new model fully in place\" is the national end state, an outcome rather than a first step."
            ))
        XCTAssertFalse(step.shows.contains { $0.hasPrefix("Joint governance") }, "governance is step 1")
    }

    /// 001 "Joint governance" relies upon the model design and the primary care, VCSE and local authority partnerships.
    func testStepFiveIsPartlyInPlaceUntilTheDesignMovesAndEveryPartnershipStarts() {
        // setup: the design only planning, the local authority partnership not started
        var facts = FirstStepsFacts()
        facts.modelDeliverables = modelDevelopment(.planning)
        facts.modelDeliverables[4].status = .notStarted
        // act
        let step = assess(facts)[4]
        // check
        XCTAssertEqual(step.state, .partly)
        XCTAssertEqual(
            step.missingText,
            [
                "Model design coproduced with service users, carers & communities is still being planned: the model's design needs to be in progress.",
                "Integration with Local Authority services has not started.",
            ])
        XCTAssertEqual(step.missing.map(\.link), [.deliverable(2), .deliverable(5)])
    }

    func testStepFiveHasNotStartedWhileNoneOfItsDeliverablesHas() {
        var facts = FirstStepsFacts()
        facts.modelDeliverables = modelDevelopment(.notStarted)
        facts.modelDeliverables[0].status = .inPlace  // joint governance belongs to step 1
        XCTAssertEqual(assess(facts)[4].state, .notStarted)
    }

    func workforce(_ recruitment: DeliverableStatus, _ newRoles: DeliverableStatus) -> [FirstStepsFacts.Deliverable] {
        [
            .init(
                id: 20, key: "workforce-recruitment",
                title: "Recruitment in line with indicative 23/24 MH workforce profile",
                status: recruitment),
            .init(
                id: 21, key: "mental-health-practitioner-roles", title: "Expand MHP ARRS roles in primary care",
                status: newRoles),
            .init(
                id: 22, key: "staff-retention", title: "Staff retention and well-being initiatives", status: .notStarted
            ),
        ]
    }

    /// 003's check box, step 6: "recruitment starting with role adverts published". An expert-by-experience
    /// involvement advert (003 Appendix 1) is not staff recruitment.
    func testAnExpertByExperienceAdvertIsNotStaffRecruitment() {
        // setup
        var facts = FirstStepsFacts()
        facts.workforceDeliverables = workforce(.notStarted, .notStarted)
        facts.advertsPublished = 2
        facts.advertsOpen = 1
        // act
        let step = assess(facts)[5]
        // check
        XCTAssertEqual(step.state, .notStarted)
        XCTAssertTrue(
            step.shows.contains(
                "2 expert-by-experience role adverts have been published (1 open now; 0 people appointed): involvement roles, not staff recruitment, so not counted for this step."
            ))
        XCTAssertEqual(
            step.missingText,
            [
                "Agree a workforce plan with partners: Recruitment in line with indicative 23/24 MH workforce profile has not started.",
                "Expand MHP ARRS roles in primary care has not started.",
            ])
    }

    /// 001 "Recruitment in line with indicative 23/24 workforce profile", getting started 1: "Agree a workforce plan";
    /// 003 step 5: "You will then need to start recruitment".
    func testAPlanAloneIsPartlyAndRecruitmentUnderWayIsInPlace() {
        // setup
        var facts = FirstStepsFacts()
        facts.workforceDeliverables = workforce(.planning, .planning)
        // act
        let planning = assess(facts)[5]
        facts.workforceDeliverables = workforce(.inProgress, .planning)
        let recruiting = assess(facts)[5]
        facts.workforceDeliverables = workforce(.inProgress, .atRisk)
        let newRolesAtRisk = assess(facts)[5]
        // check
        XCTAssertEqual(planning.state, .partly)
        XCTAssertEqual(
            planning.missingText,
            [
                "Start recruiting staff and publish the role adverts: Recruitment in line with indicative 23/24 MH workforce profile is still being planned."
            ])
        XCTAssertEqual(recruiting.state, .inPlace)
        XCTAssertEqual(newRolesAtRisk.state, .partly)
        XCTAssertEqual(newRolesAtRisk.missingText, ["Expand MHP ARRS roles in primary care is at risk."])
    }
}
