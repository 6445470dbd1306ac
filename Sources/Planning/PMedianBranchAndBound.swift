import LinearSolver

/// Lagrangian branch and bound on the site variables y_j of a p-median instance.
///
/// Every node fixes some sites open and some closed. Its bound is the Lagrangian
/// relaxation of the assignment rows [S1] under those fixings,
/// L(u) = Σ_i u_i + Σ_{j open} ρ_j + (the need smallest ρ_j of the free sites),
/// ρ_j = Σ_i min(0, c_ij − u_i), which is a valid lower bound for every u; subgradient
/// ascent, warm-started from the parent's multipliers, tightens it. With the
/// incumbent z, a node is pruned once its bound rounds up to z (no cheaper solution
/// below it), and reduced-cost fixing closes or opens free sites whose flip alone
/// would lift the bound that far. A node with one site left to choose is solved by
/// enumeration. When the search ends without a deadline the incumbent is optimal.
///
/// Depth-first, so the memory is one multiplier vector per level; deterministic (no
/// clocks in any decision except the deadline, which only stops the search).
struct PMedianBranchAndBound {
    let core: PMedianCore
    /// Integer costs: a better solution costs at most z − 1.
    let integral: Bool
    var incumbent: [Int]
    var incumbentValue: Double
    /// Nodes evaluated (bounded or enumerated).
    private(set) var nodes = 0
    /// Local searches run from Lagrangian sites.
    private(set) var localSearches = 0
    /// Sets already used as local-search starts (sorted site lists).
    private var tried: Set<[Int]> = []

    /// Iterations of subgradient ascent at a node (the root has had its own).
    var nodeIterations = 30
    /// At most this many interchange runs from Lagrangian sites (pmed36: the first
    /// few turn the 9965 start into the optimal 9934).
    var localSearchLimit = 20
    /// Polyak step factor at the start of every node, and the non-improving
    /// iterations before it halves. Measured on pmed17/22/36/39: 2 and 10 need 5–15×
    /// fewer nodes than 1 and 5 (pmed22: 41 against 305), 4 diverges (2,503).
    var theta0 = 2.0
    var stallLimit = 10

    /// A search from a feasible incumbent (`value` finite: its cost).
    init(core: PMedianCore, integral: Bool, incumbent: [Int], value: Double) {
        self.core = core
        self.integral = integral
        self.incumbent = incumbent.sorted()
        self.incumbentValue = value
    }

    /// Rounds a bound up to the data's granularity.
    func rounded(_ bound: Double) -> Double {
        integral ? (bound - 1e-6 * max(1, abs(bound))).rounded(.up) : bound
    }

    /// No solution below a node with this bound beats the incumbent.
    func prunes(_ bound: Double) -> Bool {
        incumbentValue - rounded(bound) <= 1e-9 * max(1, abs(incumbentValue))
    }

    private enum Site: Int8 { case free = 0, open = 1, closed = -1 }

    private struct Node {
        var state: [Site]
        var u: [Double]
        var bound: Double
    }

    /// Offers an open set as incumbent; returns whether it improved.
    @discardableResult
    private mutating func offer(_ open: [Int], value: Double) -> Bool {
        guard value < incumbentValue - 1e-9 * max(1, abs(incumbentValue)) else { return false }
        incumbentValue = value
        incumbent = open.sorted()
        return true
    }

    /// Interchange from a Lagrangian open set that is close to the incumbent (each
    /// start once): the relaxation's sites are often a few swaps from a better solution.
    private mutating func improve(from set: [Int], value: Double, deadline: ContinuousClock.Instant?) {
        guard value.isFinite, value <= incumbentValue * 1.02, localSearches < localSearchLimit else { return }
        let key = set.sorted()
        guard tried.insert(key).inserted else { return }
        localSearches += 1
        let local = core.heuristic(start: key, deadline: deadline)
        offer(local, value: core.evaluate(local))
    }

    /// The relaxation at u under `state`: the bound, ρ, the selected free sites and
    /// the ρ of the last selected and first unselected free site.
    private func relax(_ u: [Double], _ state: [Site], need: Int, free: [Int], rho: inout [Double],
                       selected: inout [Bool]) -> (value: Double, last: Double, next: Double) {
        let m = core.m
        for j in 0..<m { rho[j] = 0; selected[j] = false }
        var total = 0.0
        for r in 0..<core.a {
            let ur = u[r]
            total += ur
            let cr = core.costs[r], orr = core.order[r]
            var k = 0
            while k < cr.count && cr[k] < ur {
                rho[Int(orr[k])] += cr[k] - ur
                k += 1
            }
        }
        for j in 0..<m where state[j] == .open { total += rho[j] }
        let ranked = free.sorted { rho[$0] != rho[$1] ? rho[$0] < rho[$1] : $0 < $1 }
        var last = -Double.infinity
        for j in ranked.prefix(need) { total += rho[j]; selected[j] = true; last = rho[j] }
        let next = ranked.count > need ? rho[ranked[need]] : Double.infinity
        return (total, last, next)
    }

    /// Cost of serving every point from its nearest site in `open`, per point.
    private func nearest(_ open: [Int]) -> [Double] {
        (0..<core.a).map { r in
            var best = PMedianCore.penalty * 10
            for j in open { best = min(best, core.dense[r * core.m + j]) }
            return best
        }
    }

