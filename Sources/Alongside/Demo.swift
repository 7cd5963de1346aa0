import AlongsideApp
import ArgumentParser
import Foundation

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Load fictional demo data into an empty database: three groups with members, terms, meetings and decisions.",
        discussion:
            "Refuses a database that already holds data. Every demo account gets the same new random password, printed once."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try database.configuration()
        do {
            let services = try await AppServices.make(configuration)
            guard try await DemoData.isEmpty(services.pool) else { throw DemoData.Refusal.notEmpty }
            let password = DemoPassword.generate()
            let summary = try await DemoData.load(
                into: services, passwordHash: try await services.hasher.hash(password))
            say(
                "Loaded demo data: \(summary.groups) groups, \(summary.meetings) meetings, \(summary.decisions) decisions, \(summary.deliverables) roadmap deliverables."
            )
            say("Sign in as any of these fictional people with the password: \(password)")
            for person in summary.people { say("  \(person.email)  \(person.name), \(person.role.label)") }
        } catch let refusal as DemoData.Refusal {
            throw fail(refusal.description)
        } catch {
            throw fail(describe(error))
        }
    }
}

/// Five random words from 32: easy to type, long enough for the password rules.
enum DemoPassword {
    static let words = [
        "amber", "bramble", "cobalt", "drizzle", "ember", "fennel", "granite", "harbour", "indigo", "juniper",
        "kestrel", "lantern", "meadow", "nutmeg", "orchard", "pebble", "quartz", "russet", "saffron", "thistle",
        "umber", "violet", "willow", "yarrow", "zephyr", "acorn", "beacon", "cinder", "dapple", "estuary", "fjord",
        "glacier",
    ]

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<5).map { _ in words.randomElement(using: &generator)! }.joined(separator: "-")
    }
}
