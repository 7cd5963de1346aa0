import Foundation

/// One thing `alongside check-config` found (issue 21): either it must be fixed before the site holds real people's
/// data, or it is advice.
public struct ProductionFinding: Sendable, Equatable {
    public enum Severity: Sendable, Equatable {
        case mustFix, advice
    }

    public let severity: Severity
    public let message: String

    public init(severity: Severity, message: String) {
        self.severity = severity
        self.message = message
    }

    static func mustFix(_ message: String) -> Self { Self(severity: .mustFix, message: message) }
    static func advice(_ message: String) -> Self { Self(severity: .advice, message: message) }
}

/// What is missing or unsafe for production, worked out from the configuration `alongside serve` would use and from
/// what is on disk (`ProductionFiles`), as plain functions so each rule is tested without touching the machine.
/// deploy/README.md shows the settings these rules expect.
public enum ProductionCheck {
    /// How old the newest backup may be: a day, and an hour for the daily timer's run (deploy/alongside-backup.timer).
    public static let backupAge: TimeInterval = 25 * 60 * 60

    public static func findings(_ configuration: AppConfiguration, files: ProductionFiles, now: Date)
        -> [ProductionFinding]
    {
        publicAddress(configuration) + https(configuration) + listening(configuration) + folders(files)
            + databaseFiles(configuration.databasePath, files: files) + backups(files, now: now) + mail(configuration)
            + logging(configuration)
    }

    /// The lines `alongside check-config` prints: what must be fixed first, then advice, then a summary.
    public static func report(_ findings: [ProductionFinding]) -> String {
        let mustFix = findings.filter { $0.severity == .mustFix }, advice = findings.filter { $0.severity == .advice }
        let lines = mustFix.map { "Must fix: " + $0.message } + advice.map { "Advice: " + $0.message }
        let summary =
            mustFix.isEmpty
            ? "Nothing must be fixed."
            : "\(mustFix.count) \(mustFix.count == 1 ? "thing" : "things") must be fixed."
        return (lines + [summary]).joined(separator: "\n")
    }

    /// Links handed to people are built from the public address, never from a request's Host header.
    static func publicAddress(_ configuration: AppConfiguration) -> [ProductionFinding] {
        guard let text = configuration.publicURL else {
            return [
                .mustFix(
                    "ALONGSIDE_PUBLIC_URL is not set, so links handed to people (set-password links, calendar feeds, "
                        + "meeting invitations) would start \(configuration.baseURL). Set it to the address people use, "
                        + "such as https://alongside.example.org.")
            ]
        }
        guard let url = URLComponents(string: text), url.scheme?.lowercased() == "https", let host = url.host,
            !host.isEmpty
        else {
            return [
                .mustFix(
                    "ALONGSIDE_PUBLIC_URL (\(text)) is not an https:// address: links handed to people must use "
                        + "HTTPS, such as https://alongside.example.org.")
            ]
        }
        guard url.path.isEmpty || url.path == "/" else {
            return [
                .advice(
                    "ALONGSIDE_PUBLIC_URL (\(text)) has a path: Alongside's own pages link from the root of the site, "
                        + "so serve it at the root of its own name, such as https://alongside.example.org.")
            ]
        }
        return []
    }

    /// The site is HTTPS only through a proxy, which must then be named so the client's address is known.
    static func https(_ configuration: AppConfiguration) -> [ProductionFinding] {
        var findings: [ProductionFinding] = []
        if !configuration.https {
            findings.append(
                .mustFix(
                    "ALONGSIDE_HTTPS is not true: cookies go without Secure and the __Host- prefix, and no HSTS "
                        + "header is sent. Serve the site through an HTTPS proxy (deploy/nginx-alongside.conf) and set "
                        + "ALONGSIDE_HTTPS=true."))
            if !configuration.trustedProxies.isEmpty {
                findings.append(
                    .advice(
                        "ALONGSIDE_TRUSTED_PROXIES names a proxy but ALONGSIDE_HTTPS is not true: if that proxy serves "
                            + "HTTPS, say so with ALONGSIDE_HTTPS=true."))
            }
        } else if configuration.trustedProxies.isEmpty {
            findings.append(
                .mustFix(
                    "ALONGSIDE_TRUSTED_PROXIES is not set, though ALONGSIDE_HTTPS says a proxy serves the site: every "
                        + "request seems to come from the proxy, so everyone shares one address for the sign-in limits "
                        + "and the cap of \(configuration.connectionLimits.perAddress) connections per address. Set it to "
                        + "the proxy's address, such as 127.0.0.1."))
        }
        if isLoopback(configuration.hostname) {
            let unreachable = configuration.trustedProxies.filter { !isLoopback($0) }
            if !unreachable.isEmpty {
                findings.append(
                    .advice(
                        "Alongside listens on \(configuration.hostname) only, which a proxy at "
                            + "\(unreachable.joined(separator: ", ")) cannot reach. Run the proxy on this machine, or "
                            + "listen on an address it can reach."))
            }
        }
        return findings
    }

