import Foundation

/// Checks the group form and turns it into input; problems go into `errors`.
enum GroupForm {
    static func parse(_ form: FormData, kinds: [GroupKind], existing: Group?, errors: inout FormErrors) -> GroupStore
        .GroupInput?
    {
        let name = form.trimmed("name"), purpose = form.trimmed("purpose")
        if name.isEmpty {
            errors.add("name", "Enter the group's name")
        } else if name.count > 150 {
            errors.add("name", "Name must be 150 characters or fewer")
        }
        let kind = existing?.kind ?? GroupKind(rawValue: form["kind"])
        if existing == nil, kind.map({ !kinds.contains($0) }) ?? true { errors.add("kind", "Select the kind of group") }
        if purpose.isEmpty { errors.add("purpose", "Enter the group's purpose: what it is for") }
        errors.checkLength(purpose, "purpose", max: TextLimit.paragraph, label: "The purpose")
        let status = GroupStatus(rawValue: form["status"])
        if status == nil { errors.add("status", "Select the group's status") }
        let visibility = Visibility(rawValue: form["visibility"])
        if visibility == nil { errors.add("visibility", "Select who can see the group") }
        let requirements =
            existing == nil
            ? (kind?.defaultRequirements ?? [])
            : SeatRequirement.allCases.filter { form.all("requirements").contains($0.rawValue) }
        guard errors.isEmpty, let kind, let status, let visibility else { return nil }
        return .init(
            name: name, kind: kind, purpose: purpose, status: status, visibility: visibility, requirements: requirements
        )
    }
}

/// Checks the membership form against the people who exist.
enum MembershipForm {
    /// `deputiesAllowed` comes from the terms of reference in force (true when there are none yet).
    static func parse(_ form: FormData, people: [User], deputiesAllowed: Bool, errors: inout FormErrors) -> GroupStore
        .MembershipInput?
    {
        let activeIDs = Set(people.filter(\.isActive).compactMap(\.id))
        let person = form.id("person").flatMap { activeIDs.contains($0) ? $0 : nil }
        if person == nil { errors.add("person", "Select the person joining the group") }
        let seat = Seat(rawValue: form["seat"])
        if seat == nil { errors.add("seat", "Select their seat on the group") }
        let sector = Sector(rawValue: form["sector"])
        if sector == nil { errors.add("sector", "Select the sector or community they represent") }
        let community = form.trimmed("community")
        if sector == .underServedCommunity, community.isEmpty {
            errors.add("community", "Enter the name of the community they represent")
        }
        var deputy: Int64?
        if !form["deputy"].isEmpty {
            deputy = form.id("deputy").flatMap { activeIDs.contains($0) ? $0 : nil }
            if !deputiesAllowed {
                errors.add("deputy", "The group's terms of reference do not allow deputies. Choose no deputy")
            } else if deputy == nil {
                errors.add("deputy", "Select a deputy from the list, or no deputy")
            } else if deputy == person {
                errors.add("deputy", "A deputy must be someone other than the member")
            }
        }
        let startsOn = form.trimmed("starts_on"), endsOn = form.trimmed("ends_on")
        if LondonTime.startOfDay(startsOn) == nil {
            errors.add("starts_on", "Enter the date they join as a real date, like 2026-03-03")
        }
        if !endsOn.isEmpty {
            if LondonTime.startOfDay(endsOn) == nil {
                errors.add("ends_on", "Enter the date they leave as a real date, like 2027-03-31")
            } else if endsOn < startsOn {
                errors.add("ends_on", "The date they leave must be on or after the date they join")
            }
        }
        let organisation = form.trimmed("organisation")
        errors.checkLength(community, "community", max: TextLimit.line, label: "The community's name")
        errors.checkLength(organisation, "organisation", max: TextLimit.line, label: "The organisation's name")
        guard errors.isEmpty, let person, let seat, let sector else { return nil }
        return .init(
            userID: person, seat: seat, sector: sector, community: community.isEmpty ? nil : community,
            organisation: organisation.isEmpty ? nil : organisation, deputyUserID: deputy, startsOn: startsOn,
            endsOn: endsOn.isEmpty ? nil : endsOn
        )
    }
}
