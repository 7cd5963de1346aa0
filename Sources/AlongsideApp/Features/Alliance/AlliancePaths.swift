/// Links to alliance pages built by other parts of issue 6 (the organisation register, the communities list and
/// the funding page), by path until their routes are merged into `Route`.
enum AlliancePaths {
    static let organisations = "/organisations"
    static let newOrganisation = "/organisations/new"
    static let communities = "/communities"

    static func organisation(_ id: Int64) -> String { "/organisations/\(id)" }
    static func funding(_ groupID: Int64) -> String { Route.alliance.href(groupID) + "/funding" }
}
