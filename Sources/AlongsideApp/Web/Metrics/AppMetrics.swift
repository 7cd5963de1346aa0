import Foundation
import Prometheus

/// What `/metrics` reports, in Prometheus's text format (issue 21): requests by route pattern, method and status class
/// with their latency, time spent in SQLite statements, sign-in refusals, and (read when asked) the outbox's depth.
/// Labels are route patterns and fixed words only: never a path with ids or tokens, a person, or SQL.
/// One registry for the process: every database pool and request reports to it.
public final class AppMetrics: Sendable {
    public static let shared = AppMetrics()

    let registry = PrometheusCollectorRegistry()
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        .seconds(5),
    ]
    static let statementBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
        .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2),
    ]
    let statements: DurationHistogram

    init() {
        statements = registry.makeDurationHistogram(
            name: "alongside_database_statement_duration_seconds", buckets: Self.statementBuckets,
            help: "Time SQLite spent running each statement")
    }

    /// One request, once its response is known. `route` is the matched pattern ("/groups/{id}"), or "unmatched".
    public func request(route: String, method: String, status: Int, duration: Duration) {
        let statusClass = "\(min(max(status / 100, 1), 5))xx"
        registry.makeCounter(
            name: "alongside_http_requests_total",
            labels: [("route", route), ("method", method), ("status", statusClass)],
            help: "Requests answered, by route pattern, method and status class"
        ).increment()
        registry.makeDurationHistogram(
            name: "alongside_http_request_duration_seconds", labels: [("route", route), ("method", method)],
            buckets: Self.latencyBuckets, help: "Time to answer a request, by route pattern and method"
        ).record(duration)
    }

    /// One SQLite statement's run time (from GRDB's profile trace).
    public func statement(seconds: Double) {
        statements.record(.nanoseconds(Int64(seconds * 1_000_000_000)))
    }

    /// A sign-in that was refused: `reason` is "wrong_details" or "too_many_attempts".
    public func signInRefused(reason: String) {
        registry.makeCounter(
            name: "alongside_sign_in_refusals_total", labels: [("reason", reason)],
            help: "Sign-ins refused, by reason"
        ).increment()
    }

    /// The text for a scrape, with the outbox's counts as they stand.
    public func exposition(outbox counts: [OutboxMessage.Status: Int]) -> String {
        for status in OutboxMessage.Status.allCases {
            registry.makeGauge(
                name: "alongside_outbox_messages", labels: [("status", status.rawValue)],
                help: "Messages in the outbox, by state: waiting to be sent, sent, or not delivered (failed)"
            ).set(to: Double(counts[status] ?? 0))
        }
        return registry.emitToString()
    }
}
