import Foundation

/// Checks the meeting form: one meeting, or the first of a series.
enum MeetingForm {
    struct Parsed {
        var input: MeetingStore.MeetingInput
        /// Every start time in the series (just the one when it does not repeat).
        var starts: [Date]
    }

    static let maximumSeries = 24

    static func parse(_ form: FormData, isNew: Bool, errors: inout FormErrors) -> Parsed? {
        let day = form.trimmed("day"), startTime = form.trimmed("start_time"), endTime = form.trimmed("end_time")
        if LondonTime.startOfDay(day) == nil {
            errors.add("day", "Enter the date of the meeting as a real date, like 2027-03-04")
        }
        let startsAt = LondonTime.instant(isoDay: day, time: startTime)
        if LondonTime.startOfDay(day) != nil, startsAt == nil {
            errors.add("start_time", "Enter the start time, like 14:00")
        }
        let endsAt = LondonTime.instant(isoDay: day, time: endTime)
        if LondonTime.startOfDay(day) != nil, endsAt == nil { errors.add("end_time", "Enter the end time, like 16:00") }
        if let startsAt, let endsAt, endsAt <= startsAt {
            errors.add("end_time", "The end time must be after the start time")
        }
        let purpose = form.trimmed("purpose")
        if purpose.isEmpty { errors.add("purpose", "Enter the purpose of the meeting: what it is for") }
        let kind = MeetingKind(rawValue: form["kind"])
        if kind == nil { errors.add("kind", "Select whether this is a meeting or a workshop") }
        let format = MeetingFormat(rawValue: form["format"])
        if format == nil { errors.add("format", "Select how people will take part") }
        let address = form.trimmed("address"), joining = form.trimmed("joining_details")
        if format?.needsAddress == true, address.isEmpty {
            errors.add("address", "Enter the address, so people know where to go")
        }
        if format?.needsJoiningDetails == true, joining.isEmpty {
            errors.add("joining_details", "Enter how to join by video (a link, or how the link will be sent)")
        }
        let access = form.all("access").compactMap(AccessArrangement.init)
        if access.count != form.all("access").count { errors.add("access", "Select access arrangements from the list") }
        let visibility = Visibility(rawValue: form["visibility"])
        if visibility == nil { errors.add("visibility", "Select who can see the meeting") }
        var status = MeetingStatus.planned
        if !isNew {
            if let chosen = MeetingStatus(rawValue: form["status"]) {
                status = chosen
            } else {
                errors.add("status", "Select the meeting's status")
            }
        }
        var every: MeetingRepeat?, count = 1
        if isNew, !form["repeat"].isEmpty {
            every = MeetingRepeat(rawValue: form["repeat"])
            if every == nil { errors.add("repeat", "Select how often the meetings repeat, or that they do not") }
            if let number = BoundedNumber.parse(form["count"], in: 2...maximumSeries) {
                count = number
            } else {
                errors.add("count", "Enter how many meetings to plan, from 2 to \(maximumSeries)")
            }
        }
        errors.checkLength(purpose, "purpose", max: TextLimit.short, label: "The purpose")
        errors.checkLength(address, "address", max: TextLimit.short, label: "The address")
        errors.checkLength(joining, "joining_details", max: TextLimit.short, label: "How to join")
        errors.checkLength(form, "access_notes", max: TextLimit.short, label: "The notes on access")
        errors.checkLength(form, "papers", max: TextLimit.paragraph, label: "The papers")
        guard errors.isEmpty, let startsAt, let endsAt, let kind, let format, let visibility else { return nil }
        let starts =
            every.map { every in
                MeetingRules.seriesDays(firstDay: day, every: every, count: count).compactMap {
                    LondonTime.instant(isoDay: $0, time: startTime)
                }
            } ?? [startsAt]
        let input = MeetingStore.MeetingInput(
            startsAt: startsAt, endsAt: endsAt, purpose: purpose, kind: kind, format: format,
            address: format.needsAddress ? address : "", joiningDetails: format.needsJoiningDetails ? joining : "",
            access: AccessArrangement.allCases.filter(access.contains), accessNotes: form.trimmed("access_notes"),
            papers: form.trimmed("papers"), status: status, visibility: visibility
        )
        return Parsed(input: input, starts: starts)
    }

    /// The form filled in from a meeting, for editing.
    static func formData(for meeting: Meeting) -> FormData {
        var pairs: [(String, String)] = [
            ("day", meeting.day), ("start_time", LondonTime.clockTime(meeting.startsAt)),
            ("end_time", LondonTime.clockTime(meeting.endsAt)),
            ("purpose", meeting.purpose), ("kind", meeting.kind.rawValue), ("format", meeting.format.rawValue),
            ("address", meeting.address),
            ("joining_details", meeting.joiningDetails), ("access_notes", meeting.accessNotes),
            ("papers", meeting.papers),
            ("status", meeting.status.rawValue), ("visibility", meeting.visibility.rawValue),
        ]
        pairs += meeting.access.map { ("access", $0.rawValue) }
        return FormData(pairs)
    }
}

