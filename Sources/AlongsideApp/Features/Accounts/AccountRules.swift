/// Checks for the fields that describe a person's account.
public enum AccountRules {
    public static let maximumNameLength = 100

    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "Enter the person's full name" }
        if name.count > maximumNameLength { return "Name must be \(maximumNameLength) characters or fewer" }
        return nil
    }

    public static func ownNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "Enter your full name" }
        return nameProblem(name)
    }

    /// A light check: something@something.something, no spaces. The one-time link proves the rest.
    public static func emailProblem(_ email: String) -> String? {
        if email.isEmpty { return "Enter an email address" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { return "Enter an email address in the correct format, like name@example.org" }
        return nil
    }

    public static func roleProblem(_ value: String) -> String? {
        Role(rawValue: value) == nil ? "Select a role" : nil
    }

    /// New password and its confirmation, typed into `form`'s `passwordField` and `confirmationField`.
    public static func newPasswordProblems<F: FormFieldName>(
        _ form: FormData, passwordField: F, confirmationField: F, personal: [String], into errors: inout FormErrors
    ) {
        let password = form[passwordField], confirmation = form[confirmationField]
        if let problem = PasswordRules.problem(with: password, personal: personal) {
            errors.add(passwordField, problem.message)
        } else if confirmation.isEmpty {
            errors.add(confirmationField, "Enter the password again")
        } else if confirmation != password {
            errors.add(confirmationField, "The passwords do not match. Enter the same password twice")
        }
    }
}
