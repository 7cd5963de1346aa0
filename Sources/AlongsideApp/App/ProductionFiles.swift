import Foundation

/// What `alongside check-config` found on disk (issue 21), read once so the rules in `ProductionCheck` are plain
/// functions of it.
public struct ProductionFiles: Sendable, Equatable {
    /// The permission bits (`stat`, following links) of each path looked at that exists: the database, its companions
    /// and folder, the backups folder and each backup.
    public var modes: [String: Int]
    public var backupsFolder: String
    /// The names in the backups folder, or nil if it cannot be listed.
    public var backupNames: [String]?
    /// Folders the server reads from (Views, Public, Migrations) that are missing.
    public var missingFolders: [String]

    public init(modes: [String: Int], backupsFolder: String, backupNames: [String]?, missingFolders: [String]) {
        self.modes = modes
        self.backupsFolder = backupsFolder
        self.backupNames = backupNames
        self.missingFolders = missingFolders
    }

    /// Looks at the files `configuration` names, and at the backups in `backupsFolder`.
    public static func read(_ configuration: AppConfiguration, backupsFolder: String) -> ProductionFiles {
        let database = configuration.databasePath
        var modes: [String: Int] = [:]
        for path in [database, folder(of: database), backupsFolder] + companions(of: database) {
            modes[path] = mode(of: path)
        }
        let names = try? FileManager.default.contentsOfDirectory(atPath: backupsFolder)
        for name in names ?? [] where BackupRetention.stamp(ofFileNamed: name) != nil {
            modes[backupsFolder + "/" + name] = mode(of: backupsFolder + "/" + name)
        }
        let missing = [configuration.viewsDirectory, configuration.publicDirectory, configuration.migrationsDirectory]
            .filter { folder in
                var isDirectory: ObjCBool = false
                return !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
                    || !isDirectory.boolValue
            }
        return ProductionFiles(modes: modes, backupsFolder: backupsFolder, backupNames: names, missingFolders: missing)
    }

    /// Where backups are looked for when no folder is named: `backups/` beside the database.
    public static func defaultBackupsFolder(for databasePath: String) -> String {
        folder(of: databasePath) + "/backups"
    }

    /// The folder holding `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// SQLite's own files beside a database, which hold its data too.
    static func companions(of database: String) -> [String] {
        [database + "-wal", database + "-shm", database + "-journal"]
    }

    static func mode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }
}
