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
            let applied = try Migrator(directory: configuration.migrationsDirectory).migrate(pool)
            say(applied.isEmpty ? "The database is up to date." : "Applied migrations: \(applied.map(String.init).joined(separator: ", ")).")
        } catch {
            throw fail(describe(error))
        }
    }
}
