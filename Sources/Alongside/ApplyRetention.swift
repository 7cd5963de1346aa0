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
            _ = try await DateRepairs.migrate(pool, with: Migrator(directory: configuration.migrationsDirectory))
            for result in try await RetentionRules.apply(pool, now: Date()) {
                say("\(result.rule.id): deleted \(result.removed). \(result.rule.rule)")
            }
        } catch {
            throw fail(describe(error))
        }
    }
}
