import LinearSolver

/// What the decomposition's primal heuristics need to know about the first stage and
/// the scenarios (docs/formulation.md, "Scenario decomposition", heuristics H1–H2).
struct PlanHeuristics: Sendable {
    /// A first-stage column that can ship to a need on time, with its stock row's κ.
    struct Source: Sendable {
        var column: Int32
        var keep: Double
    }

    /// One need of one scenario: its shortfall column (the scenario's own numbering)
    /// and the planned columns that reach it on time, fastest arrival first.
    struct Need: Sendable {
        var shortfall: Int32
        var sources: [Source]
    }

    /// An item's purchase column, its stock-level columns and what depots hold today
    /// ([P3]: buy ≥ Σ levels − held, Σ levels ≥ held).
    struct Purchase: Sendable {
        var buy: Int32
        var levels: [Int32]
        var held: Double
    }

    /// Per scenario, the needs that have at least one planned source.
    var needs: [[Need]]
    var purchases: [Purchase]
    /// Stock-level and agreement columns (those the scenarios' stock rows read).
    var planned: [Int32]
    /// First-stage rows that cap stock levels with non-negative coefficients ([P2]).
    var capacityRows: [Int]
}

extension ScenarioDecomposition {
    /// [H1] Lowers every planned level to the most any scenario's dispatch ships from
    /// it (never below its lower bound, and never throwing away stock held today), and
    /// buys only what the levels need. Every scenario's dispatch stays feasible at the
    /// lower levels, and no dispatch can do better with less stock, so the scenarios'
    /// values, and their evaluations, are unchanged while the cost can only fall.
    func trimmed(_ x: [Double], _ evaluations: [ScenarioEvaluation]) -> [Double] {
        var needed = [Double](repeating: 0, count: x.count)
        for (w, e) in evaluations.enumerated() {
            let sub = evaluator.subproblems[w]
            for link in sub.links where link.keep > 0 {
                let (indices, coefficients) = sub.model.terms(of: link.row)
                var used = 0.0
                for (j, c) in zip(indices, coefficients) { used += c * e.values[Int(j)] }
                let j = Int(link.firstStage.index)
                needed[j] = max(needed[j], used / link.keep)
            }
        }
        var y = x
        for c in heuristics.planned {
            let j = Int(c)
            y[j] = min(x[j], max(firstStage.columnLower[j], needed[j]))
        }
        // Stock held today stays somewhere: what trimming took below today's total goes back.
        for p in heuristics.purchases {
            var deficit = p.held - p.levels.reduce(0.0) { $0 + y[Int($1)] }
            for c in p.levels where deficit > 0 {
                let j = Int(c)
                let back = min(x[j] - y[j], deficit)
                if back > 0 { y[j] += back; deficit -= back }
            }
        }
        return withPurchases(y)
    }

    /// `x` with each item's purchase at the least [P3] allows.
    func withPurchases(_ x: [Double]) -> [Double] {
        var y = x
        for p in heuristics.purchases {
            let total = p.levels.reduce(0.0) { $0 + y[Int($1)] }
            y[Int(p.buy)] = max(firstStage.columnLower[Int(p.buy)], total - p.held)
        }
        return y
    }

    /// [H2] Tops up stock where the scenarios fall short: each need short in a scenario
    /// is filled from the planned sources that reach it on time (first what earlier
    /// scenarios added, then fastest first), within their caps and the depots'
    /// capacity; a level takes the largest top-up any scenario asks of it. When that
    /// overruns `budget`, every top-up is scaled by the largest factor that fits.
    /// Returns `nil` when nothing (or under 1 % of the top-up) can be added. The
    /// scenarios' LPs then say what the new point is worth (fleet and throughput
    /// limits may keep some of it from arriving).
    func repaired(_ x: [Double], _ evaluations: [ScenarioEvaluation], budget: Double?) -> [Double]? {
        let capacity = heuristics.capacityRows
        var rowsOfColumn: [Int32: [(row: Int, coefficient: Double)]] = [:]
        var slackAtX = [Double](repeating: 0, count: capacity.count)
        for (k, r) in capacity.enumerated() {
            let (indices, coefficients) = firstStage.terms(of: ConstraintRef(index: Int32(r)))
            var activity = 0.0
            for (j, a) in zip(indices, coefficients) {
                activity += a * x[Int(j)]
                if a > 0 { rowsOfColumn[j, default: []].append((k, a)) }
            }
            slackAtX[k] = max(0, firstStage.rowUpper[r] - activity)
        }
        var top = [Double](repeating: 0, count: x.count)
        for (w, e) in evaluations.enumerated() {
            var added: [Int32: Double] = [:]
            var slack = slackAtX
            for need in heuristics.needs[w] {
                var remaining = e.values[Int(need.shortfall)]
                guard remaining > 1e-9 else { continue }
                // First what earlier scenarios already added (a level serves every
                // scenario, so sharing costs nothing), then new stock, fastest first.
                for shared in [true, false] {
                    for source in need.sources where source.keep > 0 && remaining > 1e-9 {
                        let j = Int(source.column)
                        var room = firstStage.columnUpper[j] - x[j] - added[source.column, default: 0]
                        if shared { room = min(room, top[j] - added[source.column, default: 0]) }
                        for (k, a) in rowsOfColumn[source.column] ?? [] { room = min(room, slack[k] / a) }
                        let delta = min(remaining / source.keep, room)
                        guard delta > 1e-12 else { continue }
                        added[source.column, default: 0] += delta
                        for (k, a) in rowsOfColumn[source.column] ?? [] { slack[k] -= a * delta }
                        remaining -= delta * source.keep
                    }
                }
            }
            for (j, a) in added { top[Int(j)] = max(top[Int(j)], a) }
        }
        // Scenarios topped up different levels of one depot: scale to its capacity.
        var scale = [Double](repeating: 1, count: x.count)
        for (k, r) in capacity.enumerated() {
            let (indices, coefficients) = firstStage.terms(of: ConstraintRef(index: Int32(r)))
            var extra = 0.0
            for (j, a) in zip(indices, coefficients) { extra += a * top[Int(j)] }
            guard extra > slackAtX[k] else { continue }
            let factor = slackAtX[k] / extra
            for j in indices { scale[Int(j)] = min(scale[Int(j)], factor) }
        }
        for j in top.indices { top[j] *= scale[j] }
        guard top.contains(where: { $0 > 1e-9 }) else { return nil }
        func point(_ alpha: Double) -> [Double] { withPurchases(zip(x, top).map { $0 + alpha * $1 }) }
        var alpha = 1.0
        if let budget, cost.value(at: point(1)) > budget {
            guard cost.value(at: point(0)) <= budget else { return nil }
            var low = 0.0, high = 1.0
            for _ in 0..<50 {
                let mid = (low + high) / 2
                if cost.value(at: point(mid)) <= budget { low = mid } else { high = mid }
            }
            alpha = low
        }
        // A sliver of a top-up is not worth the scenario LPs that would price it.
        guard alpha >= 0.01 else { return nil }
        let y = point(alpha)
        return meetsFirstStage(y) ? y : nil
    }
}
