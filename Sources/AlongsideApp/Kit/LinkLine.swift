/// A link with words: a line of a list that may link somewhere (what an item or insight is linked
/// to, what came out of a workshop).
struct LinkLine: Encodable, Sendable {
    let text: String
    let href: String?
}
