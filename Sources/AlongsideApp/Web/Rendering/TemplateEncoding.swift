/// The `Encoder` behind `TemplateNode`: it encodes one level of a value, keeping each property as a slot that is
/// encoded only when the template reads it.
final class TemplateEncoding: Encoder {
    private enum Storage {
        case empty
        case keyed(TemplateNode)
        case unkeyed(TemplateList)
        case single(TemplateSlot)
    }

    let rendering: TemplateRendering
    private var storage = Storage.empty
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(rendering: TemplateRendering) {
        self.rendering = rendering
    }

    /// What the template sees: a node, an array, a plain value or `nil` (a value that wrote nothing is an empty node).
    var value: Any? {
        switch storage {
        case .empty: TemplateNode(rendering: rendering)
        case .keyed(let node): node
        case .unkeyed(let list): rendering.resolve(.list(list))
        case .single(let slot): rendering.resolve(slot)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed(let node) = storage { return KeyedEncodingContainer(TemplateKeyedContainer(node: node)) }
        let node = TemplateNode(rendering: rendering)
        storage = .keyed(node)
        return KeyedEncodingContainer(TemplateKeyedContainer(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed(let list) = storage { return TemplateUnkeyedContainer(list: list, rendering: rendering) }
        let list = TemplateList()
        storage = .unkeyed(list)
        return TemplateUnkeyedContainer(list: list, rendering: rendering)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { TemplateSingleContainer(encoding: self) }

    fileprivate func setSingle(_ slot: TemplateSlot) { storage = .single(slot) }
}

private struct TemplateKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TemplateNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(.of(value), named: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateNode(rendering: node.rendering)
        node.set(.ready(nested), named: key.stringValue)
        return KeyedEncodingContainer(TemplateKeyedContainer<NestedKey>(node: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let list = TemplateList()
        node.set(.list(list), named: key.stringValue)
        return TemplateUnkeyedContainer(list: list, rendering: node.rendering)
    }

    /// A super-encoder with no key writes nowhere a template could read.
    mutating func superEncoder() -> any Encoder { TemplateEncoding(rendering: node.rendering) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoding = TemplateEncoding(rendering: node.rendering)
        node.set(.encoder(encoding), named: key.stringValue)
        return encoding
    }
}

private struct TemplateUnkeyedContainer: UnkeyedEncodingContainer {
    let list: TemplateList
    let rendering: TemplateRendering
    var codingPath: [any CodingKey] { [] }
    var count: Int { list.items.count }

    /// A `nil` item is left out of the array, as a missing key is left out of a node.
    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        list.items.append(.of(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = TemplateNode(rendering: rendering)
        list.items.append(.ready(nested))
        return KeyedEncodingContainer(TemplateKeyedContainer<NestedKey>(node: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TemplateList()
        list.items.append(.list(nested))
        return TemplateUnkeyedContainer(list: nested, rendering: rendering)
    }

    mutating func superEncoder() -> any Encoder {
        let encoding = TemplateEncoding(rendering: rendering)
        list.items.append(.encoder(encoding))
        return encoding
    }
}

private struct TemplateSingleContainer: SingleValueEncodingContainer {
    let encoding: TemplateEncoding
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoding.setSingle(.absent) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoding.setSingle(.of(value))
    }
}
