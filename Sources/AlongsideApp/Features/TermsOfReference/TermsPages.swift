import Foundation

struct TermsIndexPage: PageModel {
    static let template = "terms-of-reference/index"
    let title: String
    let groupName: String
    let groupHref: String
    let rows: [Row]
    let hasRows: Bool
    let canManage: Bool
    let startAction: String
    let compareAction: String
    let compareFrom: SelectField?
    let compareTo: SelectField?
    /// The version in force, in full: the adopted text is here, not a further click away (issue 18).
    let adopted: Adopted?

    struct Adopted: Encodable, Sendable {
        let number: Int
        let href: String
        let sections: [TermsSection]
    }

    struct Row: Encodable, Sendable {
        let number: Int
        let href: String
        let status: String
        let updated: String
    }

    init(group: Group, versions: [TermsVersion], canManage: Bool) {
        title = "Terms of reference: \(group.name)"
        groupName = group.name
        groupHref = Href.group(group.id)
        rows = versions.map {
            Row(
                number: $0.number, href: Href.termsVersion(group.id, $0.number), status: $0.status.label,
                updated: LondonTime.date($0.updatedAt))
        }
        hasRows = !rows.isEmpty
        adopted = versions.filter { $0.status == .adopted }.max { $0.number < $1.number }.map {
            Adopted(
                number: $0.number, href: Href.termsVersion(group.id, $0.number),
                sections: $0.content.sections.map { TermsSection(title: $0.title, text: $0.text) })
        }
        self.canManage = canManage
        startAction = Href.terms(group.id)
        compareAction = Href.compareTerms(group.id)
        let options = versions.map {
            (value: String($0.number), label: "Version \($0.number) (\($0.status.label.lowercased()))")
        }
        let canCompare = versions.count >= 2
        compareFrom =
            canCompare
            ? SelectField(
                TermsForm.CompareField.from, label: "Compare version", options: options,
                selected: options.dropFirst().first?.value ?? "",
                errors: FormErrors()) : nil
        compareTo =
            canCompare
            ? SelectField(
                TermsForm.CompareField.to, label: "with version", options: options,
                selected: options.first?.value ?? "",
                errors: FormErrors()) : nil
    }
}

struct TermsSection: Encodable, Sendable {
    let title: String
    let paragraphs: [String]

    init(title: String, text: String) {
        self.title = title
        paragraphs = text.split(separator: "\n").map(String.init)
    }
}

struct TermsVersionPage: PageModel {
    static let template = "terms-of-reference/show"
    let title: String
    let groupName: String
    let termsHref: String
    let number: Int
    let status: String
    let isDraft: Bool
    let isProposed: Bool
    let sections: [TermsSection]
    let canManage: Bool
    let editHref: String
    let proposeAction: String
    let previousCompareHref: String?
    let isPublicView: Bool
    let visibility: String
    let isPublished: Bool
    let publishedHref: String?
    let visibilityAction: String

    init(group: Group, version: TermsVersion, allNumbers: [Int], canManage: Bool, isPublicView: Bool = false) {
        title = "Terms of reference, version \(version.number): \(group.name)"
        groupName = group.name
        termsHref = isPublicView ? Href.publishedGroup(group.id) : Href.terms(group.id)
        number = version.number
        status = version.status.label
        isDraft = version.status == .draft
        isProposed = version.status == .proposed
        sections = version.content.sections.map { TermsSection(title: $0.title, text: $0.text) }
        self.canManage = canManage && !isPublicView
        editHref = Href.editTerms(group.id, version.number)
        proposeAction = Href.proposeTerms(group.id, version.number)
        let previous = allNumbers.filter { $0 < version.number }.max()
        previousCompareHref =
            isPublicView
            ? nil : previous.map { Href.compareTerms(group.id, query: ["from": $0, "to": version.number]) }
        self.isPublicView = isPublicView
        visibility = version.visibility.label
        isPublished = version.visibility == .published
        publishedHref = isPublished ? Href.publishedTerms(group.id, version.number) : nil
        visibilityAction = Href.termsVisibility(group.id, version.number)
    }
}

