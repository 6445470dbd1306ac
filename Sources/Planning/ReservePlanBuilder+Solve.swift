import GLPKBackend
import ReserveModel
import LinearSolver
import Logging
import Response

/// What one budget point of the frontier hands the next when the program is solved by
/// scenario decomposition: the evaluator (each scenario LP's last basis), the evaluated
/// points that seed the master (today's stock, the earlier budgets' best plans) and the
/// master's optimality cuts.
struct DecompositionCarry {
    var evaluator: ScenarioEvaluator
    var starts: [(x: [Double], evaluations: [ScenarioEvaluation])]
    var cuts: [(indices: [Int32], coefficients: [Double], lower: Double)]
}

extension ReservePlanBuilder {
    /// Solves the program once (no frontier to carry anything to).
    mutating func solve() throws(PlanningError) -> ReservePlan {
        var none: DecompositionCarry?
        return try solve(carry: &none)
    }

    /// Solves the program for the chosen objective and reads the plan, with today's
    /// stock evaluated on the same scenarios for the before/after comparison.
    mutating func solve(carry: inout DecompositionCarry?) throws(PlanningError) -> ReservePlan {
        if decomposed { return try solveByScenario(carry: &carry) }
        let solver = GLPKSolver(options: options.solve)
        // The before figures are dispatch's on today's stock (ReservePlanner.plan), so the
        // program is not solved at today's stock here.
        let beforeSolution = Solution(status: .optimal, objectiveValue: nil, values: [])

        var levels: [LexicographicObjective] = []
        var main = model
        switch options.objective {
        case .shortfall:
            levels = [LexicographicObjective(.minimize, expectedShortfall, name: "expected shortfall", relativeTolerance: 1e-9),
                      LexicographicObjective(.minimize, costExpression, name: "cost")]
        case .cost:
            if let budget = main.constraint(named: "P5") { main.setBounds(budget, lower: -.infinity, upper: .infinity) }
            levels = [LexicographicObjective(.minimize, expectedShortfall, name: "expected shortfall floor",
                                             relativeTolerance: 1e-9, absoluteTolerance: max(1e-9, options.shortfallAllowance)),
                      LexicographicObjective(.minimize, costExpression, name: "cost")]
        case .robust:
            let t = main.addVariable(name: "worst")
            for (w, o1) in scenarioShortfall.enumerated() { main.addConstraint(o1 - t <= 0, name: "P6[\(w)]") }
            levels = [LexicographicObjective(.minimize, LinearExpression(t), name: "worst shortfall", relativeTolerance: 1e-9),
                      LexicographicObjective(.minimize, expectedShortfall, name: "expected shortfall", relativeTolerance: 1e-9),
                      LexicographicObjective(.minimize, costExpression, name: "cost")]
        }
        // The last level: among the plans as good and as cheap, the one that changes
        // least (units moved, bought and contracted), so nothing moves without a gain.
        if movesAllowed {
            levels[levels.count - 1].relativeTolerance = 1e-9
            levels.append(LexicographicObjective(.minimize, changeExpression, name: "change"))
        }
        var solutions: [Solution]
        let basis: SimplexBasis?
        do { (solutions, basis) = try solveLevelsKeepingBasis(main, levels, solver) } catch { throw .solver(error) }
        if solutions.first?.status == .infeasible { throw .infeasible(conflicts(solverSaidInfeasible: true)) }
        // Whole pieces: when the LP plan splits one, the search from its rounding
        // (ReservePlanBuilder+WholePieces) replaces it.
        var wholePieceSearch: ReservePlan.WholePieceSearch?
        if let lp = solutions.last(where: { $0.status.hasSolution })?.values, splitsPieces(lp, columns: wholeColumns) {
            let found = try solveWholePieces(main, levels, lp: solutions, basis: basis)
            solutions = found.solutions
            wholePieceSearch = found.search
        }
        if let last = solutions.lastIndex(where: { $0.status.hasSolution }) { solutions[last].values = snappedWhole(solutions[last].values) }
        // The plan is the last level's that has a point, and its status is that level's:
        // what the returned plan is (optimal, or feasible with its gap), however far the
        // levels after it got (``ReservePlan/objectiveLevels``). No point: no plan.
        guard let final = solutions.last(where: { $0.status.hasSolution }) else {
            throw .noSolution(solutions.last?.status ?? .noSolutionFound)
        }
        let status = final.status
        // The cost objective's value is its second level (the cost), not the change after it.
        let objective = options.objective == .cost ? (solutions.count > 1 ? solutions[1].objectiveValue : nil) : solutions.first?.objectiveValue
        var plan = read(final: final, before: beforeSolution, status: status, objective: objective,
                        size: (main.constraintCount, main.variableCount, main.nonZeroCount), decomposition: nil)
        plan.relativeGap = final.relativeGap
        plan.wholePieces = wholePieceSearch
        plan.objectiveLevels = zip(levels, solutions).map { level, s in
            ReservePlan.LevelOutcome(name: level.name, status: s.status, value: s.objectiveValue, bound: s.bestBound,
                                     relativeGap: s.relativeGap)
        }
        return plan
    }

