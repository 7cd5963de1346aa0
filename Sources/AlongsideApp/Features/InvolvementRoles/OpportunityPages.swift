import Foundation

/// Open adverts, for anyone: no sign-in needed.
struct OpportunitiesPage: PageModel {
    static let template = "involvement-roles/opportunities/index"
    let title = "Involvement opportunities"
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let title: String
        let href: String
        let location: String?
        let payment: String
        let closes: String
        let introduction: String?
    }

    init(adverts: [(advert: Advert, role: InvolvementRole)]) {
        rows = adverts.map { advert, role in
            Row(
                title: role.title, href: Href.opportunity(advert.id),
                location: role.content.location.isEmpty ? nil : role.content.location,
                payment: role.content.payment, closes: "Closes on \(LondonTime.day(advert.closesOn))",
                introduction: RoleDescriptionView.lines(role.content.about).first)
        }
        hasRows = !rows.isEmpty
    }
}

/// An open advert: the full role description and the expression of interest form.
struct OpportunityPage: PageModel {
    static let template = "involvement-roles/opportunities/show"
    static let hasForm = true
    let title: String
    let description: RoleDescriptionView
    let closes: String
    let action: String
    let listHref: String
    let privacyHref: String
    let name: Field
    let email: Field
    let phone: Field
    let preferredContact: ChoiceField
    let accessNeeds: Field
    let about: Field
    let errors: FormErrors

    init(advert: Advert, role: InvolvementRole, form: FormData, errors: FormErrors) {
        title = role.title
        description = RoleDescriptionView(role.content)
        closes = "Closes on \(LondonTime.day(advert.closesOn))"
        action = Href.opportunityInterest(advert.id)
        listHref = Href.opportunities()
        privacyHref = Href.privacy()
        typealias F = InvolvementForms.InterestField
        name = Field(F.name, label: "Your name", form: form, autocomplete: "name", errors: errors)
        email = Field(
            F.email, label: "Email address", form: form, type: "email",
            hint: "Give an email address, a phone number or both.",
            autocomplete: "email", errors: errors)
        phone = Field(
            F.phone, label: "Phone number", form: form, type: "tel", autocomplete: "tel", errors: errors)
        preferredContact = ChoiceField(
            radios: F.preferredContact, legend: "How would you like us to contact you?",
            options: ContactMethod.allCases.map { ($0.rawValue, $0.label) }, form: form,
            errors: errors)
        accessNeeds = Field(
            F.accessNeeds, label: "Access needs (optional)", form: form, type: "textarea",
            hint:
                "Anything that would help you talk with us or take part, such as an interpreter, easy read documents or step-free access.",
            errors: errors)
        about = Field(
            F.about, label: "Tell us a little about yourself", form: form, type: "textarea",
            hint:
                "A few sentences about you and why the role interests you. You do not need to share anything about your health. Up to \(InvolvementForms.maxAboutLength) characters.",
            errors: errors)
        self.errors = errors
    }
}

/// After sending an expression of interest: what happens next. Only their first name is repeated back.
struct InterestThanksPage: PageModel {
    static let template = "involvement-roles/opportunities/thanks"
    let title = "Thank you for your interest"
    let firstName: String
    let roleTitle: String
    let contactBy: String
    let listHref: String

    init(firstName: String, roleTitle: String, contactBy: ContactMethod) {
        self.firstName = firstName
        self.roleTitle = roleTitle
        switch contactBy {
        case .email: self.contactBy = "by email"
        case .phone: self.contactBy = "by phone"
        case .text: self.contactBy = "by text message"
        }
        listHref = Href.opportunities()
    }
}
