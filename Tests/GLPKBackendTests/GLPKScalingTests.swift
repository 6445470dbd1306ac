import Foundation
import LinearSolver
import Testing
import TestSupport
@testable import GLPKBackend

/// `GLPKScaling` against GLPK's own `glp_scale_prob(lp, GLP_SF_AUTO)`: the same
/// factors bit for bit (`==` on the doubles), so the simplex runs that follow are the
/// same as before it replaced GLPK's pass.
@Suite struct GLPKScalingTests {
    /// A random sparse model: magnitudes 1e-6…1e5, some exact zeros, some empty rows
    /// and columns.
    static func randomModel(seed: UInt64) -> Model {
        var g = SeededGenerator(seed: seed)
        var model = Model(name: "random\(seed)")
        let m = Int.random(in: 1...60, using: &g), n = Int.random(in: 1...80, using: &g)
        for _ in 0..<n { _ = model.addVariable() }
        let density = Double.random(in: 0.03...0.3, using: &g)
        for _ in 0..<m {
            var indices: [Int32] = [], coefficients: [Double] = []
            if Double.random(in: 0..<1, using: &g) > 0.05 {
                for j in 0..<n where Double.random(in: 0..<1, using: &g) < density {
                    indices.append(Int32(j))
                    let magnitude = Double.random(in: -6...5, using: &g)
                    let value = Double.random(in: 0..<1, using: &g) < 0.03 ? 0 : (Bool.random(using: &g) ? 1 : -1) * pow(10, magnitude)
                    coefficients.append(value)
                }
            }
            _ = model.appendRow(indices: indices, coefficients: coefficients, lower: -.infinity, upper: 1, name: "")
        }
        return model
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func randomModelsGetGLPKsFactors(seed: UInt64) {
        let model = Self.randomModel(seed: seed)
        let ours = GLPKScaling(model: model)
        let glpk = GLPKProblem.referenceScaling(of: model)
        #expect(ours.rows == glpk.rows, "seed \(seed)")
        #expect(ours.columns == glpk.columns, "seed \(seed)")
    }

    /// Column generation's restricted master: a subset of the columns, in the order
    /// they were added.
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func restrictedColumnsGetGLPKsFactors(seed: UInt64) {
        let model = Self.randomModel(seed: seed)
        var g = SeededGenerator(seed: seed &+ 1000)
        let active = Array((0..<model.variableCount).filter { _ in Bool.random(using: &g) }.shuffled(using: &g))
        let (start, rows, values) = model.columnWise()
        let ours = GLPKScaling(rowCount: model.constraintCount, active: active.map(Int32.init),
                               columnStart: start, columnRows: rows, columnValues: values)
        let glpk = GLPKProblem.referenceScaling(of: model, columns: active)
        #expect(ours.rows == glpk.rows, "seed \(seed)")
        #expect(ours.columns == glpk.columns, "seed \(seed)")
    }

    /// Worked by hand: one row [1, 100]. Not well scaled (max 100 > 10). The row's
    /// ratio (100) is worse than the columns' (1), so GLPK's flag is 1 and the columns
    /// go first: s = (1/√(1·1), 1/√(100·100)) = (1, 0.01); the row is then (1, 1) and
    /// r = 1/√1 = 1. The next pass changes nothing (ratio 1 ≤ 0.9 · 100), the one after
    /// stops (1 > 0.9 · 1). Equilibration divides by maxima of 1. So r = (1), s = (1, 0.01).
    @Test func oneRowWorkedByHand() {
        var model = Model(name: "hand")
        for _ in 0..<2 { _ = model.addVariable() }
        _ = model.appendRow(indices: [0, 1], coefficients: [1, 100], lower: -.infinity, upper: 1, name: "")
        let ours = GLPKScaling(model: model)
        #expect(ours.rows == [1])
        #expect(ours.columns == [1, 0.01])
        let glpk = GLPKProblem.referenceScaling(of: model)
        #expect(glpk.rows == [1] && glpk.columns == [1, 0.01])
    }

    /// Every |a_ij| within [0.1, 10]: well scaled, left alone (all factors 1), as
    /// `GLP_SF_SKIP` does; and a model without rows gets its one empty row's factor 1.
    @Test func wellScaledAndRowlessModelsKeepFactorOne() {
        var model = Model(name: "well")
        for _ in 0..<3 { _ = model.addVariable() }
        _ = model.appendRow(indices: [0, 1, 2], coefficients: [0.1, 2, -10], lower: -.infinity, upper: 1, name: "")
        _ = model.appendRow(indices: [1], coefficients: [7], lower: -.infinity, upper: 1, name: "")
        let ours = GLPKScaling(model: model)
        #expect(ours.rows == [1, 1] && ours.columns == [1, 1, 1])
        let glpk = GLPKProblem.referenceScaling(of: model)
        #expect(glpk.rows == [1, 1] && glpk.columns == [1, 1, 1])

        var rowless = Model(name: "rowless")
        _ = rowless.addVariable(upperBound: 1, objective: 1)
        let none = GLPKScaling(model: rowless)
        #expect(none.rows == [1] && none.columns == [1])
    }
}
