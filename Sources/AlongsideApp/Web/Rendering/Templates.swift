/// The templates every page shares (the layout, form partials, the error page); each feature lists its own
/// (`Feature.templates`), and start-up fails if any is missing from `Views/`.
enum Templates {
    static let shared = [
        "layout", "check-answers", "partials/field", "partials/choices", "partials/urgent-help", "partials/csrf",
        "partials/textarea", "partials/grouped-choices",
        "partials/select",
        ErrorPage.template,
    ]
}
