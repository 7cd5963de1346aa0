import Foundation

/// Radios or checkboxes with a hint tied to the fieldset (the shared partials have no hint for radios).
struct HintedChoices: Encodable, Sendable {
    let name: String
    let id: String
    let legend: String
    let hint: String?
    let hintID: String?
    let error: String?
    let errorID: String?
    let describedBy: String?
    let inputType: String
    let choices: [Choice]

    init(_ name: String, legend: String, hint: String?, multiple: Bool, options: [(value: String, label: String)],
         selected: Set<String>, errors: FormErrors) {
        self.name = name
        id = Field.inputID(name)
        self.legend = legend
        self.hint = hint
        hintID = hint == nil ? nil : "\(id)-hint"
        error = errors[name]
        errorID = error == nil ? nil : "\(id)-error"
        let described = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        describedBy = described.isEmpty ? nil : described
        inputType = multiple ? "checkbox" : "radio"
        // The first choice carries the field's id so the error summary link lands on it.
        choices = options.enumerated().map { index, option in
            Choice(value: option.value, label: option.label, id: index == 0 ? Field.inputID(name) : "\(Field.inputID(name))-\(option.value)",
                   checked: selected.contains(option.value))
        }
    }
}

/// One row of a summary list; `href` makes the value a link.
struct DetailRow: Encodable, Sendable {
    let label: String
    let value: String
    let href: String?

    init(_ label: String, _ value: String, href: String? = nil) {
        self.label = label
        self.value = value.isEmpty ? "Not given" : value
        self.href = value.isEmpty ? nil : href
    }
}

/// Every field of an organisation as a summary list (the organisation page, and "their version" on a conflict).
struct OrganisationDetailsView: Encodable, Sendable {
    let details: [DetailRow]

    /// `communities` names the ones reached; without it (the organisation page lists them apart) the row is left out.
    init(_ organisation: OrganisationDetails, communities: [Int64: Community]?) {
        var rows = [DetailRow("Name", organisation.name), DetailRow("Sector", organisation.sector.label)]
        if organisation.sector == .vcse {
            rows.append(DetailRow("Size", organisation.size.map { "\($0.label): \($0.band)" } ?? ""))
            rows.append(DetailRow("Kind of organisation", organisation.kinds.map(\.label).joined(separator: ", ")))
        }
        rows += [
            DetailRow("Charity number", organisation.charityNumber), DetailRow("Company number", organisation.companyNumber),
            DetailRow("Area served", organisation.areaServed),
        ]
        if let communities { rows.append(DetailRow("Communities reached", Self.communityNames(organisation.communityIDs, communities))) }
        rows += [
            DetailRow("Contact", organisation.contactName),
            DetailRow("Email", organisation.contactEmail,
                      href: ContactRules.isEmail(organisation.contactEmail) ? "mailto:" + organisation.contactEmail : nil),
            DetailRow("Phone", organisation.contactPhone),
            DetailRow("Website", organisation.website, href: Self.isWebAddress(organisation.website) ? organisation.website : nil),
            DetailRow("Status", organisation.status.label),
        ]
        details = rows
    }

    static func communityNames(_ ids: [Int64], _ communities: [Int64: Community]) -> String {
        ids.compactMap { communities[$0] }.sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
            .map { $0.name + ($0.underServed ? " (under-served)" : "") }.joined(separator: "; ")
    }

    /// Only http and https addresses become links, so a stored value can never run script.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
