import Foundation

/// Checking the payment policy, earnings limit and claim duty forms: plain functions over the submitted values,
/// so each rule is unit-tested without a server.
enum PaymentPolicyForms {
    /// The most a rate or a per-expense limit may be: £1,000.
    static let maxRatePence = 100_000
    /// The most an earnings limit may be: £10,000.
    static let maxEarningsLimitPence = 1_000_000
    static let maxMileagePence = 200
    static let maxDayMinutes = 24 * 60
    static let weeklyHoursRange = 60...(100 * 60)
    static let noteLimit = 1_000
    static let nameLimit = 120

    /// The per-kind limit fields, in the order the form shows them (mileage is worked out, so it has no limit).
    static let limitFields: [(kind: ExpenseKind, field: PolicyField)] = [
        (.travel, .travelLimit), (.care, .careLimit), (.subsistence, .subsistenceLimit), (.other, .otherLimit),
    ]
    static let limitKinds = limitFields.map(\.kind)

    // MARK: The policy

    /// The new policy version form's fields; `step` is the check page's button.
    enum PolicyField: String, FormFieldName {
        case effectiveFrom = "effective_from", halfDay = "half_day", halfDayHours = "half_day_hours"
        case wholeDay = "whole_day", wholeDayHours = "whole_day_hours", mileage
        case travelLimit = "travel_limit", careLimit = "care_limit", subsistenceLimit = "subsistence_limit"
        case otherLimit = "other_limit", note, step
    }

    /// A new policy version. `existingDates` are the start dates of the versions already saved.
    static func policy(_ form: FormData, today: String, existingDates: Set<String>, errors: inout FormErrors)
        -> PaymentPolicyStore.PolicyInput?
    {
        typealias F = PolicyField
        let from = form.trimmed(F.effectiveFrom)
        if from.isEmpty {
            errors.add(F.effectiveFrom, "Enter the date the new policy starts")
        } else if LondonTime.startOfDay(from) == nil {
            errors.add(F.effectiveFrom, "Enter the date the policy starts as a real date, like 2027-04-06")
        } else if from < today {
            errors.add(F.effectiveFrom, "The date the policy starts must be today or later")
        } else if existingDates.contains(from) {
            errors.add(
                F.effectiveFrom,
                "A version of the policy already starts on \(LondonTime.day(from)). Choose a different date")
        }

        let half = rate(form[F.halfDay], field: F.halfDay, what: "the rate for up to half a day", errors: &errors)
        let whole = rate(form[F.wholeDay], field: F.wholeDay, what: "the rate for a whole day", errors: &errors)
        if let half, let whole, whole < half {
            errors.add(
                F.wholeDay, "The rate for a whole day must be at least the rate for half a day (\(Money.format(half)))"
            )
        }

        let halfMinutes = dayHours(form[F.halfDayHours], field: F.halfDayHours, what: "half a day", errors: &errors)
        let wholeMinutes = dayHours(
            form[F.wholeDayHours], field: F.wholeDayHours, what: "a whole day", errors: &errors)
        if let halfMinutes, let wholeMinutes, wholeMinutes < halfMinutes {
            errors.add(
                F.wholeDayHours,
                "The hours counted for a whole day must be at least those for half a day (\(Money.duration(minutes: halfMinutes)))"
            )
        }

        let mileage = mileageRate(form[F.mileage], errors: &errors)

        var limits: [ExpenseKind: Int] = [:]
        for (kind, field) in limitFields {
            let text = form.trimmed(field)
            guard !text.isEmpty else { continue }
            let what = "the limit for \(kind.shortLabel.lowercased())"
            switch Money.parse(text) {
            case .success(let pence) where pence == 0:
                errors.add(
                    field,
                    "Enter a limit for \(kind.shortLabel.lowercased()) of more than £0, or leave it empty for no limit")
            case .success(let pence) where pence > maxRatePence:
                errors.add(
                    field, "The limit for \(kind.shortLabel.lowercased()) must be \(Money.format(maxRatePence)) or less"
                )
            case .success(let pence): limits[kind] = pence
            case .failure(let problem): errors.add(field, moneyMessage(problem, what: what))
            }
        }

        let note = form.trimmed(F.note)
        if note.count > noteLimit { errors.add(F.note, "Keep the note to \(noteLimit) characters or fewer") }

        guard errors.isEmpty, let half, let whole, let halfMinutes, let wholeMinutes, let mileage else { return nil }
        return .init(
            effectiveFrom: from, halfDayPence: half, wholeDayPence: whole, halfDayMinutes: halfMinutes,
            wholeDayMinutes: wholeMinutes,
            mileagePencePerMile: mileage, limits: limits, note: note)
    }

