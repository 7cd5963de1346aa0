import Foundation
import XCTest

/// Runs the built `alongside` executable the way a person would from the project folder.
struct CommandResult {
    let status: Int32
    let output: String
    let errors: String
}

enum CommandRunner {
    static var executable: String {
        let debug = repositoryRoot + "/.build/debug/alongside"
        return ProcessInfo.processInfo.environment["ALONGSIDE_BINARY"] ?? debug
    }

    /// With `environment`, the command sees no `ALONGSIDE_*` setting of the test's own but these.
    static func run(
        _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
        executable: String = executable
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ALONGSIDE_") }
                .merging(environment) { _, given in given }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }
}
