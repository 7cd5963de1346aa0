import Foundation
import XCTest
@testable import AlongsideApp

/// `alongside check-config` (issue 21): the settings serve would use, judged for production.
final class CheckConfigCommandTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable),
            "build the executable first (swift build)")
    }

    func testPassesTheDeployedSettingsAndFailsOnWhatMustBeFixed() throws {
        // setup: a database made by migrate (private folder and file) and a backup made by the timer's command
        let data = try temporaryFolder(self) + "/data"
        let database = data + "/alongside.sqlite"
        XCTAssertEqual(try CommandRunner.run(["migrate", "--database", database]).status, 0)
        let backup = try CommandRunner.run(["backup", "--database", database, "--into", data + "/backups"])
        XCTAssertEqual(backup.status, 0, backup.errors)
        let deployed = [
            "ALONGSIDE_DATABASE": database, "ALONGSIDE_HOSTNAME": "127.0.0.1",
            "ALONGSIDE_PUBLIC_URL": "https://alongside.example.org", "ALONGSIDE_HTTPS": "true",
            "ALONGSIDE_TRUSTED_PROXIES": "127.0.0.1",
        ]
        // act and check: the settings of deploy/alongside.env.example need nothing fixed; no relay is advice only
        let good = try CommandRunner.run(["check-config"], environment: deployed)
        XCTAssertEqual(good.status, 0, good.output + good.errors)
        XCTAssertTrue(good.output.hasSuffix("Nothing must be fixed.\n"), good.output)
        XCTAssertTrue(good.output.contains("Advice: No mail relay is set"), good.output)
        XCTAssertFalse(good.output.contains("Must fix"), good.output)
        // the command line wins over the environment, as for serve
        let open = try CommandRunner.run(["check-config", "--hostname", "0.0.0.0"], environment: deployed)
        XCTAssertEqual(open.status, 0, open.output)
        XCTAssertTrue(open.output.contains("Alongside listens on 0.0.0.0 port 8080"), open.output)

        // act: a database others may read, no public address, HTTPS off, and backups looked for where there are none
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database)
        var unsafe = deployed
        unsafe["ALONGSIDE_PUBLIC_URL"] = nil
        unsafe["ALONGSIDE_HTTPS"] = "false"
        let bad = try CommandRunner.run(["check-config", "--backups", data + "/elsewhere"], environment: unsafe)
        // check
        XCTAssertNotEqual(bad.status, 0)
        for expected in [
            "Must fix: ALONGSIDE_PUBLIC_URL is not set", "Must fix: ALONGSIDE_HTTPS is not true",
            "Must fix: The file \(database) is open to other accounts than its owner (mode 644)",
            "Must fix: There is no folder of backups at \(data)/elsewhere", "4 things must be fixed.",
        ] {
            XCTAssertTrue(bad.output.contains(expected), "\(expected) in:\n\(bad.output)")
        }
    }

    func testASettingServeWouldRefuseIsTheFirstThingToFix() throws {
        // act
        let run = try CommandRunner.run(["check-config"], environment: ["ALONGSIDE_HTTPS": "maybe"])
        // check
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.output, "Must fix: ALONGSIDE_HTTPS must be true or false.\n1 thing must be fixed.\n")
    }
}
