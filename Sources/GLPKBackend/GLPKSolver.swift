import CGLPK
import LinearSolver
import Logging

/// Solves ``Model``s with GLPK (the GNU Linear Programming Kit, 5.0).
///
/// Each ``solve(_:)`` call validates the model, creates a GLPK problem, solves it and
/// deletes it before returning, all on the calling thread and without suspending:
/// GLPK's state is thread-local, so many threads may solve at once, but one problem
/// must never cross threads. Nothing invalid ever reaches GLPK (it would abort the
/// process): invalid models throw ``LinearSolverError/invalidModel(_:)``.
///
/// ```swift
/// let solution = try GLPKSolver(options: SolveOptions(timeLimit: .seconds(60))).solve(model)
/// if solution.status.hasSolution { print(solution.objectiveValue!) }
/// ```
public struct GLPKSolver: LinearProgramSolver {
    /// How to solve.
    public var options: SolveOptions

    /// A solver with the given options.
    public init(options: SolveOptions = SolveOptions()) {
        self.options = options
    }

    /// The GLPK library version, for example `"5.0"`.
    public static var glpkVersion: String { String(cString: glp_version()) }

    /// Solves `model`.
    ///
    /// - Returns: a ``Solution`` whose status says how the solve ended; an infeasible,
    ///   unbounded or stopped solve is a normal result, not an error.
    /// - Throws: ``LinearSolverError/invalidModel(_:)`` listing every problem of an
    ///   invalid model, ``LinearSolverError/invalidOptions(_:)`` for unusable options.
    public func solve(_ model: Model) throws(LinearSolverError) -> Solution {
        try checkInputs(model)
        let solution = try run(model, options: options) { $0.isMixed ? $0.run.solveMIP() : $0.run.solveLP() }
        options.logger.debug("solved \(model.name): \(solution.status.rawValue), objective \(solution.objectiveValue.map { "\($0)" } ?? "-"), \(solution.iterations) iterations, \(solution.wallTime)",
                            metadata: ["code": "solved", "model": "\(model.name)", "statusKey": "\(solution.status.phraseKey)",
                                       "objective": "\(solution.objectiveValue.map { "\($0)" } ?? "-")", "iterations": "\(solution.iterations)",
                                       "ms": "\(solution.wallTime.logMilliseconds)"])
        return solution
    }

    /// Refuses an invalid model or unusable options before GLPK sees them (it aborts).
    func checkInputs(_ model: Model) throws(LinearSolverError) {
        let problems = model.validate()
        if !problems.isEmpty { throw .invalidModel(problems) }
        let optionProblems = options.problems()
        if !optionProblems.isEmpty { throw .invalidOptions(optionProblems.joined(separator: "; ")) }
    }

    /// Loads `model` into a GLPK problem that lives only for this call, runs `body` on
    /// it with GLPK's terminal output captured, and stamps the wall time.
    ///
    /// - Throws: ``LinearSolverError/cancelled`` when the call was stopped before or
    ///   during the solve (the problem is deleted first, on this thread).
    func run(_ model: Model, options given: SolveOptions,
             _ body: ((run: GLPKRun, isMixed: Bool)) -> Solution) throws(LinearSolverError) -> Solution {
        let options = given.withSwitch()
        try options.control?.checkStopped()
        let clock = ContinuousClock()
        let start = clock.now
        let terminal = GLPKTerminal(logger: options.logger, level: options.solverLogLevel)
        var solution = terminal.capture {
            GLPKProblem.withProblem { lp in
                GLPKProblem.load(model, into: lp)
                let glpkRun = GLPKRun(lp: lp, options: options, clock: clock, start: start,
                                      rowCount: model.constraintCount, columnCount: model.variableCount)
                return body((glpkRun, model.isMixedInteger))
            }
        }
        solution.wallTime = start.duration(to: clock.now)
        try options.control?.checkStopped()
        return solution
    }

