/// Co-production work (issue 7; 003 step 2): the action plan, insights, "you said, we did" and workshops.
func coproductionControllers(_ services: AppServices) -> [any Controller] {
    []
}

extension Templates {
    static let coproduction: [String] = []
}
