import Foundation

/// The workspace's list of communities, with how many organisations reach each; managers add to it here.
struct CommunitiesPage: PageModel {
    static let template = "organisations/communities/index"
    static let hasForm = true
    let title = "Communities"
    let current: [Row]
    let hasCurrent: Bool
    let retired: [Row]
    let hasRetired: Bool
    let organisationsHref: String
    let canManage: Bool
    let action: String
    let name: Field
    let description: Field
    let underServed: ChoiceField
    let errors: FormErrors

    struct Row: Encodable, Sendable {
        let name: String
        let href: String?
        let underServed: Bool
        let description: String
        let reach: Int
    }

    init(
        communities: [Community], reach: [Int64: Int], canManage: Bool, form: FormData = FormData(),
        errors: FormErrors = FormErrors()
    ) {
        func row(_ community: Community) -> Row {
            Row(
                name: community.name, href: canManage ? Href.community(community.id) : nil,
                underServed: community.underServed,
                description: community.description, reach: reach[community.id] ?? 0)
        }
        current = communities.filter { !$0.isRetired }.map(row)
        hasCurrent = !current.isEmpty
        retired = communities.filter(\.isRetired).map(row)
        hasRetired = !retired.isEmpty
        organisationsHref = Href.organisations()
        self.canManage = canManage
        action = Href.communities()
        typealias F = OrganisationForms.CommunityField
        name = Field(F.name, label: "Name", form: form, errors: errors)
        description = Field(
            F.description, label: "Description (optional)", form: form, type: "textarea",
            hint: "Who the community is, in a sentence or two.", errors: errors)
        underServed = CommunityForm.underServed(form, errors: errors)
        self.errors = errors
    }
}

/// Editing one community, and retiring it or bringing it back.
struct CommunityPage: PageModel {
    static let template = "organisations/communities/show"
    static let hasForm = true
    let title: String
    let backHref: String
    let action: String
    let reach: String
    let isRetired: Bool
    let retireAction: String
    let restoreAction: String
    let name: Field
    let description: Field
    let underServed: ChoiceField
    let errors: FormErrors

    init(community: Community, reach: Int, form: FormData, errors: FormErrors = FormErrors()) {
        title = "Community: \(community.name)"
        backHref = Href.communities()
        action = Href.community(community.id)
        self.reach =
            reach == 1
            ? "1 organisation in the register reaches this community."
            : "\(reach) organisations in the register reach this community."
        isRetired = community.isRetired
        retireAction = Href.retireCommunity(community.id)
        restoreAction = Href.restoreCommunity(community.id)
        typealias F = OrganisationForms.CommunityField
        name = Field(F.name, label: "Name", form: form, errors: errors)
        description = Field(
            F.description, label: "Description (optional)", form: form, type: "textarea", errors: errors
        )
        underServed = CommunityForm.underServed(form, errors: errors)
        self.errors = errors
    }
}

enum CommunityForm {
    static func underServed(_ form: FormData, errors: FormErrors) -> ChoiceField {
        ChoiceField(
            checkboxes: OrganisationForms.CommunityField.underServed, legend: "Under-served",
            hint: "The alliance's reach is measured against the under-served communities.",
            options: [("yes", "This community is under-served")], form: form, errors: errors)
    }
}