    /// The typed values of a policy, so the form starts from the one in force (the start date left for the person to choose).
    static func formData(from policy: PaymentPolicy?) -> FormData {
        guard let policy else { return FormData() }
        typealias F = PolicyField
        var pairs = [
            (F.effectiveFrom, ""),
            (F.halfDay, Money.plain(policy.halfDayPence)),
            (F.halfDayHours, Money.duration(minutes: policy.halfDayMinutes)),
            (F.wholeDay, Money.plain(policy.wholeDayPence)),
            (F.wholeDayHours, Money.duration(minutes: policy.wholeDayMinutes)),
            (F.mileage, String(policy.mileagePencePerMile)),
        ]
        for (kind, field) in limitFields { pairs.append((field, policy.limit(kind).map(Money.plain) ?? "")) }
        pairs.append((F.note, ""))
        return FormData(pairs)
    }

    private static func rate(_ text: String, field: PolicyField, what: String, errors: inout FormErrors) -> Int? {
        switch Money.parse(text) {
        case .success(let pence) where pence == 0:
            errors.add(field, "Enter \(what) as more than £0")
        case .success(let pence) where pence > maxRatePence:
            errors.add(field, "Enter \(what) as \(Money.format(maxRatePence)) or less")
        case .success(let pence): return pence
        case .failure(let problem): errors.add(field, moneyMessage(problem, what: what))
        }
        return nil
    }

