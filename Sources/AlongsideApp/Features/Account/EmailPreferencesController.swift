import Foundation
import Hummingbird

/// What each person gets by email (issue 20): for each kind, at once, in a daily digest, or off; and the one-click
/// unsubscribe link every message carries (RFC 8058), which works without signing in.
struct EmailPreferencesController: Controller {
    let services: AppServices

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.emailPreferences, .signedIn) { request, context, signedIn in
            let choices = try await services.pool.read { db in
                try EmailPreferences.choices(userID: signedIn.user.id, in: db)
            }
            let page = EmailPreferencesPage(
                chosen: choices.mapValues(\.rawValue), errors: FormErrors(),
                mailSent: services.configuration.mailRelayConfigured)
            return try await services.pages.render(page, request: request, context: context)
        }
        routes.post(.emailPreferences, .signedIn, save)
        routes.get(.unsubscribe) { request, context in
            let (userID, kind) = try reader(context)
            let email = try await services.accounts.find(id: userID)?.email ?? ""
            let page = UnsubscribePage(kind: kind, email: email, done: false, action: request.uri.path)
            return try await services.pages.render(page, request: request, context: context)
        }
        // A mail program's one-click POST (`List-Unsubscribe=One-Click`) or the button on the page: either turns the
        // kind off, and doing it twice is the same as once.
        routes.postOneClick(.unsubscribe) { request, context in
            let (userID, kind) = try reader(context)
            let now = services.clock.now()
            guard let account = try await services.accounts.find(id: userID) else { throw AppError.notFound }
            try await services.pool.writeAudited(
                by: AuditActor(userID: userID, label: account.name), at: now, requestID: context.requestID
            ) { db, audit in
                guard try EmailPreferences.choice(userID: userID, kind: kind, in: db) != .off else { return }
                try EmailPreferences.set(.off, userID: userID, kind: kind, now: now, in: db)
                try audit.record(
                    AuditChange<[String: String]>(
                        action: "email turned off", recordKind: "account", recordID: String(userID),
                        summary: "\(account.name) turned off emails about \(kind.about) from the link in an email",
                        before: nil, after: nil))
            }
            let page = UnsubscribePage(kind: kind, email: account.email, done: true, action: request.uri.path)
            return try await services.pages.render(page, request: request, context: context)
        }
    }

    /// The person and kind the link names; 404 for a link the server did not make.
    func reader(_ context: AppRequestContext) throws -> (Int64, NoticeKind) {
        guard let token = context.parameters.get("token"), let named = services.notifier.unsubscribe.read(token) else {
            throw AppError.notFound
        }
        return named
    }

    @Sendable func save(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let form = context.form
        var errors = FormErrors()
        var chosen: [NoticeKind: NoticeChoice] = [:]
        for kind in NoticeKind.allCases {
            if let choice = NoticeChoice(rawValue: form[kind.rawValue]) {
                chosen[kind] = choice
            } else {
                errors.add(kind.rawValue, "Choose how you get emails about \(kind.about)")
            }
        }
        guard errors.isEmpty else {
            var typed: [NoticeKind: String] = [:]
            for kind in NoticeKind.allCases { typed[kind] = form[kind.rawValue] }
            let page = EmailPreferencesPage(
                chosen: typed, errors: errors, mailSent: services.configuration.mailRelayConfigured)
            return try await services.pages.render(page, request: request, context: context)
        }
        let now = services.clock.now()
        let me = signedIn.user
        let choices = chosen
        try await services.pool.writeAudited(by: signedIn.actor, at: now, requestID: context.requestID) { db, audit in
            let before = try EmailPreferences.choices(userID: me.id, in: db)
            guard before != choices else { return }
            for kind in NoticeKind.allCases where before[kind] != choices[kind] {
                try EmailPreferences.set(choices[kind] ?? .now, userID: me.id, kind: kind, now: now, in: db)
            }
            let snapshot = { (choices: [NoticeKind: NoticeChoice]) in
                Dictionary(uniqueKeysWithValues: choices.map { ($0.key.rawValue, $0.value.rawValue) })
            }
            try audit.record(
                AuditChange(
                    action: "email choices changed", recordKind: "account", recordID: String(me.id),
                    summary: "\(me.name) changed what they get by email", before: snapshot(before),
                    after: snapshot(choices)))
        }
        try await services.sessions.setFlash(
            Flash(message: "Your email choices are saved."), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.emailPreferences())
    }
}

struct EmailPreferencesPage: PageModel {
    static let template = "account/email"
    static let hasForm = true
    let title = "Your emails"
    let accountHref = Href.account()
    let action = Href.emailPreferences()
    let kinds: [ChoiceField]
    let errors: FormErrors
    /// False while no mail relay is set up, so the page can say messages are kept, not sent.
    let mailSent: Bool
    let quietHours = DigestSchedule.quietHoursText

    init(chosen: [NoticeKind: String], errors: FormErrors, mailSent: Bool) {
        kinds = NoticeKind.allCases.map { kind in
            ChoiceField(
                kind.rawValue, legend: kind.label, options: NoticeChoice.allCases.map { ($0.rawValue, $0.label) },
                selected: chosen[kind] ?? NoticeChoice.now.rawValue, errors: errors)
        }
        self.errors = errors
        self.mailSent = mailSent
    }
}

struct UnsubscribePage: PageModel {
    static let template = "account/unsubscribe"
    static let hasForm = true
    let title: String
    let about: String
    let email: String
    let done: Bool
    let action: String
    let preferencesHref = Href.emailPreferences()

    init(kind: NoticeKind, email: String, done: Bool, action: String) {
        title = done ? "You will no longer get emails about \(kind.about)" : "Stop emails about \(kind.about)?"
        about = kind.about
        self.email = email
        self.done = done
        self.action = action
    }
}
