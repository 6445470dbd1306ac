import BundleGraph
import BundleIO
import Dispatch
import Foundation
import LinearSolver
import Planning
import ReserveModel
import Response
import Testing
import TestSupport

/// The deadline and cancellation reach routing and model building (issue 19, item 1 of
/// the second round): the probes there stop the call, and a stop before any solution
/// throws, never returning a half-built result.
///
/// Every test stops the call at a probe it chooses (``SolveControl/probeObserver``
/// holds the call's thread there until the test has cancelled it, or until the
/// deadline has passed), never after a guessed time, and then checks where the stop
/// was seen (``SolveControl/stoppedAt``): without probes in that phase the stop would
/// only be seen later, at the next check between phases or in the solver, and the
/// test fails. The generated city (10,000 road nodes, 5 scenarios) is large enough for
/// every routing search to reach its in-search probe (every 16,384 settled nodes is
/// more than the city has, so the probe before each search answers first; the
/// province-scale searches are the ones cut inside).
@Suite(.serialized) struct DeadlineProbeTests {
    static func city() throws -> (bundle: ReserveBundle, network: BundleNetwork) {
        let bundle = SyntheticBundleGenerator(preset: .city, seed: 1).generate()
        return (bundle, try BundleNetwork(bundle: bundle))
    }

    /// Holds the thread of the first probe of `phase` until the task is cancelled.
    static func holdUntilCancelled(_ control: SolveControl, at phase: CallPhase,
                                   cancel: @escaping @Sendable () -> Void) {
        let once = Once()
        control.probeObserver = { p in
            guard p == phase, once.first() else { return }
            cancel()
        }
    }

    /// A plan cancelled while it routes its scenarios, or while it builds its program,
    /// throws `CancellationError`; the stop is seen in that phase and no solve has
    /// started (no progress report).
    @Test(arguments: [CallPhase.routing, .modelBuilding])
    func cancellingAPlanBeforeItSolvesThrowsCancellationError(at phase: CallPhase) async throws {
        let (bundle, network) = try Self.city()
        let control = SolveControl()
        let seen = ProgressRecord()
        var options = ReservePlanOptions()
        options.solve.control = control
        options.solve.progress = { seen.append($0); return true }
        let holder = TaskHolder()
        Self.holdUntilCancelled(control, at: phase) { holder.cancelAndWait() }
        let task = Task { try await ReservePlanner(options: options).plan(bundle, network: network) }
        holder.set(task)
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(control.stoppedAt == phase)
        #expect(seen.items.isEmpty)
    }

    /// The same for a dispatch: cancelled in routing, `CancellationError`, no solve.
    @Test func cancellingADispatchDuringRoutingThrowsCancellationError() async throws {
        let (bundle, network) = try Self.city()
        let control = SolveControl()
        let seen = ProgressRecord()
        var options = ResponseOptions(routeGeometry: false)
        options.dispatch.solve.control = control
        options.dispatch.solve.progress = { seen.append($0); return true }
        let holder = TaskHolder()
        Self.holdUntilCancelled(control, at: .routing) { holder.cancelAndWait() }
        let scenario = try #require(bundle.defaultScenario?.id)
        let task = Task { try await ResponsePlanner(options: options).respond(to: scenario, in: bundle, network: network) }
        holder.set(task)
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(control.stoppedAt == .routing)
        #expect(seen.items.isEmpty)
    }

