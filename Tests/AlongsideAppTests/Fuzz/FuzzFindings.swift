import Foundation
import NIOConcurrencyHelpers

/// One thing a request showed that it must not: a 5xx, an unescaped payload, a slow answer, a redirect off the
/// site, a stored date that is not `YYYY-MM-DD`. Collected, not failed at once, so one run shows the whole picture.
struct FuzzFinding: Sendable, Hashable {
    let kind: String
    /// "POST /groups/{id}/edit" (the route pattern, so findings group by route).
    let route: String
    let field: String
    let payload: String
    let status: Int
    /// The concrete request or where the value was found.
    let detail: String
}

/// Findings and counts, shared by the fuzzing phases.
final class FuzzReport: Sendable {
    private let state = NIOLockedValueBox<
        (findings: [FuzzFinding], requests: Int, notes: [String], statuses: [String: Int], reviews: [FuzzFinding])
    >(([], 0, [], [:], []))

    func add(_ finding: FuzzFinding) { state.withLockedValue { $0.findings.append(finding) } }
    /// Something to look at that does not fail the test (it may be right for some fields).
    func review(_ finding: FuzzFinding) { state.withLockedValue { $0.reviews.append(finding) } }
    var reviews: [FuzzFinding] { state.withLockedValue { $0.reviews } }
    func note(_ line: String) { state.withLockedValue { $0.notes.append(line) } }
    func countRequest() { state.withLockedValue { $0.requests += 1 } }
    /// Counts answers by method and status, to show the fuzz reached the handlers (not only 403s or 404s).
    func countStatus(_ method: String, _ status: Int) {
        state.withLockedValue { $0.statuses["\(method) \(status)", default: 0] += 1 }
    }
    var statuses: String {
        state.withLockedValue {
            $0.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
    }

    var findings: [FuzzFinding] { state.withLockedValue { $0.findings } }
    var requests: Int { state.withLockedValue { $0.requests } }
    var notes: [String] { state.withLockedValue { $0.notes } }

    /// Findings grouped by kind, route and field, with how many requests showed each and one example payload;
    /// at most `limit` groups.
    func summary(limit: Int = 150, reviews: Bool = false) -> String {
        let findings = reviews ? self.reviews : self.findings
        var groups: [String: (count: Int, example: FuzzFinding, payloads: Set<String>)] = [:]
        var order: [String] = []
        for finding in findings {
            let key = "\(finding.kind) | \(finding.route) | \(finding.field)"
            if groups[key] == nil { order.append(key); groups[key] = (0, finding, []) }
            groups[key]!.count += 1
            groups[key]!.payloads.insert(finding.payload)
        }
        var lines = ["\(findings.count) \(reviews ? "to review (not failing)" : "findings") in \(groups.count) groups:"]
        for key in order.prefix(limit) {
            let group = groups[key]!
            let payloads = group.payloads.sorted().prefix(6).joined(separator: ", ")
            lines.append(
                "- \(key) | status \(group.example.status) | \(group.count)× | payloads: \(payloads) | e.g. \(group.example.detail.prefix(160))"
            )
        }
        if order.count > limit { lines.append("… and \(order.count - limit) more groups") }
        return lines.joined(separator: "\n")
    }
}

/// Writes each request to the file named by FUZZ_TRACE before it is sent. A Swift trap (overflow, force unwrap)
/// kills the whole test process, so nothing can be reported for it; this file's last line is the culprit.
enum FuzzTrace {
    static let path = ProcessInfo.processInfo.environment["FUZZ_TRACE"]

    static func write(_ line: String) {
        guard let path else { return }
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        handle.seekToEndOfFile()
        handle.write(Data((line.prefix(600) + "\n").utf8))
        try? handle.synchronize()
        try? handle.close()
    }
}
