/// The three dedicated focus areas of the national roadmap (001: complex emotional needs, community rehabilitation,
/// eating disorders). Footnote 6: a system starts work on two of the three; the third stays out of the counts and
/// the analysis until the partnership says it has started it too (issue 19).
enum FocusAreas {
    /// The national roadmap's keys for the focus workstreams.
    static let keys: Set<String> = ["complex-emotional-needs", "community-rehabilitation", "eating-disorders"]
    /// How many must be started: two of the three.
    static let minimum = 2

    /// The focus workstreams a form says are started: only known focus workstreams count, and at least two.
    static func started(
        _ chosen: [String], among workstreams: [Workstream], errors: inout FormErrors
    ) -> Set<String>? {
        let focus = Set(workstreams.map(\.key)).intersection(keys)
        let picked = Set(chosen).intersection(focus)
        if picked.count < min(minimum, focus.count) {
            errors.add(
                RoadmapForms.FocusField.started,
                "Select at least \(minimum) focus areas: the national roadmap expects work on 2 of the 3 to have started"
            )
            return nil
        }
        return picked
    }
}
