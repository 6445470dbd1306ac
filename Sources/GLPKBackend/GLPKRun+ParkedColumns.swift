import CGLPK
import LinearSolver

extension GLPKRun {
    /// Solves the LP from scratch with the `parked` columns held at their lower
    /// bounds, then releases them (``LexicographicObjective/parkedColumns``).
    ///
    /// Held, the columns are fixed, so GLPK's presolver removes them and the simplex
    /// method works on the smaller problem. Released, they are non-basic at their lower
    /// bounds, where they already were: the optimal basis stays primal feasible, and it
    /// stays optimal unless a released column's reduced cost would improve the
    /// objective. Then the primal simplex continues from that basis. Either way the
    /// answer is an optimum of the whole LP. Columns without a finite lower bound are
    /// not held, and an LP that has no optimum while they are held is solved again
    /// whole, so that its status is the whole LP's.
    func solveLP(parking parked: [Variable]) -> Solution {
        let held = parked.map { $0.index + 1 }.filter { j in
            let type = glp_get_col_type(lp, j)
            return type == GLP_LO || type == GLP_DB
        }
        guard !held.isEmpty, options.algorithm != .interiorPoint else { return solveLP() }
        let saved = held.map { (column: $0, type: glp_get_col_type(lp, $0), lower: glp_get_col_lb(lp, $0), upper: glp_get_col_ub(lp, $0)) }
        for c in saved { glp_set_col_bnds(lp, c.column, GLP_FX, c.lower, c.lower) }
        let heldSolution = solveLP()
        // Non-basic columns keep their place: a fixed column at its bound becomes one at
        // its lower bound (glp_set_col_bnds), which is where it was held.
        for c in saved { glp_set_col_bnds(lp, c.column, c.type, c.lower, c.upper) }
        guard heldSolution.status == .optimal else { return solveLP() }
        // GLPK's own dual feasibility tolerance (tol_dj) decides what "improves" means.
        let direction: Double = glp_get_obj_dir(lp) == GLP_MIN ? 1 : -1
        let improves = saved.contains { direction * glp_get_col_dual(lp, $0.column) < -1e-7 }
        guard improves else { return heldSolution }
        var primal = self
        primal.options.algorithm = .primalSimplex
        return primal.simplex(presolve: false)
    }
}
