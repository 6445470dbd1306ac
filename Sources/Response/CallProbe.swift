import LinearSolver
import RoadNetwork

/// The checks that keep a call's deadline and stop switch outside the solver: in
/// routing (every ``SearchStop/interval`` settled nodes and between searches) and in
/// model building (between blocks of rows), where GLPK's own limits cannot reach.
///
/// A probe answers "stop now?" with the call's ``SolveControl`` (cancellation, or a
/// progress callback that returned `false`) or its deadline. What a stop means is
/// decided where no solution exists yet: cancelled → ``LinearSolverError/cancelled``,
/// past the deadline → ``DispatchError/noSolution(_:)`` (`noSolutionFound`); nothing
/// half-built is returned. Asking costs a clock read and a lock (≈ 50 ns).
extension SolveOptions {
    /// Whether the call must end now: stopped, or past its deadline (asked from `phase`).
    package func mustStop(_ phase: CallPhase = .betweenPhases) -> Bool {
        if let control { return control.probe(phase, deadline: deadline) }
        return isPastDeadline
    }

    /// The probe routing searches of this call ask (`nil` when the call has neither a
    /// stop switch nor a deadline).
    package var searchStop: SearchStop? {
        guard control != nil || deadline != nil else { return nil }
        let control = self.control, deadline = self.deadline
        return SearchStop {
            if let control { return control.probe(.routing, deadline: deadline) }
            return deadline.map { ContinuousClock.now >= $0 } ?? false
        }
    }

    /// The probe for a phase that must not be cut short by the deadline (the team
    /// reach and route lines of a dispatch that already has its plan): cancellation only.
    package var cancellationStop: SearchStop? {
        guard let control else { return nil }
        return SearchStop { control.probe(.routing, deadline: nil) }
    }

    /// What a call stopped before it had any solution throws: cancelled when asked to
    /// stop, else no solution in time.
    package var stopError: DispatchError {
        isStopped ? .solver(.cancelled) : .noSolution(.noSolutionFound)
    }

    /// Throws ``stopError`` when the call must end now: the probe between blocks of
    /// model building and between searches.
    package func checkpoint(_ phase: CallPhase = .betweenPhases) throws(DispatchError) {
        if mustStop(phase) { throw stopError }
    }
}
