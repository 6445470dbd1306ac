import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// Lexicographic MIPs with fixed columns (branch and bound runs on the free ones,
/// FixedColumnReduction) against brute force over every integer point.
@Suite struct FixedColumnMIPTests {
    @Test(arguments: 0..<10 as Range<UInt64>)
    func levelsMatchBruteForce(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let n = 8, m = 3
        var model = Model(name: "fixed\(seed)")
        // Columns 0, 2, 4, 6 are fixed at a seeded value in 0...3, the others free in 0...3.
        let fixed = (0..<n).map { $0 % 2 == 0 ? Double(Int.random(in: 0...3, using: &rng)) : nil }
        let x = (0..<n).map { j in model.addVariable(.integer, lowerBound: fixed[j] ?? 0, upperBound: fixed[j] ?? 3) }
        var a: [[Double]] = []
        var capacity: [Double] = []
        for i in 0..<m {
            let row = (0..<n).map { _ in Double(Int.random(in: 0...6, using: &rng)) }
            let used = (0..<n).reduce(0.0) { $0 + row[$1] * (fixed[$1] ?? 0) }
            let cap = used + Double(Int.random(in: 3...12, using: &rng))
            var e = LinearExpression()
            for j in 0..<n { e += row[j] * x[j] }
            model.addConstraint(e <= cap, name: "r\(i)")
            a.append(row); capacity.append(cap)
        }
        let value = (0..<n).map { _ in Double(Int.random(in: 1...9, using: &rng)) }
        let cost = (0..<n).map { _ in Double(Int.random(in: 1...9, using: &rng)) }
        var o1 = LinearExpression(), o2 = LinearExpression()
        for j in 0..<n { o1 += value[j] * x[j]; o2 += cost[j] * x[j] }
        let levels = [LexicographicObjective(.maximize, o1, name: "value", mipGap: 0),
                      LexicographicObjective(.minimize, o2, name: "cost", mipGap: 0)]

        // Brute force: every free column in 0...3 (4^4 points).
        let free = (0..<n).filter { fixed[$0] == nil }
        var best1 = -Double.infinity, best2 = Double.infinity
        for code in 0..<(1 << (2 * free.count)) {
            var point = fixed.map { $0 ?? 0 }
            for (k, j) in free.enumerated() { point[j] = Double((code >> (2 * k)) & 3) }
            guard (0..<m).allSatisfy({ i in (0..<n).reduce(0.0) { $0 + a[i][$1] * point[$1] } <= capacity[i] }) else { continue }
            let v = (0..<n).reduce(0.0) { $0 + value[$1] * point[$1] }
            let c = (0..<n).reduce(0.0) { $0 + cost[$1] * point[$1] }
            if v > best1 { best1 = v; best2 = c } else if v == best1 { best2 = min(best2, c) }
        }

        let solutions = try GLPKSolver().solve(model, lexicographic: levels)
        #expect(solutions.count == 2)
        #expect(solutions[0].objectiveValue == best1, "seed \(seed)")
        #expect(solutions[1].objectiveValue == best2, "seed \(seed)")
        let s = solutions[1]
        #expect(s.status == .optimal)
        #expect(s.values.count == n)
        for j in 0..<n where fixed[j] != nil { #expect(s.values[j] == fixed[j]!, "seed \(seed) column \(j)") }
        for i in 0..<m {
            let activity = (0..<n).reduce(0.0) { $0 + a[i][$1] * s.values[$1] }
            #expect(abs(s.rowActivities[i] - activity) < 1e-9, "seed \(seed) row \(i)")
        }
    }

    /// Every integer column fixed (nothing left to branch on): solved whole, as a MIP,
    /// never handed to GLPK with no columns. x, y fixed at 2 and 1, z ∈ [0, 4]
    /// continuous; x + y + z ≤ 5; maximise x + 2y + 3z: z = 2, value 2 + 2 + 6 = 10.
    @Test func aModelWithEveryIntegerColumnFixedStillSolves() throws {
        var model = Model(name: "allFixed")
        let x = model.addVariable(.integer, lowerBound: 2, upperBound: 2)
        let y = model.addVariable(.integer, lowerBound: 1, upperBound: 1)
        let z = model.addVariable(upperBound: 4)
        model.addConstraint(x + y + z <= 5, name: "cap")
        let solutions = try GLPKSolver().solve(model, lexicographic: [LexicographicObjective(.maximize, x + 2 * y + 3 * z, name: "v")])
        #expect(solutions.first?.status == .optimal)
        #expect(solutions.first?.objectiveValue == 10)
        #expect(solutions.first?.values == [2, 1, 2])

        var allFixed = Model(name: "noFreeColumn")
        let a = allFixed.addVariable(.integer, lowerBound: 3, upperBound: 3)
        allFixed.addConstraint(a <= 5, name: "cap")
        let only = try GLPKSolver().solve(allFixed, lexicographic: [LexicographicObjective(.minimize, 2 * a, name: "c")])
        #expect(only.first?.status == .optimal && only.first?.objectiveValue == 6 && only.first?.values == [3])
    }
}
