import Logging

/// Which algorithm solves a linear program (and the LP relaxations of a MIP).
public enum LPAlgorithm: String, Sendable, Codable, CaseIterable {
    /// Primal simplex.
    case primalSimplex
    /// Dual simplex (falls back to primal if it fails). Usually much faster on
    /// transportation-like models: 7 s against 48 s on a 200 × 2,000 instance here.
    case dualSimplex
    /// Interior point (LPs only; no basis, so no warm start).
    case interiorPoint
}

/// How to solve a model.
public struct SolveOptions: Sendable {
    /// Stop after this long and report the best solution so far (`nil`: no limit).
    /// For one solve, the time of that solve; for an entry point of the library
    /// (`respond`, `plan`, `coverage`, `site`), the whole call, wall clock, model
    /// building included (it becomes ``deadline``: ``forCall(started:)``).
    public var timeLimit: Duration?
    /// The instant by which the whole call must end: every solve gets at most the time
    /// left (GLPK's `tm_lim`), and the code between solves stops looking for better
    /// once it has passed. `nil`: none (or `timeLimit` from the call's start).
    public var deadline: ContinuousClock.Instant? {
        get { deadlineBox?.instant }
        set { deadlineBox = newValue.map(InstantBox.init) }
    }
    /// `ContinuousClock.Instant` is resilient, so a stored one would make these options
    /// (and every struct holding them) address-only, which the model builders'
    /// exclusivity checks refuse; an immutable box keeps the options loadable and a
    /// value (setting the deadline makes a new box).
    private var deadlineBox: InstantBox?
    /// The call's stop switch (cancellation), shared by every copy of these options.
    public var control: SolveControl?
    /// Simplex iterations before the first look at ``control`` and ``progress`` while an
    /// LP solves. GLPK's simplex has no callback, so a cancellable LP is solved in chunks
    /// of iterations, each resuming from the last basis: this many first, and each next
    /// chunk twice as long (a restart costs GLPK its anti-degeneracy perturbation). Chunks are counted in
    /// iterations, not time, so the same input takes the same path (and gives the same
    /// answer) whenever it is run; an LP that needs fewer iterations than one chunk is
    /// solved exactly as without chunks.
    public var lpIterationChunk: Int
    /// Stop a MIP once the relative gap between incumbent and bound is at most this.
    public var relativeMIPGap: Double
    /// Let GLPK's presolver simplify the model first.
    public var presolve: Bool
    /// LP algorithm.
    public var algorithm: LPAlgorithm
    /// Called from the solving thread: when a MIP finds a better solution and otherwise
    /// at most every ``progressInterval``; between an LP's iteration chunks; after each
    /// master of a decomposition. Returning `false` stops the call (as cancelling it
    /// does): it throws ``LinearSolverError/cancelled``.
    public var progress: (@Sendable (SolveProgress) -> Bool)?
    /// Minimum time between two progress calls without a new incumbent.
    public var progressInterval: Duration
    /// Cutting planes GLPK may add in a MIP search.
    public var cuts: MIPCuts
    /// Let GLPK's feasibility-pump heuristic look for a first incumbent.
    public var feasibilityPump: Bool
    /// Which fractional variable a MIP search branches on (GLPK's `br_tech`).
    public var branching: MIPBranching
    /// Which open node a MIP search takes next (GLPK's `bt_tech`).
    public var backtracking: MIPBacktracking
    /// The level at which GLPK's own terminal output is logged.
    public var solverLogLevel: Logger.Level
    /// Where the solver logs.
    public var logger: Logger
    /// Stop branch and bound after this many nodes, keeping the best integer
    /// solution found (status `feasible` with its gap; none found, `noSolutionFound`).
    /// Unlike a time limit, the same input stops at the same node on any machine, so
    /// the answer stays the same byte for byte. `nil`: no limit.
    public var nodeLimit: Int? = nil
    /// Stop a MIP once the incumbent is within this of the bound, in the objective's
    /// own unit (0: no absolute gap). GLPK has only a relative gap, which never closes
    /// on an objective near zero (a bound of 0 and an incumbent of 10⁻⁶ are 100 % apart);
    /// the search is ended from its callback instead, and the solution counts as
    /// optimal within the gap, like one stopped by ``relativeMIPGap``.
    public var absoluteMIPGap: Double = 0

