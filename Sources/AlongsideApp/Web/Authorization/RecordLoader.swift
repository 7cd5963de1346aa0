import Hummingbird

/// Loads the record a route names (a group) for the person asking, so the policy can check the route's rule against
/// it before the handler runs. A feature answers it; `SiteRoutes` calls it.
public protocol RecordLoader: Sendable {
    associatedtype Record: Sendable
    /// The record as this person may see it, or nil (404) when there is none or they may not see it. `rule` is the
    /// rule the route declares, kept on the record so a handler that checks later checks that rule.
    func load(_ context: AppRequestContext, for person: SignedIn, rule: Rule) async throws -> Record?
    /// What the policy knows of the person in relation to the record.
    func standing(_ record: Record) -> Standing
}

/// When a record route's rule is checked.
public enum RuleCheck: Sendable, Equatable {
    /// As soon as the record is loaded, before the handler runs.
    case beforeHandler
    /// By the handler, once it has loaded a record inside this one (a meeting in a group), so a missing inner record
    /// still answers 404 first.
    case byHandler
}
