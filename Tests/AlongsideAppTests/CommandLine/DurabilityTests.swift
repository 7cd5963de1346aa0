import Foundation
import GRDB
import XCTest
@testable import AlongsideApp

/// A write the person was told succeeded survives the server being killed (SIGKILL, no clean shutdown).
final class DurabilityTests: XCTestCase {
    func testAcknowledgedSetupSurvivesKill() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: CommandRunner.executable), "build the executable first")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs curl")
        // setup: a server on a free port with a new database
        let folder = try temporaryFolder(self)
        let database = folder + "/durable.sqlite"
        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandRunner.executable)
        server.arguments = ["serve", "--port", String(port), "--database", database]
        server.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let setupLink = try readSetupLink(from: output.fileHandleForReading)
        // act: create the first administrator, then kill the server as soon as it answers
        let jar = folder + "/cookies"
        let form = try curl(["-s", "-c", jar, "-b", jar, setupLink])
        let token = try XCTUnwrap(
            form.range(of: #"name="csrf_token" value="([^"]+)""#, options: .regularExpression).map { String(form[$0]) }?
                .replacingOccurrences(of: #"name="csrf_token" value=""#, with: "").dropLast())
        let answer = try curl([
            "-s", "-o", "/dev/null", "-w", "%{http_code}", "-c", jar, "-b", jar, setupLink,
            "--data-urlencode", "csrf_token=\(token)", "--data-urlencode", "name=Ada Example",
            "--data-urlencode", "email=ada@example.org", "--data-urlencode", "password=\(goodPassword)",
            "--data-urlencode", "confirm_password=\(goodPassword)",
        ])
        XCTAssertEqual(answer, "303")
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        // check
        let names = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM users")
        }
        XCTAssertEqual(names, ["Ada Example"])
    }

    func readSetupLink(from handle: FileHandle) throws -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: #"http://[^\s]+/setup/[A-Za-z0-9_-]+"#, options: .regularExpression),
                text.contains("serving on")
            {
                return String(text[range])
            }
        }
        throw XCTSkip("the server did not print a setup link: \(text)")
    }

    func curl(_ arguments: [String]) throws -> String {
        var lastError = ""
        for _ in 0..<50 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus == 0 { return String(decoding: data, as: UTF8.self) }
            lastError = "curl exited \(process.terminationStatus)"
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw XCTSkip(lastError)
    }
}
