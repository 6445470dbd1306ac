/// The numeric core of a p-median instance over its active demand points: sorted
/// candidate lists, a fast interchange heuristic and the Lagrangian bound.
struct PMedianCore {
    let m: Int
    let p: Int
    /// Per active point: allowed reachable candidates sorted by cost, and the costs.
    let order: [[Int32]]
    let costs: [[Double]]
    /// Dense costs `r * m + j` (a large penalty where unreachable or not allowed).
    let dense: [Double]
    let fixed: [Int]
    let free: [Int]
    let isFixed: [Bool]
    var a: Int { order.count }
    static let penalty = 1e18

    init(m: Int, p: Int, order: [[Int32]], costs: [[Double]], fixed: [Int], free: [Int]) {
        self.m = m
        self.p = p
        self.order = order
        self.costs = costs
        self.fixed = fixed
        self.free = free
        var isFixed = [Bool](repeating: false, count: m)
        for j in fixed { isFixed[j] = true }
        self.isFixed = isFixed
        var dense = [Double](repeating: Self.penalty, count: order.count * m)
        for r in 0..<order.count {
            for k in 0..<order[r].count { dense[r * m + Int(order[r][k])] = costs[r][k] }
        }
        self.dense = dense
    }

    /// Full cost of an open set (each active point to its nearest open site).
    func evaluate(_ open: [Int]) -> Double {
        var total = 0.0
        for r in 0..<a {
            var best = Double.infinity
            for j in open { best = min(best, dense[r * m + j]) }
            if best >= Self.penalty { return .infinity }
            total += best
        }
        return total
    }

    /// Greedy addition from the existing depots, then best-improvement vertex
    /// substitution (Whitaker's fast interchange) until no swap improves.
    func heuristic(start: [Int]? = nil, deadline: ContinuousClock.Instant?) -> [Int] {
        var open = start ?? fixed
        var isOpen = [Bool](repeating: false, count: m)
        for j in open { isOpen[j] = true }
        var d1 = [Double](repeating: Self.penalty * 10, count: a)
        for r in 0..<a { for j in open { d1[r] = min(d1[r], dense[r * m + j]) } }
        while open.count < p {
            var bestJ = -1, bestGain = -1.0
            for j in free where !isOpen[j] {
                var gain = 0.0
                for r in 0..<a { let c = dense[r * m + j]; if c < d1[r] { gain += d1[r] - c } }
                if gain > bestGain { bestGain = gain; bestJ = j }
            }
            guard bestJ >= 0 else { break }
            open.append(bestJ)
            isOpen[bestJ] = true
            for r in 0..<a { d1[r] = min(d1[r], dense[r * m + bestJ]) }
        }
        // Interchange.
        var n1 = [Int](repeating: -1, count: a)
        var d2 = [Double](repeating: 0, count: a)
        func refresh() {
            for r in 0..<a {
                var b1 = Double.infinity, b2 = Double.infinity, j1 = -1
                for j in open {
                    let c = dense[r * m + j]
                    if c < b1 { b2 = b1; b1 = c; j1 = j } else if c < b2 { b2 = c }
                }
                d1[r] = b1; d2[r] = b2; n1[r] = j1
            }
        }
        refresh()
        var loss = [Double](repeating: 0, count: m)
        var rounds = 0
        while rounds < 10_000 {
            rounds += 1
            if let deadline, ContinuousClock.now >= deadline { break }
            var bestDelta = -1e-9 * max(1, d1.reduce(0, +)), bestIn = -1, bestOut = -1
            for jin in free where !isOpen[jin] {
                var gain = 0.0
                for j in open { loss[j] = 0 }
                for r in 0..<a {
                    let c = dense[r * m + jin]
                    if c < d1[r] { gain += d1[r] - c }
                    loss[n1[r]] += min(d2[r], c) - min(d1[r], c)
                }
                for s in open where !isFixed[s] {
                    let delta = loss[s] - gain
                    if delta < bestDelta { bestDelta = delta; bestIn = jin; bestOut = s }
                }
            }
            guard bestIn >= 0 else { break }
            isOpen[bestOut] = false
            isOpen[bestIn] = true
            open[open.firstIndex(of: bestOut)!] = bestIn
            refresh()
        }
        return open.sorted()
    }

    /// L(u) and the open set attaining it (existing depots + the p − |E| smallest ρ_j).
    func lagrangian(_ u: [Double]) -> (value: Double, rho: [Double], chosen: [Bool]) {
        var rho = [Double](repeating: 0, count: m)
        var total = 0.0
        for r in 0..<a {
            total += u[r]
            let cr = costs[r], orr = order[r]
            var k = 0
            while k < cr.count && cr[k] < u[r] {
                rho[Int(orr[k])] += cr[k] - u[r]
                k += 1
            }
        }
        var chosen = [Bool](repeating: false, count: m)
        for j in fixed { total += rho[j]; chosen[j] = true }
        let ranked = free.sorted { rho[$0] != rho[$1] ? rho[$0] < rho[$1] : $0 < $1 }
        for j in ranked.prefix(p - fixed.count) { total += rho[j]; chosen[j] = true }
        return (total, rho, chosen)
    }

    /// Subgradient ascent on L(u) towards the incumbent value `upper`; stops when
    /// `done(bound)` says the bound suffices, the step vanishes, or at the deadline.
    func subgradient(start: [Double], upper: Double, iterations: Int, deadline: ContinuousClock.Instant?,
                     done: (Double) -> Bool) -> (u: [Double], bound: Double, bestSet: [Int]?, bestSetValue: Double) {
        var u = start
        var bestSet: [Int]?, bestSetValue = Double.infinity
        var bestU = u, best = -Double.infinity
        var theta = 2.0, stall = 0
        var g = [Double](repeating: 0, count: a)
        for it in 0..<iterations {
            if it % 16 == 0, let deadline, ContinuousClock.now >= deadline { break }
            let (value, _, chosen) = lagrangian(u)
            if it % 4 == 0 {
                // Lagrangian heuristic: the relaxation's sites as a primal solution.
                let set = (0..<m).filter { chosen[$0] }
                let cost = evaluate(set)
                if cost < bestSetValue { bestSetValue = cost; bestSet = set }
            }
            if value > best + 1e-9 * max(1, abs(value)) { best = value; bestU = u; stall = 0 } else {
                stall += 1
                if stall >= 15 { theta /= 2; stall = 0 }
            }
            if done(best) || theta < 1e-6 { break }
            var norm = 0.0
            for r in 0..<a {
                var count = 0.0
                var k = 0
                let cr = costs[r], orr = order[r]
                while k < cr.count && cr[k] < u[r] {
                    if chosen[Int(orr[k])] { count += 1 }
                    k += 1
                }
                g[r] = 1 - count
                norm += g[r] * g[r]
            }
            if norm == 0 { break }  // u is optimal for the Lagrangian dual
            let step = theta * max(upper - value, 1e-6 * max(1, abs(upper))) / norm
            for r in 0..<a { u[r] = max(costs[r][0], u[r] + step * g[r]) }
        }
        return (bestU, best, bestSet, bestSetValue)
    }
}
