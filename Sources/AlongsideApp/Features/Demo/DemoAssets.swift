import Foundation

/// The demo's community asset map (issue 7): three fictional localities and a dozen fictional assets across the
/// nine categories. One entry is long unchecked so the review list has something in it, and some needs are left
/// unmet so the gap analysis shows gaps. Written through the same stores as the pages, so every change is audited.
enum DemoAssets {
    struct Entry {
        let name: String
        let category: AssetCategory
        let domains: [AssetDomain]
        let description: String
        let locality: String?
        let needs: [String]
        var referral = false
        var cost = "Free"
        var openingTimes = ""
        var address = ""
        var postcode = ""
        var languages = "English"
        var access = ""
        /// Fictional contact details (a drama-range phone number, example.org addresses), so the Open Referral UK
        /// check (issue 18) has web addresses, email addresses and phone numbers to check.
        var phone = ""
        var email = ""
        var website = ""
        var monthsSinceCheck = 1
        var status = AssetStatus.active
        var listed = true
        var organisation: String?
    }

    static let entries: [Entry] = [
        Entry(
            name: "Brightwater Community Hub", category: .hubsAndSpaces, domains: [.localFacilities],
            description: "A community centre with a café, a quiet room and rooms for groups.",
            locality: "Brightwater", needs: ["Loneliness and social connection", "Peer support"],
            openingTimes: "Monday to Friday, 9am to 5pm",
            address: "1 Example Parade, Brightwater", postcode: "ZZ1 1AA",
            access: "Step-free entrance, hearing loop, accessible toilet", phone: "01632 960100",
            email: "hello@hub.example.org", website: "https://hub.example.org/whats-on"),
        Entry(
            name: "Riverside Library", category: .hubsAndSpaces, domains: [.localFacilities, .personalInterests],
            description: "Books, computers, free wifi and help with forms.",
            locality: "Riverside", needs: ["Employment", "Loneliness and social connection"],
            openingTimes: "Tuesday to Saturday, 10am to 4pm",
            address: "2 Example Street, Riverside", postcode: "ZZ2 2BB", languages: "English, Polish"),
        Entry(
            name: "Example Community Mental Health Team", category: .statutoryOrganisations,
            domains: [.healthAndSocialCare],
            description: "Specialist mental health care and support, with a care coordinator for each person.",
            locality: nil,
            needs: ["Crisis and out-of-hours support", "Physical health"], referral: true,
            openingTimes: "Monday to Friday, 9am to 5pm"),
        Entry(
            name: "Example Money and Benefits Advice", category: .vcseOrganisations, domains: [.localFacilities],
            description: "Free, confidential advice on benefits, budgeting and debt.", locality: nil,
            needs: ["Debt and money", "Housing"],
            openingTimes: "Drop in on Wednesdays, 10am to 1pm", languages: "English, Urdu, Polish",
            phone: "01632 960101", email: "advice@voluntary.example.org",
            website: "https://voluntary.example.org/money-advice", organisation: "Example Voluntary Action"),
        Entry(
            name: "Riverside Men's Shed", category: .vcseOrganisations,
            domains: [.personalInterests, .localFacilities],
            description: "A workshop where men (and anyone else) make, mend and talk.", locality: "Riverside",
            needs: ["Loneliness and social connection", "Peer support"], cost: "£1 a session, tea included",
            openingTimes: "Thursdays, 10am to 3pm", address: "Unit 3, Example Yard\nRiverside", postcode: "ZZ2 3CC",
            access: "Ground floor workshop; ring the bell for the ramp", email: "shed@riverside.example.org"),
        Entry(
            name: "Brightwater Hearing Voices Group", category: .groupsAndNetworks, domains: [.personalRelationships],
            description: "A peer support group for people who hear voices, run by people who do too.",
            locality: "Brightwater",
            needs: ["Peer support"], openingTimes: "Every other Monday, 6pm to 8pm",
            organisation: "Brightwater Peer Network"),
        Entry(
            name: "Example Mental Health Provider Forum", category: .groupsAndNetworks, domains: [.healthAndSocialCare],
            description: "Voluntary and community organisations sharing news and planning together.", locality: nil,
            needs: [],
            monthsSinceCheck: 20),
        Entry(
            name: "Riverside Community Champions", category: .individualVolunteers, domains: [.personalRelationships],
            description: "Local volunteers who know what is on and will go along with you the first time.",
            locality: "Riverside",
            needs: ["Loneliness and social connection"], listed: false),
        Entry(
            name: "Hillside Independent Counselling", category: .individualProfessionals,
            domains: [.healthAndSocialCare],
            description: "Counselling with a sliding scale of fees.", locality: "Hillside Primary Care Network",
            needs: [],
            cost: "From £10 a session, depending on income", phone: "01632 960102",
            website: "https://counselling.example.org"),
        Entry(
            name: "Hillside Social Prescribing Link Workers", category: .socialPrescribing,
            domains: [.healthAndSocialCare, .localFacilities],
            description: "Link workers who spend time with people and connect them to what helps.",
            locality: "Hillside Primary Care Network",
            needs: ["Housing", "Physical activity", "Employment"], referral: true,
            openingTimes: "Through your GP practice"),
        Entry(
            name: "Hillside Primary Care Network", category: .primaryCareNetworks, domains: [.healthAndSocialCare],
            description:
                "Five GP practices working together, with physical health checks for people with severe mental illness.",
            locality: "Hillside Primary Care Network", needs: ["Physical health"]),
        Entry(
            name: "Brightwater Park Runners", category: .groupsAndNetworks, domains: [.personalInterests],
            description: "A friendly weekly run or walk; nobody is last.", locality: "Brightwater",
            needs: ["Physical activity"],
            openingTimes: "Saturdays at 9am", status: .paused),
        Entry(
            name: "Example Bakery Employment Scheme", category: .localEconomy, domains: [.localFacilities],
            description: "A local employer offering paid placements with support for people returning to work.",
            locality: "Riverside",
            needs: ["Employment"], referral: true, cost: "Paid placements"),
    ]

