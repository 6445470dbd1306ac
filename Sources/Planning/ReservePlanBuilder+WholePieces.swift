import GLPKBackend
import LinearSolver
import ReserveModel

/// Whole pieces in the plan (docs/formulation.md, "Whole pieces in the plan"): stock
/// levels, moves and agreement capacities of indivisible items (of every item with
/// ``ReservePlanOptions/integerStock``) come out as whole numbers.
///
/// The LP plan is solved first. When it splits a piece, a rounding heuristic makes its
/// first stage whole within every rule ([P1]–[P5]); the scenarios' dispatch is solved
/// again with that first stage fixed, which gives a complete point; branch and bound on
/// GLPK then starts from it (and from the LP's basis) with each level's relative and
/// absolute gap and a node limit.
extension ReservePlanBuilder {
    /// A value within this of a whole number is whole (solver noise).
    static let wholeTolerance = 1e-6

    /// The gaps at which branch and bound stops a level, by what the level measures:
    /// weighted shortfall (relative 10⁻⁴, absolute 10⁻³ weighted units: a thousandth of
    /// a need of weight 1 — its relative gap never closes when the LP bound is near 0),
    /// cost (10⁻⁴ and ¥100) and change (10⁻³ and one unit).
    static func wholePieceGaps(of level: LexicographicObjective) -> (relative: Double, absolute: Double) {
        if level.name == "cost" { return (1e-4, 100) }
        if level.name == "change" { return (1e-3, 1) }
        return (1e-4, 1e-3)
    }

    /// Items whose first-stage quantities must be whole.
    var wholeItems: Set<ItemID> {
        if options.integerStock { return Set(bundle.items.map(\.id)) }
        guard options.wholePieces else { return [] }
        return Set(bundle.items.filter { !$0.divisible }.map(\.id))
    }

    /// The first-stage columns that must be whole: stock levels, agreement capacities
    /// and moves of ``wholeItems``.
    var wholeColumns: [Int32] {
        let items = wholeItems
        guard !items.isEmpty else { return [] }
        var columns = stockKeys.filter { items.contains($0.item) }.map(\.variable.index)
        columns += contractKeys.filter { items.contains($0.item) }.map(\.variable.index)
        columns += moveColumns.filter { items.contains($0.item) }.map(\.variable.index)
        return columns.sorted()
    }

    /// Whether `values` hold part of a piece in a column that must be whole.
    func splitsPieces(_ values: [Double], columns: [Int32]) -> Bool {
        columns.contains { j in
            let x = values[Int(j)]
            return abs(x - x.rounded()) > Self.wholeTolerance
        }
    }

    /// `values` with the whole columns snapped to their whole numbers (the solver's
    /// 2.0000000001) and whole items' purchases recomputed from them ([P3m]:
    /// b = s − q − moved in + moved out; [P3]: b_k = Σ_d s_dk − held), so that the
    /// solver's noise on an equality row does not buy 2,682.0000089 tents.
    func snappedWhole(_ values: [Double]) -> [Double] {
        var values = values
        guard !values.isEmpty else { return values }
        for j in wholeColumns {
            let x = values[Int(j)]
            if abs(x - x.rounded()) <= Self.wholeTolerance { values[Int(j)] = max(0, x.rounded()) }
        }
        let items = wholeItems
        if movesAllowed {
            var inflow: [DepotItem: Double] = [:]
            for move in moveColumns where items.contains(move.item) {
                let q = values[Int(move.variable.index)]
                inflow[DepotItem(move.to, move.item), default: 0] += q
                inflow[DepotItem(move.from, move.item), default: 0] -= q
            }
            for k in stockKeys where items.contains(k.item) {
                guard let b = depotBuy[k.key] else { continue }
                let bought = values[Int(k.variable.index)] - (currentStock[k.key] ?? 0) - (inflow[k.key] ?? 0)
                if abs(bought - values[Int(b.index)]) <= 1e-4 * max(1, abs(bought)) { values[Int(b.index)] = max(0, bought) }
            }
        } else {
            var total: [ItemID: Double] = [:], held: [ItemID: Double] = [:]
            for k in stockKeys where items.contains(k.item) {
                total[k.item, default: 0] += values[Int(k.variable.index)]
                held[k.item, default: 0] += currentStock[k.key] ?? 0
            }
            for (item, b) in buy where items.contains(item) {
                let bought = max(0, (total[item] ?? 0) - (held[item] ?? 0))
                if abs(bought - values[Int(b.index)]) <= 1e-4 * max(1, abs(bought)) { values[Int(b.index)] = bought }
            }
        }
        return values
    }

