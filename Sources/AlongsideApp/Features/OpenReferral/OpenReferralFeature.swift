/// The community directory as open data in the Open Referral UK 3.0 standard (issue 18): a public, read-only API
/// under `/openreferral/` holding exactly what the public directory shows. It reads the asset map and the register
/// of organisations through their stores, and keeps no data of its own.
enum OpenReferralFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [OpenReferralController(services: services)]
    }

    static let templates: [String] = []
}