    /// Solves a MIP starting from a known solution (a warm start): GLPK's branch and
    /// bound begins with `start` as its incumbent, so it prunes by it from the root and
    /// can stop at the gap tolerance as soon as the bound comes close.
    ///
    /// The start is checked here first (``Model/isFeasible(_:tolerance:integrality:)``
    /// at 1e-7: bounds, integrality, every row), because
    /// GLPK would accept an infeasible point without looking; a start that fails the
    /// check is ignored (logged at debug). The MIP presolver is switched off for this
    /// solve: it renumbers columns, and the start refers to the model's own. For an LP,
    /// or without a usable start, this is ``solve(_:)``.
    ///
    /// - Parameter start: one value per model column.
    /// - Throws: as ``solve(_:)``, and ``LinearSolverError/invalidOptions(_:)`` when
    ///   `start` does not have one value per column.
    public func solve(_ model: Model, warmStart start: [Double]) throws(LinearSolverError) -> Solution {
        guard start.count == model.variableCount else {
            throw .invalidOptions("a warm start needs one value per column: got \(start.count) for \(model.variableCount) columns")
        }
        guard model.isMixedInteger else { return try solve(model) }
        try checkInputs(model)
        guard model.isFeasible(start, tolerance: 1e-7) else {
            options.logger.debug("warm start for \(model.name) is not feasible; solving without it", metadata: ["code": "warmStartDropped", "model": "\(model.name)"])
            return try solve(model)
        }
        var withoutPresolve = options
        withoutPresolve.presolve = false
        let solution = try run(model, options: withoutPresolve) { $0.run.solveMIP(warmStart: start) }
        options.logger.debug("solved \(model.name) from a warm start: \(solution.status.rawValue), objective \(solution.objectiveValue.map { "\($0)" } ?? "-"), \(solution.nodes) nodes, \(solution.wallTime)",
                            metadata: ["code": "solvedWarm", "model": "\(model.name)", "statusKey": "\(solution.status.phraseKey)",
                                       "objective": "\(solution.objectiveValue.map { "\($0)" } ?? "-")", "nodes": "\(solution.nodes)",
                                       "ms": "\(solution.wallTime.logMilliseconds)"])
        return solution
    }
}

/// The steps of one solve on one loaded GLPK problem.
struct GLPKRun {
    let lp: OpaquePointer
    var options: SolveOptions
    let clock: ContinuousClock
    let start: ContinuousClock.Instant
    let rowCount: Int
    let columnCount: Int

    var messageLevel: Int32 {
        options.logger.logLevel <= options.solverLogLevel ? GLP_MSG_ON : GLP_MSG_ERR
    }

    /// Milliseconds left of the time limit and of the call's deadline, whichever ends
    /// first, for GLPK's `tm_lim` (`Int32.max` = none; at least 1, which GLPK accepts).
    var remainingMilliseconds: Int32 {
        let now = clock.now
        var left: Duration?
        if let limit = options.timeLimit { left = limit - start.duration(to: now) }
        if let deadline = options.deadline {
            let toDeadline = now.duration(to: deadline)
            left = left.map { min($0, toDeadline) } ?? toDeadline
        }
        guard let left else { return Int32.max }
        let ms = Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15
        return Int32(max(1, min(Double(Int32.max - 1), ms.rounded(.up))))
    }

    /// Whether the time limit or the deadline has passed.
    var outOfTime: Bool {
        if let limit = options.timeLimit, start.duration(to: clock.now) >= limit { return true }
        return options.isPastDeadline
    }

    /// The lexicographic level being solved (1-based), for progress reports.
    var level: Int?

    // MARK: LP

    func solveLP() -> Solution {
        if options.algorithm == .interiorPoint, rowCount > 0, let solution = interior() {
            return solution
        }
        return simplex(presolve: options.presolve)
    }

    /// Runs the simplex method and reads the result.
    func simplex(presolve: Bool) -> Solution {
        let code = runSimplex(presolve: presolve)
        switch code {
        case 0:
            break
        case GLP_ETMLIM, GLP_EITLIM:
            return glp_get_status(lp) == GLP_FEAS
                ? lpSolution(status: .feasible, bound: nil)
                : Solution(status: .noSolutionFound, iterations: iterations)
        case GLP_ENOPFS:
            return Solution(status: .infeasible, iterations: iterations)
        case GLP_ENODFS:
            // The presolver only knows "no dual feasible solution": the LP is
            // unbounded or infeasible. Solve again without it to say which.
            return presolve ? simplex(presolve: false) : Solution(status: .unbounded, iterations: iterations)
        case GLP_EBADB, GLP_ESING, GLP_ECOND, GLP_EFAIL:
            return Solution(status: .numericalFailure, iterations: iterations)
        default:
            return Solution(status: .numericalFailure, iterations: iterations)
        }
        switch glp_get_status(lp) {
        case GLP_OPT: return lpSolution(status: .optimal, bound: glp_get_obj_val(lp))
        case GLP_FEAS: return lpSolution(status: .feasible, bound: nil)
        case GLP_NOFEAS: return Solution(status: .infeasible, iterations: iterations)
        case GLP_UNBND: return Solution(status: .unbounded, iterations: iterations)
        default:
            if glp_get_dual_stat(lp) == GLP_NOFEAS, options.algorithm != .primalSimplex {
                // The dual simplex stopped on "no dual feasible solution": the LP is
                // unbounded or infeasible, and its primal status (GLP_INFEAS: only the
                // last basis is infeasible) does not say which. The primal simplex
                // does. (Reported as infeasible before the reference solver in
                // TestSupport and HiGHS showed such LPs unbounded.)
                var primal = self
                primal.options.algorithm = .primalSimplex
                return primal.simplex(presolve: false)
            }
            if glp_get_status(lp) == GLP_INFEAS { return Solution(status: .infeasible, iterations: iterations) }
            // Dual status tells infeasible from unbounded when the primal is undefined.
            return glp_get_dual_stat(lp) == GLP_NOFEAS
                ? Solution(status: .unbounded, iterations: iterations)
                : Solution(status: .noSolutionFound, iterations: iterations)
        }
    }