    /// The rounding heuristic: the LP's first stage (`lp`, at least the first
    /// ``firstStageColumnCount`` values) made whole, meeting every first-stage rule of
    /// `m` (minimum stock, capacity counting everything in the depot, nothing thrown away,
    /// the budget); `nil` when the repair finds no such point.
    ///
    /// Moves of whole items are rounded down (never more than the LP moved: what is not
    /// moved stays at its source), each whole level is rounded up but kept at least what
    /// its depot holds after the moves (purchases stay ≥ 0) and its minimum, contracts
    /// are rounded up, and purchases follow from the levels. Then, while a capacity row
    /// or the budget is exceeded, the first such row is repaired by the step that lowers
    /// the total excess over all rows, tried in this order (the cheapest adjustments
    /// first: those that give back least of the LP's plan): a whole level or contract
    /// that was rounded up goes back one piece; a move into the depot is cut by a piece
    /// (it stays at its source); a whole level is bought a piece less; a piece moves out
    /// to another depot; a divisible item is bought less.
    func roundedFirstStage(_ lp: [Double], in m: Model) -> [Double]? {
        let n = firstStageColumnCount
        var x = Array(lp.prefix(n)).map { max(0, $0) }
        let items = wholeItems
        let tol = Self.wholeTolerance
        func up(_ v: Double) -> Double { (v - tol).rounded(.up) }
        func down(_ v: Double) -> Double { (v + tol).rounded(.down) }
        for move in moveColumns where items.contains(move.item) {
            x[Int(move.variable.index)] = max(0, down(x[Int(move.variable.index)]))
        }
        var inflow: [DepotItem: Double] = [:]
        for move in moveColumns {
            let q = x[Int(move.variable.index)]
            inflow[DepotItem(move.to, move.item), default: 0] += q
            inflow[DepotItem(move.from, move.item), default: 0] -= q
        }
        let lower: (PlannedLevel) -> Double = { k in
            let l = m.columnLower[Int(k.variable.index)]
            return items.contains(k.item) ? up(l) : l
        }
        for k in stockKeys where items.contains(k.item) {
            let j = Int(k.variable.index)
            var least = lower(k)
            if movesAllowed { least = max(least, up((currentStock[k.key] ?? 0) + (inflow[k.key] ?? 0))) }
            x[j] = max(up(x[j]), least, 0)
        }
        for c in contractKeys where items.contains(c.item) {
            let j = Int(c.variable.index)
            x[j] = max(up(x[j]), up(m.columnLower[j]))
        }
        // Purchases follow from the levels: with moves b = s − q − moved in + moved out
        // ([P3m]); without, b_k = Σ_d s_dk − held ([P3]), never below 0.
        var heldOfItem: [ItemID: Double] = [:]
        for k in stockKeys { heldOfItem[k.item, default: 0] += currentStock[k.key] ?? 0 }
        if movesAllowed {
            for k in stockKeys {
                guard let b = depotBuy[k.key] else { continue }
                x[Int(b.index)] = max(0, x[Int(k.variable.index)] - (currentStock[k.key] ?? 0) - (inflow[k.key] ?? 0))
            }
        } else {
            var total: [ItemID: Double] = [:]
            for k in stockKeys { total[k.item, default: 0] += x[Int(k.variable.index)] }
            for (item, b) in buy { x[Int(b.index)] = max(0, (total[item] ?? 0) - (heldOfItem[item] ?? 0)) }
        }

        // Rows the rounding can break: capacity [P2] and the budget [P5] (both ≤ rows
        // over first-stage columns), with each column's coefficients in them.
        let checked = (0..<m.constraintCount).filter { r in
            (m.rowNames[r].hasPrefix("P2") || m.rowNames[r] == "P5") && m.rowUpper[r].isFinite
        }
        var rowsOfColumn: [Int32: [(row: Int, coefficient: Double)]] = [:]
        var activity = [Double](repeating: 0, count: checked.count)
        for (i, r) in checked.enumerated() {
            let (indices, coefficients) = m.terms(of: ConstraintRef(index: Int32(r)))
            for (j, c) in zip(indices, coefficients) where Int(j) < n {
                rowsOfColumn[j, default: []].append((i, c))
                activity[i] += c * x[Int(j)]
            }
        }
        let limit = checked.map { r in m.rowUpper[r] + 1e-9 * max(1, abs(m.rowUpper[r])) }
        func excess(_ a: [Double]) -> Double { zip(a, limit).reduce(0) { $0 + max(0, $1.0 - $1.1) } }

        let levelOf = Dictionary(uniqueKeysWithValues: stockKeys.map { ($0.key, $0) })
        // A repair step: column changes, purchases included (they follow the levels).
        typealias Step = [(column: Int32, delta: Double)]
        func buyColumn(_ k: PlannedLevel) -> Int32? { movesAllowed ? depotBuy[k.key]?.index : buy[k.item]?.index }
        /// Level k down by `amount`, bought that much less (only while it was bought).
        func lowerPurchase(_ k: PlannedLevel, by amount: Double) -> Step? {
            guard let b = buyColumn(k), x[Int(b)] >= amount - tol, x[Int(k.variable.index)] - amount >= lower(k) - tol else { return nil }
            return [(k.variable.index, -amount), (b, -amount)]
        }
        func depotOf(row i: Int) -> DepotID? {
            let name = m.rowNames[checked[i]]
            guard name.hasPrefix("P2"), let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return nil }
            return DepotID(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
        }
        var rounds = 0
        while let i = checked.indices.first(where: { activity[$0] > limit[$0] }) {
            rounds += 1
            if rounds > 100_000 { return nil }
            let depot = depotOf(row: i)
            let over = activity[i] - limit[i]
            var steps: [[Step]] = [[], [], [], [], []]
            for k in stockKeys where depot == nil || k.depot == depot {
                let j = Int(k.variable.index)
                if items.contains(k.item) {
                    if x[j] - lp[j] > tol, let step = lowerPurchase(k, by: 1) { steps[0].append(step) } else if let step = lowerPurchase(k, by: 1) { steps[2].append(step) }
                } else if let b = buyColumn(k), x[Int(b)] > tol {
                    let coefficient = (rowsOfColumn[k.variable.index] ?? []).first { $0.row == i }?.coefficient ?? 0
                    let perUnit = coefficient + ((rowsOfColumn[b] ?? []).first { $0.row == i }?.coefficient ?? 0)
                    if perUnit > 0, let step = lowerPurchase(k, by: min(x[Int(b)], x[j] - lower(k), over / perUnit)) { steps[4].append(step) }
                }
            }
            if depot == nil {
                for c in contractKeys where items.contains(c.item) {
                    let j = Int(c.variable.index)
                    if x[j] - lp[j] > tol, x[j] - 1 >= up(m.columnLower[j]) - tol { steps[0].append([(c.variable.index, -1)]) }
                }
            }
            for move in moveColumns where items.contains(move.item) {
                guard let from = levelOf[DepotItem(move.from, move.item)], let to = levelOf[DepotItem(move.to, move.item)] else { continue }
                let y = move.variable.index
                // Cut a move into the depot (or any, for the budget): the piece stays at its source.
                if x[Int(y)] >= 1 - tol, depot == nil || move.to == depot, x[Int(to.variable.index)] - 1 >= lower(to) - tol {
                    steps[1].append([(y, -1), (to.variable.index, -1), (from.variable.index, 1)])
                }
                // Move a piece out of the depot, where its stock was not bought.
                if let depot, move.from == depot, x[Int(from.variable.index)] - 1 >= lower(from) - tol,
                   (currentStock[from.key] ?? 0) + (inflow[from.key] ?? 0) >= 1 - tol {
                    steps[3].append([(y, 1), (from.variable.index, -1), (to.variable.index, 1)])
                }
            }
            var chosen: Step?
            let now = excess(activity)
            search: for group in steps {
                var best: (step: Step, after: Double)?
                for step in group {
                    var a = activity
                    for (j, d) in step { for (r, c) in rowsOfColumn[j] ?? [] { a[r] += c * d } }
                    let after = excess(a)
                    if after < now - 1e-12, best == nil || after < best!.after - 1e-12 { best = (step, after) }
                }
                if let best { chosen = best.step; break search }
            }
            guard let chosen else {
                options.solve.logger.debug("whole pieces: the rounding cannot bring \(m.rowNames[checked[i]]) within its bound (\(over) over)",
                                           metadata: ["code": "planRoundingStuck", "row": "\(m.rowNames[checked[i]])", "over": "\(over)"])
                return nil
            }
            for (j, d) in chosen {
                x[Int(j)] += d
                for (r, c) in rowsOfColumn[j] ?? [] { activity[r] += c * d }
            }
            for move in moveColumns where chosen.contains(where: { $0.column == move.variable.index }) {
                let d = chosen.first { $0.column == move.variable.index }!.delta
                inflow[DepotItem(move.to, move.item), default: 0] += d
                inflow[DepotItem(move.from, move.item), default: 0] -= d
            }
        }
        return x
    }

