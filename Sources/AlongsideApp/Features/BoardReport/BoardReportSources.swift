import Foundation
import GRDB

/// Works out a board report's figures for a period, reading each feature through its own store (issue 16: a read-only
/// aggregator reads others' records only through their stores' read methods), then counting with `BoardReportFigures`.
struct BoardReportSources: Sendable {
    let services: AppServices

    var pool: DatabasePool { services.pool }
    var clock: AppClock { services.clock }

    /// Everything the report shows for the period, as of now. `viewer` is the person asking (a programme manager or
    /// administrator, who sees every group); the alliances are the ones they can see.
    func figures(for period: BoardReportPeriod, viewer: SessionUser) async throws -> BoardReportData {
        guard let instants = period.instants else { throw AppError.notFound }
        let (start, end) = instants
        let now = clock.now()
        return BoardReportData(
            period: period, workedOutAt: now,
            roadmap: try await roadmap(from: start, before: end),
            decisions: try await decisions(from: start, before: end),
            involvement: try await involvement(period, from: start, before: end),
            alliances: try await alliances(period, viewer: viewer),
            firstSteps: try await firstSteps(),
            feedback: try await feedback(from: start, before: end))
    }

    func roadmap(from start: Date, before end: Date) async throws -> BoardReportData.RoadmapFigures {
        let store = RoadmapStore(pool: pool, clock: clock)
        let graph = try await store.graph(cachedIn: services.derived)
        let notes = try await store.latestStatusNotes()
        let started = try await store.workstreams().filter(\.started)
        let deliverables = graph.deliverables.enumerated().map { index, deliverable in
            BoardReportFigures.Deliverable(
                title: deliverable.title, workstream: deliverable.workstreamName, status: deliverable.status,
                waitingOn: graph.waitingOn(index).map { graph.deliverables[$0].title },
                statusNote: notes[deliverable.id] ?? "")
        }
        // Retired deliverables are not in the graph, but their retirement is a change the board hears about.
        let workstreamNames = Dictionary(
            try await store.deliverables(includeRetired: true).map { ($0.id, $0.workstreamName) },
            uniquingKeysWith: { first, _ in first })
        let changes = try await store.changes(since: start).filter {
            $0.at < end && BoardReportFigures.reportedChanges.contains($0.kind)
        }.map { change in
            BoardReportData.Change(
                day: LondonTime.isoDay(change.at), deliverable: change.deliverableTitle,
                workstream: workstreamNames[change.deliverableID] ?? "", what: change.sentence)
        }
        return BoardReportFigures.roadmap(
            deliverables: deliverables, workstreams: started.map(\.name), changes: changes)
    }

    func decisions(from start: Date, before end: Date) async throws -> BoardReportData.DecisionFigures {
        let taken = try await DecisionStore(pool: pool, clock: clock).taken(from: start, before: end)
        let lines = taken.map { item, takenAt in
            BoardReportData.Decision(
                day: LondonTime.isoDay(takenAt), group: item.groupName, title: item.decision.title,
                outcome: item.decision.outcome.label, isValid: item.decision.isValid, groupID: item.decision.groupID,
                decisionID: item.decision.chainID, isPublished: item.decision.visibility == .published)
        }
        return BoardReportData.DecisionFigures(
            lines: lines,
            agreed: taken.filter { $0.decision.decision.outcome == .agreed && $0.decision.decision.isValid }.count,
            notValid: lines.filter { !$0.isValid }.count, published: lines.filter(\.isPublished).count)
    }

    func involvement(_ period: BoardReportPeriod, from start: Date, before end: Date) async throws
        -> BoardReportData.InvolvementFigures
    {
        let claims = try await ClaimStore(pool: pool, clock: clock).paid(from: period.startsOn, to: period.endsOn)
        let payments = BoardReportFigures.payments(
            claims.map { claim in
                let amounts = claim.amounts
                return BoardReportFigures.PaidClaim(
                    personID: claim.userID, group: claim.groupName, minutes: claim.minutes,
                    paymentPence: amounts.payment, expensesPence: amounts.expenses)
            })
        // Only meetings that have started by now can have been held.
        let presence = try await MeetingStore(pool: pool, clock: clock).presence(
            from: start, before: min(end, clock.now()))
        let names = try await pool.read { db in try GroupStore.names(ids: presence.map(\.groupID), in: db) }
        let meetings = BoardReportFigures.meetings(
            presence.map {
                BoardReportFigures.HeldMeeting(
                    group: names[$0.groupID] ?? "Group \($0.groupID)", attendanceRecorded: $0.attendanceRecorded,
                    livedExperiencePresent: $0.livedExperiencePresent)
            })
        return BoardReportData.InvolvementFigures(
            payments: payments.groups, paymentsTotal: payments.total, meetings: meetings.groups,
            meetingsTotal: meetings.total)
    }

    func alliances(_ period: BoardReportPeriod, viewer: SessionUser) async throws -> [BoardReportData.AllianceFigures] {
        let today = LondonTime.isoDay(clock.now())
        let groups = try await GroupStore(pool: pool, clock: clock).visibleGroups(for: viewer, today: today)
            .map(\.group).filter { $0.kind == .vcseAlliance }
        let funding = FundingStore(pool: pool, clock: clock)
        var lines: [BoardReportData.AllianceFigures] = []
        for group in groups {
            let book = try await funding.book(groupID: group.id)
            let inPeriod = FundingBook(
                received: book.received.filter {
                    BoardReportFigures.overlaps($0.periodStartsOn, $0.periodEndsOn, period)
                },
                allocations: book.allocations.filter {
                    BoardReportFigures.overlaps($0.periodStartsOn, $0.periodEndsOn, period)
                }, accountableBody: book.accountableBody, sizes: book.sizes)
            let summary = inPeriod.summary
            guard summary.totalReceived > 0 || summary.totalAllocated > 0 || group.status != .closed else { continue }
            lines.append(
                BoardReportData.AllianceFigures(
                    name: group.name, receivedPence: summary.totalReceived, allocatedPence: summary.totalAllocated,
                    smallAndMicroPence: summary.smallAndMicroPence))
        }
        return lines
    }

    func firstSteps() async throws -> BoardReportData.FirstStepsFigures {
        let facts = try await FirstStepsStore(pool: pool, clock: clock).facts()
        let categories = AssetCategory.allCases.map { (key: $0.rawValue, label: $0.label) }
        let assessments = FirstStepsRules.assess(facts, categories: categories)
        return BoardReportData.FirstStepsFigures(
            summary: FirstStepsPage.summary(assessments),
            steps: assessments.map {
                BoardReportData.Step(number: $0.number, outcome: $0.outcome, state: $0.state.label)
            })
    }

    func feedback(from start: Date, before end: Date) async throws -> BoardReportData.FeedbackFigures {
        let insights = try await InsightStore(pool: pool, clock: clock).all()
        let published = Set(try await FeedbackStore(pool: pool, clock: clock).published().keys)
        let communities = Dictionary(
            try await CommunityStore(pool: pool, clock: clock).all().map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let answers = insights.compactMap { insight in
            insight.response.map {
                BoardReportFigures.Answer(
                    answeredAt: $0.updatedAt, outcome: $0.outcome, communityIDs: insight.input.communityIDs)
            }
        }
        return BoardReportFigures.feedback(
            answers, from: start, before: end, communities: communities, published: published)
    }
}
