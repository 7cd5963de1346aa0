/// Side-by-side comparison of two texts, line by line, using the standard library's `difference(from:)`.
public enum TextComparison {
    public enum Line: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The lines of `new` against `old`, in reading order: unchanged, removed (from old) and added (in new).
    public static func lines(from old: String, to new: String) -> [Line] {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = after.difference(from: before)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var oldIndex = 0, newIndex = 0
        while oldIndex < before.count || newIndex < after.count {
            if oldIndex < before.count, removed.contains(oldIndex) {
                result.append(.removed(before[oldIndex]))
                oldIndex += 1
            } else if newIndex < after.count, inserted.contains(newIndex) {
                result.append(.added(after[newIndex]))
                newIndex += 1
            } else {
                if newIndex < after.count { result.append(.same(after[newIndex])) }
                oldIndex += 1
                newIndex += 1
            }
        }
        return result
    }
}
