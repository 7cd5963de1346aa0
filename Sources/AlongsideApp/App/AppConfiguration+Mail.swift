import Foundation

extension AppConfiguration {
    /// Whether a mail relay is set up (`ALONGSIDE_SMTP_URL`); without one, messages wait in the outbox.
    var mailRelayConfigured: Bool { mail.smtp != nil }
}
