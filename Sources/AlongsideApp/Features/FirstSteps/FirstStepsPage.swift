/// The six first steps with what the records show and what is missing (issue 7; 003's check box).
struct FirstStepsPage: PageModel {
    static let template = "first-steps/index"
    let title = "First steps"
    let steps: [Step]
    let inPlaceSummary: String
    let coproductionHref: String

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    struct Step: Encodable, Sendable {
        let number: Int
        let anchor: String
        let outcome: String
        let stateLabel: String
        /// The tag's style; the words carry the meaning.
        let tagClass: String
        let shows: [String]
        let missing: [String]
        let hasMissing: Bool
        let links: [Link]
    }

    init(assessments: [FirstStepAssessment]) {
        steps = assessments.map { assessment in
            Step(
                number: assessment.number, anchor: "step-\(assessment.number)", outcome: assessment.outcome,
                stateLabel: assessment.state.label, tagClass: Self.tagClass(assessment.state), shows: assessment.shows,
                missing: assessment.missing, hasMissing: !assessment.missing.isEmpty,
                links: Self.links(forStep: assessment.number))
        }
        let done = assessments.filter { $0.state == .inPlace }.count
        inPlaceSummary = "\(done) of the \(assessments.count) first steps \(done == 1 ? "is" : "are") in place."
        coproductionHref = Href.coproduction()
    }

    static func tagClass(_ state: FirstStepState) -> String {
        switch state {
        case .notStarted: return "tag tag-grey"
        case .underWay: return "tag tag-yellow"
        case .inPlace: return "tag"
        }
    }

    /// Where each step's records are kept.
    static func links(forStep number: Int) -> [Link] {
        switch number {
        case 1:
            return [Link(label: "Groups", href: Href.groups()), Link(label: "Decisions", href: Href.decisionSearch())]
        case 2:
            return [
                Link(label: "The action plan", href: Href.actionPlan()), Link(label: "Insights", href: Href.insights()),
                Link(label: "You said, we did", href: Href.feedbackCommunities()),
            ]
        case 3:
            return [
                Link(label: "The asset map", href: Href.assets()),
                Link(label: "Gaps in the map", href: Href.assetGaps()),
                Link(label: "Entries to check", href: Href.assetReview()),
            ]
        case 4: return [Link(label: "The alliance", href: Href.alliances())]
        case 5:
            return [
                Link(
                    label: "The roadmap: model development",
                    href: Href.roadmap(query: ["workstream": "model-development"]))
            ]
        default:
            return [
                Link(label: "Involvement roles and adverts", href: Href.involvementRoles()),
                Link(label: "The roadmap: workforce", href: Href.roadmap(query: ["workstream": "workforce"])),
            ]
        }
    }
}