    /// Runs the simplex method in chunks of ``SolveOptions/lpIterationChunk``
    /// iterations: between chunks it reports progress and looks at the stop switch.
    ///
    /// A chunk that ends on its iteration limit leaves a valid basis when the presolver
    /// is off, and the next chunk resumes from it. With the presolver on, GLPK leaves the
    /// original problem's basis undefined after a stop, so the next chunk starts again
    /// without it: only LPs that need more than one chunk pay for that, once.
    ///
    /// Each chunk is twice as long as the one before. A stop at a chunk's end is not
    /// free: GLPK drops the perturbation it uses on a degenerate problem and the next
    /// call starts it again, so chunks too short to finish one perturbed pass never
    /// finish at all (Suzhou's plan at ¥2,000,000 ran over 5 minutes in chunks of
    /// 2,000 iterations, where one call takes 1.3 s; docs/decisions.md). Doubling
    /// bounds the repeated work by the last chunk, and iterations, not time, still
    /// decide the path, so answers stay the same on any machine.
    func runSimplex(presolve: Bool) -> Int32 {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = messageLevel
        parm.meth = options.algorithm == .primalSimplex ? GLP_PRIMAL : GLP_DUALP
        var presolving = presolve
        var chunk = options.lpIterationChunk
        while true {
            parm.presolve = presolving ? GLP_ON : GLP_OFF
            parm.tm_lim = remainingMilliseconds
            parm.it_lim = Int32(clamping: chunk)
            let code = glp_simplex(lp, &parm)
            guard code == GLP_EITLIM else { return code }
            reportLP()
            if options.isStopped { return code }
            if outOfTime { return GLP_ETMLIM }
            presolving = false
            chunk = min(chunk.multipliedReportingOverflow(by: 2).overflow ? Int.max : chunk * 2, Int(Int32.max))
        }
    }

    /// An LP's progress between chunks: the objective of the current basis is an
    /// incumbent once primal feasible, and a bound once dual feasible (the dual simplex
    /// keeps dual feasibility in its phase 2).
    func reportLP() {
        guard options.progress != nil else { return }
        let objective = glp_get_obj_val(lp)
        let primalFeasible = glp_get_prim_stat(lp) == GLP_FEAS
        let dualFeasible = glp_get_dual_stat(lp) == GLP_FEAS
        options.report(SolveProgress(phase: .linearProgram, level: level,
                                     incumbent: primalFeasible ? objective : nil, bound: dualFeasible ? objective : nil,
                                     iterations: iterations, elapsed: options.elapsed(since: start)))
    }

    var iterations: Int { Int(glp_get_it_cnt(lp)) }

    func lpSolution(status: SolutionStatus, bound: Double?) -> Solution {
        let n = columnCount, m = rowCount
        var values = [Double](repeating: 0, count: n)
        var reduced = [Double](repeating: 0, count: n)
        for j in 0..<n {
            values[j] = glp_get_col_prim(lp, Int32(j + 1))
            reduced[j] = glp_get_col_dual(lp, Int32(j + 1))
        }
        var activities = [Double](repeating: 0, count: m)
        var duals = [Double](repeating: 0, count: m)
        for i in 0..<m {
            activities[i] = glp_get_row_prim(lp, Int32(i + 1))
            duals[i] = glp_get_row_dual(lp, Int32(i + 1))
        }
        return Solution(status: status, objectiveValue: glp_get_obj_val(lp), bestBound: bound,
                        relativeGap: status == .optimal ? 0 : nil, values: values,
                        rowActivities: activities, rowDuals: duals, reducedCosts: reduced,
                        iterations: iterations)
    }

