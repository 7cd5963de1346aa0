/// Where to go once an organisation is registered, when the person came to register it from another task (issue 18:
/// registering a new organisation from "add to alliance" leads back to adding it, with the new organisation chosen).
///
/// It travels as `then=` with a local path, and is read back only when the path is one of `allowed`, with a number
/// for each id: anything else (another site, "//host", a scheme, other pages, a query, more than 200 characters) is
/// ignored, and the register's own page is shown as before. The redirect is then built from the route, never from
/// the text sent, so the parameter cannot send anyone elsewhere.
enum OrganisationThen: Equatable, Sendable {
    case addToAlliance(groupID: Int64)

    /// The routes a registration may lead back to.
    static let allowed: [Route] = [.newAllianceMember]

    /// The query name that carries it to the form (whose hidden field of the same name, `OrganisationField.then`,
    /// carries it on), and the one naming the new organisation on the page led back to (`NewMemberField.organisation`).
    static let queryName = "then"
    static let organisationQueryName = "organisation"

    init?(_ text: String) {
        guard text.count <= 200, text.hasPrefix("/"), !text.hasPrefix("//") else { return nil }
        for route in Self.allowed {
            guard let ids = Self.ids(in: text, matching: route) else { continue }
            switch route {
            case .newAllianceMember: self = .addToAlliance(groupID: ids[0])
            default: continue
            }
            return
        }
        return nil
    }

    /// The values of `route`'s placeholders in `path`, each a positive whole number; nil unless every segment matches.
    static func ids(in path: String, matching route: Route) -> [Int64]? {
        let given = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let wanted = route.rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard given.count == wanted.count else { return nil }
        var ids: [Int64] = []
        for (segment, pattern) in zip(given, wanted) {
            if pattern.hasPrefix("{") {
                guard segment.count <= 18, segment.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(segment),
                    id > 0
                else { return nil }
                ids.append(id)
            } else if segment != pattern {
                return nil
            }
        }
        return ids
    }

    /// The page it stands for, as a link back ("Cancel").
    var path: String {
        switch self {
        case .addToAlliance(let groupID): return Href.newAllianceMember(groupID)
        }
    }

    /// Where to go once `organisationID` is registered.
    func after(registering organisationID: Int64) -> String {
        switch self {
        case .addToAlliance(let groupID):
            return Href.newAllianceMember(groupID, query: [Self.organisationQueryName: organisationID])
        }
    }

    /// The link to register an organisation that leads back here.
    static func registerLink(then: OrganisationThen) -> String {
        Href.newOrganisation(query: [queryName: ReturnPath(then.path)])
    }
}
