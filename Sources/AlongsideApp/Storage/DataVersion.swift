import GRDB
import NIOConcurrencyHelpers

/// A number that goes up whenever a committed transaction changes the partnership's data: any table but the
/// bookkeeping of sessions and sign-in. Whatever is worked out from the data (the roadmap's graph, a page of
/// directory results) can be kept while the number stays the same (`DerivedCache`).
///
/// A transaction observer on the writer connection bumps it after the commit, so a reader that takes the number
/// *before* it reads can only ever keep newer data under an older number, never older data under a newer one.
/// Writes from another process (the command line) are not seen here; `DerivedCache` keeps nothing for longer than
/// `DerivedCache.timeToLive` to cover them.
public final class DataVersion: Sendable {
    /// Tables written on ordinary page views and sign-ins, which change nothing a page derives from the data.
    static let bookkeeping: Set<String> = ["sessions", "sign_in_failures", "sign_in_known_addresses", "server_keys"]

    private let value = NIOLockedValueBox<UInt64>(0)

    public init() {}

    /// The version now; take it before reading the data it keys.
    public var current: UInt64 { value.withLockedValue { $0 } }

    func bump() { value.withLockedValue { $0 &+= 1 } }

    /// Starts watching `pool` for committed changes.
    public func watch(_ pool: DatabasePool) {
        let observer = CommitObserver(watching: { !Self.bookkeeping.contains($0) }, committed: { [self] in bump() })
        pool.add(transactionObserver: observer, extent: .databaseLifetime)
    }
}
