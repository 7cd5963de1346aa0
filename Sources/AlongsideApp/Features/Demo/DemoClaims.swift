import Foundation

/// A demo role with an open advert, Casey appointed to it; and demo claims: Casey's claim for the meeting held a fortnight ago, approved and paid; Finley's claim for the same
/// meeting, sent and waiting, with the weekly earnings limit Finley said applies; and a draft of Casey's.
enum DemoClaims {
    static func load(
        into services: AppServices, casey: Int64, finley: Int64, approver: Int64, groupID: Int64, meetingID: Int64,
        heldDay: String
    ) async throws {
        let today = LondonTime.isoDay(services.clock.now())
        let blake = AuditActor(userID: approver, label: "Blake Example")
        var content = RoleTemplate.expertByExperienceLeader
        // Every template placeholder filled in with fictional details: an advert holding one cannot be published.
        let details = [
            "[your area]": "Example Place", "[name]": "Blake Example", "[email address]": "blake@example.org",
            "[phone number]": "01632 960 000",
        ]
        for field in [\RoleContent.location, \.about, \.purpose, \.responsibilities, \.essential, \.howToApply] {
            for (placeholder, detail) in details {
                content[keyPath: field] = content[keyPath: field].replacingOccurrences(of: placeholder, with: detail)
            }
        }
        let roles = RoleStore(pool: services.pool, clock: services.clock)
        let role = try await roles.create(content, by: blake, requestID: nil)
        _ = try await roles.publish(
            roleID: role.id, closesOn: LondonTime.addingDays(21, to: today) ?? today, by: blake, requestID: nil)
        _ = try await InterestStore(pool: services.pool, clock: services.clock).appoint(
            AppointmentInput(
                personName: "Casey Example", interestID: nil, userID: casey,
                startsOn: LondonTime.addingMonths(-2, to: today) ?? today, endsOn: nil),
            roleID: role.id, by: blake, requestID: nil)

        let claims = ClaimStore(pool: services.pool, clock: services.clock)
        let policies = PaymentPolicyStore(pool: services.pool, clock: services.clock)
        guard let policy = EffectiveDated.inForce(try await policies.policies(), on: heldDay, from: \.effectiveFrom)
        else { return }
        let caseyActor = AuditActor(userID: casey, label: "Casey Example"),
            finleyActor = AuditActor(userID: finley, label: "Finley Example")
        func input(
            _ activity: String, _ length: ActivityLength, _ choice: PaymentChoice, _ expenses: [ClaimExpense],
            day: String = heldDay,
            meeting: Int64? = nil
        ) -> ClaimStore.ClaimInput {
            ClaimStore.ClaimInput(
                activity: activity, groupID: groupID, meetingID: meeting, activityOn: day, length: length,
                policy: policy,
                choice: choice, lowerPence: nil, charity: "", expenses: expenses)
        }
        let bus = ClaimExpense(
            kind: .travel, tenthsOfAMile: nil, amountPence: 640, note: "Return bus fare", receipt: true)
        let caseys = try await claims.create(
            input("Leaders group meeting", .whole, .full, [bus], meeting: meetingID), userID: casey, by: caseyActor,
            requestID: nil)
        _ = try await claims.submit(caseys.id, version: caseys.version, by: caseyActor, requestID: nil)
        _ = try await claims.approve(caseys.id, version: caseys.version + 1, by: blake, requestID: nil)
        _ = try await claims.markPaid(
            caseys.id, version: caseys.version + 2, on: heldDay, reference: "DEMO-0001",
            by: AuditActor(userID: nil, label: "Demo data"), requestID: nil)

        try await policies.savePreferences(
            PaymentPreferences(
                userID: finley, limitPeriod: .week, defaultChoice: .full, defaultLowerPence: nil,
                defaultCharity: ""), by: finleyActor, requestID: nil)
        let miles = ClaimExpense(
            kind: .mileage, tenthsOfAMile: 124,
            amountPence: Money.mileage(tenthsOfAMile: 124, pencePerMile: policy.mileagePencePerMile),
            note: "Home to the meeting and back", receipt: false)
        let finleys = try await claims.create(
            input("Leaders group meeting", .whole, .full, [miles], meeting: meetingID), userID: finley, by: finleyActor,
            requestID: nil)
        _ = try await claims.submit(finleys.id, version: finleys.version, by: finleyActor, requestID: nil)
        _ = try await claims.create(
            input("Reading the papers for the next meeting", .half, .full, []), userID: casey, by: caseyActor,
            requestID: nil)
    }
}
