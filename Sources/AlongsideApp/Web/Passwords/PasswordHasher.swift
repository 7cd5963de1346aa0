import CArgon2
import Foundation
import NIOCore
import NIOPosix
#if canImport(Glibc)
    import Glibc
#endif

/// Hashes and verifies passwords with argon2id from Debian's libargon2.
///
/// Hashing costs tens of milliseconds of CPU and ~19 MiB of memory, so it never runs on an event loop. It runs
/// on its own threads at idle CPU priority, at most `maxConcurrent` at a time, leaving at least one core to
/// everything else: a burst of sign-ins queues here instead of stalling other requests (DESIGN.md stack notes;
/// measured with scripts/bench, which runs /healthz while sign-ins run).
public struct PasswordHasher: Sendable {
    public enum HashError: Error { case failed(Int32) }

    public let parameters: Argon2Parameters
    private let gate: ConcurrencyGate

    /// One hashing thread per core but one, shared by every hasher in the process.
    public static let threadCount = max(1, System.coreCount - 1)
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threadCount)
        pool.start()
        return pool
    }()

    public init(parameters: Argon2Parameters = .owasp, maxConcurrent: Int = PasswordHasher.threadCount) {
        self.parameters = parameters
        self.gate = ConcurrencyGate(limit: maxConcurrent)
    }

    public func hash(_ password: String) async throws -> String {
        let parameters = self.parameters
        return try await gate.run {
            try await Self.threads.runIfActive {
                Self.lowerThreadPriority()
                return try Self.hashNow(password, parameters: parameters)
            }
        }
    }

    /// True when the password matches. An unreadable hash never matches.
    public func verify(_ password: String, against phc: String) async throws -> Bool {
        try await gate.run {
            try await Self.threads.runIfActive {
                Self.lowerThreadPriority()
                return Self.verifyNow(password, phc: phc)
            }
        }
    }

    /// Moves the calling hashing thread to Linux's SCHED_IDLE class, so page requests always come first.
    /// Sign-ins still finish, as soon as a core has a moment to spare.
    static func lowerThreadPriority() {
        #if os(Linux)
            var parameters = sched_param(sched_priority: 0)
            let schedIdle: Int32 = 5  // SCHED_IDLE from <sched.h>; hidden behind _GNU_SOURCE in Swift's import
            _ = sched_setscheduler(0, schedIdle, &parameters)
        #endif
    }

    /// True when a stored hash was made with weaker settings than the current ones.
    public func needsRehash(_ phc: String) -> Bool {
        guard let stored = Argon2Parameters(phc: phc) else { return true }
        return stored.isWeaker(than: parameters)
    }

    static func hashNow(_ password: String, parameters: Argon2Parameters) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let hashLength = 32
        let encodedLength = argon2_encodedlen(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism,
            UInt32(salt.count), UInt32(hashLength), Argon2_id
        )
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let passwordBytes = Array(password.utf8)
        let result = argon2id_hash_encoded(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism,
            passwordBytes, passwordBytes.count, salt, salt.count, hashLength, &encoded, encodedLength
        )
        guard result == ARGON2_OK.rawValue else { throw HashError.failed(result) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func verifyNow(_ password: String, phc: String) -> Bool {
        let passwordBytes = Array(password.utf8)
        return argon2id_verify(phc, passwordBytes, passwordBytes.count) == ARGON2_OK.rawValue
    }
}

/// Lets at most `limit` operations run at once; the rest wait their turn in order.
actor ConcurrencyGate {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func run<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await operation()
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
