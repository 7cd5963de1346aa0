import NIOConcurrencyHelpers

/// Rendered HTML for records that never change once written (audit events), keyed by their id, so a page
/// of fifty of them renders each row once rather than on every request. Bounded: when full it starts again.
public final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private let fragments = NIOLockedValueBox<[Key: String]>([:])
    let capacity: Int

    public init(capacity: Int = 5_000) {
        self.capacity = capacity
    }

    /// The cached fragment for `key`, or the one `render` makes (which is then kept).
    public func fragment(for key: Key, render: () throws -> String) rethrows -> String {
        if let cached = fragments.withLockedValue({ $0[key] }) { return cached }
        let made = try render()
        fragments.withLockedValue { fragments in
            if fragments.count >= capacity { fragments.removeAll(keepingCapacity: true) }
            fragments[key] = made
        }
        return made
    }

    /// Forgets every fragment: after a person is erased, rows rendered with their name must be made again.
    public func removeAll() {
        fragments.withLockedValue { $0.removeAll() }
    }
}