    private static func dayHours(_ text: String, field: PolicyField, what: String, errors: inout FormErrors) -> Int? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            errors.add(field, "Enter the hours \(what) counts as")
            return nil
        }
        guard let minutes = minutes(fromHours: text) else {
            errors.add(
                field, "Enter the hours \(what) counts as in hours and minutes, like 7:30, or in hours, like 7.5")
            return nil
        }
        if minutes == 0 {
            errors.add(field, "The hours \(what) counts as must be more than 0")
        } else if minutes > maxDayMinutes {
            errors.add(field, "The hours \(what) counts as must be 24 hours or fewer")
        } else {
            return minutes
        }
        return nil
    }

    private static func mileageRate(_ text: String, errors: inout FormErrors) -> Int? {
        typealias F = PolicyField
        var cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        if cleaned.hasSuffix("p") { cleaned.removeLast() }
        guard !cleaned.isEmpty else {
            errors.add(F.mileage, "Enter the mileage rate in pence a mile, or 0 if mileage is not paid")
            return nil
        }
        guard cleaned.count <= 4, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }), let pence = Int(cleaned) else {
            errors.add(F.mileage, "Enter the mileage rate in whole pence a mile, like 45")
            return nil
        }
        guard pence <= maxMileagePence else {
            errors.add(F.mileage, "The mileage rate must be \(maxMileagePence)p a mile or less")
            return nil
        }
        return pence
    }

    /// The message for an amount that could not be read, naming what was being entered.
    static func moneyMessage(_ problem: Money.ParseProblem, what: String) -> String {
        switch problem {
        case .empty: return "Enter \(what) in pounds"
        case .notAnAmount: return "Enter \(what) as an amount in pounds, like 50 or 50.00"
        case .tooManyPence: return "Enter \(what) in pounds and pence, with no more than 2 numbers after the point"
        case .negative: return "Enter \(what) as more than £0"
        }
    }

    // MARK: Hours

    /// Reads a length of time as people type it: "7:30", "7.5", "7", "7 hours 30 minutes", "7h 30m", "45 minutes".
    /// Nil when it is not one, or when decimal hours do not make whole minutes ("7.33").
    static func minutes(fromHours text: String) -> Int? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !cleaned.isEmpty, cleaned.count <= 40 else { return nil }
        func digits(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        if cleaned.contains(":") {
            let parts = cleaned.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let hours = digits(parts[0]), parts[1].count == 2, let minutes = digits(parts[1]),
                minutes < 60
            else { return nil }
            return hours * 60 + minutes
        }
        if cleaned.first?.isNumber == true, cleaned.allSatisfy({ $0.isNumber || $0 == "." }) {
            let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let hours = digits(parts[0]) else { return nil }
            guard parts.count == 2 else { return hours * 60 }
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), let value = digits(fraction) else { return nil }
            let hundredths = fraction.count == 1 ? value * 10 : value
            guard (hundredths * 60) % 100 == 0 else { return nil }
            return hours * 60 + hundredths * 60 / 100
        }
        return wordedMinutes(cleaned)
    }

    /// "7 hours 30 minutes", "7h30m", "7 hrs and 30 mins", "45 minutes".
    private static func wordedMinutes(_ text: String) -> Int? {
        // Split into runs of digits and runs of letters, ignoring spaces and the word "and".
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == " " || character == "," {
                if !current.isEmpty { tokens.append(current); current = "" }
                continue
            }
            guard character.isASCII, character.isNumber || character.isLetter else { return nil }
            if let last = current.last, last.isNumber != character.isNumber {
                tokens.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        tokens.removeAll { $0 == "and" }
        guard !tokens.isEmpty, tokens.count % 2 == 0, tokens.count <= 4 else { return nil }
        let hourWords: Set<String> = ["h", "hr", "hrs", "hour", "hours"]
        let minuteWords: Set<String> = ["m", "min", "mins", "minute", "minutes"]
        var hours: Int?, minutes: Int?
        for index in stride(from: 0, to: tokens.count, by: 2) {
            guard tokens[index].count <= 4, let number = Int(tokens[index]) else { return nil }
            let unit = tokens[index + 1]
            if hourWords.contains(unit), hours == nil, minutes == nil {
                hours = number
            } else if minuteWords.contains(unit), minutes == nil {
                minutes = number
            } else {
                return nil
            }
        }
        if hours != nil, let minutes, minutes >= 60 { return nil }
        return (hours ?? 0) * 60 + (minutes ?? 0)
    }

    // MARK: Earnings limits

    /// The message when a limit of the period already starts on the day.
    static func duplicateLimitMessage(_ period: LimitPeriod, from day: String) -> String {
        "A \(period.label.lowercased()) limit already starts on \(LondonTime.day(day)). Choose a different date"
    }

    /// The earnings limit form's fields.
    enum LimitField: String, FormFieldName {
        case period, effectiveFrom = "effective_from", name, amount, hours, note
    }

    /// A new earnings limit. Its start may be in the past, but each period has at most one limit starting on a day.
    static func limit(_ form: FormData, existing: [EarningsLimit], errors: inout FormErrors) -> PaymentPolicyStore
        .LimitInput?
    {
        typealias F = LimitField
        let period = LimitPeriod(rawValue: form[F.period])
        if period == nil { errors.add(F.period, "Select whether the limit is weekly or monthly") }
        let from = form.trimmed(F.effectiveFrom)
        if from.isEmpty {
            errors.add(F.effectiveFrom, "Enter the date the limit applies from")
        } else if LondonTime.startOfDay(from) == nil {
            errors.add(F.effectiveFrom, "Enter the date the limit applies from as a real date, like 2026-04-06")
        } else if let period, existing.contains(where: { $0.period == period && $0.effectiveFrom == from }) {
            errors.add(F.effectiveFrom, duplicateLimitMessage(period, from: from))
        }
        let name = form.trimmed(F.name)
        if name.isEmpty {
            errors.add(F.name, "Enter the limit's name, like Permitted work earnings limit")
        } else if name.count > nameLimit {
            errors.add(F.name, "Keep the name to \(nameLimit) characters or fewer")
        }

        var amount: Int?
        switch Money.parse(form[F.amount]) {
        case .success(let pence) where pence == 0: errors.add(F.amount, "Enter the limit as more than £0")
        case .success(let pence) where pence > maxEarningsLimitPence:
            errors.add(F.amount, "Enter the limit as \(Money.format(maxEarningsLimitPence)) or less")
        case .success(let pence): amount = pence
        case .failure(let problem): errors.add(F.amount, moneyMessage(problem, what: "the limit"))
        }

        var hoursLimit: Int?
        let hoursText = form.trimmed(F.hours)
        if !hoursText.isEmpty {
            if period == .month {
                errors.add(F.hours, "Leave the hours limit empty for a monthly limit: only weekly limits have one")
            } else if let minutes = minutes(fromHours: hoursText) {
                if weeklyHoursRange.contains(minutes) {
                    hoursLimit = minutes
                } else {
                    errors.add(F.hours, "Enter an hours limit between 1 and 100 hours a week")
                }
            } else {
                errors.add(F.hours, "Enter the hours limit in hours, like 16, or hours and minutes, like 15:30")
            }
        }

        let note = form.trimmed(F.note)
        if note.count > noteLimit { errors.add(F.note, "Keep the note to \(noteLimit) characters or fewer") }

        guard errors.isEmpty, let period, let amount else { return nil }
        return .init(
            period: period, effectiveFrom: from, name: name, amountPence: amount, hoursLimitMinutes: hoursLimit,
            note: note)
    }

    // MARK: Claim duties

    /// The claim duty form's fields.
    enum DutyField: String, FormFieldName {
        case person, duty
    }

    /// A person to name for a duty: an active account, not already holding it by their role or by being named.
    static func duty(
        _ form: FormData, people: [User], named: [ClaimDuty], errors: inout FormErrors
    ) -> (user: User, duty: ClaimDuty.Duty)? {
        typealias F = DutyField
        let person = form.id(F.person).flatMap { id in people.first { $0.id == id && $0.isActive } }
        if person == nil { errors.add(F.person, "Select the person to name") }
        let duty = ClaimDuty.Duty(rawValue: form[F.duty])
        if duty == nil { errors.add(F.duty, "Select whether they approve claims or record payments") }
        guard let person, let duty, let id = person.id else { return nil }
        let byRole = Policy.allows(person.role, duty == .approve ? .approveClaims : .recordPayments)
        if byRole {
            errors.add(
                F.person,
                "\(person.name) already \(duty.sentence) as \(article(person.role.label.lowercased())) \(person.role.label.lowercased())"
            )
        } else if named.contains(where: { $0.userID == id && $0.duty == duty }) {
            errors.add(F.person, "\(person.name) already \(duty.sentence)")
        }
        return errors.isEmpty ? (person, duty) : nil
    }

    private static func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
