import AlongsideApp
import ArgumentParser
import Foundation

struct AlongsideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alongside",
        abstract: "Alongside: a co-production and governance workspace.",
        subcommands: [
            Serve.self, Migrate.self, CreateUser.self, Backup.self, Demo.self, LoadRoadmap.self, BenchGraph.self,
            SendTestEmail.self, Restore.self, ApplyRetention.self, CheckConfig.self,
        ],
        defaultSubcommand: Serve.self
    )

    /// Parses the command line and runs the command, exiting with a message and a non-zero status on error.
    static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite file (default data/alongside.sqlite, or ALONGSIDE_DATABASE).")
    var database: String?

    @Option(help: "The folder holding Views, Public and Migrations (default: the current folder, or ALONGSIDE_ROOT).")
    var root: String?

    func configuration() throws -> AppConfiguration {
        var configuration = AppConfiguration()
        try configuration.apply(environment: ProcessInfo.processInfo.environment)
        if let database { configuration.databasePath = database }
        if let root { configuration.rootDirectory = root }
        return configuration
    }
}

/// Writes a line to standard output at once (unbuffered), so a setup link shows even when output goes to a file.
func say(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

/// Prints a message to standard error and exits non-zero: how every command reports a problem.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data(("alongside: " + message + "\n").utf8))
    return ExitCode.failure
}

/// The message for an error: our own errors describe themselves in plain words.
func describe(_ error: any Error) -> String {
    "\(error)"
}
