import Foundation

/// Checking the roadmap's forms: plain functions over the submitted values.
enum RoadmapForms {
    static let titleLimit = 200

    /// The deliverable form's fields (adding and editing).
    enum DeliverableField: String, FormFieldName {
        case title, workstream, summary, owner, targetOn = "target_on", involvement
    }

    /// The fields of the form that changes a deliverable's status.
    enum StatusField: String, FormFieldName {
        case status, note, decision
    }

    /// The fields of a success marker's form, as the start of their names.
    enum MarkerPart: String, CaseIterable, Sendable {
        case status = "marker", evidence
    }

    /// One field of one success marker's form: "marker_12" is marker 12's `status`, "evidence_12" its `evidence`.
    typealias MarkerField = NumberedField<MarkerPart>

    /// The field of the form that links a deliverable to one it relies upon.
    enum LinkField: String, FormFieldName {
        case reliesOn = "relies_on"
    }

    /// The fields of the form that retires a deliverable.
    enum RetireField: String, FormFieldName {
        case confirm, reason
    }

    /// The fields of the roadmap's filter (a query string).
    enum FilterField: String, FormFieldName {
        case workstream, status, owner, involvement, waiting
    }

    /// The field of the dependency picture's filter (a query string).
    /// Which dedicated focus areas the partnership has started (issue 19).
    enum FocusField: String, FormFieldName {
        case started
    }

    /// The graph page's query: a workstream, or one deliverable's neighbourhood (and how many steps), or a search
    /// for a deliverable, or the whole graph on request.
    enum PictureFilterField: String, FormFieldName {
        case workstream, deliverable, steps, words, view
    }

    /// The analysis page's choice to show the whole work order (a query string).
    enum AnalysisField: String, FormFieldName {
        case all
    }

    /// The field of the "changes since" form (a query string).
    enum ChangesField: String, FormFieldName {
        case since
    }

    /// The import form's field: the roadmap as JSON.
    enum ImportField: String, FormFieldName {
        case roadmap
    }

    /// The field of the form that publishes roadmap progress or stops publishing it.
    enum PublishingField: String, FormFieldName {
        case published
    }

    static func deliverable(
        _ form: FormData, workstreams: [Workstream], owners: Set<DeliverableOwner>, errors: inout FormErrors
    ) -> RoadmapStore.DeliverableInput? {
        typealias F = DeliverableField
        let title = form.trimmed(F.title)
        if title.isEmpty {
            errors.add(F.title, "Enter the deliverable's title")
        } else if title.count > titleLimit {
            errors.add(F.title, "Keep the title to \(titleLimit) characters or fewer")
        }
        let workstream = form[F.workstream]
        if !workstreams.contains(where: { $0.key == workstream }) {
            errors.add(F.workstream, "Select the workstream it belongs to")
        }
        var owner: DeliverableOwner?
        if !form[F.owner].isEmpty {
            owner = DeliverableOwner(formValue: form[F.owner])
            if owner.map({ !owners.contains($0) }) ?? true {
                errors.add(F.owner, "Select an owner from the list, or nobody yet")
            }
        }
        let target = form.trimmed(F.targetOn)
        if !target.isEmpty, LondonTime.startOfDay(target) == nil {
            errors.add(F.targetOn, "Enter the target date as a real date, like 2027-03-31")
        }
        var involvement: InvolvementRung?
        if !form[F.involvement].isEmpty {
            involvement = InvolvementRung(rawValue: form[F.involvement])
            if involvement == nil {
                errors.add(F.involvement, "Select how experts by experience are involved, or not recorded yet")
            }
        }
        errors.checkLength(form, F.summary, max: TextLimit.paragraph, label: "The summary")
        guard errors.isEmpty else { return nil }
        return .init(
            title: title, workstream: workstream, summary: form.trimmed(F.summary), owner: owner,
            targetOn: target.isEmpty ? nil : target, involvement: involvement)
    }

    /// The new status, what happened, and the decision cited: one of `citable` (decisions' first revisions naming
    /// the deliverable that the person may read), or none.
    static func status(
        _ form: FormData, current: DeliverableStatus, citable: Set<Int64> = [], errors: inout FormErrors
    ) -> (status: DeliverableStatus, note: String, decisionID: Int64?)? {
        typealias F = StatusField
        let status = DeliverableStatus(rawValue: form[F.status])
        if status == nil {
            errors.add(F.status, "Select the deliverable's status")
        } else if status == current {
            errors.add(F.status, "The status is already \(current.label.lowercased()). Select a different one")
        }
        let note = form.trimmed(F.note)
        if note.isEmpty { errors.add(F.note, "Say what happened, so the history explains the change") }
        errors.checkLength(note, F.note, max: TextLimit.short, label: "What happened")
        let cited = form.trimmed(F.decision)
        var decisionID: Int64?
        if !cited.isEmpty {
            decisionID = BoundedNumber.id(cited)
            if decisionID.map(citable.contains) != true {
                errors.add(F.decision, "Select a decision from the list, or none")
                decisionID = nil
            }
        }
        guard errors.isEmpty, let status else { return nil }
        return (status, note, decisionID)
    }

    /// A success marker's form: its fields are named after the marker, as the page holds one form per marker.
    static func marker(_ form: FormData, markerID: Int64, errors: inout FormErrors) -> (
        status: MarkerStatus, evidence: String
    )? {
        let statusField = MarkerField(.status, markerID)
        let evidenceField = MarkerField(.evidence, markerID)
        let status = MarkerStatus(rawValue: form[statusField])
        if status == nil { errors.add(statusField, "Select how far the success marker is met") }
        let evidence = form.trimmed(evidenceField)
        if status != nil, status != .notMet, evidence.isEmpty {
            errors.add(evidenceField, "Give the evidence that it is met, or partly met")
        }
        errors.checkLength(evidence, evidenceField, max: TextLimit.paragraph, label: "The evidence")
        guard errors.isEmpty, let status else { return nil }
        return (status, evidence)
    }

    static func link(_ form: FormData, deliverableID: Int64, candidates: Set<Int64>, errors: inout FormErrors) -> Int64?
    {
        typealias F = LinkField
        guard let target = form.id(F.reliesOn) else {
            errors.add(F.reliesOn, "Select the deliverable it relies upon")
            return nil
        }
        if target == deliverableID {
            errors.add(F.reliesOn, "A deliverable cannot rely upon itself. Select a different one")
        } else if !candidates.contains(target) {
            errors.add(F.reliesOn, "Select a deliverable from the list")
        }
        return errors.isEmpty ? target : nil
    }
}
