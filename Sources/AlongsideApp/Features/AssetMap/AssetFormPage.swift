import Foundation

/// Adding or editing an asset. An edit refused because someone else saved first shows their version above what
/// this person typed.
struct AssetFormPage: PageModel {
    static let template = "asset-map/assets/form"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String?
    let name: Field
    let category: ChoiceField
    let domains: ChoiceField
    let description: Field
    let locality: SelectField
    let localitiesHref: String
    let address: Field
    let postcode: Field
    let openingTimes: Field
    let phone: Field
    let email: Field
    let website: Field
    let contactNotes: Field
    let referralNeeded: ChoiceField
    let accessInformation: Field
    let languages: Field
    let cost: Field
    let needs: ChoiceField
    let hasNeeds: Bool
    let needsHref: String
    let lastChecked: Field
    let status: ChoiceField
    let listedPublicly: ChoiceField
    let organisation: SelectField
    let theirs: AssetDetailsView?
    let errors: FormErrors

    init(
        editing: Asset?, form: FormData, choices: AssetForms.Choices, errors: FormErrors = FormErrors(),
        conflict: Asset? = nil
    ) {
        title = editing.map { "Edit asset: \($0.name)" } ?? "Add an asset to the map"
        action = editing.map { Href.editAsset($0.id) } ?? Href.newAsset()
        cancelHref = editing.map { Href.asset($0.id) } ?? Href.assets()
        typealias F = AssetForms.AssetField
        version = editing == nil ? nil : form[EditField.version]
        name = Field(F.name, label: "Name", form: form, errors: errors)
        category = ChoiceField(
            radios: F.category, legend: "Category",
            hint: "The kind of asset, from the community mental health asset mapping tool.",
            options: AssetCategory.allCases.map { ($0.rawValue, "\($0.label) (for example \($0.examples))") },
            form: form, errors: errors)
        domains = ChoiceField(
            checkboxes: F.domains, legend: "Domains (optional)",
            hint: "Select all that apply: an asset can sit in more than one.", options: AssetDomain.options,
            form: form, errors: errors)
        description = Field(
            F.description, label: "Description (optional)", form: form, type: "textarea",
            hint: "What it offers, in plain words.", errors: errors)
        let offered = choices.localities.filter { !$0.isRetired }
        locality = SelectField(
            F.locality, label: "Locality or primary care network",
            hint: "Choose the whole area if it serves everyone, wherever they live.",
            options: [("", "The whole area")] + offered.map { (String($0.id), $0.labelWithKind) },
            form: form, errors: errors)
        localitiesHref = Href.localities()
        address = Field(F.address, label: "Address (optional)", form: form, errors: errors)
        postcode = Field(F.postcode, label: "Postcode (optional)", form: form, errors: errors)
        openingTimes = Field(
            F.openingTimes, label: "Opening times (optional)", form: form,
            hint: "For example, Mondays and Thursdays, 10am to 2pm.", errors: errors)
        phone = Field(F.phone, label: "Phone number (optional)", form: form, type: "tel", errors: errors)
        email = Field(F.email, label: "Email address (optional)", form: form, type: "email", errors: errors)
        website = Field(
            F.website, label: "Website (optional)", form: form,
            hint: "For example, www.example.org. We add https:// if you leave it out.", errors: errors)
        contactNotes = Field(
            F.contactNotes, label: "Other ways to get in touch (optional)", form: form,
            hint: "For example, drop in on Tuesdays or ask at reception.", errors: errors)
        referralNeeded = ChoiceField(
            radios: F.referralNeeded, legend: "Do people need a referral?",
            options: [("no", "No, people can get in touch directly"), ("yes", "Yes, a referral is needed")],
            form: form, errors: errors)
        accessInformation = Field(
            F.accessInformation, label: "Access information (optional)", form: form,
            type: "textarea",
            hint: "For example, step-free entrance, hearing loop, quiet room, nearest bus stop.", errors: errors)
        languages = Field(
            F.languages, label: "Languages (optional)", form: form,
            hint: "Languages spoken, separated by commas, like English, Polish, British Sign Language.", errors: errors)
        cost = Field(
            F.cost, label: "Cost (optional)", form: form, hint: "For example, free, or £2 a session.",
            errors: errors)
        let currentNeeds = choices.needs.filter { !$0.isRetired }
        needs = ChoiceField(
            checkboxes: F.needs, legend: "Needs it helps with (optional)",
            hint: "From the co-produced model's list of needs. Select all that apply.",
            options: currentNeeds.map { (String($0.id), $0.name) }, form: form, errors: errors)
        hasNeeds = !currentNeeds.isEmpty
        needsHref = Href.assetNeeds()
        lastChecked = Field(
            F.lastChecked, label: "Last checked", form: form, type: "date",
            hint: "The day someone last made sure these details are right. Not in the future.", errors: errors)
        status = ChoiceField(
            radios: F.status, legend: "Status", options: AssetStatus.options, form: form, errors: errors)
        listedPublicly = ChoiceField(
            radios: F.listedPublicly, legend: "List it in the public community directory?",
            hint:
                "Anyone can read the directory without signing in. Individuals may not want to be listed: ask them first.",
            options: [("yes", "Yes, list it publicly"), ("no", "No, only people signed in see it")],
            form: form, errors: errors)
        organisation = SelectField(
            F.organisation, label: "Organisation in the register (optional)",
            hint: "The organisation that runs it, if it is in the register.",
            options: [("", "None")] + choices.organisations.map { (String($0.id), $0.name) },
            form: form, errors: errors)
        theirs = conflict.map {
            AssetDetailsView(
                $0.details,
                names: AssetNames(
                    localities: choices.localities, needs: choices.needs, organisations: choices.organisations))
        }
        self.errors = errors
    }
}
