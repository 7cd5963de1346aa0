import Foundation
import XCTest
@testable import AlongsideApp

/// When a claim is paid in vouchers, the check page and the claim page say vouchers count as earnings, as the form
/// does (issue 17); other choices do not carry the note.
final class VoucherNoteTests: XCTestCase {
    static let note =
        #"<p class="warning-text">Vouchers still count as earnings for most benefits, the same as money.</p>"#

    func testVouchersAreCalledEarningsOnTheCheckPageAndTheClaimPage() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(
                as: .expertByExperience, email: "casey@example.org", name: "Casey Example")
            let (manager, _) = try await app.signedIn(as: .programmeManager, email: "pm@example.org")
            // act
            let form = try await casey.get(Href.newClaim())
            let vouchers = try await ClaimFixtures.draft(casey, ClaimFixtures.fields(choice: "vouchers"))
            let check = try await casey.get(Href.checkClaim(vouchers))
            // check: the form says it whatever is chosen; the check page because vouchers are chosen
            XCTAssertTrue(form.contains(Self.note))
            XCTAssertTrue(check.contains(Self.note))
            // act: sent, the owner and the approver read it on the claim page
            _ = try await casey.post(Href.checkClaim(vouchers), [("version", check.inputValue("version") ?? "")])
            let ownerView = try await casey.get(Href.claim(vouchers))
            let approverView = try await manager.get(Href.claim(vouchers))
            XCTAssertTrue(ownerView.contains(Self.note))
            XCTAssertTrue(approverView.contains(Self.note))
        }
    }

    func testOtherPaymentChoicesCarryNoVoucherNote() async throws {
        try await withApp { app in
            // setup
            let (casey, _) = try await app.signedIn(as: .expertByExperience)
            for (day, choice) in [("2026-09-14", "full"), ("2026-09-15", "none")] {
                // act
                let id = try await ClaimFixtures.draft(casey, ClaimFixtures.fields(on: day, choice: choice))
                // check
                let check = try await casey.get(Href.checkClaim(id))
                let page = try await casey.get(Href.claim(id))
                XCTAssertFalse(check.contains(Self.note), choice)
                XCTAssertFalse(page.contains(Self.note), choice)
            }
        }
    }
}
