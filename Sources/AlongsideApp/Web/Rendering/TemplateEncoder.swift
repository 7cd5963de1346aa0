/// Turns an `Encodable` view model into the dictionaries, arrays and plain values swift-mustache looks up
/// directly (`Dictionary` is a `MustacheParent`), so rendering never falls back to `Mirror` reflection,
/// which DESIGN.md measured at a third of the speed. `nil` optionals are left out, so `{{#x}}` is false.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) throws -> Any {
        let slot = Slot()
        try value.encode(to: NodeEncoder(slot: slot))
        return slot.resolved
    }
}

/// A place a value will be written; containers hold slots until the whole tree is built.
private final class Slot {
    var value: Any = [String: Any]()

    var resolved: Any {
        switch value {
        case let keyed as KeyedStore:
            return keyed.items.filter { !($0.value.value is Absent) }.mapValues(\.resolved)
        case let unkeyed as UnkeyedStore:
            return unkeyed.items.filter { !($0.value is Absent) }.map(\.resolved)
        default:
            return value
        }
    }
}

/// An encoded `nil`: left out of the tree.
private struct Absent {}

private final class KeyedStore { var items: [String: Slot] = [:] }
private final class UnkeyedStore { var items: [Slot] = [] }

private struct NodeEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let store = (slot.value as? KeyedStore) ?? KeyedStore()
        slot.value = store
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(store: store))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let store = (slot.value as? UnkeyedStore) ?? UnkeyedStore()
        slot.value = store
        return UnkeyedNodeContainer(store: store)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(slot: slot) }
}

/// Writes a value into a slot: plain values as themselves, anything else through its own `encode(to:)`.
private func store(_ value: some Encodable, in slot: Slot) throws {
    switch value {
    case let text as String: slot.value = text
    case let flag as Bool: slot.value = flag
    case let number as Int: slot.value = number
    case let number as Int64: slot.value = number
    case let number as Double: slot.value = number
    default: try value.encode(to: NodeEncoder(slot: slot))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let store: KeyedStore
    var codingPath: [any CodingKey] = []

    func slot(for key: Key) -> Slot {
        let slot = Slot()
        store.items[key.stringValue] = slot
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try AlongsideApp.store(value, in: slot(for: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(slot: slot(for: key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(slot: slot(for: key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(slot: Slot()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(slot: slot(for: key)) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let store: UnkeyedStore
    var codingPath: [any CodingKey] = []
    var count: Int { store.items.count }

    func nextSlot() -> Slot {
        let slot = Slot()
        store.items.append(slot)
        return slot
    }

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {
        try AlongsideApp.store(value, in: nextSlot())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(slot: nextSlot()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(slot: nextSlot()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(slot: nextSlot()) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { slot.value = Absent() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try AlongsideApp.store(value, in: slot)
    }
}
