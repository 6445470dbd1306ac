/// Whether bytes are UTF-8, at close to memory speed for the ASCII that most of a
/// bundle is (ids, numbers, road tables).
enum UTF8Check {
    /// Offset of the first byte of the text that is not valid UTF-8, or nil when
    /// all of it is.
    ///
    /// ASCII is skipped eight bytes at a time; from the first byte with the high bit
    /// set, the standard library's strict UTF-8 decoder decides (overlong forms,
    /// surrogates and values past U+10FFFF are errors, as for `String(validating:)`).
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            let n = b.count
            guard let base = b.baseAddress else { return nil }
            var i = 0
            while i + 8 <= n {
                if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            while i < n, b[i] < 0x80 { i += 1 }
            guard i < n else { return nil }
            var it = b[i...].makeIterator()
            var decoder = UTF8()
            var offset = i
            while true {
                switch decoder.decode(&it) {
                case let .scalarValue(s): offset += UTF8.width(s)
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
    }
}
