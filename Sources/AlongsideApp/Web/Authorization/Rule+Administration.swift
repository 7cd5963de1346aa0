/// The rules that belong to no one feature: the two that open routes to everyone or to anyone signed in, and the
/// administrators' own. Each feature declares the rest in its `<Name>Feature.swift`.
extension Rule {
    /// Public pages, sign-in and setup links.
    public static let everyone = Rule(
        "everyone", permits: "Read public pages, sign in and use set-up links", holders: Holders(everyone: true))
    /// Pages for anyone with an account; records they show are scoped to what the person may see.
    public static let signedIn = Rule(
        "signedIn", permits: "Use the signed-in pages (each shows only what the person may see)",
        holders: Holders(signedIn: true))
    public static let manageAccounts = Rule(
        "manageAccounts", permits: "Manage people's accounts and roles", holders: Holders(roles: [.administrator]))
    public static let viewAuditLog = Rule(
        "viewAuditLog", permits: "Read the audit log", holders: Holders(roles: [.administrator]))
    public static let viewAuthorization = Rule(
        "viewAuthorization", permits: "Read this table of who may do what",
        holders: Holders(roles: [.administrator]))

    /// The rules no feature owns, listed first in the table.
    static let crossCutting: [Rule] = [.everyone, .signedIn, .manageAccounts, .viewAuditLog, .viewAuthorization]
}