    static func load(into services: AppServices, by actor: AuditActor, today: String) async throws {
        let pool = services.pool, clock = services.clock
        let localityStore = LocalityStore(pool: pool, clock: clock)
        var localities: [String: Int64] = [:]
        for (name, kind) in [
            ("Brightwater", LocalityKind.locality), ("Riverside", .locality), ("Hillside Primary Care Network", .pcn),
        ] {
            if case .saved(let locality) = try await localityStore.save(
                nil, AssetListInput(name: name, kind: kind), by: actor, requestID: nil)
            {
                localities[name] = locality.id
            }
        }
        let needs = Dictionary(
            uniqueKeysWithValues: try await NeedStore(pool: pool, clock: clock).all().map { ($0.name, $0.id) })
        let store = AssetStore(pool: pool, clock: clock)
        let organisations = Dictionary(
            try await store.organisationChoices().map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            let details = AssetDetails(
                name: entry.name, category: entry.category, domains: entry.domains, description: entry.description,
                localityID: entry.locality.flatMap { localities[$0] }, address: entry.address, postcode: entry.postcode,
                openingTimes: entry.openingTimes, phone: entry.phone, email: entry.email, website: entry.website,
                contactNotes: entry.referral ? "Ask your GP, care team or link worker" : "Drop in or ring ahead",
                referralNeeded: entry.referral, accessInformation: entry.access, languages: entry.languages,
                cost: entry.cost,
                needIDs: entry.needs.compactMap { needs[$0] },
                lastCheckedOn: LondonTime.addingMonths(-entry.monthsSinceCheck, to: today) ?? today,
                status: entry.status, listedPublicly: entry.listed,
                organisationID: entry.organisation.flatMap { organisations[$0] }
            )
            _ = try await store.create(details, by: actor, requestID: nil)
        }
    }
}
