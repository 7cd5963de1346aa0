/// A page: an `Encodable` view model plus the template that renders only it.
public protocol PageModel: Encodable, Sendable {
    /// Template name relative to `Views/`, without `.mustache`.
    static var template: String { get }
    /// The page's own title; the layout adds "Error: " when `errors` is not empty and the site name.
    var title: String { get }
    /// Validation problems to summarise at the top of the page.
    var errors: FormErrors { get }
    /// True when the page has a form, so a signed-out visitor needs a form cookie to carry the CSRF token (`FormCookie`).
    static var hasForm: Bool { get }
}

extension PageModel {
    public var errors: FormErrors { FormErrors() }
    public static var hasForm: Bool { false }
}

/// A link in the main navigation.
struct NavLink: Encodable, Sendable {
    let label: String
    let href: String
    let current: Bool
}

/// Everything the layout shows around a page.
struct LayoutModel: Encodable, Sendable {
    let pageTitle: String
    let userName: String?
    let nav: [NavLink]
    /// The same links, most-used first, for the compact menu at narrow widths; empty when no menu is needed.
    let menu: [NavLink]
    let csrfToken: String?
    let flash: Flash?
    let errorSummary: [ErrorItem]
    let hasErrors: Bool
    /// Seconds until the idle warning, for the progressive-enhancement script; nil when signed out.
    let warnAfterSeconds: Int?
    /// Without JavaScript, the page moves itself to the warning page when the warning is due (signed in only).
    let refreshSeconds: Int?
    let refreshHref: String?
    /// On a page with a form, signed in: shown without JavaScript instead of moving away (issue 18).
    let keptFormNote: String?
    let currentPath: String
    let signOutHref: String
    let extendHref: String
    let accessibilityHref: String
    let privacyHref: String
    let opportunitiesHref: String
    let directoryHref: String
    let feedbackHref: String
    let homeHref: String
    /// How to get urgent help now: on public pages only.
    var urgentHelp: UrgentHelpBox?
}
