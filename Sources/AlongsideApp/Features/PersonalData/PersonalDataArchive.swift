import Foundation
import ZIPFoundation

/// One person's data as a ZIP (issue 21): `README.txt` saying what is in it, `data.json` with every section, and a CSV
/// file per section under `csv/`.
enum PersonalDataArchive {
    struct Document: Encodable {
        let madeAt: String
        let person: PersonalDataReader.Person
        let sections: [PersonalDataReader.Section]
    }

    static func fileName(for person: PersonalDataReader.Person, at now: Date) -> String {
        "alongside-data-\(person.id)-\(LondonTime.isoDay(now)).zip"
    }

    static func make(person: PersonalDataReader.Person, sections: [PersonalDataReader.Section], at now: Date) throws
        -> Data
    {
        let archive = try Archive(accessMode: .create)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try encoder.encode(Document(madeAt: LondonTime.dateTime(now), person: person, sections: sections))
        var files: [(String, Data)] = [("README.txt", Data(readme(person: person, sections: sections, at: now).utf8))]
        files.append(("data.json", json))
        for (index, section) in sections.enumerated() {
            let csv = CSVFormat.document(header: section.columns, rows: section.rows.map { $0.map { $0 ?? "" } })
            files.append(("csv/" + csvName(index, section.name), Data(csv.utf8)))
        }
        for (path, data) in files {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: now,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw AppError.notFound }
        return data
    }

    /// "03-claims-user_id.csv"
    static func csvName(_ index: Int, _ name: String) -> String {
        let words = name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" }
        let slug = String(words).split(separator: "-").joined(separator: "-")
        return String(format: "%02d-", index + 1) + slug + ".csv"
    }

    static func readme(person: PersonalDataReader.Person, sections: [PersonalDataReader.Section], at now: Date)
        -> String
    {
        var lines = [
            "Everything Alongside holds about \(person.name) <\(person.email)>, made on \(LondonTime.dateTime(now)).",
            "",
            "data.json holds it all; csv/ holds the same, one file for each part, for a spreadsheet.",
            "Each part is a table of Alongside's database and the column that refers to you: \"claims (user_id)\" is",
            "your claims, \"claims (decided_by)\" the claims you approved or returned. Rows you made can name other",
            "people where that is part of the record (who else was at a meeting, say).",
            "",
            "Left out: your password (only a one-way hash of it is kept, and that is not included), and the secret",
            "tokens of your sessions, links and calendar address.",
            "",
            "Parts:",
        ]
        for (index, section) in sections.enumerated() {
            let count = section.rows.count == 1 ? "1 row" : "\(section.rows.count) rows"
            lines.append("  \(csvName(index, section.name)): \(section.name), \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
