import Foundation

/// The outbox's list: counts by state, a filter, and the newest messages first.
struct OutboxPage: PageModel {
    static let template = "outbox/index"
    let title = "Outbox"
    let relayNote: String
    let counts: [Count]
    let rows: [Row]
    let filters: [Filter]
    let caption: String

    struct Count: Encodable, Sendable {
        let label: String
        let count: Int
    }

    struct Filter: Encodable, Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Row: Encodable, Sendable {
        let subject: String
        let href: String
        let to: String
        let kind: String
        let written: String
        let status: String
        let attempts: Int
        let problem: String?
    }

    init(
        messages: [OutboxMessage], counts: [OutboxMessage.Status: Int], status: OutboxMessage.Status?,
        relayConfigured: Bool
    ) {
        relayNote =
            relayConfigured
            ? "Messages are sent to the mail relay as they are written; one that cannot be sent is tried again later, for up to a day."
            : "No mail relay is set up (ALONGSIDE_SMTP_URL), so messages wait here and are not sent. You can read each one and pass on what it says."
        self.counts = OutboxMessage.Status.allCases.map { Count(label: $0.label, count: counts[$0] ?? 0) }
        filters =
            [Filter(label: "All", href: Href.outbox(), current: status == nil)]
            + OutboxMessage.Status.allCases.map {
                Filter(label: $0.label, href: Href.outbox(query: ["status": $0.rawValue]), current: status == $0)
            }
        caption = "Messages, newest first" + (status.map { ": \($0.label.lowercased())" } ?? "")
        rows = messages.map {
            Row(
                subject: $0.subject, href: Href.outboxMessage($0.id), to: $0.toAddress,
                kind: $0.kind.replacingOccurrences(of: "_", with: " "), written: LondonTime.dateTime($0.createdAt),
                status: $0.status.label, attempts: $0.attempts, problem: $0.lastError.isEmpty ? nil : $0.lastError)
        }
    }
}

/// One message as it was written: its headers and text.
struct OutboxMessagePage: PageModel {
    static let template = "outbox/show"
    let title: String
    let details: [LabelledLine]
    let text: String
    let outboxHref = Href.outbox()

    init(_ message: OutboxMessage) {
        title = message.subject
        var details = [
            LabelledLine(label: "To", value: message.toAddress),
            LabelledLine(label: "About", value: message.kind.replacingOccurrences(of: "_", with: " ")),
            LabelledLine(label: "Written", value: LondonTime.dateTime(message.createdAt)),
            LabelledLine(label: "State", value: message.status.label),
            LabelledLine(label: "Attempts", value: String(message.attempts)),
            LabelledLine(label: "Message-ID", value: message.messageID),
        ]
        if let sent = message.sentAt { details.append(LabelledLine(label: "Sent", value: LondonTime.dateTime(sent))) }
        if !message.lastError.isEmpty { details.append(LabelledLine(label: "Last problem", value: message.lastError)) }
        if let name = message.attachmentName { details.append(LabelledLine(label: "Attached", value: name)) }
        self.details = details
        text = message.textBody
    }
}
