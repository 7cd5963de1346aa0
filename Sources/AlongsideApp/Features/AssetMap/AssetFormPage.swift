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
        version = editing == nil ? nil : form["version"]
        name = Field("name", label: "Name", value: form["name"], errors: errors)
        category = ChoiceField(
            "category", legend: "Category",
            hint: "The kind of asset, from the community mental health asset mapping tool.",
            multiple: false,
            options: AssetCategory.allCases.map { ($0.rawValue, "\($0.label) (for example \($0.examples))") },
            selected: [form["category"]], errors: errors)
        domains = ChoiceField(
            "domains", legend: "Domains (optional)", hint: "Select all that apply: an asset can sit in more than one.",
            multiple: true, options: AssetDomain.options, selected: Set(form.all("domains")), errors: errors)
        description = Field(
            "description", label: "Description (optional)", value: form["description"], type: "textarea",
            hint: "What it offers, in plain words.", errors: errors)
        let offered = choices.localities.filter { !$0.isRetired }
        locality = SelectField(
            "locality", label: "Locality or primary care network",
            hint: "Choose the whole area if it serves everyone, wherever they live.",
            options: [("", "The whole area")] + offered.map { (String($0.id), $0.labelWithKind) },
            selected: form["locality"], errors: errors)
        localitiesHref = Href.localities()
        address = Field("address", label: "Address (optional)", value: form["address"], errors: errors)
        postcode = Field("postcode", label: "Postcode (optional)", value: form["postcode"], errors: errors)
        openingTimes = Field(
            "opening_times", label: "Opening times (optional)", value: form["opening_times"],
            hint: "For example, Mondays and Thursdays, 10am to 2pm.", errors: errors)
        phone = Field("phone", label: "Phone number (optional)", value: form["phone"], type: "tel", errors: errors)
        email = Field("email", label: "Email address (optional)", value: form["email"], type: "email", errors: errors)
        website = Field(
            "website", label: "Website (optional)", value: form["website"],
            hint: "For example, www.example.org. We add https:// if you leave it out.", errors: errors)
        contactNotes = Field(
            "contact_notes", label: "Other ways to get in touch (optional)", value: form["contact_notes"],
            hint: "For example, drop in on Tuesdays or ask at reception.", errors: errors)
        referralNeeded = ChoiceField(
            "referral_needed", legend: "Do people need a referral?",
            options: [("no", "No, people can get in touch directly"), ("yes", "Yes, a referral is needed")],
            selected: form["referral_needed"], errors: errors)
        accessInformation = Field(
            "access_information", label: "Access information (optional)", value: form["access_information"],
            type: "textarea",
            hint: "For example, step-free entrance, hearing loop, quiet room, nearest bus stop.", errors: errors)
        languages = Field(
            "languages", label: "Languages (optional)", value: form["languages"],
            hint: "Languages spoken, separated by commas, like English, Polish, British Sign Language.", errors: errors)
        cost = Field(
            "cost", label: "Cost (optional)", value: form["cost"], hint: "For example, free, or £2 a session.",
            errors: errors)
        let currentNeeds = choices.needs.filter { !$0.isRetired }
        needs = ChoiceField(
            "needs", legend: "Needs it helps with (optional)",
            hint: "From the co-produced model's list of needs. Select all that apply.",
            multiple: true, options: currentNeeds.map { (String($0.id), $0.name) }, selected: Set(form.all("needs")),
            errors: errors)
        hasNeeds = !currentNeeds.isEmpty
        needsHref = Href.assetNeeds()
        lastChecked = Field(
            "last_checked", label: "Last checked", value: form["last_checked"], type: "date",
            hint: "The day someone last made sure these details are right. Not in the future.", errors: errors)
        status = ChoiceField(
            "status", legend: "Status", options: AssetStatus.options, selected: form["status"], errors: errors)
        listedPublicly = ChoiceField(
            "listed_publicly", legend: "List it in the public community directory?",
            hint:
                "Anyone can read the directory without signing in. Individuals may not want to be listed: ask them first.",
            multiple: false, options: [("yes", "Yes, list it publicly"), ("no", "No, only people signed in see it")],
            selected: [form["listed_publicly"]], errors: errors)
        organisation = SelectField(
            "organisation", label: "Organisation in the register (optional)",
            hint: "The organisation that runs it, if it is in the register.",
            options: [("", "None")] + choices.organisations.map { (String($0.id), $0.name) },
            selected: form["organisation"], errors: errors)
        theirs = conflict.map {
            AssetDetailsView(
                $0.details,
                names: AssetNames(
                    localities: choices.localities, needs: choices.needs, organisations: choices.organisations))
        }
        self.errors = errors
    }
}
