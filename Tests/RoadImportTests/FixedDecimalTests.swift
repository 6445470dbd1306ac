import Foundation
import Testing
import TestSupport
@testable import RoadImport

/// FixedDecimal must print exactly what glibc's printf("%.<d>f") prints, which is
/// what the road tables were written with before it (and what the committed
/// Data/helsinki tables hold).
@Suite struct FixedDecimalTests {
    static func printf(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    @Test func agreesWithPrintfOnSeededValues() {
        var rng = SeededGenerator(seed: 17)
        var mismatches: [String] = []
        for i in 0..<300_000 {
            let decimals = [7, 6, 2, 0, 9][i % 5]
            let value: Double = switch i % 4 {
            case 0: Double.random(in: -180...180, using: &rng)                       // coordinates
            case 1: Double(Int64.random(in: -1_800_000_000...1_800_000_000, using: &rng)) / 1e7 // OSM's 1e-7 grid
            case 2: Double.random(in: 0...50, using: &rng)                            // lengths, km
            default: Double(Int.random(in: 0...100_000, using: &rng)) / 8             // exact binary halves
            }
            let ours = FixedDecimal.string(value, decimals: decimals)
            if ours != Self.printf(value, decimals) { mismatches.append("\(value) %.\(decimals)f: \(ours) vs \(Self.printf(value, decimals))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func edgeCases() {
        let cases: [(Double, Int)] = [(0, 7), (-0.0, 7), (-0.00000001, 7), (0.5, 0), (1.5, 0), (2.5, 0), (-2.5, 0), (0.125, 2),
                                      (0.375, 2), (1e15, 2), (4e15, 2), (1e300, 2), (.infinity, 2), (-.infinity, 2), (.nan, 2),
                                      (60.1766213, 7), (24.9500823, 7), (0.0000001, 7), (99.995, 2), (-179.99999995, 7)]
        for (value, decimals) in cases {
            #expect(FixedDecimal.string(value, decimals: decimals) == Self.printf(value, decimals), "\(value) %.\(decimals)f")
        }
    }
}
