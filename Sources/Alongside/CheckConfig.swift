import AlongsideApp
import ArgumentParser
import Foundation

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract:
            "Report what is missing or unsafe for production in the settings `serve` would use; exits non-zero when "
            + "something must be fixed."
    )

    @Option(help: "As for serve: the address to listen on (default 127.0.0.1, or ALONGSIDE_HOSTNAME).")
    var hostname: String?

    @Option(help: "As for serve: the port to listen on (default 8080, or ALONGSIDE_PORT).")
    var port: Int?

    @Option(
        help: ArgumentHelp(
            "The folder the daily backups go to (default: backups/ beside the database).", valueName: "folder"))
    var backups: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() throws {
        var configuration: AppConfiguration
        do { configuration = try database.configuration() } catch {
            // A setting serve would refuse to start with is the first thing to fix; nothing else can be judged.
            say(ProductionCheck.report([ProductionFinding(severity: .mustFix, message: describe(error))]))
            throw ExitCode.failure
        }
        if let hostname { configuration.hostname = hostname }
        if let port { configuration.port = port }
        let folder = backups ?? ProductionFiles.defaultBackupsFolder(for: configuration.databasePath)
        let files = ProductionFiles.read(configuration, backupsFolder: folder)
        let findings = ProductionCheck.findings(configuration, files: files, now: Date())
        say(
            "Checking the settings `alongside serve` would use (database \(configuration.databasePath), backups \(folder))."
        )
        say(ProductionCheck.report(findings))
        if findings.contains(where: { $0.severity == .mustFix }) { throw ExitCode.failure }
    }
}
