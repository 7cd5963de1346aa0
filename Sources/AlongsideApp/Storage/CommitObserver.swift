import GRDB

/// Calls `committed` after each committed transaction that changed a table `watches` accepts; a transaction that
/// rolls back is forgotten. It runs on the writer connection's queue, after the commit, so a reader that notes what it
/// has seen before it reads can never keep older data as newer. The caches that must see every change
/// (`SessionCache`, `DataVersion`) watch the database through it.
final class CommitObserver: TransactionObserver {
    private let watches: @Sendable (String) -> Bool
    private let committed: @Sendable () -> Void
    private var changed = false

    init(watching watches: @escaping @Sendable (String) -> Bool, committed: @escaping @Sendable () -> Void) {
        self.watches = watches
        self.committed = committed
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        watches(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed = true
    }

    func databaseDidChange() {
        changed = true
    }

    func databaseDidCommit(_ db: Database) {
        if changed { committed() }
        changed = false
    }

    func databaseDidRollback(_ db: Database) {
        changed = false
    }
}
