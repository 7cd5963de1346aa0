import Foundation
import GRDB
import NIOConcurrencyHelpers

/// Remembers sessions already read, so most requests do not touch the database at all (the issue's
/// benchmark: the home page must keep up with a quarter of /healthz).
///
/// Correctness comes from a generation number: a transaction observer on the writer connection bumps it
/// whenever a committed transaction changed `sessions` or `users`, and an entry read under an older
/// generation is never used. So sign-out, sign-out everywhere, deactivation, password changes and
/// "stay signed in" are all seen by the very next request. The short time-to-live covers only writes from
/// another process (the command line), which cannot end sessions today.
final class SessionCache: Sendable {
    struct Entry: Sendable {
        let session: LoadedSession
        let isActive: Bool
        let generation: UInt64
        let loadedAt: Date
    }

    static let timeToLive: TimeInterval = 30
    static let maximumEntries = 10_000

    private let state = NIOLockedValueBox<(generation: UInt64, entries: [Data: Entry])>((0, [:]))

    /// The generation to record with a read; take it before reading, so a write that lands during the
    /// read makes the entry stale rather than wrongly fresh.
    var generation: UInt64 { state.withLockedValue { $0.generation } }

    func entry(for hash: Data, now: Date) -> Entry? {
        state.withLockedValue { state in
            guard let entry = state.entries[hash], entry.generation == state.generation,
                now.timeIntervalSince(entry.loadedAt) < Self.timeToLive
            else { return nil }
            return entry
        }
    }

    func store(_ entry: Entry, for hash: Data) {
        state.withLockedValue { state in
            guard entry.generation == state.generation else { return }
            if state.entries.count >= Self.maximumEntries { state.entries.removeAll(keepingCapacity: true) }
            state.entries[hash] = entry
        }
    }

    func invalidateAll() {
        state.withLockedValue { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// Starts watching the database for committed changes to sessions or accounts.
    func watch(_ pool: DatabasePool) {
        let observer = CommitObserver(
            watching: { $0 == "sessions" || $0 == "users" }, committed: { [self] in invalidateAll() })
        pool.add(transactionObserver: observer, extent: .databaseLifetime)
    }
}
