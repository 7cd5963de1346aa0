import AlongsideApp
import ArgumentParser
import Foundation

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user",
        abstract:
            "Create an account. The password is read from standard input, so it never appears in the shell history."
    )

    @Option(help: "Email address they will sign in with.") var email: String
    @Option(help: "Full name.") var name: String
    @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
    @Flag(help: "Read the password from standard input (required).") var passwordStdin = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("Give --password-stdin and pipe the password in.") }
        guard Role(rawValue: role) != nil else {
            throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let problem = AccountRules.nameProblem(name.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError(problem + ".")
        }
        if let problem = AccountRules.emailProblem(email.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError(problem + ".")
        }
    }

    func run() async throws {
        let password = readLine(strippingNewline: true) ?? ""
        let name = self.name.trimmingCharacters(in: .whitespaces),
            email = self.email.trimmingCharacters(in: .whitespaces)
        if let problem = PasswordRules.problem(with: password, personal: [name, email]) {
            throw fail(problem.message + ".")
        }
        let configuration = try database.configuration()
        do {
            let services = try await AppServices.make(configuration)
            let hash = try await services.hasher.hash(password)
            let user = try await services.accounts.create(
                name: name, email: email, role: Role(rawValue: role)!, passwordHash: hash, by: .commandLine,
                requestID: nil
            )
            say("Created account \(user.id ?? 0) for \(user.name) (\(user.role.label)).")
        } catch AccountStore.Failure.emailTaken {
            throw fail("There is already an account with the email address \(email).")
        } catch {
            throw fail(describe(error))
        }
    }
}
