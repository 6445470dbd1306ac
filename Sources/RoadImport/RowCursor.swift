/// Where the next byte of a table row goes, in a ``TableBytes`` that has room for the
/// whole row: the row's cells are written through this local pointer, and the buffer
/// learns the row's length once, at ``finish()``.
///
/// Appending to the buffer object cell by cell reloaded its base and count after every
/// byte written (a byte store may alias them) and checked its capacity each time; on
/// the 1300² grid's 3.4 million road rows that bookkeeping was a third of formatting
/// them (docs/decisions.md, "OSM import speed, seventh round").
struct RowCursor {
    private var p: UnsafeMutablePointer<UInt8>
    // Unowned: a cursor lives within one row's formatting, while its caller holds the
    // buffer; a strong reference was a retain and a release per row.
    private unowned(unsafe) let out: TableBytes
    private let room: Int

    /// A cursor at the end of `out`, which gets `room` bytes (the row's most, plus the 16
    /// a short copy may write past its text).
    @inline(__always) init(_ out: TableBytes, room: Int) {
        out.reserve(room)
        self.out = out
        self.room = room
        p = out.end
    }

    /// Counts the bytes written as appended to the buffer, `out` (the cursor's own): the
    /// caller's reference, which it holds anyway, so the call retains nothing.
    @inline(__always) func finish(_ out: TableBytes) {
        assert(out === self.out, "a row is finished into its own buffer")
        out.advance(p - out.end)
    }

    @inline(__always) mutating func put(_ byte: UInt8) {
        p.pointee = byte
        p += 1
    }

    @inline(__always) mutating func put(_ literal: StaticString) {
        p.update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
        p += literal.utf8CodeUnitCount
    }

    /// A string's UTF-8 bytes, from its own storage.
    @inline(__always) mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    @inline(__always) mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let source = bytes.baseAddress { p.update(from: source, count: bytes.count) }
        p += bytes.count
    }

    /// The first `length` (at most 16) bytes at `source`, which must have 16 readable
    /// bytes: one unaligned 16-byte copy, not a `memcpy` call.
    @inline(__always) mutating func putShort(_ source: UnsafePointer<UInt8>, length: Int) {
        putShort(UnsafeRawPointer(source).loadUnaligned(as: SIMD16<UInt8>.self), length: length)
    }

    /// The first `length` (at most 16) bytes of `bytes`.
    @inline(__always) mutating func putShort(_ bytes: SIMD16<UInt8>, length: Int) {
        UnsafeMutableRawPointer(p).storeBytes(of: bytes, as: SIMD16<UInt8>.self)
        p += length
    }

    /// The bytes `body` writes at the cursor, returning their count.
    @inline(__always) mutating func put(writing body: (UnsafeMutablePointer<UInt8>) -> Int) {
        p += body(p)
    }

    /// A signed integer in decimal.
    @inline(__always) mutating func putInteger(_ value: Int64) {
        if value < 0 { put(UInt8(ascii: "-")) }
        p += FixedDecimal.writeDigits(value.magnitude, to: p)
    }

    /// `printf("%.<decimals>f", value)`; returns the bytes written at ``position``, or
    /// nil for the rare value ``FixedDecimal`` leaves to printf, which is appended
    /// through the buffer (the row's room reserved again after it).
    @discardableResult
    @inline(__always) mutating func putFixed(_ value: Double, decimals: Int) -> Int? {
        if let n = FixedDecimal.write(value, decimals: decimals, to: p) {
            p += n
            return n
        }
        out.advance(p - out.end)
        out.appendFixed(value, decimals: decimals)
        out.reserve(room)
        p = out.end
        return nil
    }

    /// Where the next byte goes.
    @inline(__always) var position: UnsafeMutablePointer<UInt8> { p }
}
