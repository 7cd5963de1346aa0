import Foundation
import GRDB

/// The decision log's answer to terms of reference's question "which version was adopted by then?"
/// (`TermsAdoptionSource`, wired in `AppServices`).
extension DecisionStore: TermsAdoptionSource {
    func adoptedTermsVersion(groupID: Int64, at instant: Date) async throws -> Int? {
        try await pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT adopts_terms_version FROM decisions
                    WHERE group_id = ? AND adopts_terms_version IS NOT NULL AND outcome = 'agreed' AND is_valid = 1 AND recorded_at <= ?
                    ORDER BY recorded_at DESC, id DESC LIMIT 1
                    """, arguments: [groupID, instant])
        }
    }
}
