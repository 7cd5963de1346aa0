import AlongsideApp
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database's tables, then exit.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "List the applied and pending migrations, and any changed since applied; change nothing.")
    var status = false

    func run() async throws {
        let configuration = try database.configuration()
        do {
            let pool = try AppDatabase.open(path: configuration.databasePath)
            let migrator = try Migrator(directory: configuration.migrationsDirectory)
            if status {
                let states = try migrator.status(pool)
                for state in states { say(state.line) }
                let pending = states.filter { $0.state == .pending }.count
                let changed = states.filter { if case .changed = $0.state { true } else { false } }.count
                say(
                    "\(states.count - pending) applied, \(pending) pending"
                        + (changed > 0 ? ", \(changed) CHANGED since applied." : "."))
                if changed > 0 {
                    throw fail("A released migration has changed: the server will not start until it is put back.")
                }
                return
            }
            let (kept, applied, repairs) = try await MigrationBackup.migrate(
                databasePath: configuration.databasePath, pool: pool, migrator: migrator, now: Date())
            if let kept { say("Copied the database to \(kept) before applying new migrations.") }
            say(
                applied.isEmpty
                    ? "The database is up to date."
                    : "Applied migrations: \(applied.map(String.init).joined(separator: ", ")).")
            // Dates this run repaired or could not repair (migration 0017), so whoever runs it sees what changed.
            for repair in repairs { say(repair.line) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(describe(error))
        }
    }
}
