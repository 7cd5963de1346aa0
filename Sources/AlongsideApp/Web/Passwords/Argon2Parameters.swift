/// Cost settings for argon2id. The defaults are OWASP's minimum (m=19456 KiB, t=2, p=1).
public struct Argon2Parameters: Sendable, Equatable {
    public var memoryKiB: UInt32
    public var iterations: UInt32
    public var parallelism: UInt32

    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    public static let owasp = Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)

    /// Reads `m`, `t` and `p` from a PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`.
    public init?(phc: String) {
        let parts = phc.split(separator: "$")
        guard parts.count >= 3, parts[0] == "argon2id" else { return nil }
        var values: [Substring: UInt32] = [:]
        for pair in parts[2].split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, let number = UInt32(kv[1]) else { return nil }
            values[kv[0]] = number
        }
        guard let m = values["m"], let t = values["t"], let p = values["p"] else { return nil }
        self.init(memoryKiB: m, iterations: t, parallelism: p)
    }

    /// True when a hash made with `self` is weaker than `target` in any way, so it should be made again.
    public func isWeaker(than target: Argon2Parameters) -> Bool {
        memoryKiB < target.memoryKiB || iterations < target.iterations || parallelism < target.parallelism
    }
}