    /// Options with the defaults: no time limit, gap 1e-6, presolve on, dual simplex,
    /// GLPK's own branching and backtracking defaults (Driebeck–Tomlin, best local
    /// bound), GLPK's terminal output at `.trace` (it is chatty: a line per 500
    /// simplex iterations), no deadline, no stop switch.
    public init(
        timeLimit: Duration? = nil,
        relativeMIPGap: Double = 1e-6,
        presolve: Bool = true,
        algorithm: LPAlgorithm = .dualSimplex,
        progress: (@Sendable (SolveProgress) -> Bool)? = nil,
        progressInterval: Duration = .seconds(1),
        cuts: MIPCuts = [],
        feasibilityPump: Bool = false,
        branching: MIPBranching = .driebeckTomlin,
        backtracking: MIPBacktracking = .bestLocalBound,
        solverLogLevel: Logger.Level = .trace,
        logger: Logger = Logger(label: "EmergencyReserve.LinearSolver"),
        deadline: ContinuousClock.Instant? = nil,
        control: SolveControl? = nil,
        lpIterationChunk: Int = 2_000
    ) {
        self.deadlineBox = deadline.map(InstantBox.init)
        self.control = control
        self.lpIterationChunk = lpIterationChunk
        self.timeLimit = timeLimit
        self.relativeMIPGap = relativeMIPGap
        self.presolve = presolve
        self.algorithm = algorithm
        self.progress = progress
        self.progressInterval = progressInterval
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.branching = branching
        self.backtracking = backtracking
        self.solverLogLevel = solverLogLevel
        self.logger = logger
    }

    /// Every problem with these options, as readable sentences.
    public func problems() -> [String] {
        var result: [String] = []
        if let limit = timeLimit, limit <= .zero { result.append("time limit must be positive, got \(limit)") }
        if !(relativeMIPGap >= 0 && relativeMIPGap.isFinite) {
            result.append("relative MIP gap must be a finite number ≥ 0, got \(relativeMIPGap)")
        }
        if !(absoluteMIPGap >= 0 && absoluteMIPGap.isFinite) {
            result.append("absolute MIP gap must be a finite number ≥ 0, got \(absoluteMIPGap)")
        }
        if progressInterval < .zero { result.append("progress interval must not be negative") }
        if lpIterationChunk < 1 { result.append("LP iteration chunk must be at least 1, got \(lpIterationChunk)") }
        return result
    }
}

/// Families of cutting planes for GLPK's branch-and-cut.
public struct MIPCuts: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Mixed-integer rounding cuts.
    public static let mixedIntegerRounding = MIPCuts(rawValue: 1)
    /// Gomory mixed-integer cuts.
    public static let gomory = MIPCuts(rawValue: 2)
    /// Knapsack cover cuts.
    public static let cover = MIPCuts(rawValue: 4)
    /// Clique cuts.
    public static let clique = MIPCuts(rawValue: 8)
    /// All of them.
    public static let all: MIPCuts = [.mixedIntegerRounding, .gomory, .cover, .clique]
}

/// Branching rule of a MIP search: which fractional integer column to branch on
/// (GLPK's `br_tech`).
public enum MIPBranching: String, Sendable, Codable, CaseIterable {
    /// The first fractional column (`GLP_BR_FFV`).
    case firstFractional
    /// The last fractional column (`GLP_BR_LFV`).
    case lastFractional
    /// The most fractional column (`GLP_BR_MFV`).
    case mostFractional
    /// Driebeck and Tomlin's penalty heuristic (`GLP_BR_DTH`, GLPK's default).
    case driebeckTomlin
    /// Hybrid pseudocost (`GLP_BR_PCH`): strong branching until a column has
    /// pseudocosts, then the pseudocosts.
    case hybridPseudocost
}

/// Backtracking rule of a MIP search: which open node to solve next (GLPK's `bt_tech`).
public enum MIPBacktracking: String, Sendable, Codable, CaseIterable {
    /// Depth first (`GLP_BT_DFS`).
    case depthFirst
    /// Breadth first (`GLP_BT_BFS`).
    case breadthFirst
    /// The node with the best local bound (`GLP_BT_BLB`, GLPK's default).
    case bestLocalBound
    /// Best projection (`GLP_BT_BPH`): the node whose projected integer objective is best.
    case bestProjection
}

/// An instant behind a reference (see ``SolveOptions/deadline``).
private final class InstantBox: Sendable {
    let instant: ContinuousClock.Instant
    init(_ instant: ContinuousClock.Instant) { self.instant = instant }
}
