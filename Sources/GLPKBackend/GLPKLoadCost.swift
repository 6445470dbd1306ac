import LinearSolver
import Synchronization

/// What loading and scaling a model into GLPK costs, so that a call with a deadline
/// does not start a load it cannot finish in time.
///
/// `glp_load_matrix` and `glp_scale_prob` check no time limit: on the generated
/// province's whole-pieces dispatch they take 0.2–0.4 s, and a load started just
/// before the deadline overran a 3 s limit by 0.37–0.45 s (BENCHMARKS.md, "Deadline
/// overrun"). The cost is linear in the non-zeros, so each large load records its
/// rate, and a load whose estimate ends past the deadline is not started: GLPK would
/// stop at its first iteration anyway. Without a deadline nothing is skipped, so
/// answers stay byte-identical; with one, what is given up is only a solve that had no
/// time left to produce anything.
enum GLPKLoadCost {
    /// Loads smaller than this take milliseconds and are neither timed nor skipped.
    static let guardedNonZeros = 50_000

    /// The latest large load's cost, in picoseconds per non-zero (0: none measured yet).
    private static let picosecondsPerNonZero = Atomic<UInt64>(0)

    /// Records what loading `nonZeros` took.
    static func record(nonZeros: Int, took: Duration) {
        guard nonZeros >= guardedNonZeros else { return }
        let picoseconds = Double(took.components.seconds) * 1e12 + Double(took.components.attoseconds) / 1e6
        picosecondsPerNonZero.store(UInt64(max(1, picoseconds / Double(nonZeros))), ordering: .relaxed)
    }

    /// Whether a load of `nonZeros` started `now` is estimated to end past `deadline`.
    /// Before any large load was measured, the estimate is the one a quiet 2-core
    /// machine gave (≈ 60 ns per non-zero, the province's full model).
    static func wouldOverrun(nonZeros: Int, now: ContinuousClock.Instant, deadline: ContinuousClock.Instant) -> Bool {
        guard nonZeros >= guardedNonZeros else { return false }
        let measured = picosecondsPerNonZero.load(ordering: .relaxed)
        let rate = measured > 0 ? Double(measured) : 60_000
        let estimate = Duration.nanoseconds(Int64(rate * Double(nonZeros) / 1000))
        return now + estimate > deadline
    }
}
