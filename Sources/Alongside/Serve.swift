import AlongsideApp
import ArgumentParser
import Foundation
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the site.")

    @Option(help: "Address to listen on (default 127.0.0.1, or ALONGSIDE_HOSTNAME).")
    var hostname: String?

    @Option(help: "Port to listen on (default 8080, or ALONGSIDE_PORT).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() async throws {
        var configuration = try database.configuration()
        if let hostname { configuration.hostname = hostname }
        if let port { configuration.port = port }
        ServerTuning.returnLargeBlocksToTheSystem()
        // Held while serving, so `alongside restore` (and a second server) can tell the database is in use.
        let lock: ServerLock
        do { lock = try ServerLock.acquire(databasePath: configuration.databasePath) } catch {
            throw fail(describe(error))
        }
        defer { withExtendedLifetime(lock) {} }
        let services: AppServices
        do {
            services = try await AppServices.make(configuration)
        } catch {
            throw fail(describe(error))
        }
        if try await services.accounts.count() == 0 {
            let token = try await services.links.createSetupLink(by: .commandLine)
            say(
                """

                No accounts yet. To create the first administrator, open this link (it works once, for 7 days):

                    \(configuration.baseURL)/setup/\(token)

                """)
        }
        say("Alongside is serving on \(configuration.baseURL) (database \(configuration.databasePath))")
        // The outbox's delivery worker, when a mail relay is set up; without one, messages wait in the outbox.
        let delivery = services.outboxDelivery().map { worker in Task { await worker.run() } }
        if delivery == nil { say("No mail relay is set up (ALONGSIDE_SMTP_URL): messages wait in the outbox.") }
        defer { delivery?.cancel() }
        // Reminders that come due with time, and daily digests, go into the outbox whether or not a relay is set up.
        let sweep = Task { await services.noticeSweep().run() }
        defer { sweep.cancel() }
        try await buildApplication(services: services).runService()
    }
}
