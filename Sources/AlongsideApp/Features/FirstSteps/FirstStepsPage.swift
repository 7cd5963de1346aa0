/// The six first steps with the evidence each used and what is missing, with links (issues 7 and 17; 003's check box).
struct FirstStepsPage: PageModel {
    static let template = "first-steps/index"
    let title = "First steps"
    let steps: [Step]
    let inPlaceSummary: String
    let coproductionHref: String
    let jsonHref = Href.firstStepsJSON()

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    /// A line of evidence or of what is missing; `href` is where its records are, when there is such a place.
    struct Line: Encodable, Sendable {
        let text: String
        let href: String?
    }

    struct Step: Encodable, Sendable {
        let number: Int
        let anchor: String
        let outcome: String
        let stateLabel: String
        /// The tag's style; the words carry the meaning.
        let tagClass: String
        let evidence: [Line]
        let missing: [Line]
        let hasMissing: Bool
        let links: [Link]
    }

    init(assessments: [FirstStepAssessment]) {
        steps = assessments.map { assessment in
            Step(
                number: assessment.number, anchor: "step-\(assessment.number)", outcome: assessment.outcome,
                stateLabel: assessment.state.label, tagClass: Self.tagClass(assessment.state),
                evidence: assessment.evidence.map(Self.line), missing: assessment.missing.map(Self.line),
                hasMissing: !assessment.missing.isEmpty, links: Self.links(forStep: assessment.number))
        }
        inPlaceSummary = Self.summary(assessments)
        coproductionHref = Href.coproduction()
    }

    static func summary(_ assessments: [FirstStepAssessment]) -> String {
        let done = assessments.filter { $0.state == .inPlace }.count
        return "\(done) of the \(assessments.count) first steps \(done == 1 ? "is" : "are") in place."
    }

    static func line(_ note: FirstStepNote) -> Line {
        Line(text: note.text, href: note.link.map(href))
    }

    /// The typed link for each place a note points to.
    static func href(_ link: FirstStepLink) -> String {
        switch link {
        case .groups: return Href.groups()
        case .group(let id): return Href.group(id)
        case .terms(let id): return Href.terms(id)
        case .decisions(let id): return Href.decisions(id)
        case .meetings(let id): return Href.meetings(id)
        case .meeting(let group, let meeting): return Href.meeting(group, meeting)
        case .actionPlan: return Href.actionPlan()
        case .insights: return Href.insights()
        case .feedback: return Href.feedbackCommunities()
        case .assets: return Href.assets()
        case .assetGaps: return Href.assetGaps()
        case .assetReview: return Href.assetReview()
        case .alliances: return Href.alliances()
        case .alliance(let id): return Href.alliance(id)
        case .deliverable(let id): return Href.deliverable(id)
        case .roadmap(let workstream): return Href.roadmap(query: ["workstream": workstream])
        case .involvementRoles: return Href.involvementRoles()
        }
    }

    static func tagClass(_ state: FirstStepState) -> String {
        switch state {
        case .notStarted: return "tag tag-grey"
        case .partly: return "tag tag-yellow"
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
                Link(label: "The roadmap: workforce", href: Href.roadmap(query: ["workstream": "workforce"])),
                Link(label: "Involvement roles and adverts", href: Href.involvementRoles()),
            ]
        }
    }
}

/// `/first-steps.json`: the same assessment as the page, for a board paper or another system to quote.
struct FirstStepsDocument: Encodable, Sendable {
    struct Note: Encodable, Sendable {
        let text: String
        /// A path on this site, when the note has one.
        let href: String?
    }

    struct Step: Encodable, Sendable {
        let number: Int
        let outcome: String
        /// `in_place`, `partly` or `not_started`.
        let status: String
        let evidence: [Note]
        let missing: [Note]
    }

    let source = "Rethink Mental Illness, \"Thinking differently\": the first steps check box"
    let asOf: String
    let summary: String
    let steps: [Step]

    init(assessments: [FirstStepAssessment], asOf: String) {
        self.asOf = asOf
        summary = FirstStepsPage.summary(assessments)
        steps = assessments.map { assessment in
            Step(
                number: assessment.number, outcome: assessment.outcome, status: assessment.state.rawValue,
                evidence: assessment.evidence.map { Note(text: $0.text, href: $0.link.map(FirstStepsPage.href)) },
                missing: assessment.missing.map { Note(text: $0.text, href: $0.link.map(FirstStepsPage.href)) })
        }
    }
}
