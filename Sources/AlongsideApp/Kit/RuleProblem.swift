import Foundation

/// A problem with one value a person typed, in words to show beside the field.
public struct RuleProblem: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
