import Foundation

struct GroupsPage: PageModel {
    static let template = "groups/index"
    let title = "Groups"
    let rows: [Row]
    let hasRows: Bool
    let newGroupHref: String?

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let kind: String
        let status: String
        let isClosed: Bool
        let isMember: Bool
        let isPublished: Bool
    }

    init(groups: [(group: Group, isMember: Bool)], canCreate: Bool) {
        rows = groups.map { group, isMember in
            Row(
                name: group.name, href: Href.group(group.id), kind: group.kind.label, status: group.status.label,
                isClosed: group.status == .closed, isMember: isMember, isPublished: group.visibility == .published
            )
        }
        hasRows = !rows.isEmpty
        newGroupHref = canCreate ? Href.newGroup() : nil
    }
}

struct GroupFormPage: PageModel {
    static let template = "groups/form"
    let title: String
    let isNew: Bool
    let name: Field
    let kind: ChoiceField?
    let kindLabel: String?
    let purpose: Field
    let status: ChoiceField
    let visibility: ChoiceField
    let requirements: ChoiceField?
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(form: FormData, errors: FormErrors, kinds: [GroupKind], existing: Group?) {
        typealias F = GroupForm.GroupField
        isNew = existing == nil
        title = existing.map { "Change \($0.name)" } ?? "Create a group"
        name = Field(F.name, label: "Name", form: form, errors: errors)
        kind =
            existing == nil
            ? ChoiceField(
                radios: F.kind, legend: "Kind of group", options: kinds.map { ($0.rawValue, $0.label) }, form: form,
                errors: errors)
            : nil
        kindLabel = existing?.kind.label
        purpose = Field(
            F.purpose, label: "Purpose", form: form, type: "textarea",
            hint: "What the group is for, in a sentence or two.", errors: errors)
        status = ChoiceField(
            radios: F.status, legend: "Status", options: GroupStatus.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        visibility = ChoiceField(
            radios: F.visibility, legend: "Who can see it",
            options: Visibility.allCases.map { ($0.rawValue, $0.label) }, form: form, errors: errors)
        requirements =
            existing == nil
            ? nil
            : ChoiceField(
                checkboxes: F.requirements, legend: "Who must be at the table",
                hint: "The group's page checks its members against these and shows what is missing.",
                options: SeatRequirement.allCases.map { ($0.rawValue, $0.label) },
                form: form, errors: errors
            )
        self.errors = errors
        action = existing.map { Href.group($0.id) } ?? Href.groups()
        cancelHref = existing.map { Href.group($0.id) } ?? Href.groups()
    }

    /// The stored group as the form would have sent it.
    static func formData(for group: Group) -> FormData {
        typealias F = GroupForm.GroupField
        return FormData(
            [
                (F.name, group.name), (F.purpose, group.purpose), (F.status, group.status.rawValue),
                (F.visibility, group.visibility.rawValue),
            ]
                + group.requirements.map { (F.requirements, $0.rawValue) }
        )
    }
}

struct GroupPage: PageModel {
    static let template = "groups/show"
    let title: String
    let name: String
    let kind: String
    let purpose: String
    let status: String
    /// Nil on the public page: who can see it is staff business.
    let visibility: String?
    let composition: [CompositionRow]
    let hasRequirements: Bool
    let missingSummary: String
    let allFilled: Bool
    let needsLivedExperienceChair: Bool
    let members: [MemberRow]
    let hasMembers: Bool
    let canManage: Bool
    let editHref: String
    /// Nil on the public page, which lists only what has been published.
    let termsHref: String?
    let decisionsHref: String?
    let meetingsHref: String?
    let proposalsHref: String?
    /// A VCSE alliance's own pages: members, accountable body and funding.
    let allianceHref: String?
    let newMemberHref: String
    let groupsHref: String
    let groupsLabel: String
    let publishedHref: String?
    /// The person's own lived-experience seats in a published group: whether they are named that way publicly.
    let naming: [NamingChoice]
    let errors: FormErrors
    /// On the public page: the published terms, meetings and decisions.
    let published: PublishedRecords?

    /// Links to what a group has published, for its public page.
    struct PublishedRecords: Encodable, Sendable {
        struct Link: Encodable, Sendable {
            let label: String
            let href: String
        }