    /// The levels of the chosen objective, for the scenario decomposition.
    var decompositionLevels: [ScenarioDecomposition.Level] {
        switch options.objective {
        case .shortfall, .cost: return [.expectedShortfall, .cost]
        case .robust: return [.worstShortfall, .expectedShortfall, .cost]
        }
    }

    /// What the decomposition's heuristics need: purchases, planned columns, capacity rows.
    func heuristics(_ firstStage: Model) -> PlanHeuristics {
        let purchases = buy.sorted { $0.key < $1.key }.map { item, b in
            let atDepots = stockKeys.filter { $0.item == item }
            return PlanHeuristics.Purchase(
                buy: b.index,
                levels: atDepots.map(\.variable.index),
                held: atDepots.reduce(0.0) { $0 + (currentStock[$1.key] ?? 0) })
        }
        let planned = (stockLevel.values.map(\.index) + contract.values.map(\.index)).sorted()
        let capacityRows = (0..<firstStage.constraintCount).filter { firstStage.rowNames[$0].hasPrefix("P2") }
        return PlanHeuristics(needs: repairNeeds, purchases: purchases, planned: planned, capacityRows: capacityRows)
    }

    /// The decomposition over this builder's first stage and scenarios, and today's
    /// stock and contracts as a first-stage point.
    func makeDecomposition(evaluator given: ScenarioEvaluator? = nil) -> (decomposition: ScenarioDecomposition, today: [Double]) {
        var quiet = options.solve.logger
        quiet.logLevel = max(quiet.logLevel, .info)
        // The call's stop switch, but no deadline: a scenario LP cut short would give no
        // cut; the decomposition checks the deadline between its rounds instead.
        let evaluator = given ?? ScenarioEvaluator(subproblems: subproblems,
                                                   solver: GLPKSolver(options: SolveOptions(logger: quiet, control: options.solve.control)),
                                                   logger: options.solve.logger)
        var today = [Double](repeating: 0, count: model.variableCount)
        for k in stockKeys { today[Int(k.variable.index)] = currentStock[k.key] ?? 0 }
        for k in contractKeys { today[Int(k.variable.index)] = currentContract[k.key] ?? 0 }
        var firstStage = model
        if options.objective == .cost, let budget = firstStage.constraint(named: "P5") {
            firstStage.setBounds(budget, lower: -.infinity, upper: .infinity)
        }
        let decomposition = ScenarioDecomposition(firstStage: firstStage, cost: costExpression, probability: probability,
                                                  evaluator: evaluator, relaxations: relaxations, heuristics: heuristics(firstStage),
                                                  options: options)
        return (decomposition, today)
    }