/// The small forms on a meeting's page: an agenda item, a declaration of interest, an action.
enum MeetingItemForms {
    static func agendaItem(_ form: FormData, errors: inout FormErrors) -> (
        title: String, description: String, paper: String
    )? {
        let title = form.trimmed("agenda_title")
        if title.isEmpty { errors.add("agenda_title", "Enter the agenda item's title") }
        errors.checkLength(title, "agenda_title", max: TextLimit.line, label: "The agenda item's title")
        errors.checkLength(form, "agenda_description", max: TextLimit.paragraph, label: "The description")
        errors.checkLength(form, "agenda_paper", max: TextLimit.short, label: "The paper")
        guard errors.isEmpty else { return nil }
        return (title, form.trimmed("agenda_description"), form.trimmed("agenda_paper"))
    }

    static func declaration(
        _ form: FormData, items: [AgendaItem], people: [Int64], errors: inout FormErrors
    ) -> (itemID: Int64, userID: Int64, interest: String, tookPart: Bool)? {
        let item = form.id("declaration_item").flatMap { id in items.contains { $0.id == id } ? id : nil }
        if item == nil { errors.add("declaration_item", "Select the agenda item the interest is about") }
        let person = form.id("declaration_person").flatMap { people.contains($0) ? $0 : nil }
        if person == nil { errors.add("declaration_person", "Select who declared the interest") }
        let interest = form.trimmed("declaration_interest")
        if interest.isEmpty { errors.add("declaration_interest", "Describe the interest declared") }
        errors.checkLength(interest, "declaration_interest", max: TextLimit.short, label: "The interest")
        let tookPart = form["declaration_took_part"]
        if tookPart != "yes" && tookPart != "no" {
            errors.add("declaration_took_part", "Select whether they took part in the item")
        }
        guard errors.isEmpty, let item, let person else { return nil }
        return (item, person, interest, tookPart == "yes")
    }

    static func action(_ form: FormData, items: [AgendaItem], people: [Int64], errors: inout FormErrors) -> ActionStore
        .ActionInput?
    {
        let what = form.trimmed("action_what")
        if what.isEmpty { errors.add("action_what", "Enter what needs to be done") }
        errors.checkLength(what, "action_what", max: TextLimit.short, label: "What needs to be done")
        let owner = form.id("action_owner").flatMap { people.contains($0) ? $0 : nil }
        if owner == nil { errors.add("action_owner", "Select who will do it") }
        let due = form.trimmed("action_due")
        if LondonTime.startOfDay(due) == nil {
            errors.add("action_due", "Enter the due date as a real date, like 2027-03-31")
        }
        var itemID: Int64?
        if !form["action_item"].isEmpty {
            itemID = form.id("action_item").flatMap { id in items.contains { $0.id == id } ? id : nil }
            if itemID == nil { errors.add("action_item", "Select an agenda item from the list, or none") }
        }
        guard errors.isEmpty, let owner else { return nil }
        return ActionStore.ActionInput(what: what, ownerUserID: owner, dueOn: due, agendaItemID: itemID)
    }

    static func actionUpdate(_ form: FormData, errors: inout FormErrors) -> (
        status: ActionStatus, dueOn: String, notes: String
    )? {
        let status = ActionStatus(rawValue: form["status"])
        if status == nil { errors.add("status", "Select the action's status") }
        let due = form.trimmed("due_on")
        if LondonTime.startOfDay(due) == nil {
            errors.add("due_on", "Enter the due date as a real date, like 2027-03-31")
        }
        errors.checkLength(form, "notes", max: TextLimit.paragraph, label: "The notes")
        guard errors.isEmpty, let status else { return nil }
        return (status, due, form.trimmed("notes"))
    }

    /// Minutes against each agenda item sent (`minutes_<item id>`), each limited in length; nil when one is too long.
    static func minutes(_ form: FormData, agenda: [AgendaItem], errors: inout FormErrors) -> [Int64: String]? {
        let minutes = Dictionary(
            agenda.compactMap { item in
                form.values["minutes_\(item.id)"] == nil ? nil : (item.id, form.trimmed("minutes_\(item.id)"))
            }
        ) { $1 }
        for (index, item) in agenda.enumerated() {
            errors.checkLength(
                minutes[item.id] ?? "", "minutes_\(item.id)", max: TextLimit.paragraph,
                label: "The minutes for item \(index + 1)")
        }
        return errors.isEmpty ? minutes : nil
    }

    /// Attendance for each expected member: `attendance_<user id>` holds their status.
    static func attendance(
        _ form: FormData, expected: [MeetingRules.Expected], errors: inout FormErrors
    ) -> [AttendanceEntry]? {
        var entries: [AttendanceEntry] = []
        for member in expected {
            let name = "attendance_\(member.userID)"
            guard let status = AttendanceStatus(rawValue: form[name]) else {
                errors.add(
                    name, "Select whether \(member.name) was present, sent apologies, sent their deputy or was absent")
                continue
            }
            if status == .deputy, member.deputyUserID == nil {
                errors.add(
                    name,
                    "\(member.name) has no named deputy. Add a deputy to their membership, or choose another answer")
                continue
            }
            entries.append(
                AttendanceEntry(
                    userID: member.userID, status: status,
                    deputyUserID: status == .deputy ? member.deputyUserID : nil,
                    deputyName: status == .deputy ? member.deputyName : nil))
        }
        return errors.isEmpty ? entries : nil
    }
}
