import Foundation
import GRDB

/// Sends people the notices features raise (issue 20), inside the feature's own write transaction, so a message
/// exists exactly when the change it tells of was saved: at once through the outbox, into the person's daily digest,
/// or not at all, as they chose for its kind (`EmailPreferences`). Nothing goes to an account that is switched off.
public struct Notifier: Sendable {
    /// What links in messages start with (`ALONGSIDE_PUBLIC_URL`, or this server's address).
    public let baseURL: String
    /// What Message-IDs end with.
    public let host: String
    public let unsubscribe: UnsubscribeToken

    public init(baseURL: String, host: String, unsubscribe: UnsubscribeToken) {
        (self.baseURL, self.host, self.unsubscribe) = (baseURL, host, unsubscribe)
    }

    /// What became of one notice.
    public enum Outcome: Equatable, Sendable {
        case sent(outboxID: Int64)
        case digested
        case off
        case noRecipient
    }

    /// Sends `notice` to the person with `userID` as they chose; `now` is the change's own time.
    @discardableResult
    public func send(_ notice: Notice, to userID: Int64, now: Date, in db: Database) throws -> Outcome {
        guard let (name, email) = try Self.recipient(userID, in: db) else { return .noRecipient }
        switch try EmailPreferences.choice(userID: userID, kind: notice.kind, in: db) {
        case .off:
            return .off
        case .digest:
            try db.execute(
                sql: """
                    INSERT INTO email_digest_items (user_id, kind, subject, text_body, link_url, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    userID, notice.kind.rawValue, Outbox.oneLine(notice.subject),
                    notice.paragraphs.joined(separator: "\n\n"),
                    notice.link.map { baseURL + $0.path }, now,
                ])
            return .digested
        case .now:
            let mail = NoticeMail.single(
                notice, name: name, email: email, userID: userID, links: links(userID: userID, kind: notice.kind))
            return .sent(outboxID: try Outbox.enqueue(mail, host: host, now: now, in: db))
        }
    }

    /// The name and address mail for `userID` goes to; nil when the account is switched off (or gone).
    static func recipient(_ userID: Int64, in db: Database) throws -> (name: String, email: String)? {
        try Row.fetchOne(db, sql: "SELECT name, email FROM users WHERE id = ? AND is_active = 1", arguments: [userID])
            .map { ($0["name"], $0["email"]) }
    }

    /// Sends `notice` to each of `userIDs` once, leaving out `except` (the person who made the change).
    public func send(_ notice: Notice, to userIDs: [Int64], except: Int64? = nil, now: Date, in db: Database) throws {
        var seen = Set<Int64>()
        for userID in userIDs where userID != except && seen.insert(userID).inserted {
            try send(notice, to: userID, now: now, in: db)
        }
    }

    /// The addresses every message to a person ends with.
    func links(userID: Int64, kind: NoticeKind) -> NoticeMail.Links {
        NoticeMail.Links(
            base: baseURL, preferences: baseURL + Href.emailPreferences(),
            unsubscribe: baseURL + Href.unsubscribe(unsubscribe.make(userID: userID, kind: kind)))
    }
}
