import AlongsideApp
import ArgumentParser
import Foundation

struct ApplyRetention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-retention",
        abstract: "Delete the personal data the retention rules no longer allow to be kept (for the daily timer)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw fail("There is no database at \(configuration.databasePath).")
        }
        do {
            let pool = try AppDatabase.open(path: configuration.databasePath)
            // Brought up to date the way serve and migrate do it, the copy kept first when there is something to keep.
            let (kept, _, _) = try await MigrationBackup.migrate(
                databasePath: configuration.databasePath, pool: pool,
                migrator: Migrator(directory: configuration.migrationsDirectory), now: Date())
            if let kept { say("Copied the database to \(kept) before applying new migrations.") }
            for result in try await RetentionRules.apply(pool, now: Date()) {
                say("\(result.rule.id): deleted \(result.removed). \(result.rule.rule)")
            }
        } catch {
            throw fail(describe(error))
        }
    }
}
