import Foundation
import MultipartKit
import NIOCore

/// Forms with a file input are sent as `multipart/form-data`. Each part becomes a value of `FormData`, a file's
/// value being its text, so handlers read an uploaded CSV exactly as they read a text field.
extension FormData {
    /// The boundary from a `multipart/form-data; boundary=…` content type, or nil for any other content type.
    static func multipartBoundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Decodes a multipart body. Text that is not valid UTF-8 is decoded with replacement characters, so a
    /// spreadsheet saved in another encoding still reaches the checks, which then say what is wrong.
    init(multipart body: ByteBuffer, boundary: String) throws {
        // The parser stops quietly at a body cut short or sent with another boundary; a whole body ends with the
        // closing delimiter, so anything without one is refused rather than read as half a form.
        guard String(buffer: body).contains("--\(boundary)--") else { throw MultipartBodyError.incomplete }
        let parser = MultipartParser(boundary: boundary)
        var pairs: [(String, String)] = []
        var name: String?
        var bytes: [UInt8] = []
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" { name = Self.dispositionName(value) }
        }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            if let name {
                // A byte-order mark from a spreadsheet is not part of the text.
                let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                let text = String(decoding: content.filter(Self.isKept), as: UTF8.self)
                pairs.append((name, text))
            }
            name = nil
            bytes = []
        }
        try parser.execute(body)
        self.init(pairs)
    }

    enum MultipartBodyError: Error {
        case incomplete
    }

    /// `form-data; name="file"; filename="assets.csv"` → "file".
    static func dispositionName(_ header: String) -> String? {
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "name" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
