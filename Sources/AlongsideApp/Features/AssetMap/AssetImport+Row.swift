import Foundation

extension AssetImport {
    /// Reads one row's cells into asset details, noting every problem (not just the first) by column.
    struct RowReader {
        let cells: [String]
        let column: [String: Int]
        let row: Int
        let known: Known
        private(set) var problems: [Problem] = []

        init(cells: [String], column: [String: Int], row: Int, known: Known) {
            self.cells = cells
            self.column = column
            self.row = row
            self.known = known
        }

        mutating func problem(_ name: String, _ message: String) {
            problems.append(Problem(row: row, column: name, message: message))
        }

        /// The cell, trimmed, with line endings made plain and the quote the export adds before a cell a spreadsheet
        /// would run as a formula taken off again.
        func cell(_ name: String) -> String {
            guard let index = column[name], index < cells.count else { return "" }
            var value = cells[index].replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
                in: .whitespacesAndNewlines)
            if value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@".contains(next) { value.removeFirst() }
            return value
        }

        mutating func text(_ name: String, limit: Int = AssetImport.maxText) -> String {
            let value = cell(name)
            if value.count > limit { problem(name, "must be \(limit) characters or fewer") }
            return value
        }

        mutating func yesNo(_ name: String, empty: Bool) -> Bool {
            switch cell(name).lowercased() {
            case "": return empty
            case "yes", "y", "true": return true
            case "no", "n", "false": return false
            default:
                problem(name, "must be yes or no, not \"\(cell(name))\"")
                return empty
            }
        }

        /// "; "-separated names, each matched ignoring case.
        func list(_ name: String) -> [String] {
            cell(name).split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
        }

        mutating func draft() -> Draft? {
            var existingID: Int64?
            let idText = cell("id")
            if !idText.isEmpty {
                if let id = BoundedNumber.id(idText), known.assets[id] != nil {
                    existingID = id
                } else {
                    problem("id", "There is no asset with id \"\(idText)\": leave id empty to add a new asset")
                }
            }
            let existing = existingID.flatMap { known.assets[$0] }
            let name = text("name", limit: AssetImport.maxName)
            if name.isEmpty { problem("name", "is empty: every asset needs a name") }
            let category = AssetCategory.named(cell("category"))
            if category == nil {
                problem(
                    "category",
                    cell("category").isEmpty
                        ? "is empty: give one of the nine categories"
                        : "\"\(cell("category"))\" is not a category. Use one of: \(AssetCategory.allCases.map(\.label).joined(separator: "; "))"
                )
            }
            var domains: [AssetDomain] = []
            for item in list("domains") {
                if let domain = AssetDomain.named(item) {
                    domains.append(domain)
                } else {
                    problem(
                        "domains",
                        "\"\(item)\" is not a domain. Use any of: \(AssetDomain.allCases.map(\.label).joined(separator: "; "))"
                    )
                }
            }
            let localityID = locality(existing: existing)
            let needIDs = needs(existing: existing)
            let email = text("email", limit: ContactRules.maxEmailLength)
            if !email.isEmpty, !ContactRules.isEmail(email) {
                problem("email", "\"\(email)\" is not an email address, like name@example.org")
            }
            var website = ""
            switch WebsiteRules.normalise(cell("website")) {
            case .success(let address): website = address
            case .failure(let rule): problem("website", rule.message)
            }
            let lastChecked = cell("last_checked")
            if lastChecked.isEmpty {
                problem("last_checked", "is empty: give the date the entry was last checked, like 2026-03-03")
            } else if LondonTime.startOfDay(lastChecked) == nil {
                problem("last_checked", "\"\(lastChecked)\" is not a real date written like 2026-03-03")
            } else if lastChecked > known.today {
                problem("last_checked", "\(LondonTime.day(lastChecked)) is in the future")
            }
            var status = AssetStatus.active
            if !cell("status").isEmpty {
                if let named = AssetStatus.named(cell("status")) {
                    status = named
                } else {
                    problem("status", "\"\(cell("status"))\" is not a status: use Active, Paused or Closed")
                }
            }
            let organisationID = organisation()
            let details = AssetDetails(
                name: name, category: category ?? .hubsAndSpaces, domains: domains, description: text("description"),
                localityID: localityID,
                address: text("address"), postcode: text("postcode", limit: 20), openingTimes: text("opening_times"),
                phone: text("phone", limit: 100), email: email, website: website, contactNotes: text("other_contact"),
                referralNeeded: yesNo("referral_needed", empty: false), accessInformation: text("access_information"),
                languages: text("languages"), cost: text("cost"), needIDs: needIDs, lastCheckedOn: lastChecked,
                status: status,
                listedPublicly: yesNo("listed_publicly", empty: true), organisationID: organisationID
            )
            return problems.isEmpty ? Draft(row: row, existingID: existingID, details: details) : nil
        }

        /// A retired locality or need is accepted only on a row that updates an asset already linked to it.
        mutating func locality(existing: AssetDetails?) -> Int64? {
            let typed = cell("locality")
            if typed.isEmpty || typed.caseInsensitiveCompare(AssetCSV.wholeArea) == .orderedSame { return nil }
            guard let match = known.localities.first(where: { $0.name.caseInsensitiveCompare(typed) == .orderedSame })
            else {
                problem(
                    "locality",
                    "\"\(typed)\" is not a locality or primary care network in the list: add it to the list first, or leave the cell empty for the whole area"
                )
                return nil
            }
            if match.isRetired, existing?.localityID != match.id {
                problem("locality", "\"\(match.name)\" is retired: bring it back first")
            }
            return match.id
        }

        mutating func needs(existing: AssetDetails?) -> [Int64] {
            var ids: [Int64] = []
            for typed in list("needs") {
                guard let match = known.needs.first(where: { $0.name.caseInsensitiveCompare(typed) == .orderedSame })
                else {
                    problem("needs", "\"\(typed)\" is not a need in the list: add it to the list first")
                    continue
                }
                if match.isRetired, !(existing?.needIDs.contains(match.id) ?? false) {
                    problem("needs", "\"\(match.name)\" is retired: bring it back first")
                }
                ids.append(match.id)
            }
            return ids
        }

        mutating func organisation() -> Int64? {
            let typed = cell("organisation")
            guard !typed.isEmpty else { return nil }
            let matches = known.organisations.filter { $0.name.caseInsensitiveCompare(typed) == .orderedSame }
            if matches.count != 1 {
                problem(
                    "organisation",
                    matches.isEmpty
                        ? "\"\(typed)\" is not an organisation in the register"
                        : "More than one organisation in the register is called \"\(typed)\": link this asset on its page instead"
                )
            }
            return matches.count == 1 ? matches[0].id : nil
        }
    }
}