    /// Interior point; returns nil when it cannot give a definite optimum, so that
    /// the simplex method decides (it also tells infeasible from unbounded).
    func interior() -> Solution? {
        var parm = glp_iptcp()
        glp_init_iptcp(&parm)
        parm.msg_lev = messageLevel
        guard glp_interior(lp, &parm) == 0, glp_ipt_status(lp) == GLP_OPT else {
            options.logger.debug("interior point gave no optimum; falling back to the simplex method", metadata: ["code": "interiorFallback"])
            return nil
        }
        let n = columnCount, m = rowCount
        return Solution(
            status: .optimal, objectiveValue: glp_ipt_obj_val(lp), bestBound: glp_ipt_obj_val(lp),
            relativeGap: 0,
            values: (0..<n).map { glp_ipt_col_prim(lp, Int32($0 + 1)) },
            rowActivities: (0..<m).map { glp_ipt_row_prim(lp, Int32($0 + 1)) },
            rowDuals: (0..<m).map { glp_ipt_row_dual(lp, Int32($0 + 1)) },
            reducedCosts: (0..<n).map { glp_ipt_col_dual(lp, Int32($0 + 1)) },
            iterations: iterations)
    }

    // MARK: MIP

    /// Branch and bound. Without the presolver the relaxation is solved here first,
    /// from the problem's current basis, and `relaxationBasis` receives its optimal
    /// basis: glp_intopt leaves the basis of its last node behind, which is no start
    /// for the next lexicographic level.
    func solveMIP(warmStart: [Double]? = nil, relaxationBasis: ((GLPKStatuses) -> Void)? = nil) -> Solution {
        if !options.presolve {
            // Without the MIP presolver, glp_intopt needs an optimal relaxation first.
            let relaxation = simplex(presolve: false)
            if relaxation.status == .optimal { relaxationBasis?(GLPKStatuses(lp)) }
            guard relaxation.status == .optimal else {
                var result = relaxation
                result.values = []; result.rowActivities = []; result.rowDuals = []; result.reducedCosts = []
                result.objectiveValue = nil
                if result.status == .feasible { result.status = .noSolutionFound }
                return result
            }
        }
        let monitor = MIPMonitor(options: options, clock: clock, start: start,
                                 minimize: glp_get_obj_dir(lp) == GLP_MIN, level: level)
        // GLPK's arrays are 1-based; slot 0 is ignored.
        monitor.warmStart = warmStart.map { [0] + $0 }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = messageLevel
        parm.presolve = options.presolve ? GLP_ON : GLP_OFF
        parm.tm_lim = remainingMilliseconds
        parm.mip_gap = options.relativeMIPGap
        parm.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parm.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parm.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parm.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parm.br_tech = options.branching.glpkCode
        parm.bt_tech = options.backtracking.glpkCode
        parm.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<MIPMonitor>.fromOpaque(info).takeUnretainedValue().observe(tree)
        }
        let code = withExtendedLifetime(monitor) { glp_intopt(lp, &parm) }
        let mipStatus = glp_mip_status(lp)
        switch code {
        case 0, GLP_EMIPGAP, GLP_ETMLIM, GLP_ESTOP:
            switch mipStatus {
            case GLP_OPT:
                let objective = glp_mip_obj_val(lp)
                return mipSolution(status: .optimal, bound: monitor.boundAtFinish(optimum: objective, provenOptimal: true), nodes: monitor.nodes)
            case GLP_FEAS:
                let objective = glp_mip_obj_val(lp)
                // Stopped by the gap tolerance (GLPK's relative one, or the absolute one
                // from the callback): optimal within the requested gap.
                let status: SolutionStatus = code == GLP_EMIPGAP || (code == GLP_ESTOP && monitor.closedAbsoluteGap) ? .optimal : .feasible
                return mipSolution(status: status, bound: monitor.boundAtFinish(optimum: objective, provenOptimal: false), nodes: monitor.nodes)
            case GLP_NOFEAS:
                return Solution(status: .infeasible, iterations: iterations, nodes: monitor.nodes)
            default:
                return Solution(status: .noSolutionFound, bestBound: monitor.bestBound,
                                iterations: iterations, nodes: monitor.nodes)
            }
        case GLP_ENOPFS:
            return Solution(status: .infeasible, iterations: iterations)
        case GLP_ENODFS:
            // The relaxation has no dual feasible solution: tell unbounded from infeasible.
            let relaxation = simplex(presolve: false)
            return Solution(status: relaxation.status == .infeasible ? .infeasible : .unbounded,
                            iterations: iterations)
        default:
            return Solution(status: .numericalFailure, iterations: iterations, nodes: monitor.nodes)
        }
    }

    func mipSolution(status: SolutionStatus, bound: Double?, nodes: Int) -> Solution {
        let objective = glp_mip_obj_val(lp)
        var gap: Double? = nil
        if let bound { gap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne) }
        return Solution(
            status: status, objectiveValue: objective, bestBound: bound, relativeGap: gap,
            values: (0..<columnCount).map { glp_mip_col_val(lp, Int32($0 + 1)) },
            rowActivities: (0..<rowCount).map { glp_mip_row_val(lp, Int32($0 + 1)) },
            iterations: iterations, nodes: nodes)
    }
}