    /// A deadline that passes while the plan builds its program: the call throws
    /// `noSolution` (no plan, not a zeroed one), the stop is seen in model building,
    /// and no solve started. The deadline is set well after routing ends (four times
    /// the time the same plan took to reach its first model-building probe, measured
    /// in this run), and the probe holds its thread until the deadline has passed.
    @Test func deadlineDuringModelBuildingThrowsNoSolution() throws {
        let (bundle, network) = try Self.city()
        // How long this machine takes to reach model building (stopped right there).
        let scout = SolveControl()
        let started = ContinuousClock.now
        let reachedAt = Box<Duration>()
        scout.probeObserver = { p in
            if p == .modelBuilding, reachedAt.value == nil {
                reachedAt.value = started.duration(to: .now)
                scout.stop()
            }
        }
        var scoutOptions = ReservePlanOptions()
        scoutOptions.solve.control = scout
        #expect(throws: PlanningError.self) { _ = try ReservePlanner(options: scoutOptions).plan(bundle, network: network) }
        let toBuilding = try #require(reachedAt.value)

        let control = SolveControl()
        let deadline = ContinuousClock.now + toBuilding * 4 + .seconds(1)
        let once = Once()
        control.probeObserver = { p in
            guard p == .modelBuilding, once.first() else { return }
            while ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
        let seen = ProgressRecord()
        var options = ReservePlanOptions()
        options.solve.control = control
        options.solve.deadline = deadline
        options.solve.progress = { seen.append($0); return true }
        #expect {
            _ = try ReservePlanner(options: options).plan(bundle, network: network)
        } throws: { error in
            guard case let .noSolution(status)? = error as? PlanningError else { return false }
            return status == .noSolutionFound
        }
        #expect(control.stoppedAt == .modelBuilding)
        #expect(seen.items.isEmpty)
    }

    /// A deadline that passes while a dispatch routes: `noSolution` (through
    /// `ResponseError.dispatch`), seen in routing, no solve.
    @Test func deadlineDuringRoutingThrowsNoSolution() throws {
        let (bundle, network) = try Self.city()
        let control = SolveControl()
        let deadline = ContinuousClock.now + .seconds(1)
        let once = Once()
        control.probeObserver = { p in
            guard p == .routing, once.first() else { return }
            while ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
        let seen = ProgressRecord()
        var options = ResponseOptions(routeGeometry: false)
        options.dispatch.solve.control = control
        options.dispatch.solve.deadline = deadline
        options.dispatch.solve.progress = { seen.append($0); return true }
        let scenario = try #require(bundle.defaultScenario?.id)
        #expect {
            _ = try ResponsePlanner(options: options).respond(to: scenario, in: bundle, network: network)
        } throws: { error in
            guard case let .dispatch(.noSolution(status))? = error as? ResponseError else { return false }
            return status == .noSolutionFound
        }
        #expect(control.stoppedAt == .routing)
        #expect(seen.items.isEmpty)
    }

    /// With neither a stop nor a deadline reached, the probes change nothing: the city
    /// dispatch with a far deadline and an observer equals the plain one byte for byte
    /// (same orders, same shortfalls), and the probes were asked in routing.
    @Test func probesThatNeverStopChangeNothing() throws {
        let (bundle, network) = try Self.city()
        let scenario = try #require(bundle.defaultScenario?.id)
        let plain = try ResponsePlanner(options: ResponseOptions(routeGeometry: false)).respond(to: scenario, in: bundle, network: network)
        let control = SolveControl()
        let phases = PhaseRecord()
        control.probeObserver = { phases.append($0) }
        var options = ResponseOptions(routeGeometry: false)
        options.dispatch.solve.control = control
        options.dispatch.solve.deadline = .now + .seconds(3600)
        let probed = try ResponsePlanner(options: options).respond(to: scenario, in: bundle, network: network)
        #expect(probed.goods.orders == plain.goods.orders)
        #expect(probed.goods.shortfalls == plain.goods.shortfalls)
        #expect(probed.goodsProblem.routes.count == plain.goodsProblem.routes.count)
        #expect(phases.items.contains(.routing))
        #expect(control.stoppedAt == nil)
    }
}

/// A task the probe observer cancels from the solver thread, waiting until the test
/// has handed it over.
final class TaskHolder: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var cancel: (@Sendable () -> Void)?

    func set<T>(_ task: Task<T, any Error>) {
        lock.withLock { cancel = { task.cancel() } }
        ready.signal()
    }

    /// Waits for the task, then cancels it (the cancellation handler stops the call's
    /// control before this returns).
    func cancelAndWait() {
        ready.wait()
        lock.withLock { cancel }?()
    }
}

/// A value written once from another thread.
final class Box<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Probe phases seen.
final class PhaseRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [CallPhase] = []
    func append(_ p: CallPhase) { lock.withLock { stored.append(p) } }
    var items: [CallPhase] { lock.withLock { stored } }
}
