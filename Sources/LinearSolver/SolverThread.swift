import Dispatch

/// Where the async entry points run their synchronous work: a dedicated concurrent
/// dispatch queue, off Swift's cooperative thread pool.
///
/// A solve is synchronous by necessity (a GLPK problem must be created, solved and
/// deleted on one thread, with no suspension in between) and may take minutes. Run on
/// the cooperative pool, which has one thread per core, a few such calls would starve
/// every other task of the process (a service's request handlers, its timers). So
/// each async call hands its whole synchronous body to this queue, whose threads are
/// libdispatch worker threads that may block, and suspends until it ends. libdispatch
/// reuses its threads, so GLPK's per-thread environment is made once per thread, not
/// once per call.
///
/// Each call occupies one thread for its duration (a plan's scenario dispatches fan
/// out further, as in the synchronous call); a service bounds the number of
/// concurrent calls itself (a task group of fixed width, say) to suit its cores.
public enum SolverThread {
    /// The queue the bodies run on.
    static let queue = DispatchQueue(label: "EmergencyReserve.solver", qos: .userInitiated, attributes: .concurrent)

    /// Runs `body` on a solver thread and returns its result; cancelling the calling
    /// task stops `control` (every solve of the call looks at it) and the call throws
    /// `CancellationError`.
    ///
    /// - Parameters:
    ///   - control: the call's stop switch, which `body` must use.
    ///   - isCancellation: whether an error `body` threw is the library's report of a
    ///     stop (``LinearSolverError/cancelled`` wrapped in the call's error type); such
    ///     errors become `CancellationError`.
    public static func run<T: Sendable>(control: SolveControl, isCancellation: @escaping @Sendable (any Error) -> Bool,
                                        _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        let result: Result<T, any Error> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Result { try body() })
                }
            }
        } onCancel: {
            control.stop()
        }
        switch result {
        case let .success(value):
            // Cancelled after the last check inside: the answer is complete, but the
            // caller no longer wants it, and Swift's convention is to throw.
            if control.isStopped { throw CancellationError() }
            return value
        case let .failure(error):
            if isCancellation(error) || control.isStopped { throw CancellationError() }
            throw error
        }
    }
}

extension LinearSolverError {
    /// Whether this is ``cancelled``.
    public var isCancellation: Bool {
        if case .cancelled = self { return true }
        return false
    }
}
