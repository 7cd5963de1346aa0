import Foundation
import GRDB

/// Obviously fictional demo data: a leaders group, a co-production working group and a VCSE alliance, with
/// members, adopted terms of reference, a few meetings (one held, with attendance, minutes and actions) and
/// decisions. Loaded only by `alongside demo`, only into an empty database, and every change is audit-logged.
public enum DemoData {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notEmpty

        public var description: String {
            "The database already holds data. Demo data goes only into an empty database: give --database a new file."
        }
    }

    public struct Summary: Sendable {
        public let people: [(name: String, email: String, role: Role)]
        public let groups: Int
        public let meetings: Int
        public let decisions: Int
        public let deliverables: Int
    }

    static let actor = AuditActor(userID: nil, label: "Demo data")

    /// Everyone is "Example": no real person's name.
    static let people: [(name: String, email: String, role: Role)] = [
        ("Avery Example", "avery@example.org", .administrator),
        ("Blake Example", "blake@example.org", .programmeManager),
        ("Casey Example", "casey@example.org", .expertByExperience),
        ("Drew Example", "drew@example.org", .member),
        ("Emery Example", "emery@example.org", .allianceLead),
        ("Finley Example", "finley@example.org", .expertByExperience),
        ("Gray Example", "gray@example.org", .member),
        ("Harper Example", "harper@example.org", .member),
        ("Indigo Example", "indigo@example.org", .member),
        ("Jules Example", "jules@example.org", .member),
        ("Kit Example", "kit@example.org", .member),
    ]

    public static func isEmpty(_ pool: DatabasePool) async throws -> Bool {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") == 0 && GroupStore.count(in: db) == 0
        }
    }

    /// Loads the demo. Every account gets `passwordHash` (one password for all, printed once by the command).
    public static func load(into services: AppServices, passwordHash: String) async throws -> Summary {
        guard try await isEmpty(services.pool) else { throw Refusal.notEmpty }
        let pool = services.pool
        let now = services.clock.now()
        // The partnership was set up a month ago: its groups, members and terms are recorded then, so the
        // meeting held a fortnight ago is checked against the terms already in force.
        let clock = AppClock { [services] in services.clock.now().addingTimeInterval(-30 * 86400) }
        let today = LondonTime.isoDay(now)
        var ids: [String: Int64] = [:]
        for person in people {
            let user = try await services.accounts.create(
                name: person.name, email: person.email, role: person.role, passwordHash: passwordHash, by: actor,
                requestID: nil)
            ids[person.name.components(separatedBy: " ")[0]] = user.id
        }
        func id(_ first: String) -> Int64 { ids[first]! }
        let groups = GroupStore(pool: pool, clock: clock)
        let start = LondonTime.addingMonths(-2, to: today) ?? today

        let leaders = try await groups.create(
            .init(
                name: "Example Place Leaders Group", kind: .leadersGroup,
                purpose:
                    "Signs off the partnership's decisions on the new community mental health model, with experts by experience at the table.",
                status: .active, visibility: .published, requirements: GroupKind.leadersGroup.defaultRequirements
            ), by: actor, requestID: nil)
        let seats: [(String, Seat, Sector, String?, String?)] = [
            ("Casey", .coChair, .expertByExperience, nil, "Kit"),
            ("Drew", .chair, .icb, "Example Integrated Care Board", nil),
            ("Gray", .member, .mentalHealthProvider, "Example Mental Health NHS Trust", nil),
            ("Harper", .member, .primaryCare, "Example North Primary Care Network", nil),
            ("Indigo", .member, .socialCare, "Example Borough Council", nil),
            ("Emery", .member, .vcse, "Example Voluntary Action", nil),
            ("Finley", .member, .carer, nil, nil),
            ("Blake", .secretary, .publicHealth, "Example Borough Council", nil),
        ]
        // Casey, an expert by experience from an under-served community, fills both seats (issue 17); nobody yet
        // sits for employment services, so first steps shows step 1 honestly partly in place, and says so.
        let communities = ["Casey": "Example Deaf community"]
        for (person, seat, sector, organisation, deputy) in seats {
            let membership = try await groups.addMember(
                .init(
                    userID: id(person), seat: seat, sector: sector, community: communities[person],
                    organisation: organisation,
                    deputyUserID: deputy.map(id), startsOn: start, endsOn: nil), groupID: leaders.id, by: actor,
                requestID: nil)
            // Casey agreed to be named on the public page as an expert by experience; Finley, a carer, has not chosen.
            if person == "Casey" {
                try await groups.setNamedPublicly(
                    true, membershipID: membership.id, groupID: leaders.id,
                    by: AuditActor(userID: id("Casey"), label: "Casey Example"), requestID: nil)
            }
        }

        let working = try await groups.create(
            .init(
                name: "Example Place Co-production Working Group", kind: .coproductionWorkingGroup,
                purpose:
                    "Gathers insights from communities and staff, maps what already exists, and feeds back what changed.",
                status: .active, visibility: .private,
                requirements: GroupKind.coproductionWorkingGroup.defaultRequirements
            ), by: actor, requestID: nil)
        for (person, seat, sector, community) in [
            ("Finley", Seat.chair, Sector.expertByExperience, String?.none),
            ("Gray", .member, .mentalHealthProvider, nil),
            ("Jules", .member, .underServedCommunity, "Example Traveller community"), ("Kit", .member, .vcse, nil),
        ] {
            _ = try await groups.addMember(
                .init(
                    userID: id(person), seat: seat, sector: sector, community: community, organisation: nil,
                    deputyUserID: nil, startsOn: start, endsOn: nil), groupID: working.id, by: actor, requestID: nil)
        }

        let alliance = try await groups.create(
            .init(
                name: "Example Place VCSE Alliance", kind: .vcseAlliance,
                purpose:
                    "Brings local voluntary, community and social enterprise organisations together to be commissioned as a partnership.",
                status: .forming, visibility: .private, requirements: GroupKind.vcseAlliance.defaultRequirements
            ), by: actor, requestID: nil)
        for (person, seat, sector) in [
            ("Emery", Seat.chair, Sector.vcse), ("Kit", .member, .vcse), ("Casey", .member, .expertByExperience),
        ] {
            _ = try await groups.addMember(
                .init(
                    userID: id(person), seat: seat, sector: sector, community: nil, organisation: nil,
                    deputyUserID: nil, startsOn: start, endsOn: nil), groupID: alliance.id, by: actor, requestID: nil)
        }

        // Terms of reference for the leaders group, adopted by a decision and published.
        let terms = TermsStore(pool: pool, clock: clock)
        let draft = try await terms.startDraft(groupID: leaders.id, by: actor, requestID: nil)
        var content = TermsContent.starter
        content.decisionMethod = .consent
        content.reviewOn = LondonTime.addingMonths(6, to: today)
        _ = try await terms.saveDraft(
            groupID: leaders.id, number: draft.number, content: content, expectedRevision: draft.revision, by: actor,
            requestID: nil)
        try await terms.propose(groupID: leaders.id, number: draft.number, by: actor, requestID: nil)
        let recorder = SessionUser(
            id: id("Blake"), name: "Blake Example", email: "blake@example.org", role: .programmeManager)
        let decisions = DecisionStore(pool: pool, clock: clock)
        _ = try await decisions.record(
            DecisionInput(
                title: "Adopt our terms of reference",
                question: "Do we adopt version 1 of the leaders group's terms of reference?",
                method: .consent, membersTotal: 8, membersPresent: 6, livedExperiencePresent: true, votesFor: nil,
                votesAgainst: nil,
                votesAbstaining: nil, objections: 0, consensusRecord: nil, outcome: .agreed,
                rationale:
                    "Everyone could work with them; experts by experience asked for papers in easy read, which is now in the attendance section.",
                declarations: nil, reviewOn: content.reviewOn, invalidReason: nil, adoptsTermsVersion: draft.number
            ), groupID: leaders.id, termsVersion: nil, quorumMet: true, by: recorder, requestID: nil)
        try await terms.setVisibility(.published, groupID: leaders.id, number: draft.number, by: actor, requestID: nil)

        // Meetings: the leaders group's monthly road map (one already held), a workshop and an alliance meeting.
        let meetings = MeetingStore(pool: pool, clock: services.clock)
        let actions = ActionStore(pool: pool, clock: services.clock)
        let heldDay = LondonTime.addingDays(-14, to: today) ?? today
        func input(
            _ day: String, _ purpose: String, kind: MeetingKind = .meeting, format: MeetingFormat = .hybrid,
            visibility: Visibility = .published, status: MeetingStatus = .planned
        ) -> MeetingStore.MeetingInput {
            MeetingStore.MeetingInput(
                startsAt: LondonTime.instant(isoDay: day, time: "14:00")!,
                endsAt: LondonTime.instant(isoDay: day, time: "16:00")!,
                purpose: purpose, kind: kind, format: format,
                address: format == .video ? "" : "Room 2, Example Community Centre, 1 Sample Street",
                joiningDetails: format == .inPerson ? "" : "The video link is emailed to members the day before.",
                access: [.stepFree, .hearingLoop, .easyRead],
                accessNotes: "Quiet room available. Travel and care costs are paid.",
                papers: "", status: status, visibility: visibility
            )
        }
        let held = try await meetings.plan(
            input(heldDay, "Agree the first year's priorities for the community mental health model.", status: .held),
            starts: [LondonTime.instant(isoDay: heldDay, time: "14:00")!], groupID: leaders.id, by: actor,
            requestID: nil)[0]
        let series = MeetingRules.seriesDays(
            firstDay: LondonTime.addingDays(14, to: today) ?? today, every: .monthly, count: 4
        )
        .compactMap { LondonTime.instant(isoDay: $0, time: "14:00") }
        let planned = try await meetings.plan(
            input(
                series.first.map(LondonTime.isoDay) ?? today,
                "Review progress on the roadmap and hear from the co-production working group."),
            starts: series, groupID: leaders.id, by: actor, requestID: nil)
        let item1 = try await meetings.addAgendaItem(
            meetingID: held.id, title: "Welcome and lived-experience check-in", description: "", paper: "", by: actor,
            requestID: nil)
        let item2 = try await meetings.addAgendaItem(
            meetingID: held.id, title: "Peer support funding",
            description: "Options for funding peer support workers in primary care networks.",
            paper: "Options paper (fictional)", by: actor, requestID: nil)
        _ = try await meetings.addAgendaItem(
            meetingID: planned[0].id, title: "Actions from last time", description: "", paper: "", by: actor,
            requestID: nil)
        let expected = try await meetings.expected(groupID: leaders.id, on: heldDay)
        let attendance = expected.map { member -> AttendanceEntry in
            switch member.name {
            case "Casey Example":
                return AttendanceEntry(
                    userID: member.userID, status: .deputy, deputyUserID: id("Kit"), deputyName: "Kit Example")
            case "Indigo Example": return AttendanceEntry(userID: member.userID, status: .apologies)
            default: return AttendanceEntry(userID: member.userID, status: .present)
            }
        }
        try await meetings.recordAttendance(
            meetingID: held.id, attendance, names: Dictionary(expected.map { ($0.userID, $0.name) }) { $1 }, by: actor,
            requestID: nil)
        try await meetings.declare(
            agendaItemID: item2.id, userID: id("Emery"),
            interest: "Trustee of a fictional charity that may bid to host peer support workers",
            tookPart: false, meetingID: held.id, by: actor, requestID: nil)
        try await meetings.saveMinutes(
            meetingID: held.id,
            [
                item1.id: "Members shared how the last month had been. Kit joined as Casey's deputy.",
                item2.id: "The group agreed to fund two peer support workers for a year, starting in the north PCN.",
            ], by: actor, requestID: nil)
        let writeToTrust = try await actions.create(
            .init(
                what: "Write to the trust about hosting peer support workers", ownerUserID: id("Gray"),
                dueOn: LondonTime.addingDays(-3, to: today) ?? today, agendaItemID: item2.id), groupID: leaders.id,
            meetingID: held.id, by: actor, requestID: nil)
        _ = try await actions.create(
            .init(
                what: "Share the easy read summary of the options paper", ownerUserID: id("Casey"),
                dueOn: LondonTime.addingDays(10, to: today) ?? today, agendaItemID: item2.id), groupID: leaders.id,
            meetingID: held.id, by: actor, requestID: nil)
        let decisionsNow = DecisionStore(pool: pool, clock: services.clock)
        let funded = try await decisionsNow.record(
            DecisionInput(
                title: "Fund two peer support workers",
                question: "Do we fund two peer support workers in the north PCN for a year?",
                method: .consent, membersTotal: 8, membersPresent: 7, livedExperiencePresent: true, votesFor: nil,
                votesAgainst: nil,
                votesAbstaining: nil, objections: 0, consensusRecord: nil, outcome: .agreed,
                rationale:
                    "Experts by experience said peer support was what helped most; the money is in this year's budget.",
                declarations: nil, reviewOn: LondonTime.addingMonths(12, to: today), invalidReason: nil,
                adoptsTermsVersion: nil,
                meetingID: held.id,
                declarationList: [
                    DecisionDeclaration(
                        userID: id("Emery"), personName: "Emery Example",
                        interest: "Trustee of a fictional charity that may bid to host the workers", tookPart: false)
                ]
            ), groupID: leaders.id, termsVersion: draft.number, quorumMet: true, by: recorder, requestID: nil)
        try await decisionsNow.setVisibility(
            .published, of: funded, by: AuditActor(userID: recorder.id, label: recorder.name), requestID: nil)

        let workshopDay = LondonTime.addingDays(21, to: today) ?? today
        _ = try await meetings.plan(
            input(
                workshopDay, "Listening workshop: what would have helped you sooner?", kind: .workshop,
                format: .inPerson, visibility: .private),
            starts: [LondonTime.instant(isoDay: workshopDay, time: "14:00")!], groupID: working.id, by: actor,
            requestID: nil)
        let allianceDay = LondonTime.addingDays(7, to: today) ?? today
        _ = try await meetings.plan(
            input(
                allianceDay, "Agree how the alliance will choose its accountable body.", format: .video,
                visibility: .private),
            starts: [LondonTime.instant(isoDay: allianceDay, time: "14:00")!], groupID: alliance.id, by: actor,
            requestID: nil)
        let allianceRecorder = SessionUser(
            id: id("Emery"), name: "Emery Example", email: "emery@example.org", role: .allianceLead)
        _ = try await decisionsNow.record(
            DecisionInput(
                title: "Work towards an alliance agreement",
                question: "Do we work towards one alliance agreement for all member organisations?",
                method: .consensus, membersTotal: 3, membersPresent: 3, livedExperiencePresent: true, votesFor: nil,
                votesAgainst: nil,
                votesAbstaining: nil, objections: nil, consensusRecord: "Everyone spoke; nobody objected.",
                outcome: .agreed,
                rationale: "Small organisations want one set of terms rather than many contracts.", declarations: nil,
                reviewOn: nil,
                invalidReason: nil, adoptsTermsVersion: nil
            ), groupID: alliance.id, termsVersion: nil, quorumMet: true, by: allianceRecorder, requestID: nil)

        try await DemoAlliance.load(
            into: services, allianceID: alliance.id, lead: allianceRecorder, start: start, today: today)
        try await DemoClaims.load(
            into: services, casey: id("Casey"), finley: id("Finley"), approver: id("Blake"), groupID: leaders.id,
            meetingID: held.id, heldDay: heldDay)
        try await DemoAssets.load(
            into: services, by: AuditActor(userID: id("Casey"), label: "Casey Example"), today: today)
        let deliverables = try await DemoRoadmap.load(
            into: services, manager: AuditActor(userID: id("Blake"), label: "Blake Example"),
            ownerGroupID: leaders.id, ownerUserID: id("Blake"))
        try await DemoRoadmap.nameDeliverables(
            into: services, decision: funded, action: writeToTrust,
            manager: AuditActor(userID: id("Blake"), label: "Blake Example"))
        try await DemoCoproduction.load(
            into: services, casey: id("Casey"), blake: id("Blake"), workingGroupID: working.id, today: today)
        try await FrontDoorStore(pool: pool, clock: services.clock).set(
            FrontDoorSettings(
                name: "Example Place Mental Health Partnership (demonstration)",
                purpose:
                    "A made-up partnership for trying Alongside: people who use services, carers, local groups and the NHS in the fictional Example Place, shaping community mental health together."
            ), by: actor, requestID: nil)
        try await DemoBoardReport.load(into: services, issuer: recorder, today: today)
        return Summary(people: people, groups: 3, meetings: 3 + planned.count, decisions: 5, deliverables: deliverables)
    }
}
