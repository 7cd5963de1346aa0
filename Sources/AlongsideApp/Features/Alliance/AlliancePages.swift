import Foundation

/// The alliances a person can see, with links to the register and the communities list.
struct AllianceHubPage: PageModel {
    static let template = "alliance/hub"
    let title = "VCSE alliance"
    let rows: [Row]
    let hasRows: Bool
    let organisationsHref = Href.organisations()
    let communitiesHref = Href.communities()
    let newGroupHref: String?

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let members: String
        let accountableBody: String
        let publishedHref: String?
    }

    init(alliances: [(group: Group, roster: AllianceRoster)], canCreateGroups: Bool) {
        rows = alliances.map { group, roster in
            Row(
                name: group.name, href: Href.alliance(group.id), members: AllianceWording.counts(roster),
                accountableBody: roster.accountableBody?.organisationName ?? "Not elected yet",
                publishedHref: roster.settings.membershipPublished ? Href.publishedAlliance(group.id) : nil)
        }
        hasRows = !rows.isEmpty
        newGroupHref = canCreateGroups ? Href.newGroup() : nil
    }
}

/// A member as the alliance page's table shows it.
struct AllianceMemberRow: Encodable, Sendable {
    let name: String
    let href: String
    let sizeAndKinds: String
    let representative: String
    let status: String
    let tagClass: String
    let since: String
    let principles: String
    let terms: String

    init(_ entry: AllianceRosterEntry) {
        let member = entry.member
        name = member.organisationName
        href = Href.allianceMember(member.groupID, member.id)
        sizeAndKinds = AllianceWording.sizeAndKinds(entry.organisation)
        representative = member.representativeName.isEmpty ? "Not given" : member.representativeName
        status = member.status.label
        tagClass = member.status.tagClass
        since = LondonTime.day(member.statusSince)
        principles = AllianceWording.agreed(member.principlesAgreedOn)
        terms = AllianceWording.terms(member.termsAgreedOn, version: member.termsVersion)
    }
}

/// A community the alliance reaches, and who reaches it.
struct ReachRow: Encodable, Sendable {
    let name: String
    let organisations: String

    init(_ reached: ReachRules.Reached) {
        name = reached.community.name
        organisations = reached.organisations.joined(separator: ", ")
    }
}

/// The alliance's overview: principles, accountable body, members and reach.
struct AlliancePage: PageModel {
    static let template = "alliance/show"
    let title: String
    let hubHref = Href.alliances()
    let groupHref: String
    let principles: [String]
    let hasPrinciples: Bool
    let counts: String
    let body: Body?
    let bodyHistoryHref: String
    let rows: [AllianceMemberRow]
    let hasRows: Bool
    let underServed: [ReachRow]
    let hasUnderServed: Bool
    let notYetReached: [String]
    let hasNotYetReached: Bool
    let otherReached: [ReachRow]
    let hasOtherReached: Bool
    let communitiesHref = Href.communities()
    let fundingHref: String
    let decisionsHref: String
    let termsHref: String
    let csvHref: String
    let publishedHref: String?
    let canManage: Bool
    let newMemberHref: String
    let settingsHref: String
    let funding: FundingTotals

    struct Body: Encodable, Sendable {
        let name: String
        let since: String
        let decisionTitle: String?
        let decisionHref: String?
        let decisionStands: Bool
    }

    init(group: Group, roster: AllianceRoster, funding: FundingSummary, canManage: Bool) {
        title = group.name
        self.funding = FundingTotals(funding)
        groupHref = Href.group(group.id)
        principles = AllianceWording.paragraphs(roster.settings.principles)
        hasPrinciples = !principles.isEmpty
        counts = AllianceWording.counts(roster)
        body = roster.accountableBody.map { body in
            Body(
                name: body.organisationName, since: LondonTime.day(body.startsOn),
                decisionTitle: roster.bodyDecision?.label,
                decisionHref: roster.bodyDecision?.href(groupID: group.id),
                decisionStands: roster.bodyDecision?.stillStands ?? false)
        }
        bodyHistoryHref = Href.accountableBody(group.id)
        rows = roster.entries.map(AllianceMemberRow.init)
        hasRows = !rows.isEmpty
        let reach = roster.reach
        underServed = reach.underServedReached.map(ReachRow.init)
        hasUnderServed = !underServed.isEmpty
        notYetReached = reach.notYetReached.map(\.name)
        hasNotYetReached = !notYetReached.isEmpty
        otherReached = reach.otherReached.map(ReachRow.init)
        hasOtherReached = !otherReached.isEmpty
        fundingHref = Href.allianceFunding(group.id)
        decisionsHref = Href.decisions(group.id)
        termsHref = Href.terms(group.id)
        csvHref = Href.allianceMembersCSV(group.id)
        publishedHref = roster.settings.membershipPublished ? Href.publishedAlliance(group.id) : nil
        self.canManage = canManage
        newMemberHref = Href.newAllianceMember(group.id)
        settingsHref = Href.allianceSettings(group.id)
    }
}

/// The shared principles and whether the membership is published.
struct AllianceSettingsPage: PageModel {
    static let template = "alliance/settings"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let principles: Field
    let published: ChoiceField
    let errors: FormErrors

    init(group: Group, form: FormData, errors: FormErrors) {
        title = "Principles and publication: \(group.name)"
        action = Href.allianceSettings(group.id)
        cancelHref = Href.alliance(group.id)
        typealias F = AllianceForms.SettingsField
        principles = Field(
            F.principles, label: "The alliance's shared principles", form: form, type: "textarea",
            hint: "What every member organisation agrees to. Each line becomes a paragraph.", errors: errors)
        published = ChoiceField(
            checkboxes: F.published, legend: "Publication",
            hint:
                "The public page shows the principles, the accountable body, and the organisations that are joining or members. It never shows representatives, contacts or money.",
            options: [("yes", "Publish the membership for anyone to read")], form: form, errors: errors)
        self.errors = errors
    }

    static func formData(_ settings: AllianceSettings) -> FormData {
        typealias F = AllianceForms.SettingsField
        var pairs = [(F.principles, settings.principles)]
        if settings.membershipPublished { pairs.append((F.published, "yes")) }
        return FormData(pairs)
    }
}

/// The membership as published for anyone to read: no representatives, contacts or money.
struct PublishedAlliancePage: PageModel {
    static let template = "alliance/published"
    let title: String
    let principles: [String]
    let hasPrinciples: Bool
    let accountableBody: String?
    let rows: [Row]
    let hasRows: Bool

    struct Row: Encodable, Sendable {
        let name: String
        let kinds: String
        let size: String
        let areaServed: String
        let status: String
        let since: String
    }

    init(group: Group, roster: AllianceRoster) {
        title = group.name
        principles = AllianceWording.paragraphs(roster.settings.principles)
        hasPrinciples = !principles.isEmpty
        accountableBody = roster.accountableBody?.organisationName
        rows = roster.entries.filter { MembershipRules.countsTowardsReach.contains($0.member.status) }.map { entry in
            let organisation = entry.organisation
            return Row(
                name: organisation.name, kinds: organisation.details.kinds.map(\.label).joined(separator: ", "),
                size: organisation.size.map { "\($0.label) (\($0.band))" } ?? "",
                areaServed: organisation.details.areaServed,
                status: entry.member.status.label, since: LondonTime.day(entry.member.statusSince))
        }
        hasRows = !rows.isEmpty
    }
}
