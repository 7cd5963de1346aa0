import Foundation
import NIOSSL

/// How mail leaves Alongside, read from the environment:
/// `ALONGSIDE_SMTP_URL` (`smtp://host:port`, or `smtp+starttls://host:port` to require STARTTLS),
/// `ALONGSIDE_SMTP_USER` and `ALONGSIDE_SMTP_PASSWORD` (both or neither), `ALONGSIDE_MAIL_FROM`
/// (`Name <address>` or an address; needed with a relay) and `ALONGSIDE_SMTP_CA_FILE` (a PEM certificate to trust
/// besides the system's, for an internal relay). With no URL there is no relay (`smtp` is nil).
public struct MailSettings: Sendable {
    public var smtp: SMTPConfiguration?
    public var from: MailAddress?

    public init(smtp: SMTPConfiguration? = nil, from: MailAddress? = nil) {
        self.smtp = smtp
        self.from = from
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the settings; a bad value is named by its key, and no value is echoed (a URL might hold a password).
    public init(environment: [String: String]) throws(Invalid) {
        func value(_ key: String) -> String? {
            environment[key].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        if let text = value("ALONGSIDE_MAIL_FROM") {
            do { from = try MailAddress(parsing: text) } catch {
                throw Invalid(
                    description:
                        "ALONGSIDE_MAIL_FROM must be an email address, such as Alongside <alongside@example.org>.")
            }
        }
        let user = value("ALONGSIDE_SMTP_USER"), password = environment["ALONGSIDE_SMTP_PASSWORD"] ?? ""
        guard let url = value("ALONGSIDE_SMTP_URL") else {
            if user != nil || value("ALONGSIDE_SMTP_CA_FILE") != nil {
                throw Invalid(
                    description: "ALONGSIDE_SMTP_URL must be set too (such as smtp+starttls://mail.example.org:587).")
            }
            return
        }
        var smtp = try SMTPConfiguration(url: url)
        // The relay is told the site's own name in EHLO, when there is one.
        if let site = value("ALONGSIDE_PUBLIC_URL").flatMap({ URLComponents(string: $0)?.host }),
            !site.isEmpty, !SocketAddressText.isIPAddress(site),
            site.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
        {
            smtp.helloName = site
        }
        if let user {
            guard !password.isEmpty else {
                throw Invalid(description: "ALONGSIDE_SMTP_PASSWORD must be set when ALONGSIDE_SMTP_USER is.")
            }
            guard !user.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw Invalid(description: "ALONGSIDE_SMTP_USER must be one line.")
            }
            smtp.credentials = SMTPCredentials(user: user, password: password)
        } else if !password.isEmpty {
            throw Invalid(description: "ALONGSIDE_SMTP_USER must be set when ALONGSIDE_SMTP_PASSWORD is.")
        }
        if let path = value("ALONGSIDE_SMTP_CA_FILE") {
            do {
                smtp.extraTrustedCertificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                throw Invalid(
                    description: "ALONGSIDE_SMTP_CA_FILE must name a readable file of PEM certificates (\(path)).")
            }
            guard !smtp.extraTrustedCertificates.isEmpty else {
                throw Invalid(description: "ALONGSIDE_SMTP_CA_FILE holds no PEM certificate (\(path)).")
            }
        }
        guard from != nil else {
            throw Invalid(
                description:
                    "ALONGSIDE_MAIL_FROM must be set when ALONGSIDE_SMTP_URL is (such as Alongside <alongside@example.org>)."
            )
        }
        self.smtp = smtp
    }
}

/// A user name and password for the relay. Printing, dumping or logging it shows neither.
public struct SMTPCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let user: String
    let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "\(user) (password hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["user": user]) }
}

/// Where the relay is and how to talk to it.
public struct SMTPConfiguration: Sendable {
    public enum Security: Sendable, Equatable {
        /// `smtp://`: STARTTLS when the server offers it, plain otherwise.
        case startTLSWhenOffered
        /// `smtp+starttls://`: refuse to send unless the connection is upgraded with STARTTLS.
        case startTLSRequired
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var credentials: SMTPCredentials?
    /// Trusted besides the system's certificate authorities.
    public var extraTrustedCertificates: [NIOSSLCertificate] = []
    /// The name given in EHLO: this machine's, as the relay should see it.
    public var helloName = "localhost"
    public var connectTimeout: Duration = .seconds(10)
    /// How long to wait for each reply.
    public var replyTimeout: Duration = .seconds(60)
    /// How long to wait for the reply to the end of a message (RFC 5321 section 4.5.3.2 suggests 10 minutes).
    public var messageTimeout: Duration = .seconds(300)

    public init(host: String, port: Int, security: Security = .startTLSWhenOffered, credentials: SMTPCredentials? = nil)
    {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
    }

    /// Reads `smtp://host[:port]` (port 25 by default) or `smtp+starttls://host[:port]` (587 by default).
    public init(url text: String) throws(MailSettings.Invalid) {
        let usage = "ALONGSIDE_SMTP_URL must be smtp://host:port or smtp+starttls://host:port"
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtp+starttls"
        else { throw MailSettings.Invalid(description: usage + ".") }
        guard url.user == nil, url.password == nil else {
            throw MailSettings.Invalid(
                description: usage
                    + ", with no user or password in it: set ALONGSIDE_SMTP_USER and ALONGSIDE_SMTP_PASSWORD instead.")
        }
        guard var host = url.host, !host.isEmpty, url.path.isEmpty || url.path == "/", url.query == nil,
            url.fragment == nil
        else { throw MailSettings.Invalid(description: usage + ", with nothing after the port.") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port ?? (scheme == "smtp" ? 25 : 587)
        guard (1...65_535).contains(port) else {
            throw MailSettings.Invalid(description: usage + ", with a port from 1 to 65535.")
        }
        self.init(host: host, port: port, security: scheme == "smtp" ? .startTLSWhenOffered : .startTLSRequired)
    }
}
