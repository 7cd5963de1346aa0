import Foundation

/// Which backups in a folder to keep (issue 21): the newest of each of the last `daily` days that have one, and the
/// newest of each of the last `monthly` months that have one; every other backup made by `alongside backup --into` is
/// removed. Days and months are read from the file names (`alongside-YYYYMMDD-HHMMSS.sqlite`, in UTC); files named any
/// other way are never touched.
public enum BackupRetention {
    public static let prefix = "alongside-"
    public static let suffix = ".sqlite"

    /// The file name for a backup made at `date`.
    public static func fileName(at date: Date) -> String {
        prefix + stamp(date) + suffix
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    /// The "YYYYMMDD-HHMMSS" of a backup's name, or nil for a file this rule does not own.
    static func stamp(ofFileNamed name: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let stamp = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        let bytes = Array(stamp.utf8)
        guard bytes.count == 15, bytes[8] == 0x2D,
            bytes.enumerated().allSatisfy({ $0.offset == 8 || (0x30...0x39).contains($0.element) })
        else { return nil }
        return stamp
    }

    /// The names to remove from `names` under the rule.
    public static func toRemove(_ names: [String], daily: Int, monthly: Int) -> [String] {
        let owned = names.compactMap { name in stamp(ofFileNamed: name).map { (name: name, stamp: $0) } }
            .sorted { $0.stamp > $1.stamp }
        var keep = Set<String>()
        var days: [String] = [], months: [String] = []
        for backup in owned {
            let day = String(backup.stamp.prefix(8)), month = String(backup.stamp.prefix(6))
            if !days.contains(day), days.count < daily {
                days.append(day)
                keep.insert(backup.name)
            }
            if !months.contains(month), months.count < monthly {
                months.append(month)
                keep.insert(backup.name)
            }
        }
        return owned.map(\.name).filter { !keep.contains($0) }.sorted()
    }
}
