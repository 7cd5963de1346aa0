import Mustache

/// An `Encodable` view model as swift-mustache reads it, without `Mirror` (which DESIGN.md measured at a third of
/// the speed) and without first copying the whole model into dictionaries (issue 16: that copy cost more than the
/// rendering). A node answers `child(named:)` itself (`MustacheParent`), and a value below it is encoded only when
/// the template first looks at it, one level at a time, then kept: a section the page does not show is never
/// encoded, and nothing is encoded twice.
///
/// What the template sees is what plain dictionaries gave it: strings, flags and numbers as themselves, a keyed
/// value as a node, an unkeyed one as an array, and `nil` left out, so `{{#x}}` is false and a name that is `nil`
/// here is looked up in the enclosing context, as Mustache does for a missing key.
final class TemplateNode: MustacheParent {
    private var names: [String] = []
    private var slots: [TemplateSlot] = []
    /// Shared by every node of one rendering, so a value that fails to encode fails the page (`TemplateRendering`).
    let rendering: TemplateRendering

    init(rendering: TemplateRendering) {
        self.rendering = rendering
    }

    func child(named name: String) -> Any? {
        // Pages have a few dozen names at most: a scan of short strings beats hashing them.
        guard let index = names.lastIndex(of: name) else { return nil }
        switch slots[index] {
        case .ready(let value):
            return value
        case .absent:
            return nil
        case let pending:
            let value = rendering.resolve(pending)
            slots[index] = value.map(TemplateSlot.ready) ?? .absent
            return value
        }
    }

    func set(_ slot: TemplateSlot, named name: String) {
        if let index = names.lastIndex(of: name) {
            slots[index] = slot
        } else {
            names.append(name)
            slots.append(slot)
        }
    }
}

/// A value in a node or a list: ready for the template, or still to be encoded.
enum TemplateSlot {
    /// A string, flag, number, node or array.
    case ready(Any)
    /// An encoded `nil`.
    case absent
    /// A value the template has not looked at yet.
    case encodable(any Encodable)
    /// An unkeyed container, filled as its owner encodes.
    case list(TemplateList)
    /// A `superEncoder(forKey:)`, filled as its owner encodes.
    case encoder(TemplateEncoding)

    /// Plain values are kept as themselves; anything else waits until it is read.
    static func of<Value: Encodable>(_ value: Value) -> TemplateSlot {
        switch value {
        case let text as String: .ready(text)
        case let flag as Bool: .ready(flag)
        case let number as Int: .ready(number)
        case let number as Int64: .ready(number)
        case let number as Double: .ready(number)
        default: .encodable(value)
        }
    }
}

/// The items of an unkeyed container; the template gets them as an array once the list is read.
final class TemplateList {
    var items: [TemplateSlot] = []
}

/// One rendering of a page: makes the root node, and remembers the first value that failed to encode, which the
/// renderer then throws (Mustache's lookups cannot throw, and a page must not quietly lose part of itself).
final class TemplateRendering {
    private(set) var failure: (any Error)?

    /// The root the template renders: the model as a node (a model that is not keyed gives an empty one).
    func root(_ model: some Encodable) throws -> TemplateNode {
        let value = try encode(model)
        guard let node = value as? TemplateNode else { return TemplateNode(rendering: self) }
        return node
    }

    /// Encodes one level of `value`: what lies below it stays in slots until it is read.
    func encode(_ value: some Encodable) throws -> Any? {
        switch TemplateSlot.of(value) {
        case .ready(let plain):
            return plain
        default:
            let encoding = TemplateEncoding(rendering: self)
            try value.encode(to: encoding)
            return encoding.value
        }
    }

    func resolve(_ slot: TemplateSlot) -> Any? {
        switch slot {
        case .ready(let value):
            return value
        case .absent:
            return nil
        case .encodable(let value):
            do {
                return try encode(value)
            } catch {
                if failure == nil { failure = error }
                return nil
            }
        case .list(let list):
            return list.items.compactMap(resolve)
        case .encoder(let encoding):
            return encoding.value
        }
    }
}
