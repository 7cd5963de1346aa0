import Foundation

/// The representative and agreement fields, shared by adding a member and editing one.
struct MemberDetailsFields: Encodable, Sendable {
    let representativeName: Field
    let representativeEmail: Field
    let principlesAgreedOn: Field
    let termsAgreedOn: Field
    let termsVersion: SelectField

    init(form: FormData, termsVersions: [(number: Int, status: TermsStatus)], errors: FormErrors) {
        typealias F = AllianceForms.MemberDetailsField
        representativeName = Field(
            F.representativeName, label: "Representative's name (optional)", form: form,
            hint: "The person who speaks for the organisation in the alliance.", errors: errors)
        representativeEmail = Field(
            F.representativeEmail, label: "Representative's work email address (optional)",
            form: form,
            type: "email", errors: errors)
        principlesAgreedOn = Field(
            F.principlesAgreedOn, label: "Day it agreed the shared principles (optional)",
            form: form,
            type: "date", hint: "Leave blank if it has not agreed them yet.", errors: errors)
        termsAgreedOn = Field(
            F.termsAgreedOn, label: "Day it agreed the terms of reference (optional)", form: form,
            type: "date", hint: "Leave blank if it has not agreed them yet.", errors: errors)
        let options =
            [("", termsVersions.isEmpty ? "No terms of reference written yet" : "Not agreed yet")]
            + termsVersions.map { (String($0.number), "Version \($0.number) (\($0.status.label.lowercased()))") }
        termsVersion = SelectField(
            F.termsVersion, label: "Version of the terms of reference it agreed", options: options,
            form: form, errors: errors)
    }

    static func formData(_ member: AllianceMember) -> FormData {
        typealias F = AllianceForms.MemberDetailsField
        return FormData([
            (F.representativeName, member.representativeName), (F.representativeEmail, member.representativeEmail),
            (F.principlesAgreedOn, member.principlesAgreedOn ?? ""), (F.termsAgreedOn, member.termsAgreedOn ?? ""),
            (F.termsVersion, member.termsVersion.map(String.init) ?? ""),
        ])
    }
}

/// Adding an organisation from the register to the alliance.
struct NewAllianceMemberPage: PageModel {
    static let template = "alliance/member-new"
    static let hasForm = true
    let title = "Add an organisation to the alliance"
    let allianceName: String
    let action: String
    let cancelHref: String
    let newOrganisationHref: String
    let hasOrganisations: Bool
    let organisation: SelectField
    let status: ChoiceField
    let onDay: Field
    let details: MemberDetailsFields
    let errors: FormErrors

    init(
        group: Group, addable: [Organisation], termsVersions: [(number: Int, status: TermsStatus)], form: FormData,
        errors: FormErrors
    ) {
        typealias F = AllianceForms.NewMemberField
        allianceName = group.name
        action = Href.newAllianceMember(group.id)
        newOrganisationHref = OrganisationThen.registerLink(then: .addToAlliance(groupID: group.id))
        cancelHref = Href.alliance(group.id)
        hasOrganisations = !addable.isEmpty
        organisation = SelectField(
            F.organisation, label: "Organisation",
            hint: "Organisations on the register that are not closed and not already in this alliance.",
            options: [("", "Choose an organisation")]
                + addable.map { (String($0.id), "\($0.name) (\($0.sector.label))") },
            form: form, errors: errors)
        status = ChoiceField(
            radios: F.status, legend: "Where has it got to?",
            options: MembershipRules.firstStatuses.map { ($0.rawValue, $0.label) },
            form: form, errors: errors)
        onDay = Field(
            F.onDay, label: "Day it reached this status", form: form, type: "date",
            hint: "Today or earlier.", errors: errors)
        details = MemberDetailsFields(form: form, termsVersions: termsVersions, errors: errors)
        self.errors = errors
    }
}

/// A member organisation: what the register says, its status and history, representative, agreements and reach.
struct AllianceMemberPage: PageModel {
    static let template = "alliance/member"
    static let hasForm = true
    let title: String
    let allianceName: String
    let allianceHref: String
    let registerHref: String
    let organisation: [SummaryRow]
    let status: String
    let tagClass: String
    let since: String
    let joinedOn: String
    let history: [HistoryRow]
    let representative: String
    let representativeEmail: String?
    let principles: String
    let terms: String
    let communities: [String]
    let hasCommunities: Bool
    let canManage: Bool
    let editHref: String
    let statusForm: StatusForm?
    let allocations: MemberAllocations
    let errors: FormErrors

    struct SummaryRow: Encodable, Sendable {
        let label: String
        let value: String
    }

    struct HistoryRow: Encodable, Sendable {
        let day: String
        let status: String
        let tagClass: String
        let note: String
        let by: String
    }

    struct StatusForm: Encodable, Sendable {
        let action: String
        let version: String
        let status: ChoiceField
        let onDay: Field
        let note: Field
    }

