import Foundation

/// `printf("%.<d>f")` for the road tables, without Foundation's `String(format:)`.
///
/// An import of a few million roads writes tens of millions of numbers; on Linux
/// `String(format:)` goes through NSString and cost most of an import's time
/// (BENCHMARKS.md, "OpenStreetMap import"). The digits here are those of the
/// correctly rounded decimal, exactly as glibc prints them: x × 10^d is computed
/// with one rounding (10^d is exact for d ≤ 22), so it lies within
/// |x × 10^d| × 2^-53 of the true product, and when that is farther than this from
/// a half-way point both round the same way. The rare values that fall closer (and
/// non-finite or huge ones, and a negative value (or −0) that rounds to zero, which printf
/// writes as `-0.000…`) go to `String(format:)`.
enum FixedDecimal {
    // Powers of ten computed, not read from a global array: the array's lazy
    // initialisation check and bounds check ran for every number written.
    @inline(__always) private static func intPower(_ decimals: Int) -> UInt64 {
        var p: UInt64 = 1
        for _ in 0..<decimals { p &*= 10 }
        return p
    }

    /// Appends `value` with `decimals` (0…9) digits after the point to `out`.
    @inline(__always)
    static func append(_ value: Double, decimals: Int, to out: TableBytes) {
        out.reserve(maximumCount)
        if let count = write(value, decimals: decimals, to: out.end) { out.advance(count) } else { fallback(value, decimals, out) }
    }

    /// The most bytes ``write(_:decimals:to:)`` writes: a sign, 16 digits, a point
    /// and a leading zero.
    static let maximumCount = 24

    /// Writes `value` with `decimals` (0…9) digits after the point at `p` (room for
    /// ``maximumCount`` bytes) and returns how many bytes it wrote, or nil for the
    /// values printf must format. Straight into the buffer, the fraction's digits a
    /// fixed count: one capacity check per number instead of one per digit group
    /// (docs/decisions.md, "OSM import speed, fifth round").
    @inline(__always)
    static func write(_ value: Double, decimals: Int, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let power = intPower(decimals)
        let scaled = value * Double(power)
        let magnitude = scaled.magnitude
        guard magnitude < 4e15 else { return nil }
        let floor = magnitude.rounded(.down)
        let fraction = magnitude - floor
        guard abs(fraction - 0.5) > magnitude * 2.3e-16 + 1e-300 else { return nil }
        let units = UInt64(fraction > 0.5 ? floor + 1 : floor)
        var n = 0
        if value.sign == .minus {
            guard units != 0 else { return nil }
            p[0] = UInt8(ascii: "-")
            n = 1
        }
        guard decimals > 0 else { return n + writeDigits(units, to: p + n) }
        n += writeDigits(units / power, to: p + n)
        p[n] = UInt8(ascii: ".")
        writeFixedDigits(units % power, count: decimals, to: p + n + 1)
        return n + 1 + decimals
    }

    /// Writes `value` in decimal (no leading zeros) and returns its digit count.
    @inline(__always)
    static func writeDigits(_ value: UInt64, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20 && value >= limit { digits += 1; limit = limit &* 10 }
        writeFixedDigits(value, count: digits, to: p)
        return digits
    }

    /// Writes the last `count` decimal digits of `value`, zero-padded, two per division.
    @inline(__always)
    static func writeFixedDigits(_ value: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var v = value, k = count
        while k >= 2 {
            let r = Int(v % 100)
            v /= 100
            k -= 2
            p[k] = pairs[2 * r]
            p[k + 1] = pairs[2 * r + 1]
        }
        if k == 1 { p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10) }
    }

    /// "00", "01", … "99": a literal, not an array, so no reference count is touched.
    static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// The same as a string.
    static func string(_ value: Double, decimals: Int) -> String {
        let bytes = TableBytes(capacity: 32)
        append(value, decimals: decimals, to: bytes)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    private static func fallback(_ value: Double, _ decimals: Int, _ out: TableBytes) {
        out.append(String(format: "%.\(decimals)f", value))
    }
}
