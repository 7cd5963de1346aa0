import Foundation

/// Checks the group form and turns it into input; problems go into `errors`.
enum GroupForm {
    /// The group form's fields (creating and changing a group).
    enum GroupField: String, FormFieldName {
        case name, kind, purpose, status, visibility, requirements
    }

    static func parse(_ form: FormData, kinds: [GroupKind], existing: Group?, errors: inout FormErrors) -> GroupStore
        .GroupInput?
    {
        typealias F = GroupField
        let name = form.trimmed(F.name), purpose = form.trimmed(F.purpose)
        if name.isEmpty {
            errors.add(F.name, "Enter the group's name")
        } else if name.count > 150 {
            errors.add(F.name, "Name must be 150 characters or fewer")
        }
        let kind = existing?.kind ?? GroupKind(rawValue: form[F.kind])
        if existing == nil, kind.map({ !kinds.contains($0) }) ?? true { errors.add(F.kind, "Select the kind of group") }
        if purpose.isEmpty { errors.add(F.purpose, "Enter the group's purpose: what it is for") }
        errors.checkLength(purpose, F.purpose, max: TextLimit.paragraph, label: "The purpose")
        let status = GroupStatus(rawValue: form[F.status])
        if status == nil { errors.add(F.status, "Select the group's status") }
        let visibility = Visibility(rawValue: form[F.visibility])
        if visibility == nil { errors.add(F.visibility, "Select who can see the group") }
        let requirements =
            existing == nil
            ? (kind?.defaultRequirements ?? [])
            : SeatRequirement.allCases.filter { form.all(F.requirements).contains($0.rawValue) }
        guard errors.isEmpty, let kind, let status, let visibility else { return nil }
        return .init(
            name: name, kind: kind, purpose: purpose, status: status, visibility: visibility, requirements: requirements
        )
    }
}

/// Checks the membership form against the people who exist.
enum MembershipForm {
    /// The membership form's fields.
    enum MembershipField: String, FormFieldName {
        case person, seat, sector, community, organisation, deputy, startsOn = "starts_on", endsOn = "ends_on"
    }

    /// `deputiesAllowed` comes from the terms of reference in force (true when there are none yet).
    static func parse(_ form: FormData, people: [User], deputiesAllowed: Bool, errors: inout FormErrors) -> GroupStore
        .MembershipInput?
    {
        typealias F = MembershipField
        let activeIDs = Set(people.filter(\.isActive).compactMap(\.id))
        let person = form.id(F.person).flatMap { activeIDs.contains($0) ? $0 : nil }
        if person == nil { errors.add(F.person, "Select the person joining the group") }
        let seat = Seat(rawValue: form[F.seat])
        if seat == nil { errors.add(F.seat, "Select their seat on the group") }
        let sector = Sector(rawValue: form[F.sector])
        if sector == nil { errors.add(F.sector, "Select the sector or community they represent") }
        let community = form.trimmed(F.community)
        if sector == .underServedCommunity, community.isEmpty {
            errors.add(F.community, "Enter the name of the community they represent")
        }
        var deputy: Int64?
        if !form[F.deputy].isEmpty {
            deputy = form.id(F.deputy).flatMap { activeIDs.contains($0) ? $0 : nil }
            if !deputiesAllowed {
                errors.add(F.deputy, "The group's terms of reference do not allow deputies. Choose no deputy")
            } else if deputy == nil {
                errors.add(F.deputy, "Select a deputy from the list, or no deputy")
            } else if deputy == person {
                errors.add(F.deputy, "A deputy must be someone other than the member")
            }
        }
        let startsOn = form.trimmed(F.startsOn), endsOn = form.trimmed(F.endsOn)
        if LondonTime.startOfDay(startsOn) == nil {
            errors.add(F.startsOn, "Enter the date they join as a real date, like 2026-03-03")
        }
        if !endsOn.isEmpty {
            if LondonTime.startOfDay(endsOn) == nil {
                errors.add(F.endsOn, "Enter the date they leave as a real date, like 2027-03-31")
            } else if endsOn < startsOn {
                errors.add(F.endsOn, "The date they leave must be on or after the date they join")
            }
        }
        let organisation = form.trimmed(F.organisation)
        errors.checkLength(community, F.community, max: TextLimit.line, label: "The community's name")
        errors.checkLength(organisation, F.organisation, max: TextLimit.line, label: "The organisation's name")
        guard errors.isEmpty, let person, let seat, let sector else { return nil }
        return .init(
            userID: person, seat: seat, sector: sector, community: community.isEmpty ? nil : community,
            organisation: organisation.isEmpty ? nil : organisation, deputyUserID: deputy, startsOn: startsOn,
            endsOn: endsOn.isEmpty ? nil : endsOn
        )
    }
}
