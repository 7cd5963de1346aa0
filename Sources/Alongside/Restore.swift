import AlongsideApp
import ArgumentParser
import Foundation

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup back in place of the database, keeping the current one aside. Stop the server first."
    )

    @Option(help: "The backup to restore, made by `alongside backup`.") var from: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        do {
            let report = try DatabaseRestore.restore(
                from: from, to: configuration.databasePath,
                migrator: Migrator(directory: configuration.migrationsDirectory), now: Date())
            if let aside = report.keptAside { say("Kept the database that was there as \(aside).") }
            say(
                "Restored \(from) to \(configuration.databasePath): integrity check ok, migrations up to "
                    + "\(report.backupVersion).")
            if !report.pending.isEmpty {
                say(
                    "The server will apply migrations \(report.pending.map(String.init).joined(separator: ", ")) "
                        + "when it next starts (the backup is from an older version).")
            }
        } catch {
            throw fail(describe(error))
        }
    }
}
