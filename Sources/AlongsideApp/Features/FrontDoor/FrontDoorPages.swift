/// Setting the partnership's name and purpose.
struct FrontDoorSettingsPage: PageModel {
    static let template = "front-door/settings"
    static let hasForm = true
    let title = "The public front door"
    let action = Href.frontDoorSettings()
    let cancelHref = Href.home()
    let name: Field
    let purpose: Field
    let errors: FormErrors

    init(form: FormData, errors: FormErrors = FormErrors()) {
        typealias F = FrontDoorForm.Field
        name = Field(
            F.name, label: "The partnership's name", form: form,
            hint: "For example, \"Example Valley mental health partnership\".", errors: errors)
        purpose = Field(
            F.purpose, label: "What the partnership is for", form: form,
            hint: "A sentence or two in plain English, for members of the public, carers and local groups.",
            errors: errors)
        self.errors = errors
    }
}

/// Signed out, "/": what the partnership is, and the way to everything it publishes. Sign-in is one link among them.
struct FrontDoorPage: PageModel {
    static let template = "front-door/index"
    let title: String
    let heading: String
    let purpose: String
    let links: [DoorLink]
    let signInHref = Href.signIn()

    struct DoorLink: Encodable, Sendable {
        let label: String
        let href: String
        let description: String
    }

    init(settings: FrontDoorSettings, roadmapPublished: Bool) {
        // Before an administrator names the partnership, say plainly what the site is rather than show an empty heading.
        heading = settings.isUnset ? "A community mental health partnership" : settings.name
        title = settings.isUnset ? "Welcome" : settings.name
        purpose =
            settings.isUnset
            ? "People who use services, carers, local groups and the NHS working together on community mental health."
            : settings.purpose
        var links = [
            DoorLink(
                label: "Get involved", href: Href.opportunities(),
                description: "Paid and voluntary ways to help shape local mental health services."),
            DoorLink(
                label: "Community directory", href: Href.directory(),
                description: "Local groups and services that support people's mental health."),
            DoorLink(
                label: "You said, we did", href: Href.publishedFeedbackIndex(),
                description: "What people told us, and what changed because of it."),
            DoorLink(
                label: "Groups, decisions and terms of reference", href: Href.publishedGroups(),
                description:
                    "The partnership's groups: who sits on them, their terms of reference, meetings and decisions."),
        ]
        // The roadmap is public only once the partnership publishes it.
        if roadmapPublished {
            links.append(
                DoorLink(
                    label: "Our plans (roadmap)", href: Href.publishedRoadmap(),
                    description: "What the partnership is working on, and when."))
        }
        self.links = links
    }
}
