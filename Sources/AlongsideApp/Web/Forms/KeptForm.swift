/// What a person typed into a form before their session ended, put back into the same form once they sign in again
/// (issue 18). `SiteRoutes` sets it only while it builds the page the person returns to; the fields (`Field`,
/// `SelectField`, `ChoiceField`) show its values in place of the page's own, and nothing is sent until the person
/// sends the form again themselves. `DerivedCache` keeps nothing worked out while it is set.
public enum KeptForm {
    @TaskLocal public static var current: FormData?

    /// The kept values for `name`, or nil when none are kept for it.
    static func values(for name: String) -> [String]? {
        guard let kept = current, let values = kept.values[name] else { return nil }
        return values
    }
}
