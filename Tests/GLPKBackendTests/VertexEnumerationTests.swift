import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// Random small LPs `max c·x, A x ≤ b, 0 ≤ x ≤ u` against exhaustive vertex
/// enumeration: every choice of n tight hyperplanes among the m rows and 2n bounds
/// is solved by Gaussian elimination; the best feasible vertex is the optimum (the
/// feasible set is a bounded polytope, so if it is non-empty an optimal vertex exists).
@Suite struct VertexEnumerationTests {
    struct RandomLP {
        var c: [Double], a: [[Double]], b: [Double], upper: [Double]
    }

    static func randomLP(seed: UInt64, n: Int, m: Int) -> RandomLP {
        var rng = SeededGenerator(seed: seed)
        func r(_ range: ClosedRange<Int>) -> Double { Double(Int.random(in: range, using: &rng)) }
        return RandomLP(c: (0..<n).map { _ in r(-5...9) },
                        a: (0..<m).map { _ in (0..<n).map { _ in r(-4...8) } },
                        b: (0..<m).map { _ in r(-6...20) },
                        upper: (0..<n).map { _ in r(1...8) })
    }

    /// Best objective over all vertices, or nil when no vertex is feasible.
    static func enumerate(_ lp: RandomLP) -> Double? {
        let n = lp.c.count
        // Hyperplanes as (coefficients, rhs): rows, then x_j = 0, then x_j = u_j.
        var planes: [([Double], Double)] = zip(lp.a, lp.b).map { ($0, $1) }
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n); e[j] = 1
            planes.append((e, 0)); planes.append((e, lp.upper[j]))
        }
        var best: Double? = nil
        func visit(_ chosen: [Int], _ next: Int) {
            if chosen.count == n {
                guard let x = solve(chosen.map { planes[$0].0 }, chosen.map { planes[$0].1 }) else { return }
                for j in 0..<n where x[j] < -1e-9 || x[j] > lp.upper[j] + 1e-9 { return }
                for (row, rhs) in zip(lp.a, lp.b) where zip(row, x).reduce(0, { $0 + $1.0 * $1.1 }) > rhs + 1e-9 { return }
                let value = zip(lp.c, x).reduce(0) { $0 + $1.0 * $1.1 }
                best = max(best ?? -.infinity, value)
                return
            }
            guard next < planes.count else { return }
            for k in next..<planes.count { visit(chosen + [k], k + 1) }
        }
        visit([], 0)
        return best
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a, rhs = b
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            if abs(m[pivot][col]) < 1e-12 { return nil }
            m.swapAt(col, pivot); rhs.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let f = m[row][col] / m[col][col]
                if f == 0 { continue }
                for k in col..<n { m[row][k] -= f * m[col][k] }
                rhs[row] -= f * rhs[col]
            }
        }
        return (0..<n).map { rhs[$0] / m[$0][$0] }
    }

    @Test(arguments: 0..<150)
    func randomLPMatchesVertexEnumeration(seed: UInt64) throws {
        let n = 2 + Int(seed % 3), m = 2 + Int(seed % 4)
        let lp = Self.randomLP(seed: seed, n: n, m: m)
        var model = Model(name: "random\(seed)")
        let x = (0..<n).map { model.addVariable(upperBound: lp.upper[$0]) }
        model.maximize(sum(0..<n) { lp.c[$0] * x[$0] })
        for i in 0..<m { model.addConstraint(sum(0..<n) { lp.a[i][$0] * x[$0] } <= lp.b[i]) }
        let expected = Self.enumerate(lp)
        for algorithm in [LPAlgorithm.primalSimplex, .dualSimplex] {
            let s = try GLPKSolver(options: SolveOptions(algorithm: algorithm)).solve(model)
            if let expected {
                #expect(s.status == .optimal, "seed \(seed) \(algorithm)")
                #expect(isApproximatelyEqual(s.objectiveValue ?? .nan, expected, absolute: 1e-6), "seed \(seed) \(algorithm)")
            } else {
                #expect(s.status == .infeasible, "seed \(seed) \(algorithm)")
            }
        }
    }

    @Test func enumerationFindsBothOutcomes() {
        // Guard against a vacuous property: the seeds include feasible and infeasible LPs.
        let outcomes = (0..<150).map { seed -> Bool in
            let n = 2 + Int(seed % 3), m = 2 + Int(seed % 4)
            return Self.enumerate(Self.randomLP(seed: UInt64(seed), n: n, m: m)) != nil
        }
        #expect(outcomes.contains(true) && outcomes.contains(false))
    }
}
