import Foundation
import Logging

/// Everything the server needs to start, checked before it does.
/// Precedence: command line, then environment (`ALONGSIDE_*`), then these defaults.
public struct AppConfiguration: Sendable {
    public var hostname = "127.0.0.1"
    public var port = 8080
    public var databasePath = "data/alongside.sqlite"
    /// The folder holding `Views/`, `Public/` and `Migrations/`.
    public var rootDirectory = FileManager.default.currentDirectoryPath
    /// Set when the site is served over HTTPS (usually behind a proxy): cookies become `Secure` and `__Host-`.
    public var https = false
    /// The address people use to reach the site, for links printed on the command line.
    public var publicURL: String?
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed (`ALONGSIDE_TRUSTED_PROXIES`, comma-separated).
    /// Empty: the header is never believed.
    public var trustedProxies: [String] = []
    /// Time limits, the body cap and the per-address connection cap each connection is held to.
    public var connectionLimits = ConnectionLimits()
    public var sessionPolicy = SessionPolicy()
    public var passwordParameters = Argon2Parameters.owasp
    public var logLevel = Logger.Level.info
    /// The mail relay and the sender (`ALONGSIDE_SMTP_*`, `ALONGSIDE_MAIL_FROM`: `Mail/MailSettings.swift`).
    /// Without a relay, nothing is sent.
    public var mail = MailSettings()
    /// The token that lets a scraper elsewhere read `/metrics` (`ALONGSIDE_METRICS_TOKEN`, sent as
    /// `Authorization: Bearer …`); without one, only this machine may read it. Never logged.
    public var metricsToken: String?

    public init() {}

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    /// Applies `ALONGSIDE_*` variables. A malformed value stops start-up naming the key (never echoing a secret).
    public mutating func apply(environment: [String: String]) throws {
        if let value = environment["ALONGSIDE_HOSTNAME"], !value.isEmpty { hostname = value }
        if let value = environment["ALONGSIDE_PORT"], !value.isEmpty {
            port = try Self.port(value, key: "ALONGSIDE_PORT")
        }
        if let value = environment["ALONGSIDE_DATABASE"], !value.isEmpty { databasePath = value }
        if let value = environment["ALONGSIDE_ROOT"], !value.isEmpty { rootDirectory = value }
        if let value = environment["ALONGSIDE_PUBLIC_URL"], !value.isEmpty { publicURL = value }
        if let value = environment["ALONGSIDE_METRICS_TOKEN"], !value.isEmpty {
            guard value.utf8.count >= 32, value.utf8.count <= 200, value.allSatisfy({ $0.isASCII && !$0.isWhitespace })
            else {
                throw Invalid(
                    description: "ALONGSIDE_METRICS_TOKEN must be 32 to 200 characters with no spaces "
                        + "(for example: openssl rand -hex 32).")
            }
            metricsToken = value
        }
        if let value = environment["ALONGSIDE_TRUSTED_PROXIES"], !value.isEmpty {
            trustedProxies = try Self.addresses(value, key: "ALONGSIDE_TRUSTED_PROXIES")
        }
        if let value = environment["ALONGSIDE_MAX_CONNECTIONS_PER_ADDRESS"], !value.isEmpty {
            guard let number = BoundedNumber.parse(value, in: 1...10_000) else {
                throw Invalid(
                    description: "ALONGSIDE_MAX_CONNECTIONS_PER_ADDRESS must be a whole number from 1 to 10000.")
            }
            connectionLimits.perAddress = number
        }
        if let value = environment["ALONGSIDE_HTTPS"], !value.isEmpty {
            switch value.lowercased() {
            case "1", "true", "yes": https = true
            case "0", "false", "no": https = false
            default: throw Invalid(description: "ALONGSIDE_HTTPS must be true or false.")
            }
        }
        if let value = environment["ALONGSIDE_LOG_LEVEL"], !value.isEmpty {
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw Invalid(
                    description:
                        "ALONGSIDE_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical.")
            }
            logLevel = level
        }
        do { mail = try MailSettings(environment: environment) } catch { throw Invalid(description: error.description) }
    }

    public static func port(_ text: String, key: String) throws -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw Invalid(description: "\(key) must be a port number from 0 to 65535.")
        }
        return port
    }

    /// A comma-separated list of IP addresses, each checked.
    public static func addresses(_ text: String, key: String) throws -> [String] {
        try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
            entry in
            guard let address = IPAddressText.normalised(entry) else {
                throw Invalid(description: "\(key) must be IP addresses separated by commas, such as 127.0.0.1,::1.")
            }
            return address
        }
    }

    /// The connection limits with the trusted proxies exempt from the per-address cap (they carry everyone's).
    var effectiveConnectionLimits: ConnectionLimits {
        var limits = connectionLimits
        limits.exempt.formUnion(trustedProxies)
        return limits
    }

    /// The server's logger, at the configured level.
    var logger: Logger {
        var logger = Logger(label: "alongside")
        logger.logLevel = logLevel
        return logger
    }

    /// The base of links printed for people to open.
    public var baseURL: String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let host = hostname == "0.0.0.0" || hostname == "::" ? "127.0.0.1" : hostname
        return "http://\(host):\(port)"
    }

    var viewsDirectory: String { rootDirectory + "/Views" }
    var publicDirectory: String { rootDirectory + "/Public" }
    public var migrationsDirectory: String { rootDirectory + "/Migrations" }

    /// Checks the folders the server reads from exist, naming any that does not.
    public func checkFolders() throws {
        for folder in [viewsDirectory, publicDirectory, migrationsDirectory] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw Invalid(
                    description:
                        "The folder \(folder) was not found. Run Alongside from the project folder, or set ALONGSIDE_ROOT."
                )
            }
        }
    }
}
