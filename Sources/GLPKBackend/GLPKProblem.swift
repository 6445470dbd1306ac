import CGLPK
import LinearSolver
import Logging

/// One GLPK problem object, owned by exactly one synchronous call on one thread.
///
/// Created, used and deleted inside ``withProblem(_:)``; never stored, never shared.
enum GLPKProblem {
    /// Creates a problem, runs `body` with it, and always deletes it.
    static func withProblem<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        return try body(lp)
    }

    /// Loads a model that has passed ``Model/validate()``, and scales it: with
    /// `scaling` when given (the caller checked it belongs to this matrix), else by
    /// GLPK's own choice.
    static func load(_ model: Model, into lp: OpaquePointer, scaling: SimplexBasis.Scaling? = nil) {
        let clock = ContinuousClock()
        let start = clock.now
        defer { GLPKLoadCost.record(.load, nonZeros: model.nonZeroCount, took: start.duration(to: clock.now)) }
        if Model.nameProblem(model.name) == nil, !model.name.isEmpty { glp_set_prob_name(lp, model.name) }
        glp_set_obj_dir(lp, model.objectiveSense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(lp, 0, model.objectiveConstant)
        let n = model.variableCount
        let m = model.constraintCount
        glp_add_cols(lp, Int32(n))
        // GLPK's solvers refuse a problem without rows; one empty free row changes
        // nothing and is never read back (solutions read only the model's rows).
        glp_add_rows(lp, Int32(max(m, 1)))
        if m == 0 { glp_set_row_bnds(lp, 1, GLP_FR, 0, 0) }
        for j in 0..<n {
            let column = Int32(j + 1)
            var (type, lower, upper) = boundType(model.columnLower[j], model.columnUpper[j])
            if model.columnKinds[j] != .continuous {
                // glp_intopt rejects fractional bounds on integer columns; rounding
                // inwards keeps exactly the same integer points.
                (type, lower, upper) = boundType(model.columnLower[j].rounded(.up), model.columnUpper[j].rounded(.down))
            }
            glp_set_col_bnds(lp, column, type, lower, upper)
            if model.objectiveCoefficients[j] != 0 { glp_set_obj_coef(lp, column, model.objectiveCoefficients[j]) }
            // Binaries go in as bounded integers so that a fixed binary keeps its bounds.
            if model.columnKinds[j] != .continuous { glp_set_col_kind(lp, column, GLP_IV) }
            if !model.columnNames[j].isEmpty { glp_set_col_name(lp, column, model.columnNames[j]) }
        }
        for r in 0..<m {
            let row = Int32(r + 1)
            let (type, lower, upper) = boundType(model.rowLower[r], model.rowUpper[r])
            glp_set_row_bnds(lp, row, type, lower, upper)
            if !model.rowNames[r].isEmpty { glp_set_row_name(lp, row, model.rowNames[r]) }
        }
        let nonZeros = model.nonZeroCount
        guard nonZeros > 0 else { return }
        // glp_load_matrix takes 1-based triplets; slot 0 is ignored.
        var ia = [Int32](repeating: 0, count: nonZeros + 1)
        var ja = [Int32](repeating: 0, count: nonZeros + 1)
        var ar = [Double](repeating: 0, count: nonZeros + 1)
        for r in 0..<m {
            for k in model.rowStart[r]..<model.rowStart[r + 1] {
                ia[k + 1] = Int32(r + 1)
                ja[k + 1] = model.rowIndices[k] + 1
                ar[k + 1] = model.rowCoefficients[k]
            }
        }
        glp_load_matrix(lp, Int32(nonZeros), &ia, &ja, &ar)
        // The API, unlike glpsol, does not scale by itself; dispatch models mix litres,
        // tonnes and hours, and the unscaled simplex loses feasibility by 1e-9 there.
        // The factors are GLPK's automatic ones, computed on flat arrays (GLPKScaling).
        // The factors depend on the matrix alone, so a re-solve of the same matrix
        // (dispatch's tightening rounds, its whole-pieces levels) reuses them: the
        // same factors, the same solves, and no pass that was a tenth of Suzhou's
        // dispatch (BENCHMARKS.md).
        if let scaling, scaling.rows.count == Int(glp_get_num_rows(lp)), scaling.columns.count == n {
            setScaling(rows: scaling.rows, columns: scaling.columns, of: lp)
        } else {
            let automatic = GLPKScaling(model: model)
            setScaling(rows: automatic.rows, columns: automatic.columns, of: lp)
        }
    }

    /// Sets every row and column scale factor (``GLPKScaling`` computes the ones
    /// `glp_scale_prob(lp, GLP_SF_AUTO)` would).
    static func setScaling(rows: [Double], columns: [Double], of lp: OpaquePointer) {
        for (i, r) in rows.enumerated() { glp_set_rii(lp, Int32(i + 1), r) }
        for (j, c) in columns.enumerated() { glp_set_sjj(lp, Int32(j + 1), c) }
    }

    /// GLPK's own `glp_scale_prob(lp, GLP_SF_AUTO)` factors for `model` (loaded
    /// without scaling, then scaled by GLPK), which ``GLPKScaling`` replaces: kept as
    /// the reference the tests hold it to. With `columns`, the matrix of those model
    /// columns only, in that order (a restricted master of column generation).
    package static func referenceScaling(of model: Model, columns: [Int]? = nil) -> (rows: [Double], columns: [Double]) {
        withProblem { lp in
            let m = max(model.constraintCount, 1)
            let kept = columns ?? Array(0..<model.variableCount)
            glp_add_rows(lp, Int32(m))
            if !kept.isEmpty { glp_add_cols(lp, Int32(kept.count)) }
            let (start, rows, values) = model.columnWise()
            var ind = [Int32](repeating: 0, count: m + 1), val = [Double](repeating: 0, count: m + 1)
            for (c, j) in kept.enumerated() {
                let length = start[j + 1] - start[j]
                for k in 0..<length {
                    ind[k + 1] = rows[start[j] + k] + 1
                    val[k + 1] = values[start[j] + k]
                }
                glp_set_mat_col(lp, Int32(c + 1), Int32(length), &ind, &val)
            }
            GLPKTerminal(logger: Logger(label: "glpk-scaling"), level: .trace).capture { glp_scale_prob(lp, GLP_SF_AUTO) }
            return ((1...m).map { glp_get_rii(lp, Int32($0)) }, (0..<kept.count).map { glp_get_sjj(lp, Int32($0 + 1)) })
        }
    }

    /// The scale factors a loaded problem has, for ``load(_:into:scaling:)`` of the
    /// same matrix later.
    static func scaling(of lp: OpaquePointer, matrix: Int) -> SimplexBasis.Scaling {
        SimplexBasis.Scaling(rows: (1...max(1, Int(glp_get_num_rows(lp)))).map { glp_get_rii(lp, Int32($0)) },
                             columns: (0..<Int(glp_get_num_cols(lp))).map { glp_get_sjj(lp, Int32($0 + 1)) },
                             matrix: matrix)
    }

    /// GLPK's bound type for a (validated) pair of bounds.
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    /// Reads a GLPK problem (for example one just read from a file) into a model.
    static func model(from lp: OpaquePointer) -> Model {
        var model = Model(name: glp_get_prob_name(lp).map { String(cString: $0) } ?? "model")
        model.objectiveSense = glp_get_obj_dir(lp) == GLP_MAX ? .maximize : .minimize
        model.objectiveConstant = glp_get_obj_coef(lp, 0)
        let n = Int(glp_get_num_cols(lp))
        let m = Int(glp_get_num_rows(lp))
        model.reserveCapacity(variables: n, constraints: m, nonZeros: Int(glp_get_num_nz(lp)))
        for j in 1...max(n, 1) where j <= n {
            let column = Int32(j)
            let (lower, upper) = bounds(type: glp_get_col_type(lp, column),
                                        lower: glp_get_col_lb(lp, column), upper: glp_get_col_ub(lp, column))
            let kind: VariableKind
            switch glp_get_col_kind(lp, column) {
            case GLP_BV: kind = .binary
            case GLP_IV: kind = (lower == 0 && upper == 1) ? .binary : .integer
            default: kind = .continuous
            }
            model.addVariable(kind, lowerBound: lower, upperBound: upper,
                              objective: glp_get_obj_coef(lp, column),
                              name: glp_get_col_name(lp, column).map { String(cString: $0) } ?? "")
        }
        var ind = [Int32](repeating: 0, count: n + 1)
        var val = [Double](repeating: 0, count: n + 1)
        for i in 1...max(m, 1) where i <= m {
            let row = Int32(i)
            let length = Int(glp_get_mat_row(lp, row, &ind, &val))
            let (lower, upper) = bounds(type: glp_get_row_type(lp, row),
                                        lower: glp_get_row_lb(lp, row), upper: glp_get_row_ub(lp, row))
            let merged = TermMerger.merge(indices: (0..<length).map { ind[$0 + 1] - 1 },
                                          coefficients: (0..<length).map { val[$0 + 1] })
            _ = model.appendRow(indices: merged.indices, coefficients: merged.coefficients,
                                lower: lower, upper: upper,
                                name: glp_get_row_name(lp, row).map { String(cString: $0) } ?? "")
        }
        return model
    }

    static func bounds(type: Int32, lower: Double, upper: Double) -> (Double, Double) {
        switch type {
        case GLP_FR: return (-.infinity, .infinity)
        case GLP_LO: return (lower, .infinity)
        case GLP_UP: return (-.infinity, upper)
        default: return (lower, upper)
        }
    }
}