        let terms: [Link]
        let meetings: [Link]
        let decisions: [Link]
        let hasTerms: Bool
        let hasMeetings: Bool
        let hasDecisions: Bool
        let calendarHref: String

        init(groupID: Int64, terms: [Link], meetings: [Link], decisions: [Link]) {
            self.terms = terms
            self.meetings = meetings
            self.decisions = decisions
            hasTerms = !terms.isEmpty
            hasMeetings = !meetings.isEmpty
            hasDecisions = !decisions.isEmpty
            calendarHref = Href.publishedGroupCalendar(groupID)
        }
    }

    struct CompositionRow: Encodable, Sendable {
        let requirement: String
        let filledBy: String?
    }

    struct MemberRow: Encodable, Sendable {
        let name: String
        let seat: String
        let represents: String
        let organisation: String?
        let deputy: String?
        let from: String
        let to: String?
        let isCurrent: Bool
        let endAction: String?
    }

    init(
        group: Group, members: [Membership], today: String, canManage: Bool, published: PublishedRecords? = nil,
        viewerID: Int64? = nil, errors: FormErrors = FormErrors()
    ) {
        self.errors = errors
        let isPublicView = published != nil
        self.published = published
        title = group.name
        name = group.name
        kind = group.kind.label
        purpose = group.purpose
        status = group.status.label
        visibility = isPublicView ? nil : group.visibility.label
        groupsHref = isPublicView ? Href.publishedGroups() : Href.groups()
        groupsLabel = isPublicView ? "All published groups" : "All groups"
        // On the public page nobody is labelled an expert by experience or a carer unless they agreed to be.
        let unnamed = Set(
            isPublicView ? members.filter { PublicNaming.hidesSeat(of: $0) }.map(\.personName) : [])
        let report = CompositionCheck.check(
            requirements: group.requirements, members: members.map(\.compositionMember), on: today)
        composition = report.lines.map { line in
            CompositionRow(
                requirement: line.requirement.label,
                filledBy: PublicNaming.filledBy(line.filledBy, requirement: line.requirement, unnamed: unnamed))
        }
        hasRequirements = !composition.isEmpty
        let missing = report.missing.count
        missingSummary =
            missing == 1
            ? "1 seat the group must have is missing." : "\(missing) seats the group must have are missing."
        allFilled = report.missing.isEmpty
        needsLivedExperienceChair = !isPublicView && !report.hasLivedExperienceChair
        self.members = members.map { member in
            let current = member.compositionMember.isCurrent(on: today)
            return MemberRow(
                name: member.personName, seat: member.seat.label,
                represents: isPublicView && PublicNaming.hidesSeat(of: member)
                    ? PublicNaming.notShown : Self.represents(member),
                organisation: member.organisation, deputy: member.deputyName,
                from: LondonTime.day(member.startsOn),
                to: member.endsOn.map(LondonTime.day),
                isCurrent: current,
                endAction: canManage && (member.endsOn == nil || member.endsOn! > today)
                    ? Href.endMembership(group.id, member.id) : nil
            )
        }
        hasMembers = !self.members.isEmpty
        self.canManage = canManage
        editHref = Href.editGroup(group.id)
        termsHref = isPublicView ? nil : Href.terms(group.id)
        decisionsHref = isPublicView ? nil : Href.decisions(group.id)
        meetingsHref = isPublicView ? nil : Href.meetings(group.id)
        proposalsHref = isPublicView ? nil : Href.proposals(group.id)
        allianceHref = !isPublicView && group.kind == .vcseAlliance ? Href.alliance(group.id) : nil
        newMemberHref = Href.newMembership(group.id)
        publishedHref = group.visibility == .published ? Href.publishedGroup(group.id) : nil
        naming =
            isPublicView || group.visibility != .published
            ? []
            : members.filter {
                $0.userID == viewerID && $0.hasLivedExperienceSeat && $0.compositionMember.isCurrent(on: today)
            }.enumerated().map { NamingChoice(group: group, membership: $1, first: $0 == 0, errors: errors) }
    }