    /// Benders by scenario: today's stock is evaluated scenario by scenario (in
    /// parallel), which also gives the master its first cuts; then each level.
    ///
    /// With `carry` (the budget frontier), what an earlier budget point learned is kept:
    /// the scenario LPs' last bases, the evaluated starting points, that point's best
    /// plan (it fits any larger budget) and every optimality cut (valid whatever the
    /// budget: Q_ω does not depend on it).
    mutating func solveByScenario(carry: inout DecompositionCarry?) throws(PlanningError) -> ReservePlan {
        var (decomposition, today) = makeDecomposition(evaluator: carry?.evaluator)
        let evaluator = decomposition.evaluator
        let firstStage = decomposition.firstStage
        if let carried = carry {
            for cut in carried.cuts {
                var e = LinearExpression()
                for (j, c) in zip(cut.indices, cut.coefficients) { e.add(c, Variable(index: j)) }
                decomposition.master.addConstraint(e >= cut.lower, name: "cut[carried]")
            }
        }
        let before: [ScenarioEvaluation]
        if let carried = carry?.starts.first?.evaluations { before = carried } else { before = try evaluator.evaluate(at: today) }
        // The largest useful stock (every level at its cap, the difference bought): its
        // cuts bound each scenario below by its floor, which alone settles the first
        // level when the budget does not bind.
        var most = today
        for v in stockLevel.values { most[Int(v.index)] = max(most[Int(v.index)], firstStage.columnUpper[Int(v.index)]) }
        for (_, c) in contract { most[Int(c.index)] = max(most[Int(c.index)], firstStage.columnUpper[Int(c.index)]) }
        for (item, b) in buy {
            let added = stockKeys.filter { $0.item == item }.reduce(0.0) { sum, k in
                sum + most[Int(k.variable.index)] - (currentStock[k.key] ?? 0)
            }
            most[Int(b.index)] = max(0, added)
        }
        // At province scale that point makes every scenario's LP full size (every depot
        // stocked): too slow to be worth its cuts, so it is left out there.
        let secondStageColumns = subproblems.reduce(0) { $0 + $1.model.variableCount }
        var starts = [(x: today, evaluations: before)]
        if let carried = carry {
            starts = carried.starts
        } else if secondStageColumns <= ReservePlanOptions.decompositionThreshold {
            starts.append((most, try evaluator.evaluate(at: most)))
        }
        let fresh = carry == nil ? starts.reduce(0) { $0 + $1.evaluations.count } : 0
        let result = try decomposition.solve(levels: decompositionLevels, objectiveLevels: options.objective == .cost ? 2 : 1, starts: starts)
        decomposition.statistics.scenarioSolves += fresh
        if carry != nil {
            var next = DecompositionCarry(evaluator: evaluator, starts: starts + [(result.x, result.evaluations)], cuts: [])
            let master = decomposition.master
            for r in 0..<master.constraintCount where master.rowNames[r].hasPrefix("cut[") {
                let (indices, coefficients) = master.terms(of: ConstraintRef(index: Int32(r)))
                next.cuts.append((Array(indices), Array(coefficients), master.rowLower[r]))
            }
            carry = next
        }

        func assemble(_ x: [Double], _ evaluations: [ScenarioEvaluation]) -> [Double] {
            var values = x
            values.reserveCapacity(x.count + evaluations.reduce(0) { $0 + $1.values.count })
            for e in evaluations { values += e.values }
            return values
        }
        // Whole pieces: the decomposition's master is continuous (unless every level is
        // integer, --integer-stock), so its plan is rounded by the same heuristic as the
        // equivalent's and the scenarios are dispatched at the rounded plan; no branch and
        // bound over the scenarios' LPs (docs/formulation.md, "Whole pieces in the plan").
        var x = result.x, evaluations = result.evaluations, proven = result.proven
        var objective = options.objective == .cost ? result.values.last : result.values.first
        var wholePieceSearch: ReservePlan.WholePieceSearch?
        if !options.integerStock, splitsPieces(x, columns: wholeColumns) {
            guard let rounded = roundedFirstStage(x, in: firstStage) else { throw .noSolution(.noSolutionFound) }
            var point = x
            for j in 0..<rounded.count { point[j] = rounded[j] }
            evaluations = try evaluator.evaluate(at: point)
            x = snappedWhole(point)
            proven = false
            let expected = zip(probability, evaluations).reduce(0.0) { $0 + $1.0 * $1.1.value }
            let levelOne: Double
            switch options.objective {
            case .robust: levelOne = evaluations.map(\.value).max() ?? 0
            case .shortfall, .cost: levelOne = expected
            }
            wholePieceSearch = ReservePlan.WholePieceSearch(integerColumns: wholeColumns.count, levelOneLPBound: result.values.first,
                                                            levelOne: levelOne, roundedLevelOne: levelOne, nodes: 0, nodeLimitReached: false)
            objective = options.objective == .cost ? costExpression.value(at: x) : levelOne
        }
        let final = Solution(status: proven ? .optimal : .feasible, objectiveValue: nil,
                             values: assemble(x, evaluations))
        let beforeSolution = Solution(status: .optimal, objectiveValue: nil, values: assemble(today, before))
        // As the deterministic equivalent counts them (the robust objective's worst-case column included).
        let columns = model.variableCount + subproblems.reduce(0) { $0 + $1.model.variableCount } + (options.objective == .robust ? 1 : 0)
        let rows = model.constraintCount + equivalentRows + (options.objective == .robust ? scenarios.count : 0)
        var plan = read(final: final, before: beforeSolution, status: final.status, objective: objective,
                        size: (rows, columns, model.nonZeroCount + equivalentNonZeros),
                        decomposition: decomposition.statistics)
        plan.relativeGap = decomposition.statistics.relativeGap
        plan.wholePieces = wholePieceSearch
        return plan
    }

