import Foundation

/// Checks the meeting form: one meeting, or the first of a series.
enum MeetingForm {
    struct Parsed {
        var input: MeetingStore.MeetingInput
        /// Every start time in the series (just the one when it does not repeat).
        var starts: [Date]
    }

    static let maximumSeries = 24

    /// The meeting form's fields (planning a meeting or a series, and changing one).
    enum MeetingField: String, FormFieldName {
        case day, startTime = "start_time", endTime = "end_time", purpose, kind, format, address
        case joiningDetails = "joining_details", access, accessNotes = "access_notes", papers, visibility, status
        case repeats = "repeat", count
    }

    static func parse(_ form: FormData, isNew: Bool, errors: inout FormErrors) -> Parsed? {
        typealias F = MeetingField
        let day = form.trimmed(F.day), startTime = form.trimmed(F.startTime), endTime = form.trimmed(F.endTime)
        if LondonTime.startOfDay(day) == nil {
            errors.add(F.day, "Enter the date of the meeting as a real date, like 2027-03-04")
        }
        let startsAt = LondonTime.instant(isoDay: day, time: startTime)
        if LondonTime.startOfDay(day) != nil, startsAt == nil {
            errors.add(F.startTime, "Enter the start time, like 14:00")
        }
        let endsAt = LondonTime.instant(isoDay: day, time: endTime)
        if LondonTime.startOfDay(day) != nil, endsAt == nil { errors.add(F.endTime, "Enter the end time, like 16:00") }
        if let startsAt, let endsAt, endsAt <= startsAt {
            errors.add(F.endTime, "The end time must be after the start time")
        }
        let purpose = form.trimmed(F.purpose)
        if purpose.isEmpty { errors.add(F.purpose, "Enter the purpose of the meeting: what it is for") }
        let kind = MeetingKind(rawValue: form[F.kind])
        if kind == nil { errors.add(F.kind, "Select whether this is a meeting or a workshop") }
        let format = MeetingFormat(rawValue: form[F.format])
        if format == nil { errors.add(F.format, "Select how people will take part") }
        let address = form.trimmed(F.address), joining = form.trimmed(F.joiningDetails)
        if format?.needsAddress == true, address.isEmpty {
            errors.add(F.address, "Enter the address, so people know where to go")
        }
        if format?.needsJoiningDetails == true, joining.isEmpty {
            errors.add(F.joiningDetails, "Enter how to join by video (a link, or how the link will be sent)")
        }
        let access = form.all(F.access).compactMap(AccessArrangement.init)
        if access.count != form.all(F.access).count { errors.add(F.access, "Select access arrangements from the list") }
        let visibility = Visibility(rawValue: form[F.visibility])
        if visibility == nil { errors.add(F.visibility, "Select who can see the meeting") }
        var status = MeetingStatus.planned
        if !isNew {
            if let chosen = MeetingStatus(rawValue: form[F.status]) {
                status = chosen
            } else {
                errors.add(F.status, "Select the meeting's status")
            }
        }
        var every: MeetingRepeat?, count = 1
        if isNew, !form[F.repeats].isEmpty {
            every = MeetingRepeat(rawValue: form[F.repeats])
            if every == nil { errors.add(F.repeats, "Select how often the meetings repeat, or that they do not") }
            if let number = BoundedNumber.parse(form[F.count], in: 2...maximumSeries) {
                count = number
            } else {
                errors.add(F.count, "Enter how many meetings to plan, from 2 to \(maximumSeries)")
            }
        }
        errors.checkLength(purpose, F.purpose, max: TextLimit.short, label: "The purpose")
        errors.checkLength(address, F.address, max: TextLimit.short, label: "The address")
        errors.checkLength(joining, F.joiningDetails, max: TextLimit.short, label: "How to join")
        errors.checkLength(form, F.accessNotes, max: TextLimit.short, label: "The notes on access")
        errors.checkLength(form, F.papers, max: TextLimit.paragraph, label: "The papers")
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
            access: AccessArrangement.allCases.filter(access.contains), accessNotes: form.trimmed(F.accessNotes),
            papers: form.trimmed(F.papers), status: status, visibility: visibility
        )
        return Parsed(input: input, starts: starts)
    }

    /// The form filled in from a meeting, for editing.
    static func formData(for meeting: Meeting) -> FormData {
        typealias F = MeetingField
        var pairs: [(F, String)] = [
            (F.day, meeting.day), (F.startTime, LondonTime.clockTime(meeting.startsAt)),
            (F.endTime, LondonTime.clockTime(meeting.endsAt)),
            (F.purpose, meeting.purpose), (F.kind, meeting.kind.rawValue), (F.format, meeting.format.rawValue),
            (F.address, meeting.address),
            (F.joiningDetails, meeting.joiningDetails), (F.accessNotes, meeting.accessNotes),
            (F.papers, meeting.papers),
            (F.status, meeting.status.rawValue), (F.visibility, meeting.visibility.rawValue),
        ]
        pairs += meeting.access.map { (F.access, $0.rawValue) }
        return FormData(pairs)
    }
}

