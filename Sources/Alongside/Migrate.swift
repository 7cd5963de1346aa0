import AlongsideApp
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database's tables, then exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        do {
            let pool = try AppDatabase.open(path: configuration.databasePath)
            let (applied, repairs) = try await DateRepairs.migrate(
                pool, with: Migrator(directory: configuration.migrationsDirectory))
            say(
                applied.isEmpty
                    ? "The database is up to date."
                    : "Applied migrations: \(applied.map(String.init).joined(separator: ", ")).")
            // Dates this run repaired or could not repair (migration 0017), so whoever runs it sees what changed.
            for repair in repairs { say(repair.line) }
        } catch {
            throw fail(describe(error))
        }
    }
}
