/// The audit log, for administrators.
enum AuditFeature: Feature {
    static func controllers(_ services: AppServices) -> [any Controller] {
        [AuditController(services: services)]
    }

    static let templates: [String] = [
        AuditPage.template, AuditRow.template,
    ]
}