    /// As ``solveLevels(_:_:_:)``, with level 1's optimal basis when the LP was solved
    /// whole (not by column generation, which keeps no basis of the full model).
    func solveLevelsKeepingBasis(_ m: Model, _ levels: [LexicographicObjective], _ solver: GLPKSolver)
        throws(LinearSolverError) -> ([Solution], SimplexBasis?) {
        if !m.isMixedInteger && m.variableCount > 50_000 { return (try solveLevels(m, levels, solver), nil) }
        let (solutions, basis) = try solver.solve(m, lexicographic: levels, startingFrom: nil)
        return (solutions, basis)
    }

    func solveLevels(_ m: Model, _ levels: [LexicographicObjective], _ solver: GLPKSolver) throws(LinearSolverError) -> [Solution] {
        if !m.isMixedInteger && m.variableCount > 50_000 {
            // Start with every column but the shipments (so the restricted problem is
            // feasible: shortfall columns cover every need) and price shipments in.
            let start = (0..<Int32(m.variableCount)).filter { !shipmentColumns.contains($0) }.map(Variable.init(index:))
            return try solver.solve(m, lexicographic: levels, columnGeneration: ColumnGeneration(initialColumns: start, maxColumnsPerRound: 5_000)).0
        }
        return try solver.solve(m, lexicographic: levels)
    }

