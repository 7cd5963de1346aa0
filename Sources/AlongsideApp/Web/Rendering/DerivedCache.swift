import Foundation
import NIOConcurrencyHelpers

/// What pages work out from the partnership's data and render from it (the roadmap's graph and its table of
/// deliverables, a page of directory results), kept until the data changes. The roadmap and the directory are read
/// far more often than anything is written, and most of a request's time went on reading, analysing and rendering
/// the same rows again (issue 16, `scripts/bench`).
///
/// An entry is keyed by what it is, the request's variant of it (its filters) and the `DataVersion` taken before the
/// data was read, so any committed write makes every entry stale. Nothing is kept longer than `timeToLive`, which
/// bounds how long a write from another process (the command line) can go unseen. Bounded: when full it starts again,
/// so variants a visitor makes up cannot grow it.
public final class DerivedCache: Sendable {
    /// A piece of derived data: take the key (and so the data version) before reading the data it is made from.
    public struct Key: Hashable, Sendable {
        let name: String
        let variant: String
        let version: UInt64
        let period: Int64
    }

    static let timeToLive: TimeInterval = 30

    private let entries = NIOLockedValueBox<[Key: any Sendable]>([:])
    let version: DataVersion
    let clock: AppClock
    let capacity: Int

    public init(version: DataVersion, clock: AppClock, capacity: Int = 500) {
        self.version = version
        self.clock = clock
        self.capacity = capacity
    }

    /// The key for `name` in `variant`, as of now.
    public func key(_ name: String, variant: String = "") -> Key {
        let period = Int64((clock.now().timeIntervalSince1970 / Self.timeToLive).rounded(.down))
        return Key(name: name, variant: variant, version: version.current, period: period)
    }

    /// The value kept for `key`, or the one `make` makes (which is then kept).
    public func value<Value: Sendable>(for key: Key, make: () async throws -> Value) async rethrows -> Value {
        // A page holding what someone typed before their session ended is theirs alone: worked out, never kept.
        if KeptForm.current != nil { return try await make() }
        if let kept = entries.withLockedValue({ $0[key] }) as? Value { return kept }
        let made = try await make()
        store(made, for: key)
        return made
    }

    /// The same, for work that does not wait.
    public func value<Value: Sendable>(for key: Key, make: () throws -> Value) rethrows -> Value {
        if KeptForm.current != nil { return try make() }
        if let kept = entries.withLockedValue({ $0[key] }) as? Value { return kept }
        let made = try make()
        store(made, for: key)
        return made
    }

    private func store(_ value: some Sendable, for key: Key) {
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }
}
