import Foundation

/// Whole numbers as people in England read them: "10,000".
enum NumberText {
    static func grouped(_ number: Int) -> String {
        number.formatted(.number.locale(Locale(identifier: "en_GB")))
    }
}
