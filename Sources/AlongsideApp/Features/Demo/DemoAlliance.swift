import Foundation

/// The demo alliance's register, membership, accountable body and money (issue 6): every organisation is
/// obviously fictional. Written through the same stores as the pages, so every change is audit-logged.
enum DemoAlliance {
    struct Organisation {
        let key: String
        let details: OrganisationDetails
        /// Nil when the organisation is not in the alliance.
        let membership: MembershipStatus?
        let representative: String
    }

    static func load(into services: AppServices, allianceID: Int64, lead: SessionUser, start: String, today: String)
        async throws
    {
        let actor = AuditActor(userID: lead.id, label: lead.name)
        let pool = services.pool, clock = services.clock
        let communities = Dictionary(
            uniqueKeysWithValues: try await CommunityStore(pool: pool, clock: clock).all().map { ($0.name, $0.id) })
        func reaching(_ names: String...) -> [Int64] { names.compactMap { communities[$0] } }

        let register: [Organisation] = [
            Organisation(
                key: "icb",
                details: OrganisationDetails(
                    name: "Example Integrated Care Board", sector: .icb, areaServed: "Example Place",
                    website: "https://icb.example.org"), membership: nil, representative: ""),
            Organisation(
                key: "trust",
                details: OrganisationDetails(
                    name: "Example Mental Health NHS Trust", sector: .nhsTrust, areaServed: "Example Place"),
                membership: nil, representative: ""),
            Organisation(
                key: "voluntary",
                details: OrganisationDetails(
                    name: "Example Voluntary Action", sector: .vcse, size: .large, kinds: [.charity],
                    charityNumber: "1000001",
                    areaServed: "Example Place", contactName: "Emery Example", contactEmail: "emery@example.org",
                    website: "https://voluntary.example.org"
                ), membership: .member, representative: "Emery Example"),
            Organisation(
                key: "peer",
                details: OrganisationDetails(
                    name: "Brightwater Peer Network", sector: .vcse, size: .micro, kinds: [.userLed, .grassroots],
                    areaServed: "Brightwater and the coast",
                    communityIDs: reaching("LGBTQ+ people", "Young adults aged 18 to 25")
                ), membership: .member, representative: "Kit Example"),
            Organisation(
                key: "kitchen",
                details: OrganisationDetails(
                    name: "Riverside Faith Kitchen", sector: .vcse, size: .small, kinds: [.faith, .charity],
                    charityNumber: "1000002",
                    areaServed: "Riverside ward",
                    communityIDs: reaching(
                        "People who are homeless or sleeping rough", "Refugees and people seeking asylum")
                ), membership: .member, representative: "Jules Example"),
            Organisation(
                key: "college",
                details: OrganisationDetails(
                    name: "Hillside Recovery College CIC", sector: .vcse, size: .medium,
                    kinds: [.socialEnterprise, .communityInterestCompany],
                    companyNumber: "00000001", areaServed: "Example Place",
                    communityIDs: reaching("Older adults", "Carers")
                ), membership: .member, representative: "Indigo Example"),
            Organisation(
                key: "welcome",
                details: OrganisationDetails(
                    name: "Northgate Refugee Welcome", sector: .vcse, size: .small, kinds: [.grassroots],
                    areaServed: "Northgate",
                    communityIDs: reaching(
                        "Refugees and people seeking asylum", "Black, Asian and minority ethnic communities")
                ), membership: .joining, representative: "Harper Example"),
            Organisation(
                key: "shed",
                details: OrganisationDetails(
                    name: "Meadow Lane Men's Shed", sector: .vcse, size: .micro, kinds: [.grassroots],
                    areaServed: "Meadow Lane and the villages",
                    communityIDs: reaching("Rural and farming communities", "Armed forces veterans")
                ), membership: .interested, representative: ""),
        ]

        let organisations = OrganisationStore(pool: pool, clock: clock)
        let alliance = AllianceStore(pool: pool, clock: clock)
        var ids: [String: Int64] = [:]
        for entry in register {
            let saved = try await organisations.create(entry.details, by: actor, requestID: nil)
            ids[entry.key] = saved.id
            guard let status = entry.membership else { continue }
            let agreed = status == .member ? start : nil
            _ = try await alliance.addMember(
                NewMemberInput(
                    organisationID: saved.id, status: status, onDay: start,
                    details: MemberDetailsInput(representativeName: entry.representative, principlesAgreedOn: agreed)
                ), groupID: allianceID, by: actor, requestID: nil)
        }

        _ = try await alliance.saveSettings(
            groupID: allianceID,
            principles: """
                We put the people our organisations serve before our own organisations' interests.
                We share what we know, openly, including where we disagree.
                Smaller and user-led organisations have an equal voice and a fair share.
                """, published: true, by: actor, requestID: nil)

        let decisions = DecisionStore(pool: pool, clock: clock)
        func agree(_ title: String, _ question: String, _ rationale: String) async throws -> Decision {
            try await decisions.record(
                DecisionInput(
                    title: title, question: question, method: .consensus, membersTotal: 5, membersPresent: 5,
                    livedExperiencePresent: true,
                    votesFor: nil, votesAgainst: nil, votesAbstaining: nil, objections: nil,
                    consensusRecord: "Every member organisation agreed.",
                    outcome: .agreed, rationale: rationale, declarations: nil, reviewOn: nil, invalidReason: nil,
                    adoptsTermsVersion: nil
                ), groupID: allianceID, termsVersion: nil, quorumMet: true, by: lead, requestID: nil)
        }
        let election = try await agree(
            "Elect the accountable body", "Do we elect Example Voluntary Action as the alliance's accountable body?",
            "It holds the contract and passes the money on, and delivers no services itself.")
        _ = try await alliance.elect(
            groupID: allianceID, organisationID: ids["voluntary"]!, decisionID: election.id, startsOn: today,
            by: actor, requestID: nil)

        guard let year = FinancialYear(containing: today) else { return }
        let funding = FundingStore(pool: pool, clock: clock)
        _ = try await funding.recordReceived(
            ReceivedInput(
                amountPence: 25_000_000, fromOrganisationID: ids["icb"]!, viaOrganisationID: ids["trust"]!,
                periodStartsOn: year.startsOn,
                periodEndsOn: year.endsOn,
                description: "Community mental health transformation: the alliance's share for the year"
            ), groupID: allianceID, by: actor, requestID: nil)
        let grants = try await agree(
            "Allocate this year's grants", "Do we allocate this year's money to members as the panel proposed?",
            "Each member is funded for the part of the new model it is best placed to deliver.")
        let allocations: [(String, Int, String, Int, String)] = [
            ("peer", 4_000_000, "Peer support groups, online and in person", 3, "EPA-PEER"),
            ("kitchen", 6_000_000, "Drop-in meals with a wellbeing worker", 3, "EPA-KITCHEN"),
            ("college", 9_000_000, "Recovery college courses across the place", 2, "EPA-COLLEGE"),
        ]
        for (key, pence, purpose, years, reference) in allocations {
            _ = try await funding.recordAllocation(
                AllocationInput(
                    organisationID: ids[key]!, amountPence: pence, periodStartsOn: year.startsOn,
                    periodEndsOn: year.endsOn, purpose: purpose,
                    contractYears: years, contractReference: reference,
                    source: "Community mental health transformation", decisionID: grants.id
                ), groupID: allianceID, by: actor, requestID: nil)
        }
    }
}
