import Foundation

/// Which version of a group's terms of reference the decision log says was adopted by an instant. Decisions answer
/// (wired in `AppServices`): decisions build on terms of reference, so terms do not read the decision log (issue 16).
protocol TermsAdoptionSource: Sendable {
    /// The version adopted by the group's latest agreed, valid decision recorded by `instant`, or nil if none was.
    func adoptedTermsVersion(groupID: Int64, at instant: Date) async throws -> Int?
}

/// The terms of reference in force at an instant, for a meeting held under them.
struct TermsHistory: Sendable {
    let store: TermsStore
    let adoptions: any TermsAdoptionSource

    /// The version in force at an instant: the one adopted by the latest agreed, valid decision recorded by then.
    /// A meeting yet to come is held under the terms in force now.
    func inForce(groupID: Int64, at instant: Date) async throws -> TermsVersion? {
        guard let number = try await adoptions.adoptedTermsVersion(groupID: groupID, at: instant) else { return nil }
        return try await store.version(groupID: groupID, number: number)
    }
}
