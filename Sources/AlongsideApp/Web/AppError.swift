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
    /// A value no form of ours would send (a hidden number out of range, say): a 422 page with this message.
    case invalidInput(String)
    /// A body larger than the route accepts: 413.
    case tooLarge(limitBytes: Int)

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: return .notFound
        case .forbidden, .csrfFailed: return .forbidden
        case .badRequest: return .badRequest
        case .invalidInput: return .unprocessableContent
        case .tooLarge: return .contentTooLarge
        }
    }
}