    /// Searches whole pieces from the LP plan `lp` (the solutions of `levels` on
    /// `main`, level 1 from `basis`): the rounding heuristic's plan completed by the
    /// scenarios' dispatch, then branch and bound. Returns the levels' solutions and what
    /// the search did.
    func solveWholePieces(_ main: Model, _ levels: [LexicographicObjective], lp: [Solution], basis: SimplexBasis?)
        throws(PlanningError) -> (solutions: [Solution], search: ReservePlan.WholePieceSearch) {
        let columns = wholeColumns
        let lpValues = lp.last(where: { $0.status.hasSolution })?.values ?? []
        var search = ReservePlan.WholePieceSearch(integerColumns: columns.count, levelOneLPBound: lp.first?.objectiveValue,
                                                  levelOne: nil, roundedLevelOne: nil, nodes: 0, nodeLimitReached: false)
        // The heuristic's start: its first stage fixed, the scenarios dispatched again.
        var start: [Double]?
        if let first = roundedFirstStage(lpValues, in: main) {
            var fixed = main
            for j in 0..<firstStageColumnCount { fixed.setBounds(Variable(index: Int32(j)), lower: first[j], upper: first[j]) }
            let solutions: [Solution]
            // Only column bounds changed since the LP's level 1: its optimal basis is still
            // dual feasible, the dual simplex's start.
            do {
                let solver = GLPKSolver(options: options.solve)
                if let basis {
                    solutions = try solver.solve(fixed, lexicographic: levels, startingFrom: basis).solutions
                } else {
                    solutions = try solveLevels(fixed, levels, solver)
                }
            } catch { throw .solver(error) }
            if let s = solutions.last(where: { $0.status.hasSolution }), solutions.first?.status.hasSolution == true {
                var values = s.values
                for j in 0..<firstStageColumnCount { values[j] = first[j] }
                start = values
                search.roundedLevelOne = levels[0].expression.value(at: values)
            }
        }
        options.solve.logger.debug("whole pieces: \(columns.count) integer columns; rounded start \(search.roundedLevelOne.map { "level 1 \($0)" } ?? "none") against the LP's \(lp.first?.objectiveValue ?? .nan)",
                                   metadata: ["code": "planWholePieces", "columns": "\(columns.count)",
                                              "rounded": "\(search.roundedLevelOne.map { "\($0)" } ?? "-")",
                                              "lp": "\(lp.first?.objectiveValue.map { "\($0)" } ?? "-")"])
        var mip = main
        for j in columns { mip.setKind(Variable(index: j), .integer) }
        let mipLevels = levels.map { level in
            var l = level
            let gaps = Self.wholePieceGaps(of: level)
            l.mipGap = gaps.relative
            l.mipAbsoluteGap = gaps.absolute
            return l
        }
        var solveOptions = options.solve
        solveOptions.nodeLimit = min(options.wholePiecesNodeLimit, solveOptions.nodeLimit ?? .max)
        var solutions: [Solution]
        do {
            solutions = try GLPKSolver(options: solveOptions).solve(mip, lexicographic: mipLevels, startingFrom: basis,
                                                                    incumbent: start).solutions
        } catch { throw .solver(error) }
        search.nodes = solutions.reduce(0) { $0 + $1.nodes }
        search.nodeLimitReached = solutions.contains { $0.status == .feasible && $0.nodes >= solveOptions.nodeLimit ?? .max }
        // Branch and bound found nothing better than nothing (no whole point within its
        // nodes and no start): there is no whole-piece plan to print.
        if !(solutions.first?.status.hasSolution ?? false) {
            guard let start else { throw .noSolution(solutions.first?.status ?? .noSolutionFound) }
            solutions = [Solution(status: .feasible, objectiveValue: search.roundedLevelOne, values: start)]
        }
        search.levelOne = solutions.first?.objectiveValue
        return (solutions, search)
    }
}
