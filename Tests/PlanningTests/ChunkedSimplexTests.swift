import BundleIO
import LinearSolver
import Planning
import Testing
import TestSupport

/// Solving LPs in chunks of simplex iterations (so that a call can be cancelled and
/// report progress between them) may end on another optimal vertex of a degenerate LP,
/// not at another optimum: Hegang's plan levels, solved in one go or in the default
/// chunks of 2,000 iterations, have the same values (to 1e-6 relative).
///
/// Smaller chunks are not exchangeable in the same way: a presolved LP stopped by its
/// chunk restarts without the presolver, and the two paths end within GLPK's own
/// tolerances of each other (chunks of 300 moved level 1 by 1.2e-6 relative, which
/// then moves the cost level's face); docs/decisions.md.
@Suite struct ChunkedSimplexTests {
    @Test func chunkSizeDoesNotChangeThePlansOptimum() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
        func levels(chunk: Int) throws -> [Double] {
            // The LP plan's levels (whole pieces add a branch and bound with its own node limit).
            var options = ReservePlanOptions(budgetYuan: 1_000_000, wholePieces: false)
            options.solve.lpIterationChunk = chunk
            let plan = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
            #expect(plan.status == .optimal)
            return plan.objectiveLevels.map { $0.value ?? .nan }
        }
        let whole = try levels(chunk: Int(Int32.max))
        #expect(whole.count == 3)   // expected shortfall, cost, change
        for chunk in [2_000] {
            let chunked = try levels(chunk: chunk)
            #expect(chunked.count == whole.count)
            for (a, b) in zip(chunked, whole) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "chunk \(chunk): \(a) vs \(b)") }
        }
    }

    /// Suzhou's LP plan at ¥2,000,000 is degenerate enough that GLPK's dual simplex,
    /// stopped every 2,000 iterations, lost its perturbation at each stop and never
    /// finished (over 5 minutes, where one call takes 1.3 s in a release build). Chunks
    /// now double; the chunked solve must reach the optimum of the one-go solve. The
    /// time limit is only a guard, so that a regression fails instead of hanging.
    @Test func aDegeneratePlanFinishesInDoublingChunks() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/suzhou").path)
        func levels(chunk: Int) throws -> [Double] {
            var options = ReservePlanOptions(budgetYuan: 2_000_000, wholePieces: false)
            options.solve.lpIterationChunk = chunk
            options.solve.timeLimit = .seconds(300)
            let plan = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
            #expect(plan.status == .optimal)
            return plan.objectiveLevels.map { $0.value ?? .nan }
        }
        let whole = try levels(chunk: Int(Int32.max))
        let chunked = try levels(chunk: 2_000)
        #expect(whole.count == 3 && chunked.count == 3)
        // Level 1, the expected shortfall: the same optimum by both paths.
        #expect(abs(chunked[0] - whole[0]) <= 1e-6 * max(1, abs(whole[0])), "\(chunked[0]) vs \(whole[0])")
    }
}
