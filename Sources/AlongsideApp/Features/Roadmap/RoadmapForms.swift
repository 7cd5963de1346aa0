import Foundation

/// Checking the roadmap's forms: plain functions over the submitted values.
enum RoadmapForms {
    static let titleLimit = 200

    static func deliverable(
        _ form: FormData, workstreams: [Workstream], owners: Set<DeliverableOwner>, errors: inout FormErrors
    ) -> RoadmapStore.DeliverableInput? {
        let title = form.trimmed("title")
        if title.isEmpty {
            errors.add("title", "Enter the deliverable's title")
        } else if title.count > titleLimit {
            errors.add("title", "Keep the title to \(titleLimit) characters or fewer")
        }
        let workstream = form["workstream"]
        if !workstreams.contains(where: { $0.key == workstream }) {
            errors.add("workstream", "Select the workstream it belongs to")
        }
        var owner: DeliverableOwner?
        if !form["owner"].isEmpty {
            owner = DeliverableOwner(formValue: form["owner"])
            if owner.map({ !owners.contains($0) }) ?? true {
                errors.add("owner", "Select an owner from the list, or nobody yet")
            }
        }
        let target = form.trimmed("target_on")
        if !target.isEmpty, LondonTime.startOfDay(target) == nil {
            errors.add("target_on", "Enter the target date as a real date, like 2027-03-31")
        }
        var involvement: InvolvementRung?
        if !form["involvement"].isEmpty {
            involvement = InvolvementRung(rawValue: form["involvement"])
            if involvement == nil {
                errors.add("involvement", "Select how experts by experience are involved, or not recorded yet")
            }
        }
        errors.checkLength(form, "summary", max: TextLimit.paragraph, label: "The summary")
        guard errors.isEmpty else { return nil }
        return .init(
            title: title, workstream: workstream, summary: form.trimmed("summary"), owner: owner,
            targetOn: target.isEmpty ? nil : target, involvement: involvement)
    }

    static func status(_ form: FormData, current: DeliverableStatus, errors: inout FormErrors) -> (
        status: DeliverableStatus, note: String
    )? {
        let status = DeliverableStatus(rawValue: form["status"])
        if status == nil {
            errors.add("status", "Select the deliverable's status")
        } else if status == current {
            errors.add("status", "The status is already \(current.label.lowercased()). Select a different one")
        }
        let note = form.trimmed("note")
        if note.isEmpty { errors.add("note", "Say what happened, so the history explains the change") }
        errors.checkLength(note, "note", max: TextLimit.short, label: "What happened")
        guard errors.isEmpty, let status else { return nil }
        return (status, note)
    }

    /// A success marker's form: its fields are named after the marker, as the page holds one form per marker.
    static func marker(_ form: FormData, markerID: Int64, errors: inout FormErrors) -> (
        status: MarkerStatus, evidence: String
    )? {
        let status = MarkerStatus(rawValue: form["marker_\(markerID)"])
        if status == nil { errors.add("marker_\(markerID)", "Select how far the success marker is met") }
        let evidence = form.trimmed("evidence_\(markerID)")
        if status != nil, status != .notMet, evidence.isEmpty {
            errors.add("evidence_\(markerID)", "Give the evidence that it is met, or partly met")
        }
        errors.checkLength(evidence, "evidence_\(markerID)", max: TextLimit.paragraph, label: "The evidence")
        guard errors.isEmpty, let status else { return nil }
        return (status, evidence)
    }

    static func link(_ form: FormData, deliverableID: Int64, candidates: Set<Int64>, errors: inout FormErrors) -> Int64?
    {
        guard let target = form.id("relies_on") else {
            errors.add("relies_on", "Select the deliverable it relies upon")
            return nil
        }
        if target == deliverableID {
            errors.add("relies_on", "A deliverable cannot rely upon itself. Select a different one")
        } else if !candidates.contains(target) {
            errors.add("relies_on", "Select a deliverable from the list")
        }
        return errors.isEmpty ? target : nil
    }
}
