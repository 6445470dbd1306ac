import Foundation
import LinearSolver

/// A solver that records every model it is given and answers with a function of it:
/// a canned ``Solution``, or another solver's answer. For tests that check what a
/// caller asks a solver, rather than what GLPK answers.
///
/// ```swift
/// let recorder = RecordingSolver(forwardingTo: VertexEnumerationSolver())
/// _ = try recorder.solve(model, lexicographic: levels)
/// #expect(recorder.models.count == levels.count)
/// ```
///
/// A class, so that copies share one record; the record is behind a lock, so it may
/// be used from several threads like any solver.
public final class RecordingSolver: LinearProgramSolver, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Model] = []
    private let answer: @Sendable (Model) throws(LinearSolverError) -> Solution

    /// Answers every solve with `answer(model)`.
    public init(_ answer: @escaping @Sendable (Model) throws(LinearSolverError) -> Solution) {
        self.answer = answer
    }

    /// Answers every solve with `solution`.
    public convenience init(returning solution: Solution) {
        self.init { _ throws(LinearSolverError) in solution }
    }

    /// Answers every solve as `solver` does.
    public convenience init(forwardingTo solver: some LinearProgramSolver) {
        self.init { model throws(LinearSolverError) in try solver.solve(model) }
    }

    /// The models solved so far, in order.
    public var models: [Model] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Records `model`, then answers.
    public func solve(_ model: Model) throws(LinearSolverError) -> Solution {
        lock.lock()
        recorded.append(model)
        lock.unlock()
        return try answer(model)
    }
}
