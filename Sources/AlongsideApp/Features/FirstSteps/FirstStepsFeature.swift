/// How far the partnership has come with the six first steps (issue 7; 003's check box).
func firstStepsControllers(_ services: AppServices) -> [any Controller] {
    [FirstStepsController(services: services)]
}

extension Templates {
    static let firstSteps: [String] = [FirstStepsPage.template]
}
