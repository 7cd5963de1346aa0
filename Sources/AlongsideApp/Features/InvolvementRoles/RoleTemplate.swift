/// Starting points for a new role description.
enum RoleTemplate {
    /// What the payment policy offers by default (DESIGN.md, "Expert-by-experience roles and payments").
    static let defaultPayment =
        "£50 for up to half a day and £100 for a whole day of agreed activity, plus agreed expenses"

    /// A blank description: only the payment line is filled in, from the payment policy.
    static let blank = RoleContent(
        title: "", location: "", payment: defaultPayment, about: "", purpose: "", tasks: "", kinds: [],
        responsibilities: "",
        support: "", essential: "", desirable: "", howToApply: ""
    )

    /// An "Expert by experience leader" role, summarising 003 Appendix 1 in our own words. Places the source
    /// leaves out are marked "[your area]" for the partnership to fill in.
    static let expertByExperienceLeader = RoleContent(
        title: "Expert by experience leader",
        location: "[your area], in person or online",
        payment: defaultPayment,
        about: """
            We are changing how people affected by mental illness in [your area] are supported in their community, so they get the right help when they need it.
            Voluntary and community organisations, the NHS and the council are working together so that help feels joined up and fits what people need. This role puts lived experience at the centre of that work.
            """,
        purpose: """
            Bring lived experience into the conversations and decisions about how support in the community is designed and offered
            Help make support personal and whole-person, and better for people who use services, carers and families
            """,
        tasks: """
            Take part in workshops and working group meetings, as and when you can
            Lead community engagement or research, where this has been agreed
            Keep in regular touch with the co-production team
            """,
        kinds: InvolvementKind.allCases,
        responsibilities: """
            Speak up for the needs of a wide range of experts by experience, not only your own
            Push for new ideas and better support for the mental health and wellbeing of people in [your area]
            Work with others to reach decisions together and suggest ways forward
            Value the different views people bring
            Challenge constructively, as a trusted partner
            """,
        support: """
            Training in co-production and in working together with partners
            Support to take part, before, during and after meetings
            """,
        essential: """
            Some understanding of what people with mental health needs, and carers, in [your area] need
            Able to speak for a range of communities, not only your own
            Experience of working with others: listening well, respecting other views, looking for solutions, challenging with care and being willing to find a middle way
            Able to read documents in English sent by email
            Able to come to meetings in [your area] in person or join them online
            Able to keep in touch by phone and email (video calls help, but are not essential)
            """,
        desirable: """
            Experience of being on a working group, steering group, board or similar
            Experience of reaching out to people in your community
            Experience of lived experience research, such as interviews, focus groups or evaluation
            Knowledge of how health and care services work
            """,
        howToApply: """
            Tell us you are interested using the form on this page. Someone from the co-production team will contact you for an informal chat about the role.
            You can also ask questions first: contact [name] at [email address] or on [phone number].
            """
    )
}
