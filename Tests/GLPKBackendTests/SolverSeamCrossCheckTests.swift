import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

/// The test doubles are only as good as their agreement with GLPK: the reference
/// solver and the protocol's default lexicographic method, against GLPKSolver on
/// seeded random LPs with every bound type and row type.
@Suite struct SolverSeamCrossCheckTests {
    static func randomLP(seed: UInt64) -> Model {
        var rng = SeededGenerator(seed: seed)
        func r(_ range: ClosedRange<Int>) -> Double { Double(Int.random(in: range, using: &rng)) }
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        var m = Model(name: "random\(seed)")
        let n = 2 + Int(seed % 3)
        let x = (0..<n).map { _ in
            m.addVariable(lowerBound: pick([0, 0, -.infinity, -3]), upperBound: pick([Double.infinity, 5, 8]))
        }
        for _ in 0..<(1 + Int(seed % 4)) {
            let e = sum(0..<n) { r(-4...8) * x[$0] }
            let a = r(-6...20)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: m.addConstraint(e <= a)
            case 1: m.addConstraint(e >= a)
            case 2: m.addConstraint(e == a)
            default: m.addConstraint(e, in: a...(a + r(1...9)))
            }
        }
        m.setObjective(sum(0..<n) { r(-5...9) * x[$0] }, sense: pick([.minimize, .maximize]))
        return m
    }

    /// The same status, and the same optimum when there is one.
    static func agree(_ a: Solution, _ b: Solution) -> Bool {
        guard a.status == b.status else { return false }
        guard a.status == .optimal else { return true }
        return isApproximatelyEqual(a.objectiveValue!, b.objectiveValue!, absolute: 1e-6)
    }

    /// Seeds 38, 53, 64, 105, 120, 126, 135 and 197 are unbounded LPs that GLPKSolver
    /// used to call infeasible (its dual simplex stops on "no dual feasible solution");
    /// HiGHS (scipy 1.17 `linprog`) and `glpsol --primal` agree with the reference on
    /// all eight.
    @Test(arguments: 0..<200)
    func referenceSolverAgreesWithGLPK(seed: UInt64) throws {
        let model = Self.randomLP(seed: seed)
        let reference = try VertexEnumerationSolver().solve(model)
        let glpk = try GLPKSolver().solve(model)
        #expect(Self.agree(reference, glpk), "seed \(seed): reference \(reference.status) \(reference.objectiveValue ?? .nan), GLPK \(glpk.status) \(glpk.objectiveValue ?? .nan)")
        if reference.status == .optimal { #expect(model.isFeasible(glpk.values, tolerance: 1e-7)) }
    }

    /// Guard against a vacuous property: the seeds reach all three outcomes.
    @Test func randomLPsReachEveryStatus() throws {
        // (and the lexicographic comparison reaches both ends: all levels, and an early stop)
        let statuses = Set(try (0..<200).map { try VertexEnumerationSolver().solve(Self.randomLP(seed: UInt64($0))).status })
        #expect(statuses == [.optimal, .infeasible, .unbounded])
    }

    /// Objective rows (the protocol's default) and GLPK's exact optimal faces give the
    /// same value at every level, to the levels' tolerance (1e-9 relative: a row lets
    /// the next level use that much of the previous optimum, a face does not), and stop
    /// at the same level. Where they stop, GLPK may call the same unbounded level
    /// "infeasible" after an objective row (its presolver's "no dual feasible
    /// solution" resolved by a second solve), so only "not optimal" is compared there.
    @Test(arguments: 0..<100)
    func defaultLexicographicAgreesWithGLPKsFaces(seed: UInt64) throws {
        let model = Self.randomLP(seed: seed)
        var rng = SeededGenerator(seed: seed &+ 1000)
        let levels = (0..<3).map { k in
            LexicographicObjective(k % 2 == 0 ? .minimize : .maximize,
                                   sum(model.variables) { Double(Int.random(in: -3...3, using: &rng)) * $0 },
                                   name: "L\(k)", relativeTolerance: 1e-9, absoluteTolerance: 1e-9)
        }
        let glpk = GLPKSolver()
        let faces = try glpk.solve(model, lexicographic: levels)
        let rows = try glpk.solveByObjectiveRows(model, lexicographic: levels)
        #expect(faces.count == rows.count, "seed \(seed)")
        for (a, b) in zip(faces, rows) {
            #expect((a.status == .optimal) == (b.status == .optimal), "seed \(seed): faces \(a.status), rows \(b.status)")
            guard let x = a.objectiveValue, let y = b.objectiveValue, a.status == .optimal else { continue }
            #expect(isApproximatelyEqual(x, y, absolute: 1e-6, relative: 1e-8), "seed \(seed): faces \(x), rows \(y)")
        }
    }
}

