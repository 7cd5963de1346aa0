import Foundation

/// The database holds people's lived experience, benefits choices and payments: only the account the server runs
/// as may read it. Files are made 0600 and folders 0700, whatever the process's umask (issue 15: the database, its
/// WAL and every backup were created 0644).
public enum FilePrivacy {
    /// From now on, files this process creates are readable by its own account only (umask 077). The command line
    /// calls this first, so SQLite's own files (the WAL, the shared-memory index, journals) are born private too.
    public static func restrictNewFiles() {
        umask(0o077)
    }

    /// Creates the folder (and any missing parents) readable by this account only; leaves an existing folder alone,
    /// since it may be shared, such as the project folder itself.
    static func makeFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Makes a database file and its companions (`-wal`, `-shm`, `-journal`) readable by this account only.
    static func restrict(database path: String) throws {
        for file in [path, path + "-wal", path + "-shm", path + "-journal"]
        where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }
}