    /// A member's choice, on their own lived-experience seat, whether the public page names them that way.
    struct NamingChoice: Encodable, Sendable {
        let action: String
        let seat: String
        let namedPublicly: Bool
        let fieldName = PublicNaming.Field.namedPublicly.rawValue
        let yesID: String
        let noID: String
        let hintID: String
        let error: String?
        let errorID: String

        init(group: Group, membership: Membership, first: Bool, errors: FormErrors) {
            action = Href.namedPublicly(group.id, membership.id)
            seat = PublicNaming.seatPhrase(membership.sector)
            namedPublicly = membership.namedPublicly
            // The first choice carries the field's own id, so the error summary's link lands on it.
            yesID =
                first ? Field.inputID(PublicNaming.Field.namedPublicly.rawValue) : "named-publicly-yes-\(membership.id)"
            noID = "named-publicly-no-\(membership.id)"
            hintID = "named-publicly-hint-\(membership.id)"
            error = first ? errors[PublicNaming.Field.namedPublicly.rawValue] : nil
            errorID = "named-publicly-error-\(membership.id)"
        }
    }
}

extension GroupPage {
    /// What a member represents in words: their sector, and the under-served community they named, if any (one
    /// person can sit for both: the composition check counts them for each).
    static func represents(_ member: Membership) -> String {
        guard let community = member.compositionMember.community else { return member.sector.label }
        if member.sector == .underServedCommunity { return community }
        return "\(member.sector.label); and \(community) (an under-served community)"
    }
}

struct MembershipFormPage: PageModel {
    static let template = "groups/membership"
    let title: String
    let groupName: String
    let person: SelectField
    let seat: ChoiceField
    let sector: SelectField
    let community: Field
    let organisation: Field
    let deputy: SelectField
    let startsOn: Field
    let endsOn: Field
    let errors: FormErrors
    let action: String
    let cancelHref: String

    init(group: Group, people: [User], form: FormData, errors: FormErrors) {
        typealias F = MembershipForm.MembershipField
        title = "Add a member to \(group.name)"
        groupName = group.name
        let active = people.filter(\.isActive).map { (value: String($0.id ?? 0), label: $0.name) }
        person = SelectField(
            F.person, label: "Person", options: [("", "Choose a person")] + active, form: form, errors: errors)
        seat = ChoiceField(
            radios: F.seat, legend: "Seat", options: Seat.allCases.map { ($0.rawValue, $0.label) }, form: form,
            errors: errors)
        sector = SelectField(
            F.sector, label: "Represents", hint: "The sector or community they bring to the table.",
            options: [("", "Choose a sector or community")] + Sector.allCases.map { ($0.rawValue, $0.label) },
            form: form, errors: errors
        )
        community = Field(
            F.community, label: "Under-served community they represent (if any)", form: form,
            hint:
                "Someone can represent both a sector and a community: an expert by experience from an under-served community fills both seats.",
            errors: errors)
        organisation = Field(
            F.organisation, label: "Organisation (optional)", form: form, autocomplete: "organization",
            errors: errors)
        deputy = SelectField(
            F.deputy, label: "Deputy (optional)",
            hint: "Someone who can attend in their place, where the terms of reference allow deputies.",
            options: [("", "No deputy")] + active, form: form, errors: errors
        )
        startsOn = Field(F.startsOn, label: "Joins on", form: form, type: "date", errors: errors)
        endsOn = Field(F.endsOn, label: "Leaves on (optional)", form: form, type: "date", errors: errors)
        self.errors = errors
        action = Href.memberships(group.id)
        cancelHref = Href.group(group.id)
    }
}

/// The published groups, for the public: each links to its public page.
struct PublishedGroupsPage: PageModel {
    static let template = "groups/published-index"
    let title = "The partnership's groups"
    let groups: [Row]
    let hasGroups: Bool
    let homeHref = Href.home()

    struct Row: Encodable, Sendable {
        let name: String
        let href: String
        let kind: String
        let purpose: String
        let isClosed: Bool
    }

    init(groups: [Group]) {
        self.groups = groups.map { group in
            Row(
                name: group.name, href: Href.publishedGroup(group.id), kind: group.kind.label, purpose: group.purpose,
                isClosed: group.status == .closed)
        }
        hasGroups = !self.groups.isEmpty
    }
}
