import Foundation

/// One row of a summary list; `href` makes the value a link.
struct DetailRow: Encodable, Sendable {
    let label: String
    let value: String
    let href: String?

    init(_ label: String, _ value: String, href: String? = nil) {
        self.label = label
        self.value = value.isEmpty ? "Not given" : value
        self.href = value.isEmpty ? nil : href
    }
}
