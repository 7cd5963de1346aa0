import Foundation

/// Gathers one person's `HomeFacts` through each feature's store (Home is a read-only aggregator: nothing depends on
/// it). Each kind is asked for only when the person may act on it, by the same rules the pages it links to use.
struct HomeFactsReader {
    let services: AppServices

    func facts(for user: SessionUser, now: Date) async throws -> HomeFacts {
        let (pool, clock) = (services.pool, services.clock)
        let today = LondonTime.isoDay(now)
        var facts = HomeFacts()
        let groups = GroupStore(pool: pool, clock: clock)
        let visible = try await groups.visibleGroups(for: user, today: today)
        let seats = try await groups.currentSeats(userID: user.id, today: today)
        let names = Dictionary(visible.map { ($0.group.id, $0.group.name) }, uniquingKeysWith: { first, _ in first })
        func standing(_ entry: (group: Group, isMember: Bool)) -> Standing {
            entry.group.standing(
                role: user.role, seats: Set(seats[entry.group.id] ?? []), isMember: seats[entry.group.id] != nil)
        }

        let responding = visible.filter { Policy.allows(.respondToProposals, standing($0)) }.map(\.group.id)
        facts.proposals = try await ProposalStore(pool: pool, clock: clock)
            .awaitingResponse(userID: user.id, groupIDs: responding, now: now)
            .map {
                HomeFacts.Named(
                    text: "\($0.title) (\(names[$0.groupID] ?? ""), closes \(LondonTime.dateTime($0.closesAt)))",
                    href: Href.proposal($0.groupID, $0.id), day: LondonTime.isoDay($0.closesAt))
            }

        facts.actions = try await ActionStore(pool: pool, clock: clock).outstanding(ownerUserID: user.id).map {
            HomeFacts.Named(
                text: "\($0.what) (\($0.groupName), due \(LondonTime.day($0.dueOn)))",
                href: Href.action($0.groupID, $0.id), day: $0.dueOn)
        }

        let claims = ClaimStore(pool: pool, clock: clock)
        let mine = try await claims.claims(userID: user.id)
        let claimLine = { (claim: Claim) in
            HomeFacts.Named(
                text: "\(claim.activity) (\(LondonTime.day(claim.activityOn)))", href: Href.claim(claim.id), day: nil)
        }
        facts.returnedClaims = mine.filter { $0.status == .returned }.map(claimLine)
        facts.draftClaims = mine.filter { $0.status == .draft }.map(claimLine)
        let duties = try await PaymentPolicyStore(pool: pool, clock: clock).namedDuties(userID: user.id)
        let viewer = ClaimAccess.Viewer(userID: user.id, role: user.role, duties: Set(duties.map(ClaimAccess.duty)))
        if viewer.approves {
            // Never their own: nobody approves their own claim.
            facts.claimsToApprove = try await claims.claims(in: [.submitted]).filter { $0.userID != user.id }.count
        }
        if viewer.pays { facts.claimsToPay = try await claims.count(in: .approved) }

        // As the "reviews due" page: the groups whose business the person sees.
        let business = visible.filter { Policy.allows(.seeGroupBusiness, standing($0)) }.map(\.group.id)
        facts.reviewsDue = try await DecisionStore(pool: pool, clock: clock)
            .reviewsDue(groupIDs: Set(business), today: today)
            .map {
                HomeFacts.Named(
                    text:
                        "\($0.decision.title) (\($0.groupName), review due \(LondonTime.day($0.decision.reviewOn ?? today)))",
                    href: Href.decision($0.decision.groupID, $0.decision.id), day: $0.decision.reviewOn)
            }

        if Policy.allows(user.role, .manageInvolvementRoles) {
            facts.newInterest = try await InterestStore(pool: pool, clock: clock).count(status: .new)
        }
        if Policy.allows(user.role, .manageAssets) {
            let assets = AssetStore(pool: pool, clock: clock)
            let months = try await assets.staleAfterMonths()
            facts.assetsDue = try await assets.all().filter {
                StaleRule.isStale(lastCheckedOn: $0.details.lastCheckedOn, today: today, months: months)
            }.count
        }

        let myGroups = Set(seats.keys)
        facts.deliverables = try await RoadmapStore(pool: pool, clock: clock).deliverables()
            .filter { deliverable in
                switch deliverable.owner {
                case .person(let id): id == user.id
                case .group(let id): myGroups.contains(id)
                case nil: false
                }
            }
            .filter { $0.status == .atRisk || ($0.status != .inPlace && ($0.targetOn ?? "9999-12-31") < today) }
            .map {
                HomeFacts.Named(
                    text:
                        "\($0.title) (\($0.status == .atRisk ? "at risk" : "past its target date of \(LondonTime.day($0.targetOn ?? today))"))",
                    href: Href.deliverable($0.id), day: nil)
            }
        return facts
    }
}
