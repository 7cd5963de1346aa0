/// Up to three declarations of interest in one submission, as rows of fields. Blank rows are ignored; a row
/// filled in only partly is an error naming the row.
enum DeclarationsForm {
    static let rows = 1...3

    /// One field of one row: "declaration2_took_part" is row 2's `tookPart`.
    struct DeclarationField: FormFieldName, Equatable {
        /// The fields of a row.
        enum Part: String, CaseIterable, Sendable {
            case person, name, interest, tookPart = "took_part"
        }

        let row: Int
        let part: Part

        init(row: Int, part: Part) {
            self.row = row
            self.part = part
        }

        init?(rawValue: String) {
            for row in DeclarationsForm.rows {
                for part in Part.allCases where Self(row: row, part: part).rawValue == rawValue {
                    self.init(row: row, part: part)
                    return
                }
            }
            return nil
        }

        var rawValue: String { "declaration\(row)_\(part.rawValue)" }
    }

    static func name(_ row: Int, _ part: DeclarationField.Part) -> DeclarationField {
        DeclarationField(row: row, part: part)
    }

    /// `people`: the group's members, who can be chosen from the list; anyone else's name is typed.
    static func parse(_ form: FormData, people: [(id: Int64, name: String)], errors: inout FormErrors)
        -> [DecisionDeclaration]
    {
        var declarations: [DecisionDeclaration] = []
        for row in rows {
            let personValue = form.trimmed(name(row, .person)), typed = form.trimmed(name(row, .name))
            let interest = form.trimmed(name(row, .interest)), tookPart = form.trimmed(name(row, .tookPart))
            if personValue.isEmpty, typed.isEmpty, interest.isEmpty, tookPart.isEmpty { continue }
            let person = BoundedNumber.id(personValue).flatMap { id in people.first { $0.id == id } }
            if !personValue.isEmpty, person == nil {
                errors.add(name(row, .person), "Declaration \(row): select a person from the list, or type their name")
            } else if person != nil, !typed.isEmpty {
                errors.add(
                    name(row, .name), "Declaration \(row): choose a person from the list or type a name, not both")
            } else if person == nil, typed.isEmpty {
                errors.add(
                    name(row, .person), "Declaration \(row): choose who declared the interest, or type their name")
            }
            if interest.isEmpty {
                errors.add(name(row, .interest), "Declaration \(row): enter the interest they declared")
            }
            errors.checkLength(typed, name(row, .name), max: TextLimit.line, label: "Declaration \(row): the name")
            errors.checkLength(
                interest, name(row, .interest), max: TextLimit.short, label: "Declaration \(row): the interest")
            if tookPart != "yes", tookPart != "no" {
                errors.add(name(row, .tookPart), "Declaration \(row): select whether they took part in the decision")
            }
            let who = person?.name ?? typed
            if !who.isEmpty, !interest.isEmpty, tookPart == "yes" || tookPart == "no" {
                declarations.append(
                    DecisionDeclaration(
                        userID: person?.id, personName: who, interest: interest, tookPart: tookPart == "yes"))
            }
        }
        return declarations
    }

    /// The form fields for declarations already recorded (when correcting a decision).
    static func pairs(_ declarations: [DecisionDeclaration]) -> [(DeclarationField, String)] {
        zip(rows, declarations).flatMap { row, declaration in
            [
                (name(row, .person), declaration.userID.map(String.init) ?? ""),
                (name(row, .name), declaration.userID == nil ? declaration.personName : ""),
                (name(row, .interest), declaration.interest),
                (name(row, .tookPart), declaration.tookPart ? "yes" : "no"),
            ]
        }
    }
}
