import Foundation
import Mustache
import XCTest
@testable import AlongsideApp

/// Issue 16: pages are escaped by `HTMLEscaping`, which must give exactly swift-mustache's own HTML escaping.
final class HTMLEscapingTests: XCTestCase {
    /// What the library's escaping gives: a template loaded as swift-mustache loads it starts in its HTML type.
    private func libraryEscaping(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": text])
    }

    func testEscapingMatchesTheLibraryOnChosenText() throws {
        let samples = [
            "", "plain", "Tom & Jerry", "<script>alert('x')</script>", "\"quoted\" and 'single'", "a=b `tick` /slash/",
            "&amp; already", "<<>>&&\"\"''", "café & thé", "naïve <b>", "日本語 & 中文", "emoji 👩‍👩‍👧 & 🇬🇧 <3",
            "<\u{338}", "≮", "&\u{301}", "a\u{301}&", "\u{600}<", "<\u{200D}", "'\u{FE0F}", "\">\u{93F}",
            "é<", ">é", "\r\n<\r\n", "\u{0}&\u{7F}", "caf\u{65}\u{301} <", "\u{1F469}\u{200D}<",
        ]
        for text in samples {
            // act, check
            XCTAssertEqual(HTMLEscaping.escape(text), try libraryEscaping(text), "escaping \(text.debugDescription)")
        }
    }

    func testEscapingMatchesTheLibraryOnRandomText() throws {
        // setup: the five escaped characters, ASCII, and scalars that join their neighbours in one Character
        let pieces: [String] = [
            "<", ">", "&", "\"", "'", "=", "`", "a", " ", "\n", "\r", "é", "e", "\u{301}", "\u{338}", "\u{200D}",
            "\u{FE0F}", "\u{600}", "\u{93F}", "\u{915}", "\u{94D}", "👩", "🇬", "🇧", "\u{1100}", "\u{1161}", "日",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            // act, check
            XCTAssertEqual(HTMLEscaping.escape(text), try libraryEscaping(text), "escaping \(text.debugDescription)")
        }
    }

    func testNoOtherCharacterEqualsOneTheLibraryEscapes() {
        // The byte pass looks only for the five ASCII bytes; a Character equal to one of them by Unicode
        // equivalence but spelt otherwise would be escaped by the library and missed here.
        let escaped: Set<Character> = ["<", ">", "&", "\"", "'"]
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertFalse(escaped.contains(Character(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    func testEveryTemplateRendersAsTheLibraryWouldLoadIt() async throws {
        // setup: the library's own loading, and ours with the pragma before each template
        let directory = repositoryRoot + "/Views"
        let theirs = try await MustacheLibrary(directory: directory)
        let ours = try Views.load(directory: directory)
        let names =
            FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) } ?? []
        XCTAssertGreaterThan(names.count, 100)
        for name in names {
            for model in [EveryName() as Any, [String: Any]()] {
                // act
                let expected = theirs.render(model, withTemplate: name)
                let actual = ours.render(model, withTemplate: name)
                // check
                XCTAssertNotNil(actual, name)
                XCTAssertEqual(actual, expected, name)
            }
        }
    }
}

/// A model with every name: each is text with all five escaped characters, so every section shows once and every
/// variable is escaped.
private struct EveryName: MustacheParent {
    func child(named name: String) -> Any? { "<\(name) a=\"1\" b='2'> & é" }
}
