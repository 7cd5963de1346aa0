/// One labelled line of a summary ("Workstream: Shared records"), as the meeting and deliverable pages show them.
struct LabelledLine: Encodable, Sendable {
    let label: String
    let value: String
}
