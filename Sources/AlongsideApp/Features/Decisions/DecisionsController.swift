import Foundation
import Hummingbird

/// A group's decision log: recording decisions against the terms of reference in force, and reading them.
struct DecisionsController: Controller {
    let services: AppServices

    var today: String { LondonTime.isoDay(services.clock.now()) }
    var groups: GroupStore { GroupStore(pool: services.pool, clock: services.clock) }
    var terms: TermsStore { TermsStore(pool: services.pool, clock: services.clock) }
    var store: DecisionStore { DecisionStore(pool: services.pool, clock: services.clock) }

    func addRoutes(to routes: inout SiteRoutes) {
        let scope = GroupScope(store: groups)
        routes.get(.decisions, .seeGroup, in: scope, index)
        routes.get(.newDecision, .recordDecisions, in: scope, new)
        routes.post(.decisions, .recordDecisions, in: scope, create)
        routes.get(.decision, .seeGroup, in: scope, show)
        routes.get(.correctDecision, .recordDecisions, in: scope, correction)
        routes.post(.correctDecision, .recordDecisions, in: scope, correct)
        routes.post(.decisionVisibility, .recordDecisions, in: scope, setVisibility)
        routes.get(.decisionDeliverables, .recordDecisions, in: scope, deliverablesForm)
        routes.post(.decisionDeliverables, .recordDecisions, in: scope, setDeliverables)
        routes.get(.publishedDecision, showPublished)
    }

    /// The group's meetings and people, which the form offers, and the attendance of the meeting `form` names.
    func setting(group: Group, form: FormData, correcting: Decision? = nil) async throws -> DecisionFormPage.Setting {
        var people: [(id: Int64, name: String)] = []
        for member in try await groups.memberships(groupID: group.id)
        where !people.contains(where: { $0.id == member.userID }) {
            people.append((member.userID, member.personName))
        }
        let meetings = try await store.meetings(groupID: group.id)
        var setting = DecisionFormPage.Setting(meetings: meetings, people: people, correcting: correcting)
        if case .some(.some(let meeting)) = DecisionForm.meetingChoice(form, meetings: meetings) {
            setting.attendance = try await attendance(groupID: group.id, meeting: meeting)
        }
        return setting
    }

