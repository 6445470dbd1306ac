import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// Random small LPs `max c·x, A x ≤ b, 0 ≤ x ≤ u` against exhaustive vertex
/// enumeration (TestSupport's `VertexEnumerationSolver`): every choice of n tight
/// hyperplanes among the m rows and 2n bounds is solved by Gaussian elimination; the
/// best feasible vertex is the optimum (the feasible set is a bounded polytope, so if
/// it is non-empty an optimal vertex exists).
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

    static func model(_ lp: RandomLP, seed: UInt64) -> Model {
        let n = lp.c.count
        var model = Model(name: "random\(seed)")
        let x = (0..<n).map { model.addVariable(upperBound: lp.upper[$0]) }
        model.maximize(sum(0..<n) { lp.c[$0] * x[$0] })
        for i in lp.a.indices { model.addConstraint(sum(0..<n) { lp.a[i][$0] * x[$0] } <= lp.b[i]) }
        return model
    }

    /// Best objective over all vertices (TestSupport's reference solver), or nil
    /// when no vertex is feasible.
    static func enumerate(_ lp: RandomLP, seed: UInt64) throws -> Double? {
        try VertexEnumerationSolver().solve(model(lp, seed: seed)).objectiveValue
    }

    @Test(arguments: 0..<150)
    func randomLPMatchesVertexEnumeration(seed: UInt64) throws {
        let n = 2 + Int(seed % 3), m = 2 + Int(seed % 4)
        let lp = Self.randomLP(seed: seed, n: n, m: m)
        let model = Self.model(lp, seed: seed)
        let expected = try Self.enumerate(lp, seed: seed)
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

    @Test func enumerationFindsBothOutcomes() throws {
        // Guard against a vacuous property: the seeds include feasible and infeasible LPs.
        let outcomes = try (0..<150).map { seed -> Bool in
            let n = 2 + Int(seed % 3), m = 2 + Int(seed % 4)
            return try Self.enumerate(Self.randomLP(seed: UInt64(seed), n: n, m: m), seed: UInt64(seed)) != nil
        }
        #expect(outcomes.contains(true) && outcomes.contains(false))
    }
}
