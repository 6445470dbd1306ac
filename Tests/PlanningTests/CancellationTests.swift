import BundleIO
import Dispatch
import Foundation
import GLPKBackend
import LinearSolver
import Planning
import ReserveModel
import Response
import Testing
import TestSupport

/// Cancellation and progress (issue 19, items 1 and 4). Every test stops the call at a
/// point it controls (a progress report that waits for the test), never after a guessed
/// time, so the outcome does not depend on the machine's speed.
@Suite struct CancellationTests {
    static func hegang() throws -> ValidatedBundle {
        try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
    }

    /// A plan cancelled while its LP runs throws `CancellationError`: the progress
    /// callback holds the solver thread at its first report until the task is cancelled,
    /// then the next chunk sees the stop.
    @Test func cancellingAnAsyncPlanThrowsCancellationError() async throws {
        let validated = try Self.hegang()
        let reached = DispatchSemaphore(value: 0), resume = DispatchSemaphore(value: 0)
        let once = Once()
        var options = ReservePlanOptions()
        options.solve.lpIterationChunk = 50
        options.solve.progress = { _ in
            if once.first() { reached.signal(); resume.wait() }
            return true
        }
        let planner = ReservePlanner(options: options)
        let task = Task { try await planner.plan(validated.bundle, network: validated.network) }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { reached.wait(); c.resume() }
        }
        task.cancel()
        resume.signal()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    /// A progress callback that answers `false` stops a synchronous plan: it throws the
    /// library's cancellation, and reports LP progress with a known phase and no
    /// sentinel numbers on the way.
    @Test func progressAnsweringFalseStopsTheCall() throws {
        let validated = try Self.hegang()
        let seen = ProgressRecord()
        var options = ReservePlanOptions()
        options.solve.lpIterationChunk = 50
        options.solve.progress = { p in
            seen.append(p)
            return false
        }
        #expect {
            _ = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
        } throws: { error in
            (error as? PlanningError)?.isCancellation == true
        }
        let reports = seen.items
        #expect(reports.count == 1)
        #expect(reports.first?.phase == .linearProgram)
        #expect(reports.first?.level == 1)
    }

    /// MIP progress never reports GLPK's "no bound" (−DBL_MAX) as a bound: it is nil.
    /// Jeroslow's problem (2·Σx + s = 61, x binary, minimise s) has an LP bound of 0 and
    /// an integer optimum of 1 that branch and bound cannot prove in a second.
    @Test func mipProgressBoundsAreRealNumbersOrNil() throws {
        var m = Model(name: "jeroslow")
        let x = m.addVariables(count: 61, .binary)
        let s = m.addVariable(name: "s")
        m.minimize(LinearExpression(s))
        m.addConstraint(2 * sum(x) + s == 61)
        let seen = ProgressRecord()
        let options = SolveOptions(timeLimit: .seconds(1), presolve: false,
                                   progress: { seen.append($0); return true }, progressInterval: .zero)
        let solution = try GLPKSolver(options: options).solve(m)
        #expect(solution.status == .feasible)
        #expect(!seen.items.isEmpty)
        for p in seen.items {
            #expect(p.phase == .mixedInteger)
            if let b = p.bound { #expect(abs(b) < 1e300) }
            if let i = p.incumbent { #expect(i >= 1 - 1e-9) }
        }
    }

    /// A MIP stopped from its progress callback ends at GLPK's next callback
    /// (glp_ios_terminate) and throws `cancelled`, not a partial solution.
    @Test func mipStoppedFromProgressThrowsCancelled() throws {
        var m = Model(name: "jeroslow")
        let x = m.addVariables(count: 61, .binary)
        let s = m.addVariable(name: "s")
        m.minimize(LinearExpression(s))
        m.addConstraint(2 * sum(x) + s == 61)
        let seen = ProgressRecord()
        let options = SolveOptions(presolve: false, progress: { p in
            seen.append(p)
            return p.nodes < 100
        }, progressInterval: .zero)
        #expect {
            _ = try GLPKSolver(options: options).solve(m)
        } throws: { error in
            (error as? LinearSolverError)?.isCancellation == true
        }
        #expect(seen.items.last.map { $0.nodes >= 100 } == true)
    }
}

/// The first call answers true, later ones false (thread-safe).
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

/// Progress reports collected from the solver thread.
final class ProgressRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [SolveProgress] = []
    func append(_ p: SolveProgress) { lock.withLock { stored.append(p) } }
    var items: [SolveProgress] { lock.withLock { stored } }
}
