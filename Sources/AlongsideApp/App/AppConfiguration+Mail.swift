import Foundation

extension AppConfiguration {
    /// Whether a mail relay is set up; without one, messages wait in the outbox.
    var mailRelayConfigured: Bool { false }
}
