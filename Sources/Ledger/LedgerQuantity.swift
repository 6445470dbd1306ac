import Foundation

/// Quantities are stored as whole micro-units (10⁻⁶ of the item's unit) in 64-bit
/// integers, so that a balance is *exactly* the sum of its movements: summing doubles
/// drifts, and `verify` compares for equality. 2⁶³ µ-units is 9.2 × 10¹² units, far
/// beyond any depot; dispatch JSON rounds quantities to 6 decimals, so nothing is lost.
package enum LedgerQuantity {
    package static let scale = 1_000_000.0

    /// Units → micro-units, or nil if not finite or out of range.
    package static func micros(_ units: Double) -> Int64? {
        guard units.isFinite, abs(units) < 9e12 else { return nil }
        return Int64((units * scale).rounded())
    }

    /// Micro-units → units.
    package static func units(_ micros: Int64) -> Double { Double(micros) / scale }

    /// Shortest decimal text (no trailing zeros; "1500", "0.25").
    package static func text(_ units: Double) -> String {
        if units == units.rounded(), abs(units) < 1e15 { return String(Int64(units)) }
        var s = String(format: "%.6f", units)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