    func read(final: Solution?, before: Solution, status: SolutionStatus, objective: Double?,
              size: (rows: Int, columns: Int, nonZeros: Int), decomposition: DecompositionStatistics?) -> ReservePlan {
        let values = final?.values ?? []
        func value(_ v: Variable, in s: [Double]) -> Double { s.isEmpty ? 0 : max(0, s[Int(v.index)]) }
        let tolerance = 1e-6

        // Which scenarios ship each (depot, item): one pass over every shipment (a
        // province has millions; a filter per stock level would be quadratic).
        var shipped: [DepotItem: [Double]] = [:]
        for (w, shipments) in scenarioShipments.enumerated() {
            for s in shipments {
                let q = value(s.variable, in: values)
                guard q > 0 else { continue }
                shipped[s.key, default: Array(repeating: 0, count: scenarioShipments.count)][w] += q
            }
        }
        var levels: [ReservePlan.StockLevel] = []
        for k in stockKeys {
            let current = currentStock[k.key] ?? 0
            let recommended = value(k.variable, in: values)
            guard abs(recommended - current) > max(tolerance, tolerance * current) else { continue }
            let drivers = (shipped[k.key] ?? []).enumerated().filter { $0.element > tolerance }.map { scenarios[$0.offset].scenario.id }
            levels.append(ReservePlan.StockLevel(depot: k.depot, item: k.item, current: current, recommended: recommended, drivenBy: drivers))
        }
        var purchases: [ItemID: Double] = [:]
        for (item, b) in buy { let q = value(b, in: values); if q > tolerance { purchases[item] = q } }
        for (key, b) in depotBuy { let q = value(b, in: values); if q > tolerance { purchases[key.item, default: 0] += q } }
        let moves = moveColumns.compactMap { m -> ReservePlan.Move? in
            let q = value(m.variable, in: values)
            guard q > tolerance else { return nil }
            return ReservePlan.Move(item: m.item, from: m.from, to: m.to, quantity: q, distanceKm: m.distanceKm, costYuan: q * m.unitCost)
        }.sorted { ($0.item, $0.from, $0.to) < ($1.item, $1.from, $1.to) }
        // Which areas each planned stock reaches by the deadline, per scenario (the reasons).
        var served: [DepotItem: [[ServedArea]]] = [:]
        for (w, shipments) in scenarioShipments.enumerated() {
            let areas = scenarios[w].problem.areas
            var seen = Set<DepotItem>()
            var found: [DepotItem: Set<ServedArea>] = [:]
            for s in shipments where value(s.variable, in: values) > tolerance {
                found[s.key, default: []].insert(ServedArea(area: areas[s.area].id, incident: areas[s.area].incident))
                seen.insert(s.key)
            }
            for key in seen {
                var list = served[key] ?? Array(repeating: [], count: scenarioShipments.count)
                list[w] = found[key]!.sorted { ($0.area, $0.incident) < ($1.area, $1.incident) }
                served[key] = list
            }
        }
        let contracts = contractKeys.compactMap { k -> ReservePlan.Contract? in
            let current = currentContract[k.key] ?? 0, recommended = value(k.variable, in: values)
            return abs(recommended - current) > tolerance ? ReservePlan.Contract(supplier: k.depot, item: k.item, current: current, recommended: recommended) : nil
        }
        func eval(_ e: LinearExpression, _ s: [Double]) -> Double { s.isEmpty ? 0 : e.value(at: s) }
        var outcomes: [ReservePlan.ScenarioOutcome] = []
        for (w, goods) in scenarios.enumerated() {
            func compliance(_ s: [Double]) -> Double {
                let areas = Set(scenarioNeeds[w].map(\.area))
                guard !areas.isEmpty, !s.isEmpty else { return s.isEmpty ? 0 : 1 }
                let failing = Set(scenarioNeeds[w].filter { goods.problem.items[$0.item].isBasic && value($0.variable, in: s) > max(tolerance, tolerance * $0.quantity) }.map(\.area))
                return Double(areas.count - failing.count) / Double(areas.count)
            }
            outcomes.append(ReservePlan.ScenarioOutcome(
                scenario: goods.scenario.id, probability: probability[w],
                shortfallBefore: eval(scenarioShortfall[w], before.values), shortfallAfter: eval(scenarioShortfall[w], values),
                complianceBefore: compliance(before.values), complianceAfter: compliance(values)))
        }
        let cost = ReservePlan.Cost(purchase: eval(purchase, values), holding: eval(holding, values),
                                    rotation: eval(rotation, values), contracts: eval(fees, values), moves: eval(moveCost, values))
        return ReservePlan(
            scope: scope.roots, objectiveKind: options.objective, budgetYuan: options.budgetYuan, status: status, objective: objective,
            levels: levels.sorted { ($0.depot, $0.item) < ($1.depot, $1.item) }, purchases: purchases, moves: moves,
            contracts: contracts, cost: cost, scenarios: outcomes,
            expectedShortfallBefore: outcomes.reduce(0) { $0 + $1.probability * $1.shortfallBefore },
            expectedShortfallAfter: outcomes.reduce(0) { $0 + $1.probability * $1.shortfallAfter },
            worstShortfallBefore: outcomes.map(\.shortfallBefore).max() ?? 0,
            worstShortfallAfter: outcomes.map(\.shortfallAfter).max() ?? 0,
            rows: size.rows, columns: size.columns, nonZeros: size.nonZeros, decomposition: decomposition, served: served,
            shippedOnTime: shipped)
    }
}
