import Foundation
import Mustache

/// The Mustache templates in `Views/`, loaded once at start-up.
public struct Views: Sendable {
    public struct MissingTemplates: Error, CustomStringConvertible {
        public let names: [String]
        public let directory: String
        public var description: String {
            "These templates were not found in \(directory): \(names.joined(separator: ", "))."
        }
    }

    let library: MustacheLibrary

    /// Loads the folder and checks every template the app names is there: swift-mustache quietly returns an
    /// empty library for a missing folder, and a missing template would otherwise only show up on a request.
    public init(directory: String, required: [String]) async throws {
        library = try await MustacheLibrary(directory: directory)
        let missing = required.filter { library.getTemplate(named: $0) == nil }
        guard missing.isEmpty else { throw MissingTemplates(names: missing, directory: directory) }
    }

    /// A template that cannot be rendered is an error, never an empty page (issue 16).
    public struct RenderFailed: Error, CustomStringConvertible {
        public let template: String
        public var description: String { "The template \(template) could not be rendered." }
    }

    func render(_ context: Any, template: String) throws -> String {
        guard let html = library.render(context, withTemplate: template) else { throw RenderFailed(template: template) }
        return html
    }
}
