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
        let power = intPower(decimals)
        let scaled = value * Double(power)
        let magnitude = scaled.magnitude
        guard magnitude < 4e15 else { return fallback(value, decimals, out) }
        let floor = magnitude.rounded(.down)
        let fraction = magnitude - floor
        guard abs(fraction - 0.5) > magnitude * 2.3e-16 + 1e-300 else { return fallback(value, decimals, out) }
        let units = UInt64(fraction > 0.5 ? floor + 1 : floor)
        if value.sign == .minus {
            guard units != 0 else { return fallback(value, decimals, out) }
            out.append(UInt8(ascii: "-"))
        }
        guard decimals > 0 else { return out.appendDigits(units) }
        out.appendDigits(units / power)
        out.append(UInt8(ascii: "."))
        out.appendDigits(units % power, minimumCount: decimals)
    }

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
