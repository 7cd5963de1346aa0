import Foundation
import XCTest
@testable import AlongsideApp

/// What `alongside check-config` reports (issue 21), rule by rule.
final class ProductionCheckTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21 14:13:20 UTC

    /// The settings deploy/alongside.env.example makes, with a mail relay.
    func production() throws -> AppConfiguration {
        var configuration = AppConfiguration()
        try configuration.apply(environment: [
            "ALONGSIDE_DATABASE": "/var/lib/alongside/alongside.sqlite", "ALONGSIDE_HOSTNAME": "127.0.0.1",
            "ALONGSIDE_PUBLIC_URL": "https://alongside.example.org", "ALONGSIDE_HTTPS": "true",
            "ALONGSIDE_TRUSTED_PROXIES": "127.0.0.1", "ALONGSIDE_SMTP_URL": "smtp+starttls://mail.example.org:587",
            "ALONGSIDE_MAIL_FROM": "Alongside <alongside@example.org>",
        ])
        return configuration
    }

    /// A private database folder holding the database and its WAL, and a backup made an hour ago.
    func tidyFiles() -> ProductionFiles {
        let backup = BackupRetention.fileName(at: now.addingTimeInterval(-3600))
        return ProductionFiles(
            modes: [
                "/var/lib/alongside": 0o700, "/var/lib/alongside/alongside.sqlite": 0o600,
                "/var/lib/alongside/alongside.sqlite-wal": 0o600, "/var/lib/alongside/backups": 0o700,
                "/var/lib/alongside/backups/" + backup: 0o600,
            ],
            backupsFolder: "/var/lib/alongside/backups", backupNames: [backup, "notes.txt"], missingFolders: [])
    }

    func mustFix(_ findings: [ProductionFinding]) -> [String] {
        findings.filter { $0.severity == .mustFix }.map(\.message)
    }

    func advice(_ findings: [ProductionFinding]) -> [String] {
        findings.filter { $0.severity == .advice }.map(\.message)
    }

    func testTheDeployedSettingsNeedNothing() throws {
        // act
        let findings = ProductionCheck.findings(try production(), files: tidyFiles(), now: now)
        // check
        XCTAssertEqual(findings, [])
        XCTAssertEqual(ProductionCheck.report(findings), "Nothing must be fixed.")
    }

    func testThePublicAddressMustBeSetAndHTTPS() throws {
        // setup
        var configuration = try production()
        // act and check: unset, http, not an address, with a path
        configuration.publicURL = nil
        let unset = mustFix(ProductionCheck.publicAddress(configuration))
        XCTAssertEqual(unset.count, 1)
        XCTAssertTrue(unset[0].contains("ALONGSIDE_PUBLIC_URL is not set"), unset[0])
        XCTAssertTrue(unset[0].contains("http://127.0.0.1:8080"), "says what links would be: \(unset[0])")
        for text in ["http://alongside.example.org", "alongside.example.org", "https://"] {
            configuration.publicURL = text
            let findings = mustFix(ProductionCheck.publicAddress(configuration))
            XCTAssertEqual(findings.count, 1, text)
            XCTAssertTrue(findings.first?.contains("is not an https:// address") == true, text)
        }
        configuration.publicURL = "https://example.org/alongside"
        XCTAssertEqual(mustFix(ProductionCheck.publicAddress(configuration)), [])
        XCTAssertEqual(advice(ProductionCheck.publicAddress(configuration)).count, 1)
        configuration.publicURL = "HTTPS://alongside.example.org/"
        XCTAssertEqual(ProductionCheck.publicAddress(configuration), [])
    }

    func testHTTPSMustBeOnAndItsProxyNamed() throws {
        // setup
        var configuration = try production()
        // act and check: HTTPS off (with and without a proxy)
        configuration.https = false
        let off = ProductionCheck.https(configuration)
        XCTAssertEqual(mustFix(off).count, 1)
        XCTAssertTrue(mustFix(off)[0].contains("ALONGSIDE_HTTPS is not true"))
        XCTAssertTrue(advice(off).first?.contains("ALONGSIDE_TRUSTED_PROXIES names a proxy") == true, "\(off)")
        configuration.trustedProxies = []
        XCTAssertEqual(advice(ProductionCheck.https(configuration)), [])
        // HTTPS on, with no proxy named: everyone would share the proxy's address
        configuration.https = true
        let unnamed = mustFix(ProductionCheck.https(configuration))
        XCTAssertEqual(unnamed.count, 1)
        XCTAssertTrue(unnamed[0].contains("ALONGSIDE_TRUSTED_PROXIES is not set"), unnamed[0])
        // a proxy elsewhere cannot reach a server listening on loopback
        configuration.trustedProxies = ["10.0.0.5"]
        let unreachable = ProductionCheck.https(configuration)
        XCTAssertEqual(mustFix(unreachable), [])
        XCTAssertTrue(advice(unreachable).first?.contains("10.0.0.5 cannot reach") == true, "\(unreachable)")
    }

    func testListeningBeyondLoopbackIsAdvice() throws {
        // setup
        var configuration = try production()
        // act and check
        for host in ["127.0.0.1", "127.0.1.1", "localhost", "::1"] {
            configuration.hostname = host
            XCTAssertEqual(ProductionCheck.listening(configuration), [], host)
        }
        configuration.hostname = "0.0.0.0"
        let behindProxy = ProductionCheck.listening(configuration)
        XCTAssertEqual(mustFix(behindProxy), [])
        XCTAssertTrue(advice(behindProxy).first?.contains("let only the proxy reach it") == true, "\(behindProxy)")
        configuration.trustedProxies = []
        let alone = advice(ProductionCheck.listening(configuration))
        XCTAssertTrue(alone.first?.contains("names no proxy: it speaks plain HTTP") == true, "\(alone)")
        XCTAssertFalse(ProductionCheck.isLoopback("127.example.org"))
    }

    func testDatabaseFilesAndFolderMustBeTheOwnersOnly() throws {
        // setup
        let database = "/var/lib/alongside/alongside.sqlite"
        var files = tidyFiles()
        files.modes["/var/lib/alongside"] = 0o755
        files.modes[database] = 0o644
        files.modes[database + "-wal"] = 0o660
        // act
        let findings = mustFix(ProductionCheck.databaseFiles(database, files: files))
        // check
        XCTAssertEqual(findings.count, 3, "\(findings)")
        XCTAssertTrue(findings.contains { $0.contains("/var/lib/alongside is open") && $0.contains("mode 755") })
        XCTAssertTrue(findings.contains { $0.contains("chmod 600 \(database)") && $0.contains("mode 644") })
        XCTAssertTrue(findings.contains { $0.contains("\(database)-wal") && $0.contains("mode 660") })
        // not made yet: serve will make them private
        files.modes[database] = nil
        files.modes[database + "-wal"] = nil
        files.modes["/var/lib/alongside"] = nil
        let missing = ProductionCheck.databaseFiles(database, files: files)
        XCTAssertEqual(mustFix(missing), [])
        XCTAssertEqual(advice(missing).count, 1)
    }

    func testABackupFromTheLastDayIsNeeded() throws {
        // setup
        var files = tidyFiles()
        let folder = files.backupsFolder
        // act and check: an hour old is fine; more than a day (and an hour for the timer) is not
        XCTAssertEqual(ProductionCheck.backups(files, now: now), [])
        let old = BackupRetention.fileName(at: now.addingTimeInterval(-26 * 3600))
        files.backupNames = [old, "alongside.before-0027-20260921-120000.sqlite"]
        let stale = mustFix(ProductionCheck.backups(files, now: now))
        XCTAssertEqual(stale.count, 1)
        XCTAssertTrue(stale[0].contains("from 2026-09-20 12:13 UTC, more than a day ago"), stale[0])
        XCTAssertEqual(ProductionCheck.backups(files, now: now.addingTimeInterval(-3600)), [], "25 hours is allowed")
        // no dated backup at all, only files it did not make
        files.backupNames = ["notes.txt"]
        XCTAssertTrue(mustFix(ProductionCheck.backups(files, now: now)).first?.contains("no backup in") == true)
        // no folder
        files.modes[folder] = nil
        files.backupNames = nil
        XCTAssertTrue(mustFix(ProductionCheck.backups(files, now: now)).first?.contains("no folder of backups") == true)
        // a backup others may read
        files = tidyFiles()
        files.modes[folder + "/" + files.backupNames![0]] = 0o644
        XCTAssertEqual(mustFix(ProductionCheck.backups(files, now: now)).count, 1)
    }

    func testMailAndLoggingAreAdvice() throws {
        // setup
        var configuration = try production()
        // act and check
        XCTAssertEqual(ProductionCheck.mail(configuration), [])
        configuration.mail = MailSettings()
        XCTAssertTrue(advice(ProductionCheck.mail(configuration)).first?.contains("No mail relay is set") == true)
        configuration.mail.smtp = SMTPConfiguration(host: "mail.example.org", port: 25)
        XCTAssertTrue(advice(ProductionCheck.mail(configuration)).first?.contains("smtp+starttls://") == true)
        configuration.mail.smtp = SMTPConfiguration(host: "127.0.0.1", port: 25)
        XCTAssertEqual(ProductionCheck.mail(configuration), [], "a relay on this machine")
        configuration.logLevel = .debug
        XCTAssertEqual(advice(ProductionCheck.logging(configuration)).count, 1)
        configuration.logLevel = .notice
        XCTAssertEqual(ProductionCheck.logging(configuration), [])
    }

    func testTheReportListsWhatMustBeFixedFirst() {
        // act
        let report = ProductionCheck.report([.advice("Think about it."), .mustFix("Fix this."), .mustFix("And this.")])
        // check
        XCTAssertEqual(
            report, "Must fix: Fix this.\nMust fix: And this.\nAdvice: Think about it.\n2 things must be fixed.")
        XCTAssertEqual(ProductionCheck.report([.advice("Think.")]), "Advice: Think.\nNothing must be fixed.")
    }

    func testReadsModesAndBackupsFromDisk() throws {
        // setup
        let folder = try temporaryFolder(self) + "/data"
        let backups = folder + "/backups"
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: folder)
        FileManager.default.createFile(
            atPath: folder + "/a.sqlite", contents: Data(), attributes: [.posixPermissions: 0o640])
        let backup = BackupRetention.fileName(at: now)
        FileManager.default.createFile(
            atPath: backups + "/" + backup, contents: Data(), attributes: [.posixPermissions: 0o600])
        FileManager.default.createFile(atPath: backups + "/notes.txt", contents: Data())
        var configuration = AppConfiguration()
        configuration.databasePath = folder + "/a.sqlite"
        configuration.rootDirectory = folder
        // act
        let files = ProductionFiles.read(configuration, backupsFolder: backups)
        // check
        XCTAssertEqual(files.modes[folder], 0o750)
        XCTAssertEqual(files.modes[folder + "/a.sqlite"], 0o640)
        XCTAssertNil(files.modes[folder + "/a.sqlite-wal"])
        XCTAssertEqual(files.modes[backups + "/" + backup], 0o600)
        XCTAssertNil(files.modes[backups + "/notes.txt"], "only backups it made are looked at")
        XCTAssertEqual(files.backupNames?.sorted(), [backup, "notes.txt"])
        XCTAssertEqual(files.missingFolders, [folder + "/Views", folder + "/Public", folder + "/Migrations"])
        XCTAssertEqual(ProductionFiles.defaultBackupsFolder(for: "data/alongside.sqlite"), "data/backups")
        XCTAssertEqual(ProductionFiles.defaultBackupsFolder(for: "alongside.sqlite"), "./backups")
    }
}
