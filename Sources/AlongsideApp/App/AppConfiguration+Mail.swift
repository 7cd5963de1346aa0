import Foundation

extension AppConfiguration {
    /// Whether a mail relay is set up (`ALONGSIDE_SMTP_URL`); without one, messages wait in the outbox.
    var mailRelayConfigured: Bool { mail.smtp != nil }
}

extension AppConfiguration {
    /// The host name messages' ids end with: the public address's, or this server's.
    var mailHost: String {
        URLComponents(string: baseURL)?.host ?? "alongside.invalid"
    }
}

extension AppServices {
    var mailHost: String { configuration.mailHost }
}
