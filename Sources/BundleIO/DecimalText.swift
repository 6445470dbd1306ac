/// Plain decimal numbers parsed straight from UTF-8 bytes.
enum DecimalText {
    /// Powers of ten that a `Double` holds exactly (10^0 … 10^22).
    private static let exactPowers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The value of `-?[0-9]+(\.[0-9]+)?` when it can be computed exactly fast,
    /// else nil (the caller then asks `Double(String)`).
    ///
    /// With at most 2^53 as the digits read as an integer `m` and at most 22
    /// decimals `k`, both `m` and 10^k are exact doubles, so `m / 10^k` is one
    /// correctly rounded IEEE division: the same double `strtod` (and so
    /// `Double(String)`) returns (Clinger 1990, "How to read floating point numbers
    /// accurately", the fast path). Other forms, exponents, `nan`, `inf`, a leading
    /// `+` or more digits, fall back.
    @inline(__always)
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = b.count
        var i = 0
        var negative = false
        if i < n, b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var m: UInt64 = 0
        var digits = 0
        var decimals = 0
        var sawPoint = false
        let intStart = i
        while i < n {
            let c = b[i]
            if c >= 0x30, c <= 0x39 {
                if digits >= 16 { return nil }    // keeps m < 10^16 < 2^53 · 2; checked below
                m = m &* 10 &+ UInt64(c &- 0x30)
                digits += 1
                if sawPoint { decimals += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                if i == intStart { return nil }   // ".5": leave to strtod
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, !(sawPoint && b[n - 1] == UInt8(ascii: ".")), m <= 1 << 53, decimals <= 22 else { return nil }
        let x = decimals == 0 ? Double(m) : Double(m) / exactPowers[decimals]
        return negative ? -x : x
    }
}
