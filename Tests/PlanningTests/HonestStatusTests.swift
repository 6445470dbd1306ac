import BundleIO
import Foundation
import LinearSolver
import Planning
import ReserveModel
import Response
import Testing
import TestSupport

/// A plan's status says what the returned plan is, and no plan is returned when the
/// time ran out before any was found (issue 19, item 3).
@Suite struct HonestStatusTests {
    static func hegang() throws -> ValidatedBundle {
        try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
    }

    /// The limit before any solution: a deadline that has already passed gives every
    /// solve GLPK's smallest time limit (1 ms), far less than Hegang's plan LP needs
    /// (0.3 s is not enough on this machine): the call throws `noSolution` instead of
    /// returning 162 stock changes all at 0 with a shortfall of 0.
    @Test func limitBeforeAnySolutionThrows() throws {
        let validated = try Self.hegang()
        var options = ReservePlanOptions()
        options.solve.deadline = .now - .seconds(1)
        #expect {
            _ = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
        } throws: { error in
            guard case let .noSolution(status)? = error as? PlanningError else { return false }
            return !status.hasSolution
        }
    }

    /// The same through the CLI: exit 75 (EX_TEMPFAIL), the reason on stderr, and no
    /// recommendation on stdout.
    @Test func cliPrintsNoRecommendationWithoutASolution() throws {
        let r = try runReserve(["plan", "Data/hegang", "--time-limit", "0.001"])
        #expect(r.exitCode == 75)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("before finding any plan"))
    }

    /// The limit after level 1: the plan comes from level 1 and carries level 1's
    /// status. The progress callback holds the solve at level 2's first report until
    /// the deadline has passed, so level 2 stops there whatever the machine's speed;
    /// level 1 has by then finished (its report comes first). Level 1's value must be
    /// the unlimited plan's.
    @Test func limitAfterLevelOneReportsTheLevelThatProducedThePlan() throws {
        let validated = try Self.hegang()
        // The LP plan's levels: past the deadline there is no time for the whole-piece
        // search, which then has no plan to return (docs/formulation.md).
        let unlimited = try ReservePlanner(options: ReservePlanOptions(wholePieces: false)).plan(validated.bundle, network: validated.network)
        #expect(unlimited.status == .optimal)
        #expect(unlimited.objectiveLevels.map(\.status) == Array(repeating: .optimal, count: unlimited.objectiveLevels.count))
        let levelOne = try #require(unlimited.objectiveLevels.first?.value)

        let deadline = ContinuousClock.now + .seconds(60)
        var options = ReservePlanOptions(wholePieces: false)
        options.solve.deadline = deadline
        // Chunks small enough that level 2 (a primal simplex from level 1's basis) reports.
        options.solve.lpIterationChunk = 100
        options.solve.progress = { p in
            if p.phase == .linearProgram, (p.level ?? 1) >= 2 {
                while ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.05) }
            }
            return true
        }
        let plan = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
        let levels = plan.objectiveLevels
        #expect(levels.first?.status == .optimal)
        #expect(abs((levels.first?.value ?? .nan) - levelOne) <= 1e-6 * max(1, abs(levelOne)))
        #expect(levels.count >= 2)
        #expect(levels.dropFirst().contains { $0.status != .optimal })
        // The status is the producing level's: the last level with a solution.
        let producing = try #require(levels.last { $0.status.hasSolution })
        #expect(plan.status == producing.status)
        #expect(plan.status.hasSolution)
    }
}
