import BundleGraph
import LinearSolver
import ReserveModel

extension DispatchError {
    /// Whether the call was cancelled (``LinearSolverError/cancelled``).
    public var isCancellation: Bool {
        if case let .solver(e) = self { return e.isCancellation }
        return false
    }
}

extension ResponseError {
    /// Whether the call was cancelled (``LinearSolverError/cancelled`` underneath).
    public var isCancellation: Bool {
        if case let .dispatch(e) = self { return e.isCancellation }
        return false
    }
}

extension ResponsePlanner {
    /// The response to one scenario, computed on a solver thread (``SolverThread``)
    /// so that the caller's task does not hold a cooperative-pool thread while GLPK
    /// solves.
    ///
    /// Cancelling the calling task stops the solve promptly (GLPK's branch-and-bound
    /// at its next callback, an LP after its current chunk of iterations, the code
    /// between solves at its next check) and throws `CancellationError`; nothing
    /// half-done is returned. The answer is byte for byte the synchronous call's.
    ///
    /// ```swift
    /// let response = try await ResponsePlanner(options: options)
    ///     .respond(to: "hg-songhua-flood", in: bundle, network: network)
    /// ```
    ///
    /// - Throws: `CancellationError`, or ``ResponseError`` as the synchronous call.
    public func respond(to scenarioID: ScenarioID, in bundle: ReserveBundle,
                        network: BundleNetwork? = nil) async throws -> ScenarioResponse {
        var prepared = self
        prepared.options = options.forCall()
        let call = prepared
        let control = call.options.dispatch.solve.control!
        return try await SolverThread.run(control: control, isCancellation: { ($0 as? ResponseError)?.isCancellation ?? false }) {
            try call.respondWithinCall(to: scenarioID, in: bundle, network: network)
        }
    }
}

extension CoverageAnalyzer {
    /// Coverage of one scenario on a solver thread, cancellable as
    /// ``ResponsePlanner/respond(to:in:network:)-(_,_,_)`` (the async one).
    ///
    /// - Throws: `CancellationError`, or ``ResponseError`` as the synchronous call.
    public func coverage(of scenarioID: ScenarioID, in bundle: ReserveBundle, level: AdministrativeLevel = .township,
                         network: BundleNetwork? = nil) async throws -> ScenarioCoverage {
        var prepared = self
        prepared.options = options.forCall()
        let call = prepared
        let control = call.options.dispatch.solve.control!
        return try await SolverThread.run(control: control, isCancellation: { ($0 as? ResponseError)?.isCancellation ?? false }) {
            try call.coverage(of: scenarioID, in: bundle, level: level, network: network) as ScenarioCoverage
        }
    }
}
