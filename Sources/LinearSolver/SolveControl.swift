import Foundation

/// The stop switch of one library call, shared by every solve underneath it.
///
/// An entry point (`respond`, `plan`, `coverage`, `site`) makes one when its options
/// carry none and hands it, inside ``SolveOptions``, to every model it solves: the
/// lexicographic levels, the scenario decomposition's masters and scenario LPs, the
/// dispatches that evaluate a plan. Stopping it (``stop()``: Swift task
/// cancellation does this through the async entry points, and so does a progress
/// callback that returns `false`) makes
///
/// * a running MIP end at GLPK's next callback (`glp_ios_terminate`),
/// * a running LP end after its current chunk of simplex iterations
///   (``SolveOptions/lpIterationChunk``),
/// * the code between solves end at its next check,
///
/// and the call throw ``LinearSolverError/cancelled`` (``CancellationError`` from the
/// async entry points). Nothing half-done is returned.
///
/// It is a reference, the only one in the options, because every copy of the options
/// must see the same switch; its state is guarded by a lock, so any thread may stop it.
public final class SolveControl: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var observer: (@Sendable (CallPhase) -> Void)?
    private var firstStop: CallPhase?
    /// When the call began: progress reports count their ``SolveProgress/elapsed`` from here.
    public let started: ContinuousClock.Instant

    /// A switch for a call that begins now.
    public init(started: ContinuousClock.Instant = .now) {
        self.started = started
    }

    /// Asks every solve of the call to stop. Safe from any thread, any number of times.
    public func stop() { lock.withLock { stopped = true } }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { lock.withLock { stopped } }

    /// Throws ``LinearSolverError/cancelled`` once the call was asked to stop: the
    /// check between levels, masters and scenario rounds.
    public func checkStopped() throws(LinearSolverError) {
        if isStopped { throw .cancelled }
    }

    /// Called at every probe outside the solver (routing, model building) before it
    /// answers: tests use it to stop a call at a point they choose rather than after a
    /// guessed time.
    package var probeObserver: (@Sendable (CallPhase) -> Void)? {
        get { lock.withLock { observer } }
        set { lock.withLock { observer = newValue } }
    }

    /// The phase whose probe first answered "stop" (deadline or cancellation), if any.
    package var stoppedAt: CallPhase? { lock.withLock { firstStop } }

    /// A probe of `phase`: tells the observer, then answers whether the call must stop
    /// (stopped, or `deadline` passed), noting the first phase that answered yes.
    package func probe(_ phase: CallPhase, deadline: ContinuousClock.Instant?) -> Bool {
        lock.withLock { observer }?(phase)
        let stop = isStopped || deadline.map { ContinuousClock.now >= $0 } == true
        if stop { lock.withLock { if firstStop == nil { firstStop = phase } } }
        return stop
    }
}

/// Where a call asked its deadline and stop switch outside the solver.
package enum CallPhase: String, Sendable, Hashable {
    /// Inside or between routing searches.
    case routing
    /// Between blocks of building a model.
    case modelBuilding
    /// Between the phases of a call (network, routing, building, solving).
    case betweenPhases
}

/// What a long call is doing, passed to ``SolveOptions/progress``.
public enum SolvePhase: String, Sendable, Hashable, Codable {
    /// A linear program: reported between chunks of simplex iterations.
    case linearProgram
    /// A branch-and-bound search: reported from GLPK's callback.
    case mixedInteger
    /// A master solve of a decomposition (reserve-level planning by scenario).
    case decomposition
}

/// A snapshot of a running call: phase, elapsed time, incumbent, bound and gap.
///
/// Bounds and incumbents are `nil` when unknown, never ±`Double.greatestFiniteMagnitude`
/// (GLPK's "no bound yet").
public struct SolveProgress: Sendable {
    /// What is running.
    public var phase: SolvePhase
    /// The lexicographic level (1-based) being solved, when the solve has levels.
    public var level: Int?
    /// Objective value of the best solution found so far (an LP's current primal
    /// objective once primal feasible).
    public var incumbent: Double?
    /// Best bound on the optimum (a lower bound when minimising).
    public var bound: Double?
    /// Relative gap `|incumbent − bound| / (|incumbent| + ε)`, when both exist.
    public var relativeGap: Double?
    /// Search-tree nodes (MIPs), master solves (decomposition); 0 for LPs.
    public var nodes: Int
    /// Simplex iterations so far (LPs).
    public var iterations: Int
    /// Time since the call began (``SolveControl/started``), or since the solve began
    /// when the solver was called directly.
    public var elapsed: Duration

    /// A snapshot.
    public init(phase: SolvePhase, level: Int? = nil, incumbent: Double?, bound: Double?, relativeGap: Double? = nil,
                nodes: Int = 0, iterations: Int = 0, elapsed: Duration) {
        self.phase = phase
        self.level = level
        self.incumbent = incumbent.flatMap(Self.known)
        self.bound = bound.flatMap(Self.known)
        self.relativeGap = relativeGap ?? Self.gap(self.incumbent, self.bound)
        self.nodes = nodes
        self.iterations = iterations
        self.elapsed = elapsed
    }

    /// A MIP snapshot (for solvers built on top of this one, e.g. Planning's p-median
    /// pricing loop, that report through the same callback).
    public init(incumbent: Double?, bound: Double?, relativeGap: Double?, nodes: Int, elapsed: Duration) {
        self.init(phase: .mixedInteger, incumbent: incumbent, bound: bound, relativeGap: relativeGap, nodes: nodes, elapsed: elapsed)
    }

    /// `x` when it is a real number rather than a solver's "none" (±DBL_MAX, ±∞, NaN).
    static func known(_ x: Double) -> Double? {
        x.isFinite && abs(x) < 1e300 ? x : nil
    }

    static func gap(_ incumbent: Double?, _ bound: Double?) -> Double? {
        guard let incumbent, let bound else { return nil }
        return abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
    }
}

/// The name the MIP-only progress had before LPs and decompositions reported too.
public typealias MIPProgress = SolveProgress

extension SolveOptions {
    /// These options with a ``SolveControl`` (a new one when they carry none) and,
    /// when ``timeLimit`` is set and no ``deadline`` is, the deadline `timeLimit` from
    /// now: what every entry point does first, so that its whole call (model
    /// building, every level, every master) shares one switch and one deadline.
    public func forCall(started: ContinuousClock.Instant = .now) -> SolveOptions {
        var o = self
        if o.control == nil { o.control = SolveControl(started: started) }
        if o.deadline == nil, let limit = o.timeLimit { o.deadline = started + limit }
        return o
    }

    /// Sends `snapshot` to ``progress``; a `false` answer stops the call (``SolveControl/stop()``).
    public func report(_ snapshot: SolveProgress) {
        guard let progress else { return }
        if !progress(snapshot) { control?.stop() }
    }

    /// Whether the call was asked to stop.
    public var isStopped: Bool { control?.isStopped ?? false }

    /// Whether the deadline has passed.
    public var isPastDeadline: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// Time since the call began (or since `fallback`, for a solver called directly).
    public func elapsed(since fallback: ContinuousClock.Instant) -> Duration {
        (control?.started ?? fallback).duration(to: .now)
    }
}
