import Hummingbird

/// Errors a handler throws to refuse a request; the error pages middleware turns each into a page.
public enum AppError: Error, Equatable {
    /// The record does not exist, or the person may not know it does.
    case notFound
    /// Signed in, but their role does not allow this.
    case forbidden
    /// A state-changing request without a valid CSRF token.
    case csrfFailed
    /// A request no form of ours would send.
    case badRequest

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: return .notFound
        case .forbidden, .csrfFailed: return .forbidden
        case .badRequest: return .badRequest
        }
    }
}
