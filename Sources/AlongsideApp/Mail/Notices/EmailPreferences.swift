import Foundation
import GRDB

/// What each person chose to get by email, per kind (issue 20). With nothing chosen, a kind comes at once.
public enum EmailPreferences {
    public static func choice(userID: Int64, kind: NoticeKind, in db: Database) throws -> NoticeChoice {
        let stored = try String.fetchOne(
            db, sql: "SELECT choice FROM email_preferences WHERE user_id = ? AND kind = ?",
            arguments: [userID, kind.rawValue])
        return stored.flatMap(NoticeChoice.init(rawValue:)) ?? .now
    }

    /// Every kind's choice for a person.
    public static func choices(userID: Int64, in db: Database) throws -> [NoticeKind: NoticeChoice] {
        var choices = Dictionary(uniqueKeysWithValues: NoticeKind.allCases.map { ($0, NoticeChoice.now) })
        for row in try Row.fetchAll(
            db, sql: "SELECT kind, choice FROM email_preferences WHERE user_id = ?", arguments: [userID])
        {
            if let kind = NoticeKind(rawValue: row["kind"]), let choice = NoticeChoice(rawValue: row["choice"]) {
                choices[kind] = choice
            }
        }
        return choices
    }

    /// Records a choice. Items already waiting for a digest stay there: they go out in the next one.
    public static func set(_ choice: NoticeChoice, userID: Int64, kind: NoticeKind, now: Date, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO email_preferences (user_id, kind, choice, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, kind) DO UPDATE SET choice = excluded.choice, changed_at = excluded.changed_at
                """,
            arguments: [userID, kind.rawValue, choice.rawValue, now])
    }
}
