import AlongsideApp
import ArgumentParser
import Foundation

struct LoadRoadmap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-roadmap",
        abstract: "Load the national community mental health transformation roadmap into the workspace.",
        discussion:
            "Safe to run again: it adds deliverables and links that are missing and never changes, brings back or removes anything already there."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        do {
            let services = try await AppServices.make(configuration)
            let report = try await RoadmapLoader(pool: services.pool, clock: services.clock).load(
                try NationalRoadmap.bundled(), by: .commandLine)
            say(report.summary)
        } catch {
            throw fail(describe(error))
        }
    }
}
