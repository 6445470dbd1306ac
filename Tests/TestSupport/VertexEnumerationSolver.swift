import LinearSolver

/// A reference solver for tiny LPs that stands in for GLPK: it tries every vertex.
///
/// Every choice of `n` hyperplanes among the finite row and column bounds (n = the
/// number of columns) is solved by Gaussian elimination with partial pivoting; a
/// solution that ``Model/isFeasible(_:tolerance:integrality:)`` accepts at 1e-9 is a
/// vertex, and the best vertex is optimal (a linear objective over a polytope is
/// optimal at a vertex, ties broken by the first in enumeration order). Infinite
/// bounds are replaced by a box `|x| ≤ M`: the optimum of a bounded LP lies in it once
/// M is large, so the solve is repeated with 2M, and an optimum that moves with the
/// box means the LP is unbounded. No vertex at all means infeasible.
///
/// Deliberately simple, so that its answers can be trusted: C(planes, n) systems, no
/// duals or reduced costs (their arrays stay empty), no integer columns (it throws
/// ``LinearSolverError/backendFailure(_:)``). `box` must exceed every coordinate of
/// some optimal point; the default, 1e6, suits the hand-sized models of the tests.
public struct VertexEnumerationSolver: LinearProgramSolver {
    /// Half the side of the box that stands in for infinite bounds.
    public var box: Double
    /// Refuse models with more candidate vertices than this (a guard against a slow test).
    public var maxCandidates: Int

    /// A reference solver with the given box and candidate limit.
    public init(box: Double = 1e6, maxCandidates: Int = 2_000_000) {
        self.box = box
        self.maxCandidates = maxCandidates
    }

    /// The best vertex of `model`: optimal, infeasible or unbounded; values and row
    /// activities, no duals.
    public func solve(_ model: Model) throws(LinearSolverError) -> Solution {
        let problems = model.validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        if model.isMixedInteger { throw .backendFailure("VertexEnumerationSolver solves LPs only") }
        guard let (x, value) = try best(model, box: box) else { return Solution(status: .infeasible) }
        let (_, doubled) = try best(model, box: 2 * box)!
        let scale = max(1, abs(value))
        if abs(doubled - value) > 1e-9 * scale { return Solution(status: .unbounded) }
        let activities = (0..<model.constraintCount).map { r -> Double in
            let (indices, coefficients) = model.terms(of: ConstraintRef(index: Int32(r)))
            return zip(indices, coefficients).reduce(0) { $0 + $1.1 * x[Int($1.0)] }
        }
        return Solution(status: .optimal, objectiveValue: value, bestBound: value, relativeGap: 0,
                        values: x, rowActivities: activities)
    }

    /// The best feasible vertex within the box and its objective value, or nil.
    func best(_ model: Model, box: Double) throws(LinearSolverError) -> (x: [Double], value: Double)? {
        let n = model.variableCount
        var planes: [(coefficients: [Double], rhs: Double)] = []
        for r in 0..<model.constraintCount {
            var row = [Double](repeating: 0, count: n)
            let (indices, coefficients) = model.terms(of: ConstraintRef(index: Int32(r)))
            for (j, a) in zip(indices, coefficients) { row[Int(j)] = a }
            if model.rowLower[r].isFinite { planes.append((row, model.rowLower[r])) }
            if model.rowUpper[r].isFinite && model.rowUpper[r] != model.rowLower[r] { planes.append((row, model.rowUpper[r])) }
        }
        var boxed = model
        for j in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[j] = 1
            let lower = model.columnLower[j].isFinite ? model.columnLower[j] : -box
            let upper = model.columnUpper[j].isFinite ? model.columnUpper[j] : box
            boxed.setBounds(Variable(index: Int32(j)), lower: lower, upper: upper)
            planes.append((unit, lower))
            if upper != lower { planes.append((unit, upper)) }
        }
        guard Self.binomial(planes.count, n) <= maxCandidates else {
            throw .backendFailure("VertexEnumerationSolver: \(planes.count) planes in \(n) dimensions are too many vertices to try")
        }
        let objective = model.objective
        let sign: Double = model.objectiveSense == .minimize ? 1 : -1
        var best: (x: [Double], value: Double)?
        var chosen: [Int] = []
        func visit(_ next: Int) {
            if chosen.count == n {
                guard let x = Self.solve(chosen.map { planes[$0].coefficients }, chosen.map { planes[$0].rhs }),
                      boxed.isFeasible(x, tolerance: 1e-9) else { return }
                let value = objective.value(at: x)
                if best == nil || sign * value < sign * best!.value - 1e-12 * max(1, abs(value)) { best = (x, value) }
                return
            }
            guard next < planes.count, planes.count - next >= n - chosen.count else { return }
            for k in next..<planes.count {
                chosen.append(k)
                visit(k + 1)
                chosen.removeLast()
            }
        }
        visit(0)
        return best
    }

    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result > Double(Int.max / 2) ? Int.max / 2 : Int(result.rounded())
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    public static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
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
}
