import CArgon2
import Foundation
import NIOPosix

/// Hashes and verifies passwords with argon2id from Debian's libargon2.
///
/// Hashing costs tens of milliseconds of CPU and ~19 MiB of memory, so it runs on NIO's thread pool, never
/// on an event loop, and at most `maxConcurrent` at a time: a burst of sign-ins queues here instead of
/// stalling every other request (DESIGN.md stack notes).
public struct PasswordHasher: Sendable {
    public enum HashError: Error { case failed(Int32) }

    public let parameters: Argon2Parameters
    private let gate: ConcurrencyGate

    public init(parameters: Argon2Parameters = .owasp, maxConcurrent: Int = 2) {
        self.parameters = parameters
        self.gate = ConcurrencyGate(limit: maxConcurrent)
    }

    public func hash(_ password: String) async throws -> String {
        let parameters = self.parameters
        return try await gate.run {
            try await NIOThreadPool.singleton.runIfActive { try Self.hashNow(password, parameters: parameters) }
        }
    }

    /// True when the password matches. An unreadable hash never matches.
    public func verify(_ password: String, against phc: String) async throws -> Bool {
        try await gate.run {
            try await NIOThreadPool.singleton.runIfActive { Self.verifyNow(password, phc: phc) }
        }
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
