import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock a serving process holds on its database (`DB.lock` beside it) for as long as it runs (issue 21), so a
/// restore can tell that a server is using the file and refuse, and a second server on the same file is refused. The
/// operating system lets go of it when the process ends, however it ends (a kill -9 included).
public final class ServerLock: Sendable {
    let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    public struct Held: Error, CustomStringConvertible {
        public let databasePath: String
        public var description: String {
            "An Alongside server is using \(databasePath) (it holds \(databasePath).lock). Stop it first."
        }
    }

    /// Takes the lock, or throws `Held` when another process has it.
    public static func acquire(databasePath: String) throws -> ServerLock {
        let path = databasePath + ".lock"
        try FilePrivacy.makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DatabaseBackup.Failed(description: "Could not open \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw Held(databasePath: databasePath)
        }
        return ServerLock(descriptor: descriptor, path: path)
    }

    /// Whether a server holds the lock now (taken and let go at once when free).
    public static func isHeld(databasePath: String) -> Bool {
        do {
            _ = try acquire(databasePath: databasePath)
            return false
        } catch is Held {
            return true
        } catch {
            return false
        }
    }
}