/// Follows GLPK's branch-and-bound through its callback: best bound, incumbent,
/// node count, and progress reports.
final class MIPMonitor {
    let options: SolveOptions
    let clock: ContinuousClock
    let start: ContinuousClock.Instant
    let minimize: Bool
    private(set) var bestBound: Double?
    private(set) var incumbent: Double?
    private(set) var nodes = 0
    /// Whether the search was ended because the incumbent came within
    /// ``SolveOptions/absoluteMIPGap`` of the bound.
    private(set) var closedAbsoluteGap = false
    private var lastReport: ContinuousClock.Instant
    /// A feasible point (1-based) to hand to GLPK at its first heuristic call, then nil.
    var warmStart: [Double]?
    let level: Int?

    init(options: SolveOptions, clock: ContinuousClock, start: ContinuousClock.Instant, minimize: Bool, level: Int? = nil) {
        self.options = options
        self.clock = clock
        self.start = start
        self.minimize = minimize
        self.lastReport = start
        self.level = level
    }

    func observe(_ tree: OpaquePointer) {
        // Cancelled (or the progress callback said stop): GLPK ends the search at once
        // and glp_intopt returns GLP_ESTOP; the caller throws.
        if options.isStopped {
            glp_ios_terminate(tree)
            return
        }
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, let start = warmStart {
            warmStart = nil
            // Checked feasible by the caller; GLPK keeps it only if it beats its incumbent.
            _ = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        }
        var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = Int(total)
        let best = glp_ios_best_node(tree)
        // GLPK answers -DBL_MAX (+DBL_MAX) for a node whose bound is not known yet.
        if best != 0, let bound = SolveProgress(phase: .mixedInteger, incumbent: nil,
                                                bound: glp_ios_node_bound(tree, best), elapsed: .zero).bound {
            // The global bound only tightens; keep the tightest seen.
            if let old = bestBound {
                bestBound = minimize ? max(old, bound) : min(old, bound)
            } else {
                bestBound = bound
            }
        }
        if let limit = options.nodeLimit, nodes >= limit, reason == GLP_ISELECT {
            glp_ios_terminate(tree)
        }
        let problem = glp_ios_get_prob(tree)
        let improved = reason == GLP_IBINGO
        if glp_mip_status(problem) == GLP_FEAS || improved {
            incumbent = glp_mip_obj_val(problem)
        }
        if options.absoluteMIPGap > 0, !closedAbsoluteGap, let incumbent, let bestBound,
           abs(incumbent - bestBound) <= options.absoluteMIPGap {
            closedAbsoluteGap = true
            glp_ios_terminate(tree)
        }
        guard options.progress != nil else { return }
        let now = clock.now
        if improved || lastReport.duration(to: now) >= options.progressInterval {
            lastReport = now
            options.report(SolveProgress(phase: .mixedInteger, level: level, incumbent: incumbent, bound: bestBound,
                                         nodes: nodes, iterations: Int(glp_get_it_cnt(glp_ios_get_prob(tree))),
                                         elapsed: options.elapsed(since: start)))
            if options.isStopped { glp_ios_terminate(tree) }
        }
    }

    /// The bound to report at the end: the optimum when proven, otherwise the
    /// tightest bound seen, never better than the incumbent itself.
    func boundAtFinish(optimum: Double, provenOptimal: Bool) -> Double? {
        if provenOptimal { return optimum }
        guard let bestBound else { return nil }
        return minimize ? min(bestBound, optimum) : max(bestBound, optimum)
    }
}

extension SolveOptions {
    /// These options with a stop switch, so that a progress callback answering `false`
    /// can stop even a solver called directly.
    func withSwitch() -> SolveOptions {
        guard control == nil else { return self }
        var o = self
        o.control = SolveControl()
        return o
    }
}

extension MIPBranching {
    /// GLPK's `br_tech` value.
    var glpkCode: Int32 {
        switch self {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .hybridPseudocost: GLP_BR_PCH
        }
    }
}

extension MIPBacktracking {
    /// GLPK's `bt_tech` value.
    var glpkCode: Int32 {
        switch self {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
    }
}
