import AlongsideApp
import ArgumentParser
import Foundation
import GRDB

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to a file while the server keeps running, then check the copy."
    )

    @Option(help: "The file to write. It must not exist yet.") var to: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw fail("There is no database at \(configuration.databasePath).")
        }
        guard !FileManager.default.fileExists(atPath: to) else {
            throw fail("\(to) already exists. Choose a new file name so no backup is overwritten.")
        }
        do {
            let result = try DatabaseBackup.copy(from: configuration.databasePath, to: to)
            say("Backed up to \(to): integrity check \(result).")
        } catch {
            throw fail(describe(error))
        }
    }
}
