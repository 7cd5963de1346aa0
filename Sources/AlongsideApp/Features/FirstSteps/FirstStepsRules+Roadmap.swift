extension FirstStepsRules {
    /// Step 5 reads the local model deliverables of 001's "Model development" workstream: the model's design, and the
    /// three partnerships that 001's "Joint governance with ICB oversight" lists under "Relies upon delivery of"
    /// beside it (primary care at PCN level, the VCSE, the local authority). "Every ICB to have a new model fully in
    /// place" is the national end state, an outcome and not a step, so it is never waited on.
    static let modelDesignKey = "coproduced-model-design"
    static let modelPartnershipKeys = ["primary-care-integration", "vcse-partnership", "local-authority-integration"]
    static let nationalEndStateKey = "every-icb-new-model"
    /// Step 6 reads 001's "Recruitment in line with indicative 23/24 MH workforce profile" (getting started 1: "agree a
    /// workforce plan"; success 1: roles recruited "including new roles") and "Expand MHP ARRS roles in primary care",
    /// which the recruitment deliverable relies upon: the new roles 003 step 5 asks to think creatively about.
    static let recruitmentKey = "workforce-recruitment"
    static let newRolesKey = "mental-health-practitioner-roles"

    static func statusCounts(_ deliverables: [FirstStepsFacts.Deliverable]) -> String {
        DeliverableStatus.allCases.compactMap { status in
            let n = deliverables.filter { $0.status == status }.count
            return n == 0 ? nil : "\(status.label.lowercased()): \(n)"
        }.joined(separator: ", ")
    }

    static func statusLine(_ deliverable: FirstStepsFacts.Deliverable) -> FirstStepNote {
        .init("\(deliverable.title): \(deliverable.status.label.lowercased()).", .deliverable(deliverable.id))
    }

    static func hasStarted(_ deliverable: FirstStepsFacts.Deliverable) -> Bool { deliverable.status != .notStarted }
    static func isMoving(_ deliverable: FirstStepsFacts.Deliverable) -> Bool {
        deliverable.status == .inProgress || deliverable.status == .inPlace
    }

    /// Step 5, 003's check box: "A new model of community mental health care forming (but not necessarily
    /// finalised)". Forming means the co-produced model design is in progress (or done) and each partnership it
    /// relies on has started; none at risk. Finalising it is not asked for.
    static func newModel(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A new model of community mental health care forming"
        let workstream = FirstStepLink.roadmap(workstream: "model-development")
        let byKey = Dictionary(facts.modelDeliverables.compactMap { d in d.key.map { ($0, d) } }) { first, _ in first }
        let design = byKey[modelDesignKey]
        let partnerships = modelPartnershipKeys.compactMap { byKey[$0] }
        let used = (design.map { [$0] } ?? []) + partnerships
        guard !used.isEmpty else {
            return FirstStepAssessment(
                number: 5, outcome: outcome, state: .notStarted,
                evidence: [.init("The roadmap has none of the local model deliverables.", workstream)],
                missing: [
                    .init("Load the national roadmap, or add the model development deliverables.", workstream)
                ])
        }
        var evidence = used.map(statusLine)
        if let endState = byKey[nationalEndStateKey] {
            evidence.append(
                .init(
                    "Not counted: \"\(endState.title)\" is the national end state, an outcome rather than a first step.",
                    .deliverable(endState.id)))
        }
        var missing: [FirstStepNote] = []
        if let design {
            if design.status == .atRisk {
                missing.append(
                    .init("\(design.title) is at risk: say what would bring it back.", .deliverable(design.id)))
            } else if !isMoving(design) {
                let now = design.status == .notStarted ? "has not started" : "is still being planned"
                missing.append(
                    .init(
                        "\(design.title) \(now): the model's design needs to be in progress.", .deliverable(design.id)))
            }
        } else {
            missing.append(
                .init(
                    "Add the deliverable for designing the model with service users, carers and communities.",
                    workstream))
        }
        for partnership in partnerships {
            if !hasStarted(partnership) {
                missing.append(.init("\(partnership.title) has not started.", .deliverable(partnership.id)))
            } else if partnership.status == .atRisk {
                missing.append(.init("\(partnership.title) is at risk.", .deliverable(partnership.id)))
            }
        }
        if partnerships.count < modelPartnershipKeys.count {
            missing.append(
                .init(
                    "Some of the partnerships the model relies on are not on the roadmap: load the national roadmap.",
                    workstream))
        }
        return FirstStepAssessment(
            number: 5, outcome: outcome, state: state(started: used.contains(where: hasStarted), done: missing.isEmpty),
            evidence: evidence, missing: missing)
    }

    /// Step 6, 003's check box: "A workforce plan and recruitment starting with role adverts published"; 003 step 5:
    /// know the workforce needs, "then … start recruitment". The plan is being agreed once the recruitment deliverable
    /// is planning or further, and recruitment has started once it is in progress (or done); the new roles have
    /// started too. An expert-by-experience involvement advert (003 Appendix 1) is not staff recruitment: it is shown,
    /// never counted.
    static func workforce(_ facts: FirstStepsFacts) -> FirstStepAssessment {
        let outcome = "A workforce plan, with recruitment started and role adverts published"
        let workstream = FirstStepLink.roadmap(workstream: "workforce")
        let recruitment = facts.workforceDeliverables.first { $0.key == recruitmentKey }
        let newRoles = facts.workforceDeliverables.first { $0.key == newRolesKey }
        var evidence = [recruitment, newRoles].compactMap { $0 }.map(statusLine)
        if !facts.workforceDeliverables.isEmpty {
            let started = facts.workforceDeliverables.filter(hasStarted).count
            evidence.append(
                .init(
                    "\(started) of "
                        + count(facts.workforceDeliverables.count, "workforce deliverable", "workforce deliverables")
                        + " on the roadmap \(started == 1 ? "has" : "have") started ("
                        + statusCounts(facts.workforceDeliverables) + ").", workstream))
        }
        evidence.append(
            .init(
                count(
                    facts.advertsPublished, "expert-by-experience role advert has",
                    "expert-by-experience role adverts have")
                    + " been published (\(facts.advertsOpen) open now; "
                    + count(facts.appointments, "person", "people")
                    + " appointed): involvement roles, not staff recruitment, so not counted for this step.",
                .involvementRoles))
        var missing: [FirstStepNote] = []
        if let recruitment {
            if !hasStarted(recruitment) {
                missing.append(
                    .init(
                        "Agree a workforce plan with partners: \(recruitment.title) has not started.",
                        .deliverable(recruitment.id)))
            } else if recruitment.status == .atRisk {
                missing.append(.init("\(recruitment.title) is at risk.", .deliverable(recruitment.id)))
            } else if !isMoving(recruitment) {
                missing.append(
                    .init(
                        "Start recruiting staff and publish the role adverts: \(recruitment.title) is still being planned.",
                        .deliverable(recruitment.id)))
            }
        } else {
            missing.append(
                .init("Load the national roadmap, or add the workforce recruitment deliverable.", workstream))
        }
        if let newRoles {
            if !hasStarted(newRoles) {
                missing.append(.init("\(newRoles.title) has not started.", .deliverable(newRoles.id)))
            } else if newRoles.status == .atRisk {
                missing.append(.init("\(newRoles.title) is at risk.", .deliverable(newRoles.id)))
            }
        } else if recruitment != nil {
            missing.append(.init("Add the deliverable for the new roles in primary care.", workstream))
        }
        let started = facts.workforceDeliverables.contains(where: hasStarted)
        return FirstStepAssessment(
            number: 6, outcome: outcome, state: state(started: started, done: missing.isEmpty), evidence: evidence,
            missing: missing)
    }
}
