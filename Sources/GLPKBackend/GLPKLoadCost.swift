import LinearSolver
import Synchronization

/// What loading and scaling a model into GLPK costs, so that a call with a deadline
/// does not start a load it cannot finish in time.
///
/// `glp_load_matrix` and `glp_scale_prob` check no time limit: on the generated
/// province's whole-pieces dispatch they take 0.2–0.4 s, and a load started just
/// before the deadline overran a 3 s limit by 0.37–0.45 s (BENCHMARKS.md, "Deadline
/// overrun"), and a rescale in column generation took 0.87 s on a city plan. Each
/// large pass records its cost per non-zero, the estimate is the worst rate seen
/// (it varies 560–3,450 ns per non-zero: scaling grows faster than the matrix), and a
/// pass whose estimate ends past the deadline is not started: GLPK would stop at its
/// first iteration anyway, and a skipped rescale leaves the last scale factors.
/// Without a deadline nothing is skipped, so answers stay byte-identical; with one,
/// what is given up is only work that had no time left to finish. The worst rate is
/// kept for the process: a service's estimate errs on the early side.
enum GLPKLoadCost {
    /// What is timed: a whole load (matrix and scaling), or a rescale of a restricted
    /// problem in column generation, whose cost per non-zero differs (a city plan's
    /// restricted problem took ~1 s to rescale).
    enum Pass {
        case load, rescale
    }

    /// Passes smaller than this take milliseconds and are neither timed nor skipped.
    static let guardedNonZeros = 50_000

    /// The worst cost per non-zero seen of each kind, in picoseconds, starting from what
    /// this 2-core machine gave in a release build (BENCHMARKS.md, "Deadline overrun"):
    /// 675–760 ns per non-zero for a province load, up to 3,450 ns for a rescale.
    private static let loadRate = Atomic<UInt64>(1_000_000)
    private static let rescaleRate = Atomic<UInt64>(3_500_000)

    /// Records what a pass over `nonZeros` took.
    static func record(_ pass: Pass, nonZeros: Int, took: Duration) {
        guard nonZeros >= guardedNonZeros else { return }
        let picoseconds = Double(took.components.seconds) * 1e12 + Double(took.components.attoseconds) / 1e6
        let rate = UInt64(max(1, picoseconds / Double(nonZeros)))
        switch pass {
        case .load: loadRate.max(rate, ordering: .relaxed)
        case .rescale: rescaleRate.max(rate, ordering: .relaxed)
        }
    }

    /// Whether a pass over `nonZeros` started `now` is estimated to end past `deadline`.
    static func wouldOverrun(_ pass: Pass, nonZeros: Int, now: ContinuousClock.Instant,
                             deadline: ContinuousClock.Instant) -> Bool {
        guard nonZeros >= guardedNonZeros else { return false }
        let measured = pass == .load ? loadRate.load(ordering: .relaxed) : rescaleRate.load(ordering: .relaxed)
        let estimate = Duration.nanoseconds(Int64(Double(measured) * Double(nonZeros) / 1000))
        return now + estimate > deadline
    }
}
