import Hummingbird

extension Response {
    /// A file to save: CSV, JSON or iCalendar, never cached.
    static func download(_ body: String, contentType: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType, .contentDisposition: "attachment; filename=\"\(fileName)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
