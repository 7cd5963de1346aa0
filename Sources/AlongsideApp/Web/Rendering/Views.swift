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
    /// Templates with fields to type into (issue 18): without JavaScript these pages do not move themselves away when
    /// the session is about to end; they say when it will, and that what is typed is kept (`KeptForms`).
    let typingTemplates: Set<String>

    /// Loads the folder and checks every template the app names is there: swift-mustache quietly returns an
    /// empty library for a missing folder, and a missing template would otherwise only show up on a request.
    public init(directory: String, required: [String]) async throws {
        library = try Self.load(directory: directory)
        typingTemplates = Self.typingTemplates(directory: directory)
        let missing = required.filter { library.getTemplate(named: $0) == nil }
        guard missing.isEmpty else { throw MissingTemplates(names: missing, directory: directory) }
    }

    /// The templates that draw a field to type into, a choice or a list to pick from.
    static func typingTemplates(directory: String) -> Set<String> {
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        let files = FileManager()
        var found: Set<String> = []
        guard let paths = files.enumerator(atPath: root) else { return found }
        let markers = [
            "partials/field", "partials/textarea", "partials/select", "partials/choices", "partials/grouped-choices",
            "<textarea",
        ]
        for case let path as String in paths where path.hasSuffix(".mustache") {
            guard let data = files.contents(atPath: root + path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if markers.contains(where: text.contains) { found.insert(String(path.dropLast(".mustache".count))) }
        }
        return found
    }

    /// A template file that swift-mustache cannot parse.
    public struct TemplateInvalid: Error, CustomStringConvertible {
        public let name: String
        public let error: any Error
        public var description: String { "The template \(name) could not be parsed: \(error)" }
    }

    /// Each `.mustache` file under `directory` (recursively), named by its path without the extension, as
    /// swift-mustache names them, and read with `EscapedHTML`: a pragma on a line of its own before the text
    /// (a standalone tag, so it adds nothing to the output) sets it, since a template and each partial start as
    /// the library's slower HTML.
    static func load(directory: String) throws -> MustacheLibrary {
        _ = EscapedHTML.registered
        let root = directory.hasSuffix("/") ? directory : directory + "/"
        let files = FileManager()
        var library = MustacheLibrary()
        guard let paths = files.enumerator(atPath: root) else { return library }
        for case let path as String in paths where path.hasSuffix(".mustache") {
            guard let data = files.contents(atPath: root + path) else { continue }
            let name = String(path.dropLast(".mustache".count))
            let text = "{{% CONTENT_TYPE: \(EscapedHTML.name) }}\n" + String(decoding: data, as: UTF8.self)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw TemplateInvalid(name: name, error: error)
            }
        }
        return library
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
