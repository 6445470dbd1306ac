import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

@Suite struct ColumnGenerationTests {
    /// A transportation LP with seeded costs (supply 20 % above demand).
    static func transport(seed: UInt64, sources: Int, sinks: Int) -> Model {
        var rng = SeededGenerator(seed: seed)
        let demand = (0..<sinks).map { _ in Double(Int.random(in: 5...50, using: &rng)) }
        let total = demand.reduce(0, +)
        let supply = (0..<sources).map { _ in (total * 1.2 / Double(sources)).rounded(.up) }
        var m = Model(name: "t\(seed)")
        let ship = (0..<sources).map { _ in m.addVariables(count: sinks) }
        m.minimize(sum(0..<sources) { i in sum(0..<sinks) { j in Double(Int.random(in: 1...99, using: &rng)) * ship[i][j] } })
        for i in 0..<sources { m.addConstraint(sum(ship[i]) <= supply[i]) }
        for j in 0..<sinks { m.addConstraint(sum(0..<sources) { ship[$0][j] } >= demand[j]) }
        return m
    }

    @Test(arguments: 0..<10)
    func sameOptimumAsTheFullLP(seed: UInt64) throws {
        let m = Self.transport(seed: seed, sources: 8, sinks: 60)
        let full = try GLPKSolver().solve(m)
        let start = ColumnGeneration.cheapestColumnsPerRow(of: m, perRow: 2)
        let (cg, report) = try GLPKSolver().solve(m, columnGeneration: ColumnGeneration(initialColumns: start, maxColumnsPerRound: 25))
        #expect(cg.status == .optimal)
        #expect(isApproximatelyEqual(cg.objectiveValue!, full.objectiveValue!, absolute: 1e-6), "seed \(seed)")
        #expect(report.activeColumns < report.totalColumns)
        // The point is feasible in the full model.
        for r in 0..<m.constraintCount {
            let c = ConstraintRef(index: Int32(r))
            let (idx, val) = m.terms(of: c)
            let activity = zip(idx, val).reduce(0.0) { $0 + cg.values[Int($1.0)] * $1.1 }
            #expect(activity >= m.rowLower[r] - 1e-6 && activity <= m.rowUpper[r] + 1e-6)
        }
    }

    @Test func infeasibleRestrictedProblemFallsBackToAllColumns() throws {
        let m = Self.transport(seed: 42, sources: 4, sinks: 20)
        let full = try GLPKSolver().solve(m)
        let (cg, report) = try GLPKSolver().solve(m, columnGeneration: ColumnGeneration(initialColumns: []))
        #expect(report.fellBack)
        #expect(isApproximatelyEqual(cg.objectiveValue!, full.objectiveValue!, absolute: 1e-6))
    }

    @Test func lexicographicLevelsMatchThePlainSolve() throws {
        // Level 1: min cost of the transport; level 2: max flow through source 0.
        let m = Self.transport(seed: 7, sources: 5, sinks: 30)
        let sourceZero = sum(m.terms(of: ConstraintRef(index: 0)).indices.map { Variable(index: $0) })
        let levels = [LexicographicObjective(.minimize, m.objective, name: "cost"),
                      LexicographicObjective(.maximize, sourceZero, name: "source 0")]
        let plain = try GLPKSolver().solve(m, lexicographic: levels)
        let (cg, _) = try GLPKSolver().solve(m, lexicographic: levels,
                                              columnGeneration: ColumnGeneration(initialColumns: ColumnGeneration.cheapestColumnsPerRow(of: m, perRow: 1)))
        #expect(cg.count == 2)
        for k in 0..<2 { #expect(isApproximatelyEqual(cg[k].objectiveValue!, plain[k].objectiveValue!, absolute: 1e-6)) }
    }
}
