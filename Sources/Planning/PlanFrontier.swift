import Response
import BundleGraph
import LinearSolver
import ReserveModel

/// What a range of budgets buys: one plan per budget, cheapest first (the picture a
/// bureau takes to its finance bureau).
public struct PlanFrontier: Sendable {
    /// One budget and its plan.
    public struct Point: Sendable {
        /// The budget, CNY.
        public var budgetYuan: Double
        /// The plan (its before and after figures by dispatch). When a smaller budget's
        /// plan dispatches better than this budget's own optimum (the plan model and
        /// dispatch differ in their horizon), that plan is kept here: it fits this
        /// budget too, so more budget is never worse.
        public var plan: ReservePlan
        /// Whether ``plan`` is a smaller budget's plan, kept because it dispatches better.
        public var carriedFromSmallerBudget: Bool
    }

    /// In increasing budget.
    public var points: [Point]
}

extension ReservePlanner {
    /// One plan per budget in `budgets` (sorted, duplicates dropped), for the objective
    /// `shortfall` or `robust`. The program, the scenarios' routes and today's dispatch
    /// are built once and shared by every budget; each budget changes only the right-hand
    /// side of the budget row [P5] before the program is solved again.
    /// - Throws: ``PlanningError/invalidOptions(_:)`` for the `cost` objective or a
    ///   negative budget; ``PlanningError/infeasible(_:)`` when the rules need more than
    ///   the smallest budget.
    public func frontier(_ bundle: ReserveBundle, budgets: [Double], network given: BundleNetwork? = nil) throws(PlanningError) -> PlanFrontier {
        let list = Array(Set(budgets)).sorted()
        var problems: [ProblemIssue] = []
        if options.objective == .cost { problems.append(ProblemIssue("objective", "the budget frontier needs the shortfall or robust objective")) }
        if list.isEmpty { problems.append(ProblemIssue("budgets", "give at least one budget")) }
        for b in list where !(b >= 0 && b.isFinite) { problems.append(ProblemIssue("budgets", "must be numbers ≥ 0, got \(b)")) }
        if !problems.isEmpty { throw .invalidOptions(problems) }
        // One stop switch and one deadline for every budget point.
        var options = self.options
        options.solve = options.solve.forCall()
        var first = options
        first.budgetYuan = list.last
        var template = try ReservePlanner(options: first).builder(for: bundle, network: given)
        template.options.budgetYuan = list.first
        try template.checkRules()
        let today = try DispatchEvaluation(bundle: bundle, network: template.network, logger: options.solve.logger,
                                           control: options.solve.control)
        var points: [PlanFrontier.Point] = []
        // With the scenario decomposition, cuts, bases and best plans pass from one
        // budget to the next (an empty carry asks solve to start one).
        var carry: DecompositionCarry?
        if template.decomposed {
            var (decomposition, today) = template.makeDecomposition()
            let evaluations = try decomposition.evaluator.evaluate(at: today)
            decomposition.statistics.scenarioSolves += evaluations.count
            carry = DecompositionCarry(evaluator: decomposition.evaluator, starts: [(today, evaluations)], cuts: [])
        }
        for budget in list {
            var builder = template
            builder.setBudget(budget)
            var plan = try builder.solve(carry: &carry)
            try plan.evaluate(bundle: bundle, network: builder.network, today: today, builder: builder, logger: options.solve.logger,
                              control: options.solve.control)
            var carried = false
            if let previous = points.last, Self.better(previous.plan, than: plan, objective: options.objective) {
                plan = previous.plan
                carried = true
            }
            points.append(PlanFrontier.Point(budgetYuan: budget, plan: plan, carriedFromSmallerBudget: carried))
        }
        return PlanFrontier(points: points)
    }

    /// Whether `a` dispatches strictly better than `b` on the objective's own order.
    static func better(_ a: ReservePlan, than b: ReservePlan, objective: ReservePlanObjective) -> Bool {
        let tolerance = 1e-9
        switch objective {
        case .robust:
            if a.worstShortfallAfter < b.worstShortfallAfter - tolerance { return true }
            if a.worstShortfallAfter > b.worstShortfallAfter + tolerance { return false }
            return a.expectedShortfallAfter < b.expectedShortfallAfter - tolerance
        case .shortfall, .cost:
            return a.expectedShortfallAfter < b.expectedShortfallAfter - tolerance
        }
    }
}

extension ReservePlanBuilder {
    /// The same program under another budget: only [P5]'s right-hand side changes.
    mutating func setBudget(_ budget: Double) {
        options.budgetYuan = budget
        if let row = model.constraint(named: "P5") { model.setBounds(row, lower: -.infinity, upper: budget - costExpression.constant) }
    }
}
