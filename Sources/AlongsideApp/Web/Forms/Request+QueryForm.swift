import Hummingbird

extension Request {
    /// The query string read as a form (filters and searches submitted with `method="get"`), so "+" and
    /// percent-escapes decode as they do in a posted form.
    var queryForm: FormData { FormData(urlEncoded: uri.query ?? "") }
}