/// The small forms on a meeting's page: an agenda item, a declaration of interest, an action.
enum MeetingItemForms {
    /// The agenda item form's fields.
    enum AgendaItemField: String, FormFieldName {
        case title = "agenda_title", description = "agenda_description", paper = "agenda_paper"
    }

    /// The declaration of interest form's fields.
    enum DeclarationField: String, FormFieldName {
        case item = "declaration_item", person = "declaration_person", interest = "declaration_interest"
        case tookPart = "declaration_took_part"
    }

    /// The fields of the form that adds an action.
    enum ActionField: String, FormFieldName {
        case what = "action_what", owner = "action_owner", due = "action_due", item = "action_item"
    }

    /// The fields of the form that updates an action.
    enum ActionUpdateField: String, FormFieldName {
        case status, dueOn = "due_on", notes, deliverables
    }

    /// The fields of the filter over everyone's actions (a query string).
    enum ActionFilterField: String, FormFieldName {
        case person, group, status
    }

    /// The fields the minutes and attendance forms hold once per record.
    enum ProceedingsPart: String, CaseIterable, Sendable {
        case minutes, attendance
    }

    /// A field the minutes and attendance forms hold once per record: "minutes_12" holds the minutes for agenda
    /// item 12, "attendance_7" the attendance of the person with user id 7.
    typealias ProceedingsField = NumberedField<ProceedingsPart>

    static func agendaItem(_ form: FormData, errors: inout FormErrors) -> (
        title: String, description: String, paper: String
    )? {
        typealias F = AgendaItemField
        let title = form.trimmed(F.title)
        if title.isEmpty { errors.add(F.title, "Enter the agenda item's title") }
        errors.checkLength(title, F.title, max: TextLimit.line, label: "The agenda item's title")
        errors.checkLength(form, F.description, max: TextLimit.paragraph, label: "The description")
        errors.checkLength(form, F.paper, max: TextLimit.short, label: "The paper")
        guard errors.isEmpty else { return nil }
        return (title, form.trimmed(F.description), form.trimmed(F.paper))
    }

    static func declaration(
        _ form: FormData, items: [AgendaItem], people: [Int64], errors: inout FormErrors
    ) -> (itemID: Int64, userID: Int64, interest: String, tookPart: Bool)? {
        typealias F = DeclarationField
        let item = form.id(F.item).flatMap { id in items.contains { $0.id == id } ? id : nil }
        if item == nil { errors.add(F.item, "Select the agenda item the interest is about") }
        let person = form.id(F.person).flatMap { people.contains($0) ? $0 : nil }
        if person == nil { errors.add(F.person, "Select who declared the interest") }
        let interest = form.trimmed(F.interest)
        if interest.isEmpty { errors.add(F.interest, "Describe the interest declared") }
        errors.checkLength(interest, F.interest, max: TextLimit.short, label: "The interest")
        let tookPart = form[F.tookPart]
        if tookPart != "yes" && tookPart != "no" {
            errors.add(F.tookPart, "Select whether they took part in the item")
        }
        guard errors.isEmpty, let item, let person else { return nil }
        return (item, person, interest, tookPart == "yes")
    }