    init(
        group: Group, member: AllianceMember, organisation: Organisation, history: [MembershipHistoryEntry],
        communities: [Community],
        allocations: MemberAllocations, seesPrivate: Bool, canManage: Bool, today: String, form: FormData = FormData(),
        errors: FormErrors = FormErrors()
    ) {
        title = member.organisationName
        self.allocations = allocations
        allianceName = group.name
        allianceHref = Href.alliance(group.id)
        registerHref = Href.organisation(organisation.id)
        let details = organisation.details
        var rows = [SummaryRow(label: "Sector", value: details.sector.label)]
        if details.sector == .vcse {
            rows.append(SummaryRow(label: "Size", value: details.size.map { "\($0.label): \($0.band)" } ?? "Not given"))
            rows.append(
                SummaryRow(
                    label: "Kind",
                    value: details.kinds.isEmpty ? "Not given" : details.kinds.map(\.label).joined(separator: ", ")))
        }
        if !details.charityNumber.isEmpty {
            rows.append(SummaryRow(label: "Charity number", value: details.charityNumber))
        }
        if !details.companyNumber.isEmpty {
            rows.append(SummaryRow(label: "Company number", value: details.companyNumber))
        }
        rows.append(
            SummaryRow(label: "Area served", value: details.areaServed.isEmpty ? "Not given" : details.areaServed))
        if !details.website.isEmpty { rows.append(SummaryRow(label: "Website", value: details.website)) }
        rows.append(SummaryRow(label: "On the register", value: details.status.label))
        self.organisation = rows
        status = member.status.label
        tagClass = member.status.tagClass
        since = LondonTime.day(member.statusSince)
        joinedOn =
            MembershipRules.joinedOn(history: history.map { ($0.status, $0.onDay) }).map(LondonTime.day)
            ?? "Not a member yet"
        self.history = history.reversed().map {
            HistoryRow(
                day: LondonTime.day($0.onDay), status: $0.status.label, tagClass: $0.status.tagClass,
                note: $0.note.isEmpty ? "None" : $0.note, by: $0.byName ?? "Not recorded")
        }
        representative = member.representativeName.isEmpty ? "Not given" : member.representativeName
        representativeEmail = seesPrivate && !member.representativeEmail.isEmpty ? member.representativeEmail : nil
        principles = AllianceWording.agreed(member.principlesAgreedOn)
        terms = AllianceWording.terms(member.termsAgreedOn, version: member.termsVersion)
        let byID = Dictionary(uniqueKeysWithValues: communities.map { ($0.id, $0) })
        self.communities = details.communityIDs.compactMap { byID[$0] }.filter { !$0.isRetired }
            .map { $0.underServed ? "\($0.name) (under-served)" : $0.name }
        hasCommunities = !self.communities.isEmpty
        self.canManage = canManage
        editHref = Href.editAllianceMember(group.id, member.id)
        typealias F = AllianceForms.StatusChangeField
        statusForm =
            canManage
            ? StatusForm(
                action: Href.allianceMemberStatus(group.id, member.id),
                version: form[EditField.version].isEmpty ? String(member.version) : form[EditField.version],
                status: ChoiceField(
                    radios: F.status, legend: "New status",
                    options: MembershipRules.allowedMoves(from: member.status).map { ($0.rawValue, $0.label) },
                    form: form, errors: errors),
                onDay: Field(
                    F.onDay, label: "Day it changed",
                    value: form[F.onDay].isEmpty && errors.isEmpty ? today : form[F.onDay], type: "date",
                    hint:
                        "Not before \(LondonTime.day(member.statusSince)), when the current status began, and not after today.",
                    errors: errors),
                note: Field(F.note, label: "Note (optional)", form: form, type: "textarea", errors: errors)
            ) : nil
        self.errors = errors
    }
}

/// Changing a member's representative and agreements. When someone else saved first, theirs is shown above.
struct EditAllianceMemberPage: PageModel {
    static let template = "alliance/member-edit"
    static let hasForm = true
    let title: String
    let action: String
    let cancelHref: String
    let version: String
    let details: MemberDetailsFields
    let theirs: [AllianceMemberPage.SummaryRow]
    let hasTheirs: Bool
    let errors: FormErrors

    init(
        group: Group, member: AllianceMember, termsVersions: [(number: Int, status: TermsStatus)], form: FormData,
        errors: FormErrors,
        conflict: AllianceMember? = nil
    ) {
        title = "Representative and agreements: \(member.organisationName)"
        action = Href.editAllianceMember(group.id, member.id)
        cancelHref = Href.allianceMember(group.id, member.id)
        version = form[EditField.version]
        details = MemberDetailsFields(form: form, termsVersions: termsVersions, errors: errors)
        theirs =
            conflict.map { saved in
                [
                    .init(
                        label: "Representative",
                        value: saved.representativeName.isEmpty ? "Not given" : saved.representativeName),
                    .init(
                        label: "Email address",
                        value: saved.representativeEmail.isEmpty ? "Not given" : saved.representativeEmail),
                    .init(
                        label: "Agreed the shared principles", value: AllianceWording.agreed(saved.principlesAgreedOn)),
                    .init(
                        label: "Agreed the terms of reference",
                        value: AllianceWording.terms(saved.termsAgreedOn, version: saved.termsVersion)),
                    .init(label: "Status", value: "\(saved.status.label) since \(LondonTime.day(saved.statusSince))"),
                ]
            } ?? []
        hasTheirs = !theirs.isEmpty
        self.errors = errors
    }
}
