/// The community asset map (issue 7; 003 step 3 and Appendix 2; 000 section 4.5) and its public directory.
func assetMapControllers(_ services: AppServices) -> [any Controller] {
    []
}

extension Templates {
    static let assetMap: [String] = []
}