    /// Runs the search from the root multipliers `u` (with bound `rootBound`).
    /// Returns `nil` when the search completed (the incumbent is optimal), or else the
    /// best lower bound over the unexplored part (deadline reached).
    mutating func run(u: [Double], rootBound: Double, deadline: ContinuousClock.Instant?, control: SolveControl? = nil) -> Double? {
        let m = core.m, a = core.a, p = core.p
        // Pruning and the step sizes measure against the incumbent's cost.
        guard incumbentValue.isFinite else { return rootBound }
        var rootState = [Site](repeating: .closed, count: m)
        for j in core.free { rootState[j] = .free }
        for j in core.fixed { rootState[j] = .open }
        var stack = [Node(state: rootState, u: u, bound: rootBound)]
        var rho = [Double](repeating: 0, count: m)
        var selected = [Bool](repeating: false, count: m)
        var g = [Double](repeating: 0, count: a)
        var first = true

        while var node = stack.popLast() {
            // Cancelled: stop as at the deadline (the solver throws afterwards).
            if (deadline.map { ContinuousClock.now >= $0 } ?? false) || control?.isStopped == true {
                let pending = stack.map(\.bound).min() ?? node.bound
                return min(incumbentValue, rounded(min(pending, node.bound)))
            }
            if prunes(node.bound) { continue }
            nodes += 1
            var iterations = first ? 20 : nodeIterations
            first = false
            var fixingRounds = 0
            evaluation: while true {
                let open = (0..<m).filter { node.state[$0] == .open }
                let free = (0..<m).filter { node.state[$0] == .free }
                let need = p - open.count
                if need < 0 || free.count < need { break evaluation }
                if need == 0 || free.count == need {
                    let set = open + (need == 0 ? [] : free)
                    offer(set, value: core.evaluate(set))
                    break evaluation
                }
                if need == 1 {
                    // Enumerate the last site: Σ_i min(d_i, c_ij) for every free j.
                    let d = nearest(open)
                    var bestJ = -1, best = Double.infinity
                    for j in free {
                        var total = 0.0
                        for r in 0..<a { total += min(d[r], core.dense[r * m + j]) }
                        if total < best { best = total; bestJ = j }
                    }
                    if bestJ >= 0 && best < PMedianCore.penalty { offer(open + [bestJ], value: best) }
                    break evaluation
                }

                // Subgradient ascent from the node's multipliers.
                var u = node.u
                var bestU = u
                var best = -Double.infinity
                var theta = theta0, stall = 0
                for it in 0..<iterations {
                    let (value, _, _) = relax(u, node.state, need: need, free: free, rho: &rho, selected: &selected)
                    if it % 5 == 0 || it == iterations - 1 {
                        let set = (0..<m).filter { node.state[$0] == .open || selected[$0] }
                        let cost = core.evaluate(set)
                        offer(set, value: cost)
                        improve(from: set, value: cost, deadline: deadline)
                    }
                    if value > best + 1e-9 * max(1, abs(value)) { best = value; bestU = u; stall = 0 } else {
                        stall += 1
                        if stall >= stallLimit { theta /= 2; stall = 0 }
                    }
                    if prunes(best) || theta < 1e-4 { break }
                    var norm = 0.0
                    for r in 0..<a {
                        var count = 0.0
                        var k = 0
                        let cr = core.costs[r], orr = core.order[r]
                        let ur = u[r]
                        while k < cr.count && cr[k] < ur {
                            let j = Int(orr[k])
                            if node.state[j] == .open || selected[j] { count += 1 }
                            k += 1
                        }
                        g[r] = 1 - count
                        norm += g[r] * g[r]
                    }
                    if norm == 0 { break }
                    let target = integral ? incumbentValue - 1 : incumbentValue
                    let step = theta * max(target - value, 1e-6 * max(1, abs(target))) / norm
                    for r in 0..<a { u[r] = max(core.costs[r][0], u[r] + step * g[r]) }
                }
                node.u = bestU
                node.bound = max(node.bound, best)
                if prunes(node.bound) { break evaluation }

                // Reduced-cost fixing at the best multipliers.
                let (value, last, next) = relax(bestU, node.state, need: need, free: free, rho: &rho, selected: &selected)
                var changed = false
                var branch = -1, branchPenalty = -Double.infinity
                for j in free {
                    if selected[j] {
                        let penalty = next - rho[j]
                        if prunes(value + penalty) { node.state[j] = .open; changed = true } else if penalty > branchPenalty {
                            branchPenalty = penalty
                            branch = j
                        }
                    } else if prunes(value + rho[j] - last) {
                        node.state[j] = .closed
                        changed = true
                    }
                }
                if changed {
                    // The fixings tighten the relaxation: ascend a little further.
                    fixingRounds += 1
                    iterations = fixingRounds < 4 ? max(10, nodeIterations / 2) : 5
                    continue evaluation
                }
                guard branch >= 0 else { break evaluation }
                // Branch on the selected free site that is costliest to close: its
                // open child goes first (depth-first, pushed last).
                var closedChild = node
                closedChild.state[branch] = .closed
                closedChild.bound = max(node.bound, value + branchPenalty)
                var openChild = node
                openChild.state[branch] = .open
                stack.append(closedChild)
                stack.append(openChild)
                break evaluation
            }
        }
        return nil
    }
}