    /// Who was at a meeting, from its recorded attendance, counted under the terms in force on its day (as the
    /// meeting page counts quorum).
    func attendance(groupID: Int64, meeting: DecisionMeetingChoice) async throws -> DecisionAttendance {
        let meetings = MeetingStore(pool: services.pool, clock: services.clock)
        let history = TermsHistory(store: terms, adoptions: services.termsAdoptions)
        return DecisionAttendance(
            expected: try await meetings.expected(groupID: groupID, on: LondonTime.isoDay(meeting.startsAt)),
            attendance: try await meetings.attendance(meetingID: meeting.id).mapValues(\.status),
            terms: try await history.inForce(groupID: groupID, at: meeting.startsAt)?.content)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, canRecord) = (view.group, view.may(.recordDecisions))
        let decisions = try await store.decisions(groupID: group.id).filter { view.mayRead($0.visibility) }
        let page = DecisionsPage(group: group, decisions: decisions, canRecord: canRecord)
        return try await services.pages.render(page, request: request, context: context)
    }

    /// The form, checked against the group's versions of its terms of reference (read once per request).
    func formPage(
        group: Group, versions: [TermsVersion], form: FormData, errors: FormErrors, shortfalls: [String],
        setting: DecisionFormPage.Setting
    ) -> DecisionFormPage {
        let inForce =
            setting.correcting.map { correcting in versions.first { $0.number == correcting.termsVersion } }
            ?? versions.first { $0.status == .adopted }
        return DecisionFormPage(
            group: group, form: form, errors: errors, inForce: inForce,
            proposed: versions.filter { $0.status == .proposed }.map(\.number), shortfalls: shortfalls, setting: setting
        )
    }

    @Sendable func new(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let group = view.group
        let versions = try await terms.versions(groupID: group.id)
        let inForce = versions.first { $0.status == .adopted }
        let members = try await groups.memberships(groupID: group.id).filter {
            $0.compositionMember.isCurrent(on: today) && $0.seat != .observer
        }
        // From a meeting's page, the link names the meeting: it is chosen already.
        let fromMeeting = request.queryForm.trimmed(DecisionForm.DecisionField.meeting)
        let form = FormData([
            (DecisionForm.DecisionField.method, inForce?.content.decisionMethod.rawValue ?? ""),
            (DecisionForm.DecisionField.membersTotal, String(members.count)),
            (DecisionForm.DecisionField.meeting, BoundedNumber.id(fromMeeting).map(String.init) ?? ""),
        ])
        let page = formPage(
            group: group, versions: versions, form: form, errors: FormErrors(), shortfalls: [],
            setting: try await setting(group: group, form: form))
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let signedIn = view.person
        let group = view.group
        return try await save(group: group, correcting: nil, request: request, context: context, signedIn: signedIn)
    }

    /// Checks and records a new decision or a correction. The terms of reference are enforced, not just stored: a
    /// correction is checked against the terms the decision was first taken under.
    func save(group: Group, correcting: Decision?, request: Request, context: AppRequestContext, signedIn: SignedIn)
        async throws -> Response
    {
        typealias F = DecisionForm.DecisionField
        let form = context.form
        let versions = try await terms.versions(groupID: group.id)
        let setting = try await setting(group: group, form: form, correcting: correcting)
        let terms =
            correcting.map { correcting in versions.first { $0.number == correcting.termsVersion } }
            ?? versions.first { $0.status == .adopted }
        func render(_ errors: FormErrors, shortfalls: [String] = [], status: HTTPResponse.Status? = nil) async throws
            -> Response
        {
            let page = formPage(
                group: group, versions: versions, form: form, errors: errors, shortfalls: shortfalls, setting: setting)
            return try await services.pages.render(page, request: request, context: context, status: status)
        }
        // "Show the questions" and "Change" redraw the form as it was left, nothing checked yet.
        if form[F.step] == "choose" || form[F.step] == "change" { return try await render(FormErrors(), status: .ok) }
        var errors = FormErrors()
        let checks = DecisionForm.Checks(
            attendance: setting.attendance, now: services.clock.now(), correctingMeetingID: correcting?.meetingID)
        guard
            var input = DecisionForm.parse(
                form, proposedVersions: versions.filter { $0.status == .proposed }.map(\.number),
                meetings: setting.meetings,
                people: setting.people, isCorrection: correcting != nil, checks: checks, errors: &errors
            )
        else { return try await render(errors) }
        // A correction records what was decided; adopting terms of reference stays with the original decision.
        if let correcting { input.adoptsTermsVersion = correcting.adoptsTermsVersion }
        let shortfalls = DecisionRules.shortfalls(
            terms: terms?.content, method: input.method, memberCount: input.membersTotal, present: input.membersPresent,
            livedExperiencePresent: input.livedExperiencePresent
        )
        if shortfalls.isEmpty {
            input.invalidReason = nil
        } else if input.invalidReason == nil {
            errors.add(
                F.invalidReason,
                "This decision does not meet the terms of reference. To record it anyway, as not valid, give the reason"
            )
            return try await render(errors, shortfalls: shortfalls)
        }
        let quorumMet =
            terms.map {
                QuorumRule.evaluate(
                    terms: $0.content, memberCount: input.membersTotal, present: input.membersPresent,
                    livedExperiencePresent: input.livedExperiencePresent
                ).met
            } ?? true
        let termsVersion = correcting?.termsVersion ?? terms?.number
        // The log is permanent: the answers are checked before anything is written.
        guard form[F.step] == "confirm" else {
            let page = DecisionCheckPage(
                group: group, input: input, form: form, setting: setting, termsVersion: termsVersion,
                quorumMet: quorumMet)
            return try await services.pages.render(page, request: request, context: context)
        }
        do {
            let decision = try await store.record(
                input, groupID: group.id, termsVersion: termsVersion, quorumMet: quorumMet,
                correcting: correcting,
                by: signedIn.user, requestID: context.requestID
            )
            let message =
                correcting == nil
                ? "The decision has been recorded."
                : "The correction has been recorded as a new revision. The earlier revision stays readable."
            try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
            return .seeOther(Href.decision(group.id, decision.id))
        } catch DecisionStore.Refusal.alreadyCorrected(let latestID) {
            // The second correction is refused with both shown: theirs above, this person's still in the form.
            guard let latest = try await store.decision(id: latestID, groupID: group.id) else {
                throw AppError.notFound
            }
            var conflict = FormErrors()
            conflict.add(
                DecisionForm.DecisionField.correctionReason,
                "Someone else corrected this decision while you were working on it. Their correction is shown first; yours is still in the form below. Record it again to correct their revision"
            )
            var theirs = setting
            theirs.correcting = latest
            theirs.theirs = latest
            let page = formPage(
                group: group, versions: versions, form: context.form, errors: conflict, shortfalls: [], setting: theirs)
            return try await services.pages.render(page, request: request, context: context, status: .conflict)
        }
    }

    /// Any revision: the latest with a note of its correction, or an earlier one marked as corrected.
    @Sendable func show(_ request: Request, context: AppRequestContext, in view: GroupView) async throws -> Response {
        let (group, canRecord) = (view.group, view.may(.recordDecisions))
        let decision = try await loadDecision(context, group: group)
        let revisions = try await store.revisions(chainID: decision.chainID, groupID: group.id)
        guard view.mayRead(revisions.last?.visibility ?? decision.visibility) else { throw AppError.notFound }
        let proposal = try await services.decisionProposals.proposalID(decidedBy: revisions.map(\.id))
        let named = Set(try await store.deliverableIDs(chainID: decision.chainID))
        let page = DecisionPage(
            group: group, decision: decision, revisions: revisions,
            meetings: try await store.meetings(groupID: group.id),
            proposalHref: proposal.map { Href.proposal(group.id, $0) }, canRecord: canRecord,
            deliverables: named.isEmpty
                ? [] : try await roadmap.deliverables(includeRetired: true).filter { named.contains($0.id) }
        )
        return try await services.pages.render(page, request: request, context: context)
    }

    func loadDecision(_ context: AppRequestContext, group: Group) async throws -> Decision {
        guard let id = context.parameters.get("decisionID", as: Int64.self),
            let decision = try await store.decision(id: id, groupID: group.id)
        else { throw AppError.notFound }
        return decision
    }
}