    /// Alongside speaks plain HTTP: only the proxy should reach it.
    static func listening(_ configuration: AppConfiguration) -> [ProductionFinding] {
        guard !isLoopback(configuration.hostname) else { return [] }
        let place = "\(configuration.hostname) port \(configuration.port)"
        if configuration.trustedProxies.isEmpty {
            return [
                .advice(
                    "Alongside listens on \(place), which other machines may reach, and names no proxy: it speaks "
                        + "plain HTTP. Listen on 127.0.0.1 behind an HTTPS proxy (ALONGSIDE_HOSTNAME=127.0.0.1).")
            ]
        }
        return [
            .advice(
                "Alongside listens on \(place): let only the proxy reach it (a firewall), since a request sent "
                    + "straight to it skips HTTPS.")
        ]
    }

    static func folders(_ files: ProductionFiles) -> [ProductionFinding] {
        files.missingFolders.map { folder in
            .mustFix(
                "The folder \(folder) was not found: run Alongside from the folder holding Views/, Public/ and "
                    + "Migrations/, or set ALONGSIDE_ROOT.")
        }
    }

    /// The database holds people's lived experience, benefits choices and payments: its own account only.
    static func databaseFiles(_ path: String, files: ProductionFiles) -> [ProductionFinding] {
        let folder = ProductionFiles.folder(of: path)
        guard let folderMode = files.modes[folder] else {
            return [
                .advice(
                    "There is no folder \(folder) for the database yet; `alongside serve` makes it, readable by its own "
                        + "account only.")
            ]
        }
        var findings = open(folder, mode: folderMode, isFolder: true)
        guard files.modes[path] != nil else {
            return findings + [.advice("There is no database at \(path) yet; `alongside serve` makes it.")]
        }
        for file in [path] + ProductionFiles.companions(of: path) {
            if let mode = files.modes[file] { findings += open(file, mode: mode, isFolder: false) }
        }
        return findings
    }

    /// A daily backup, kept where this check can see it.
    static func backups(_ files: ProductionFiles, now: Date) -> [ProductionFinding] {
        let folder = files.backupsFolder
        let advice =
            "Back up daily with `alongside backup --into \(folder)` (deploy/alongside-backup.timer), or name the "
            + "folder the backups go to with --backups."
        guard let folderMode = files.modes[folder], let names = files.backupNames else {
            return [.mustFix("There is no folder of backups at \(folder). " + advice)]
        }
        var findings = open(folder, mode: folderMode, isFolder: true)
        let backups = names.compactMap { name in BackupRetention.stamp(ofFileNamed: name).map { (name, $0) } }
        for (name, _) in backups {
            if let mode = files.modes[folder + "/" + name] {
                findings += open(folder + "/" + name, mode: mode, isFolder: false)
            }
        }
        guard let newest = backups.map(\.1).max(), let made = date(ofStamp: newest) else {
            return findings + [.mustFix("There is no backup in \(folder). " + advice)]
        }
        if now.timeIntervalSince(made) > backupAge {
            findings.append(
                .mustFix(
                    "The newest backup in \(folder) is from \(readable(made)), more than a day ago. " + advice))
        }
        return findings
    }

    /// Without a relay nobody is told of a set-password link or a meeting.
    static func mail(_ configuration: AppConfiguration) -> [ProductionFinding] {
        guard let smtp = configuration.mail.smtp else {
            return [
                .advice(
                    "No mail relay is set (ALONGSIDE_SMTP_URL): set-password links, meeting invitations and reminders "
                        + "wait in the outbox and nobody is told. See README.md, \"Email\", and try the settings with "
                        + "`alongside send-test-email`.")
            ]
        }
        guard smtp.security == .startTLSWhenOffered, !isLoopback(smtp.host) else { return [] }
        return [
            .advice(
                "ALONGSIDE_SMTP_URL starts smtp://, so mail (set-password links among it) goes unencrypted to "
                    + "\(smtp.host) if it does not offer STARTTLS. smtp+starttls:// sends nothing without it.")
        ]
    }

    static func logging(_ configuration: AppConfiguration) -> [ProductionFinding] {
        guard configuration.logLevel <= .debug else { return [] }
        return [
            .advice(
                "ALONGSIDE_LOG_LEVEL is \(configuration.logLevel.rawValue): logs are long and say more than a running "
                    + "site needs. Use info.")
        ]
    }

    /// Group or other accounts may read, write or (for a folder) enter it.
    static func open(_ path: String, mode: Int, isFolder: Bool) -> [ProductionFinding] {
        guard mode & 0o077 != 0 else { return [] }
        let octal = String(mode & 0o7777, radix: 8)
        return [
            .mustFix(
                "\(isFolder ? "The folder" : "The file") \(path) is open to other accounts than its owner (mode "
                    + "\(octal)): chmod \(isFolder ? "700" : "600") \(path).")
        ]
    }

    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]"
            || (host.hasPrefix("127.") && IPAddressText.normalised(host) != nil)
    }

    /// The UTC time a backup's "YYYYMMDD-HHMMSS" names.
    static func date(ofStamp stamp: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.date(from: stamp)
    }

    static func readable(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