struct TermsFormPage: PageModel {
    static let template = "terms-of-reference/form"
    let title: String
    let groupName: String
    let number: Int
    let scope: Field
    let attendance: Field
    let deputiesAllowed: ChoiceField
    let decisionMethod: ChoiceField
    let quorumKind: ChoiceField
    let quorumValue: Field
    let quorumNeedsLivedExperience: ChoiceField
    let waysOfWorking: Field
    let reviewOn: Field
    let revision: String
    let errors: FormErrors
    let action: String
    let cancelHref: String
    /// When someone else saved first: what they saved, shown above the form.
    let theirVersion: [TermsSection]?

    init(group: Group, version: TermsVersion, form: FormData, errors: FormErrors, conflict: TermsVersion?) {
        typealias F = TermsForm.TermsField
        title = "Edit draft version \(version.number): \(group.name)"
        groupName = group.name
        number = version.number
        scope = Field(
            F.scope, label: "Scope and approach", form: form, type: "textarea",
            hint: "What the group is for and how it will work.", errors: errors)
        attendance = Field(F.attendance, label: "Attendance", form: form, type: "textarea", errors: errors)
        let yesNo: [(value: String, label: String)] = [("yes", "Yes"), ("no", "No")]
        deputiesAllowed = ChoiceField(
            radios: F.deputiesAllowed, legend: "May members send a deputy?", options: yesNo, form: form,
            errors: errors)
        decisionMethod = ChoiceField(
            radios: F.decisionMethod, legend: "How decisions are made",
            options: DecisionMethod.allCases.map { ($0.rawValue, $0.label) }, form: form, errors: errors)
        quorumKind = ChoiceField(
            radios: F.quorumKind, legend: "How the quorum is counted",
            options: QuorumKind.allCases.map { ($0.rawValue, $0.label) }, form: form, errors: errors)
        quorumValue = Field(
            F.quorumValue, label: "Quorum", form: form,
            hint: "A number of members, or a percentage of members, as chosen above.", errors: errors)
        quorumNeedsLivedExperience = ChoiceField(
            radios: F.quorumNeedsLivedExperience,
            legend: "Must an expert by experience or carer be present for the meeting to be quorate?",
            options: yesNo, form: form, errors: errors
        )
        waysOfWorking = Field(
            F.waysOfWorking, label: "Ways of working", form: form, type: "textarea",
            hint: "Trust, transparency, accessibility and the commitment to co-production.", errors: errors)
        reviewOn = Field(F.reviewOn, label: "Review date (optional)", form: form, type: "date", errors: errors)
        revision = form[F.revision]
        self.errors = errors
        action = Href.termsVersion(group.id, version.number)
        cancelHref = Href.termsVersion(group.id, version.number)
        theirVersion = conflict.map { $0.content.sections.map { TermsSection(title: $0.title, text: $0.text) } }
    }
}

struct TermsComparePage: PageModel {
    static let template = "terms-of-reference/compare"
    let title: String
    let groupName: String
    let termsHref: String
    let fromNumber: Int
    let toNumber: Int
    let sections: [Section]

    struct Section: Encodable, Sendable {
        let title: String
        let changed: Bool
        let lines: [Line]
    }

    struct Line: Encodable, Sendable {
        let text: String
        let isAdded: Bool
        let isRemoved: Bool
    }

    init(group: Group, from: TermsVersion, to: TermsVersion) {
        title = "Compare versions \(from.number) and \(to.number): \(group.name)"
        groupName = group.name
        termsHref = Href.terms(group.id)
        fromNumber = from.number
        toNumber = to.number
        sections = zip(from.content.sections, to.content.sections).map { old, new in
            let lines = TextComparison.lines(from: old.text, to: new.text).map { line -> Line in
                switch line {
                case .same(let text): return Line(text: text, isAdded: false, isRemoved: false)
                case .added(let text): return Line(text: text, isAdded: true, isRemoved: false)
                case .removed(let text): return Line(text: text, isAdded: false, isRemoved: true)
                }
            }
            return Section(title: new.title, changed: old.text != new.text, lines: lines)
        }
    }
}