    static func action(_ form: FormData, items: [AgendaItem], people: [Int64], errors: inout FormErrors) -> ActionStore
        .ActionInput?
    {
        typealias F = ActionField
        let what = form.trimmed(F.what)
        if what.isEmpty { errors.add(F.what, "Enter what needs to be done") }
        errors.checkLength(what, F.what, max: TextLimit.short, label: "What needs to be done")
        let owner = form.id(F.owner).flatMap { people.contains($0) ? $0 : nil }
        if owner == nil { errors.add(F.owner, "Select who will do it") }
        let due = form.trimmed(F.due)
        if LondonTime.startOfDay(due) == nil {
            errors.add(F.due, "Enter the due date as a real date, like 2027-03-31")
        }
        var itemID: Int64?
        if !form[F.item].isEmpty {
            itemID = form.id(F.item).flatMap { id in items.contains { $0.id == id } ? id : nil }
            if itemID == nil { errors.add(F.item, "Select an agenda item from the list, or none") }
        }
        guard errors.isEmpty, let owner else { return nil }
        return ActionStore.ActionInput(what: what, ownerUserID: owner, dueOn: due, agendaItemID: itemID)
    }

    /// An action's new status, due date and notes, and the deliverables it names: only from those `offered`.
    static func actionUpdate(_ form: FormData, offered: Set<Int64>, errors: inout FormErrors) -> (
        status: ActionStatus, dueOn: String, notes: String, deliverableIDs: [Int64]
    )? {
        typealias F = ActionUpdateField
        let status = ActionStatus(rawValue: form[F.status])
        if status == nil { errors.add(F.status, "Select the action's status") }
        let due = form.trimmed(F.dueOn)
        if LondonTime.startOfDay(due) == nil {
            errors.add(F.dueOn, "Enter the due date as a real date, like 2027-03-31")
        }
        errors.checkLength(form, F.notes, max: TextLimit.paragraph, label: "The notes")
        let chosen = GroupedChoices.chosenIDs(form.all(F.deliverables), offered: offered)
        if chosen.refused { errors.add(F.deliverables, "Select deliverables from the list") }
        guard errors.isEmpty, let status else { return nil }
        return (status, due, form.trimmed(F.notes), chosen.ids)
    }

    /// Minutes against each agenda item sent (`minutes_<item id>`), each limited in length; nil when one is too long.
    static func minutes(_ form: FormData, agenda: [AgendaItem], errors: inout FormErrors) -> [Int64: String]? {
        let minutes = Dictionary(
            agenda.compactMap { item in
                let field = ProceedingsField(.minutes, item.id)
                return form.all(field).isEmpty ? nil : (item.id, form.trimmed(field))
            }
        ) { $1 }
        for (index, item) in agenda.enumerated() {
            errors.checkLength(
                minutes[item.id] ?? "", ProceedingsField(.minutes, item.id), max: TextLimit.paragraph,
                label: "The minutes for item \(index + 1)")
        }
        return errors.isEmpty ? minutes : nil
    }

    /// Attendance for each expected member: `attendance_<user id>` holds their status.
    /// `deputiesAllowed`: the terms of reference in force on the meeting's day allow deputies. When they do not, the
    /// form does not offer "sent their deputy" (issue 17) and the answer is refused.
    static func attendance(
        _ form: FormData, expected: [MeetingRules.Expected], deputiesAllowed: Bool = true, errors: inout FormErrors
    ) -> [AttendanceEntry]? {
        var entries: [AttendanceEntry] = []
        for member in expected {
            let name = ProceedingsField(.attendance, member.userID)
            guard let status = AttendanceStatus(rawValue: form[name]) else {
                errors.add(
                    name,
                    deputiesAllowed && member.deputyUserID != nil
                        ? "Select whether \(member.name) was present, sent apologies, sent their deputy or was absent"
                        : "Select whether \(member.name) was present, sent apologies or was absent")
                continue
            }
            if status == .deputy, !deputiesAllowed {
                errors.add(
                    name,
                    "The terms of reference do not allow deputies. Select whether \(member.name) was present, sent apologies or was absent"
                )
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
