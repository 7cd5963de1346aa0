import AlongsideApp
import ArgumentParser
import Foundation
import GRDB

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to a file while the server keeps running, then check the copy."
    )

    @Option(help: "The file to write. It must not exist yet.") var to: String?
    @Option(
        help: ArgumentHelp(
            "A folder for dated backups (alongside-YYYYMMDD-HHMMSS.sqlite), pruned by the retention rule: for the timer.",
            valueName: "folder"))
    var into: String?
    @Option(help: "With --into: keep the newest backup of each of this many recent days.") var keepDaily = 7
    @Option(help: "With --into: keep the newest backup of each of this many recent months.") var keepMonthly = 12
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (to == nil) != (into == nil) else { throw ValidationError("Give either --to FILE or --into FOLDER.") }
        guard (1...3650).contains(keepDaily), (0...600).contains(keepMonthly) else {
            throw ValidationError("--keep-daily must be from 1 to 3650, and --keep-monthly from 0 to 600.")
        }
    }

    func run() async throws {
        let configuration = try database.configuration()
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw fail("There is no database at \(configuration.databasePath).")
        }
        let destination = to ?? (into! + "/" + BackupRetention.fileName(at: Date()))
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw fail("\(destination) already exists. Choose a new file name so no backup is overwritten.")
        }
        do {
            let result = try DatabaseBackup.copy(from: configuration.databasePath, to: destination)
            say("Backed up to \(destination): integrity check \(result).")
            if let into {
                let names = try FileManager.default.contentsOfDirectory(atPath: into)
                for name in BackupRetention.toRemove(names, daily: keepDaily, monthly: keepMonthly) {
                    try FileManager.default.removeItem(atPath: into + "/" + name)
                    say(
                        "Removed \(into)/\(name) (kept: the newest of each of \(keepDaily) days and "
                            + "\(keepMonthly) months).")
                }
            }
        } catch {
            throw fail(describe(error))
        }
    }
}
