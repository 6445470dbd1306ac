import BundleIO
import Foundation
import Testing
import TestSupport
@testable import Planning

/// The budget frontier: monotone, its points equal single plans, and the decomposition
/// (which carries cuts, bases and best plans from one budget to the next) agrees with
/// the deterministic equivalent on the same program.
@Suite struct PlanFrontierTests {
    static let budgets: [Double] = [0, 150_000, 500_000, 1_000_000]

    @Test func decompositionCarriesItsWorkAndAgreesWithTheEquivalent() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/hegang").path)
        func frontier(_ d: PlanDecomposition) throws -> PlanFrontier {
            // The two methods' LP plans: whole pieces are searched by branch and bound in the
            // equivalent but only rounded in the decomposition.
            try ReservePlanner(options: ReservePlanOptions(allowMoves: false, decomposition: d, wholePieces: false))
                .frontier(validated.bundle, budgets: Self.budgets, network: validated.network)
        }
        let one = try frontier(.deterministicEquivalent), split = try frontier(.scenarios)
        #expect(one.points.map(\.budgetYuan) == Self.budgets && split.points.map(\.budgetYuan) == Self.budgets)
        for (a, b) in zip(one.points, split.points) {
            // The two methods agree on the program's optimum; they may pick different plans
            // among equally good ones, which dispatch (the reported figures) can rate apart.
            #expect(isApproximatelyEqual(a.plan.objective!, b.plan.objective!, absolute: 1e-5 * max(1, abs(a.plan.objective!))), "¥\(a.budgetYuan)")
            #expect(b.plan.status == .optimal)
            #expect(b.plan.cost.total <= b.budgetYuan + 1e-3)
        }
        // Every point was solved by the decomposition (it reports its statistics).
        let solves = split.points.compactMap { $0.plan.decomposition?.scenarioSolves }
        #expect(solves.count == Self.budgets.count)
        for (a, b) in zip(one.points, one.points.dropFirst()) {
            #expect(b.plan.expectedShortfallAfter <= a.plan.expectedShortfallAfter + 1e-9)
        }
    }

    /// Each point is the plan of its own budget (or a smaller budget's better one).
    @Test func pointsAreSinglePlans() throws {
        let validated = try BundleReader.readValidated(at: packageRoot.appendingPathComponent("Data/linjiang").path)
        let planner = ReservePlanner(options: ReservePlanOptions(decomposition: .deterministicEquivalent))
        let f = try planner.frontier(validated.bundle, budgets: [500_000, 0], network: validated.network)
        #expect(f.points.map(\.budgetYuan) == [0, 500_000])
        for point in f.points where !point.carriedFromSmallerBudget {
            var options = planner.options
            options.budgetYuan = point.budgetYuan
            let single = try ReservePlanner(options: options).plan(validated.bundle, network: validated.network)
            #expect(single.levels == point.plan.levels && single.moves == point.plan.moves)
            #expect(single.expectedShortfallAfter == point.plan.expectedShortfallAfter)
        }
        let cost = Result { try ReservePlanner(options: ReservePlanOptions(objective: .cost)).frontier(validated.bundle, budgets: [0]) }
        #expect(throws: PlanningError.self) { try cost.get() }
    }
}
