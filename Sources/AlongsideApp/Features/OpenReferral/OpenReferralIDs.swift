import Crypto
import Foundation

/// Ids in Open Referral UK data are UUIDs that never change for an entry (issue 18). An asset and a register
/// organisation each keep a random version 4 UUID made by the database (migration 0021); everything an entry holds
/// (its location, address, contact, phone, schedule, service area, languages, taxonomy links) takes a name-based
/// version 5 UUID (RFC 9562 section 5.5: SHA-1 over the parent's UUID and a name) from its parent's UUID and what it
/// is, so it is the same on every request and never changes while the parent does not.
public enum OpenReferralIDs {
    /// Alongside's own namespace for ids that belong to no record: the taxonomies and their fixed terms. A random
    /// version 4 UUID chosen once; never change it, or every published taxonomy id changes.
    public static let namespace = UUID(uuidString: "6f1c2b8e-3d4a-4e59-9a71-5c0e8f2d4b36")!

    /// The version 5 UUID for `name` within `parent`.
    public static func derived(_ parent: UUID, _ name: String) -> UUID {
        var bytes = withUnsafeBytes(of: parent.uuid) { Array($0) }
        bytes += Array(name.utf8)
        var hash = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10],
                hash[11], hash[12], hash[13], hash[14], hash[15]
            ))
    }

    /// The text form the standard's examples use: lower case, with hyphens.
    public static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// A stored id read back: a UUID, or nil for anything else.
    public static func parse(_ text: String?) -> UUID? {
        guard let text, text.utf8.count == 36 else { return nil }
        return UUID(uuidString: text)
    }
}
