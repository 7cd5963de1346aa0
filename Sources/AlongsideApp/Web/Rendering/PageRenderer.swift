import Foundation
import Hummingbird

/// Renders a page inside the layout and makes the HTML response. Rendering reads only: it never writes to the
/// database (a flash it shows is cleared by `SessionMiddleware`), and a template that fails is an error.
public struct PageRenderer: Sendable {
    let views: Views
    let sessions: SessionStore
    let formCookie: FormCookie
    let clock: AppClock
    /// The partnership's crisis line, for the urgent-help box on public pages; kept until the data changes.
    let crisisLines: any CrisisLineSource
    let derived: DerivedCache

    public func render<Page: PageModel>(
        _ page: Page, request: Request, context: AppRequestContext, status: HTTPResponse.Status? = nil
    ) async throws -> Response {
        let visit = context.visit
        if Page.hasForm, visit.session == nil, visit.formToken == nil {
            // A signed-out visitor needs a token for the form: a cookie and its signature, nothing stored.
            let value = SecretToken.generate()
            visit.issuedFormCookie(value, token: formCookie.token(for: value))
        }
        let session = visit.session
        // Shown once: the session middleware clears it once the page is sent (rendering writes nothing).
        if let session, session.flash != nil { visit.flashShown(in: session) }
        let urgentHelp = visit.isPublicPage ? UrgentHelpBox(try await crisisLine()) : nil
        let html = try renderHTML(
            page, path: request.uri.path, session: session, formToken: visit.formToken, urgentHelp: urgentHelp)
        let errors = page.errors
        let finalStatus = status ?? (errors.isEmpty ? .ok : .unprocessableContent)
        return Self.htmlResponse(html, status: finalStatus)
    }

    func renderHTML<Page: PageModel>(
        _ page: Page, path: String, session: LoadedSession?, formToken: String? = nil, urgentHelp: UrgentHelpBox? = nil
    ) throws -> String {
        var layout = layout(for: page, path: path, session: session, formToken: formToken)
        layout.urgentHelp = urgentHelp
        return try render(page, template: Page.template) { root in root.set(.encodable(layout), named: "layout") }
    }

    /// Renders a piece of a page (a table row, say) from its own view model and template.
    func renderFragment(_ model: some Encodable, template: String) throws -> String {
        try render(model, template: template)
    }

    /// Renders `model` with `template`, reading the model through a `TemplateNode` (`adding` puts more beside it).
    private func render(_ model: some Encodable, template: String, adding: (TemplateNode) -> Void = { _ in }) throws
        -> String
    {
        let rendering = TemplateRendering()
        let root = try rendering.root(model)
        adding(root)
        let html = try views.render(root, template: template)
        if let failure = rendering.failure { throw failure }
        return html
    }

    /// The partnership's crisis line, read once per change to the data.
    private func crisisLine() async throws -> CrisisLine? {
        struct Kept: Sendable { let line: CrisisLine? }
        return try await derived.value(for: derived.key("urgent-help")) {
            Kept(line: try await crisisLines.crisisLine())
        }
        .line
    }

    func layout<Page: PageModel>(for page: Page, path: String, session: LoadedSession?, formToken: String? = nil)
        -> LayoutModel
    {
        let errors = page.errors
        let user = session?.user
        var warnAfter: Int?, refreshSeconds: Int?, refreshHref: String?, keptFormNote: String?
        if let session, user != nil {
            let policy = sessions.policy
            let ends = policy.endsAt(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt)
            let remaining = ends.timeIntervalSince(clock.now())
            warnAfter = max(0, Int(remaining - policy.warningBefore))
            if path == Href.sessionExpiring() {
                // On the warning page itself, reload once the session has ended, which lands on sign-in.
                refreshSeconds = max(1, Int(remaining) + 2)
                refreshHref = Href.sessionExpiring()
            } else {
                refreshSeconds = warnAfter
                refreshHref = Href.sessionExpiring(query: ["next": ReturnPath(path)])
            }
            if Page.hasForm || views.typingTemplates.contains(Page.template) {
                // Without JavaScript, a page with a form to fill in stays put rather than move to the warning page and
                // lose what was typed: it says when the session ends, and a form sent after that is kept for signing
                // in again (`KeptForms`).
                keptFormNote =
                    "If you do nothing on this site before \(LondonTime.time(ends)), you will be signed out to protect your information. What you type here is kept: if you are signed out before you send it, sign in again and it will be back in the form."
            }
        }
        return LayoutModel(
            pageTitle: (errors.isEmpty ? "" : "Error: ") + page.title + " – Alongside",
            userName: user?.name,
            nav: Navigation.links(for: user, currentPath: path),
            menu: Navigation.menu(for: user, currentPath: path),
            csrfToken: session?.csrfToken ?? formToken,
            flash: session?.flash,
            errorSummary: errors.summary,
            hasErrors: !errors.isEmpty,
            warnAfterSeconds: warnAfter,
            refreshSeconds: refreshSeconds,
            refreshHref: refreshHref,
            keptFormNote: keptFormNote,
            currentPath: path,
            signOutHref: Href.signOut(),
            extendHref: Href.sessionExtend(),
            accessibilityHref: Href.accessibility(),
            privacyHref: Href.privacy(),
            opportunitiesHref: Href.opportunities(),
            directoryHref: Href.directory(),
            feedbackHref: Href.publishedFeedbackIndex(),
            homeHref: Href.home(),
            urgentHelp: nil
        )
    }

    static func htmlResponse(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}

extension Response {
    /// 303 See Other: after a form post, and to send signed-out people to sign in.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
