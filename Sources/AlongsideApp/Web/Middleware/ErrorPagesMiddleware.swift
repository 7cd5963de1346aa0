import Foundation
import GRDB
import Hummingbird
import Logging

/// Turns every error into a helpful page inside the layout: 403, 404, the CSRF explanation, and a 500 that
/// shows only a request id (the error itself is logged at critical with that id, never shown).
struct ErrorPagesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let page: ErrorPage
            switch error {
            case let appError as AppError:
                page = ErrorPage(appError, requestID: context.requestID, backHref: Self.localReferrer(request))
                context.logger.warning("refused", metadata: ["status": "\(appError.status.code)"])
            case let httpError as HTTPError where httpError.status.code < 500:
                page = ErrorPage(status: httpError.status, requestID: context.requestID)
                context.logger.warning("refused", metadata: ["status": "\(httpError.status.code)"])
            default:
                // Only the kind of error: its text can hold request data (a database error carries its SQL), and
                // nothing a request sent is ever logged at critical (issue 15).
                context.logger.critical("request failed", metadata: ["error": "\(Self.kind(of: error))"])
                page = ErrorPage(status: .internalServerError, requestID: context.requestID)
            }
            let html =
                (try? pages.renderHTML(page, path: request.uri.path, session: context.visit.session))
                ?? "<!doctype html><title>Error</title><p>Something went wrong. Request id \(page.requestID)."
            return PageRenderer.htmlResponse(html, status: page.status)
        }
    }
}

extension ErrorPagesMiddleware {
    /// The error's type, and for a database error its SQLite result code, never its message.
    static func kind(of error: any Error) -> String {
        if let database = error as? DatabaseError { return "DatabaseError \(database.resultCode)" }
        return String(reflecting: type(of: error))
    }

    /// The page the person came from, if it was on this site: the way back from a refused form.
    static func localReferrer(_ request: Request) -> String? {
        guard let referer = request.headers[.referer], let url = URL(string: referer),
            let host = url.host, let authority = request.head.authority,
            authority == host || authority.hasPrefix(host + ":")
        else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        return SignInReturn.safeLocalPath(path + (url.query.map { "?" + $0 } ?? ""))
    }
}

/// The page for any refusal or failure.
struct ErrorPage: PageModel {
    static let template = "errors/error"
    let title: String
    let paragraphs: [String]
    let requestID: String
    let backHref: String?
    let status: HTTPResponse.Status

    enum CodingKeys: String, CodingKey { case title, paragraphs, requestID, backHref }

    init(_ error: AppError, requestID: String, backHref: String?) {
        if case .invalidInput(let message) = error {
            self.init(
                status: .unprocessableContent, requestID: requestID, title: "Sorry, we could not use what was sent",
                paragraphs: [message, "Nothing has been changed. Go back and try again."], backHref: backHref
            )
        } else if case .tooLarge(let limit) = error {
            self.init(
                status: .contentTooLarge, requestID: requestID, title: "What you sent is too large",
                paragraphs: [
                    "This page accepts at most \(ByteSize.describe(limit)). Nothing has been changed.",
                    "If you were uploading a file, make it smaller or split it, then try again.",
                ], backHref: backHref
            )
        } else if error == .csrfFailed {
            self.init(
                status: .forbidden, requestID: requestID, title: "Your form could not be sent",
                paragraphs: [
                    "We could not be sure this form came from you, so we did not act on it. This usually happens when a page has been open for a long time, or you signed out in another tab.",
                    "Nothing has been changed. Go back, reload the page, and try again.",
                ], backHref: backHref
            )
        } else {
            self.init(status: error.status, requestID: requestID)
        }
    }

    init(status: HTTPResponse.Status, requestID: String) {
        switch status.code {
        case 404:
            self.init(
                status: status, requestID: requestID, title: "Page not found",
                paragraphs: [
                    "If you typed the web address, check it is correct.",
                    "If you followed a link, the page may have moved, or it may be something your account cannot see.",
                ]
            )
        case 403:
            self.init(
                status: status, requestID: requestID, title: "You do not have access to this page",
                paragraphs: ["Your account does not allow this. If you think it should, ask an administrator."]
            )
        case 400..<500:
            self.init(
                status: status, requestID: requestID, title: "Sorry, we could not understand that request",
                paragraphs: ["Go back and try again."]
            )
        default:
            self.init(
                status: .internalServerError, requestID: requestID, title: "Sorry, there is a problem with the service",
                paragraphs: [
                    "Something went wrong on our side. Nothing you did caused it. Try again later.",
                    "If you contact an administrator about this, give them this reference: \(requestID).",
                ]
            )
        }
    }

    private init(
        status: HTTPResponse.Status, requestID: String, title: String, paragraphs: [String], backHref: String? = nil
    ) {
        self.backHref = backHref
        self.status = status
        self.requestID = requestID
        self.title = title
        self.paragraphs = paragraphs
    }
}
