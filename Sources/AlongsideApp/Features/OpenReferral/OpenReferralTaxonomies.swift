import Foundation

/// Our categories, domains and needs, and whether a referral is needed, published as taxonomies (issue 18): one
/// taxonomy per vocabulary, each with an id that never changes, derived from Alongside's namespace; each term's id is
/// derived from its taxonomy's and the term's stored key (a category's or domain's stored value, a need's id, which
/// is never reused: needs are retired, not deleted).
public enum OpenReferralTaxonomies {
    public struct Taxonomy: Sendable, Equatable {
        public let key: String
        public let name: String

        public var id: UUID { OpenReferralIDs.derived(OpenReferralIDs.namespace, "taxonomy/\(key)") }

        func term(_ key: String, name: String, description: String) -> OpenReferral.TaxonomyTerm {
            OpenReferral.TaxonomyTerm(
                id: OpenReferralIDs.text(OpenReferralIDs.derived(id, "term/\(key)")), name: name,
                description: description, taxonomy: self.name, taxonomyId: OpenReferralIDs.text(id))
        }
    }

    public static let category = Taxonomy(
        key: "asset-category", name: "Alongside: kinds of community asset (asset mapping tool, 003 Appendix 2)")
    public static let domain = Taxonomy(
        key: "domain", name: "Alongside: domains of community assets (000 section 4.5)")
    public static let need = Taxonomy(key: "need", name: "Alongside: needs of the co-produced model")
    public static let referral = Taxonomy(key: "referral", name: "Alongside: whether a referral is needed")

    public static let all = [category, domain, need, referral]

    public static func term(_ value: AssetCategory) -> OpenReferral.TaxonomyTerm {
        category.term(value.rawValue, name: value.label, description: "For example, \(value.examples).")
    }

    public static func term(_ value: AssetDomain) -> OpenReferral.TaxonomyTerm {
        domain.term(value.rawValue, name: value.label, description: value.label)
    }

    public static func term(_ value: Need) -> OpenReferral.TaxonomyTerm {
        need.term(
            String(value.id), name: value.name, description: value.description.isEmpty ? value.name : value.description)
    }

    public static func term(referralNeeded: Bool) -> OpenReferral.TaxonomyTerm {
        referralNeeded
            ? referral.term(
                "needed", name: "A referral is needed",
                description: "Ask a GP, care team or link worker to refer you.")
            : referral.term(
                "not-needed", name: "No referral needed", description: "Get in touch directly.")
    }
}
