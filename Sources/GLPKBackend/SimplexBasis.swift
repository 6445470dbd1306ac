import CGLPK
import LinearSolver

extension SimplexBasis {
    var glpk: (rows: [Int32], columns: [Int32]) {
        (rows.map(\.glpk), columns.map(\.glpk))
    }
}

extension SimplexBasis.Status {
    /// GLPK's code; GLPK itself corrects a non-basic status to the variable's bound type.
    var glpk: Int32 {
        switch self {
        case .basic: return GLP_BS
        case .atLower: return GLP_NL
        case .atUpper: return GLP_NU
        case .free: return GLP_NF
        case .fixed: return GLP_NS
        }
    }

    init(glpk code: Int32) {
        switch code {
        case GLP_BS: self = .basic
        case GLP_NU: self = .atUpper
        case GLP_NF: self = .free
        case GLP_NS: self = .fixed
        default: self = .atLower
        }
    }
}

extension GLPKSolver {
    /// Solves an LP with the simplex method starting from `basis` (without presolve,
    /// which would discard it), and returns the final basis with the solution.
    ///
    /// A basis with the wrong number of basic variables is completed with row slacks
    /// (or trimmed) before GLPK sees it; if GLPK still finds it singular, the solve
    /// starts again from GLPK's advanced initial basis. For a MIP, or without a basis,
    /// this is a plain solve (its final basis is still returned for LPs).
    ///
    /// - Throws: as ``solve(_:)``, and ``LinearSolverError/invalidOptions(_:)`` when the
    ///   basis does not have one status per row and column.
    public func solve(_ model: Model, startingFrom basis: SimplexBasis?) throws(LinearSolverError) -> (solution: Solution, basis: SimplexBasis?) {
        if let basis, basis.rows.count != model.constraintCount || basis.columns.count != model.variableCount {
            throw .invalidOptions("a starting basis needs one status per row and column: got \(basis.rows.count) × \(basis.columns.count) for \(model.constraintCount) × \(model.variableCount)")
        }
        if model.isMixedInteger { return (try solve(model), nil) }
        try checkInputs(model)
        var options = self.options
        options.presolve = false
        if options.algorithm == .interiorPoint { options.algorithm = .dualSimplex }
        var final: SimplexBasis?
        let solution = try run(model, options: options) { loaded in
            let run = loaded.run
            if let basis { run.setBasis(basis) }
            var solution = run.simplex(presolve: false)
            if solution.status == .numericalFailure, basis != nil {
                glp_adv_basis(run.lp, 0)
                solution = run.simplex(presolve: false)
            }
            if solution.status.hasSolution { final = run.basis() }
            return solution
        }
        options.logger.debug("solved \(model.name) from \(basis == nil ? "no" : "a") starting basis: \(solution.status.rawValue), objective \(solution.objectiveValue.map { "\($0)" } ?? "-"), \(solution.iterations) iterations, \(solution.wallTime)",
                             metadata: ["code": basis == nil ? "solvedColdBasis" : "solvedWarmBasis", "model": "\(model.name)",
                                        "statusKey": "\(solution.status.phraseKey)", "objective": "\(solution.objectiveValue.map { "\($0)" } ?? "-")",
                                        "iterations": "\(solution.iterations)", "ms": "\(solution.wallTime.logMilliseconds)"])
        return (solution, final)
    }
}

extension GLPKRun {
    /// Loads `basis`, with exactly one basic variable per row.
    func setBasis(_ basis: SimplexBasis) {
        var (rows, columns) = basis.glpk
        var basic = rows.filter { $0 == GLP_BS }.count + columns.filter { $0 == GLP_BS }.count
        // Too few: make row slacks basic; too many: columns (then rows) leave, last first.
        for i in rows.indices where basic < rowCount && rows[i] != GLP_BS {
            rows[i] = GLP_BS
            basic += 1
        }
        for j in columns.indices.reversed() where basic > rowCount && columns[j] == GLP_BS {
            columns[j] = GLP_NL
            basic -= 1
        }
        for i in rows.indices.reversed() where basic > rowCount && rows[i] == GLP_BS {
            rows[i] = GLP_NL
            basic -= 1
        }
        for (i, s) in rows.enumerated() { glp_set_row_stat(lp, Int32(i + 1), s) }
        for (j, s) in columns.enumerated() { glp_set_col_stat(lp, Int32(j + 1), s) }
    }

    /// The current basis.
    func basis() -> SimplexBasis {
        SimplexBasis(rows: (0..<rowCount).map { SimplexBasis.Status(glpk: glp_get_row_stat(lp, Int32($0 + 1))) },
                     columns: (0..<columnCount).map { SimplexBasis.Status(glpk: glp_get_col_stat(lp, Int32($0 + 1))) })
    }
}

/// Every row's and column's basis status of a GLPK problem as it stands, level rows
/// included, to restore later on the same problem.
struct GLPKStatuses {
    var rows: [Int32]
    var columns: [Int32]

    init(_ lp: OpaquePointer) {
        rows = (0..<glp_get_num_rows(lp)).map { glp_get_row_stat(lp, $0 + 1) }
        columns = (0..<glp_get_num_cols(lp)).map { glp_get_col_stat(lp, $0 + 1) }
    }

    /// Puts the statuses back; rows added since are basic (their slacks), so the basis
    /// keeps one basic variable per row. GLPK corrects a non-basic status to the
    /// bound type a variable has now.
    func restore(_ lp: OpaquePointer) {
        for (i, s) in rows.enumerated() { glp_set_row_stat(lp, Int32(i + 1), s) }
        let total = Int(glp_get_num_rows(lp))
        if total > rows.count {
            for i in rows.count..<total { glp_set_row_stat(lp, Int32(i + 1), GLP_BS) }
        }
        for (j, s) in columns.enumerated() { glp_set_col_stat(lp, Int32(j + 1), s) }
    }
}
