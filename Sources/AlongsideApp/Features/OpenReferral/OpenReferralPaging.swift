import Foundation

/// Paging as the standard's API has it (`openapi.json`: the `page` and `per_page` parameters, and the `Page` wrapper:
/// total_items, total_pages, page_number, size, first_page, last_page, empty, contents). Pages count from 1.
public struct OpenReferralPaging: Equatable, Sendable {
    public static let defaultPerPage = 50
    public static let perPageRange = 1...500
    /// No directory has a hundred thousand pages; a larger number is refused before any arithmetic.
    public static let pageRange = 1...100_000

    public let page: Int
    public let perPage: Int

    public init(page: Int = 1, perPage: Int = Self.defaultPerPage) {
        self.page = page
        self.perPage = perPage
    }

    /// The page and page size asked for: missing ones take the defaults; anything that is not a whole number in its
    /// range is refused with a message saying what is accepted.
    public static func parse(page: String, perPage: String) -> Result<OpenReferralPaging, OpenReferralRefusal> {
        func number(_ text: String, _ range: ClosedRange<Int>, _ fallback: Int) -> Int? {
            text.trimmingCharacters(in: .whitespaces).isEmpty ? fallback : BoundedNumber.parse(text, in: range)
        }
        guard let pageNumber = number(page, pageRange, 1) else {
            return .failure(
                OpenReferralRefusal(
                    "page must be a whole number from \(pageRange.lowerBound) to \(pageRange.upperBound)"))
        }
        guard let size = number(perPage, perPageRange, defaultPerPage) else {
            return .failure(
                OpenReferralRefusal(
                    "per_page must be a whole number from \(perPageRange.lowerBound) to \(perPageRange.upperBound)"))
        }
        return .success(OpenReferralPaging(page: pageNumber, perPage: size))
    }

    /// This page of `items`. A page past the last is empty, and says it is the last.
    public func page<Item: Encodable & Sendable>(of items: [Item]) -> OpenReferral.Page<Item> {
        let pages = max(1, (items.count + perPage - 1) / perPage)
        let start = min(items.count, (page - 1) * perPage)
        let contents = Array(items[start..<min(items.count, start + perPage)])
        return OpenReferral.Page(
            totalItems: items.count, totalPages: pages, pageNumber: page, size: contents.count, firstPage: page == 1,
            lastPage: page >= pages, empty: contents.isEmpty, contents: contents)
    }
}

/// Why a request to the API was refused, for its JSON answer.
public struct OpenReferralRefusal: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
