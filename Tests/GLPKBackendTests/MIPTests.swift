import Dispatch
import Testing
import TestSupport
@testable import GLPKBackend
@testable import LinearSolver

@Suite struct MIPTests {
    /// 0/1 knapsack on seeded random data against brute force over all 2^n subsets.
    @Test(arguments: 0..<12)
    func knapsackMatchesBruteForce(seed: UInt64) throws {
        let n = 14
        let (m, best, weight, capacity) = Self.knapsack(seed: seed, items: n, weights: 1...30, values: 1...40, fill: 0.4)
        let s = try GLPKSolver().solve(m)
        #expect(s.status == .optimal)
        #expect(s.objectiveValue == best)
        let chosenWeight = (0..<n).reduce(0.0) { $0 + weight[$1] * s.values[$1] }
        #expect(chosenWeight <= capacity + 1e-9)
        #expect(s.values.allSatisfy { $0 == 0 || $0 == 1 })
    }

    /// The absolute gap ends the search once the incumbent is that close to the bound.
    /// Knapsack weights 12, 7, 11, 8, 9, values 24, 13, 23, 15, 16, capacity 26: the
    /// optimum is 51 (items 2, 3, 4; brute force over the 32 subsets), the LP bound
    /// 52.625 (scipy's linprog), which GLPK rounds down to 52 as every value is whole.
    /// Started from items 1 and 3 (47, 5 below that bound), a gap of 6 stops at once
    /// with 47, counted optimal within it. A gap of 3 or none must end at 51: no subset
    /// is worth 48–50 (the feasible values near the top are 44, 47 and 51), and the
    /// bound never falls below the optimum.
    @Test func absoluteGapStopsWithinItsDistanceOfTheBound() throws {
        var m = Model()
        let w = [12.0, 7, 11, 8, 9], v = [24.0, 13, 23, 15, 16]
        let x = (0..<5).map { m.addVariable(.binary, name: "x\($0)") }
        var weight = LinearExpression(), value = LinearExpression()
        for i in 0..<5 { weight += w[i] * x[i]; value += v[i] * x[i] }
        m.addConstraint(weight <= 26, name: "capacity")
        m.maximize(value)
        let start = [1.0, 0, 1, 0, 0]
        for (gap, expected) in [(6.0, 47.0), (3.0, 51.0), (0.0, 51.0)] {
            var options = SolveOptions()
            options.absoluteMIPGap = gap
            let s = try GLPKSolver(options: options).solve(m, warmStart: start)
            #expect(s.status == .optimal, "gap \(gap)")
            #expect(s.objectiveValue == expected, "gap \(gap)")
            if let bound = s.bestBound, gap > 0 { #expect(abs(bound - s.objectiveValue!) <= gap, "gap \(gap)") }
        }
    }

    /// A seeded 0–1 knapsack, its optimum by brute force over all 2^n subsets, the
    /// weights and the capacity (a share `fill` of the total weight).
    static func knapsack(seed: UInt64, items n: Int, weights: ClosedRange<Int>, values: ClosedRange<Int>, fill: Double)
        -> (model: Model, best: Double, weight: [Double], capacity: Double)
    {
        var rng = SeededGenerator(seed: seed)
        let weight = (0..<n).map { _ in Double(Int.random(in: weights, using: &rng)) }
        let value = (0..<n).map { _ in Double(Int.random(in: values, using: &rng)) }
        let capacity = (weight.reduce(0, +) * fill).rounded()
        var best = 0.0
        for mask in 0..<(1 << n) {
            var w = 0.0, v = 0.0
            for k in 0..<n where mask & (1 << k) != 0 { w += weight[k]; v += value[k] }
            if w <= capacity { best = max(best, v) }
        }
        var m = Model(name: "knapsack")
        let take = m.addVariables(count: n, .binary)
        m.maximize(sum(0..<n) { value[$0] * take[$0] })
        m.addConstraint(sum(0..<n) { weight[$0] * take[$0] } <= capacity)
        return (m, best, weight, capacity)
    }

    /// Every branching and backtracking rule reaches the same optimum: knapsacks
    /// against brute force over all 2^n subsets, with and without cuts (presolve off
    /// so that GLPK branches at all on most of them).
    @Test(arguments: 0..<4)
    func everySearchRuleFindsTheOptimum(seed: UInt64) throws {
        let (m, best, _, _) = Self.knapsack(seed: 1700 + seed, items: 16, weights: 5...40, values: 5...50, fill: 0.45)
        for branching in MIPBranching.allCases {
            for backtracking in MIPBacktracking.allCases {
                for cuts in [MIPCuts(), .all] {
                    let options = SolveOptions(presolve: false, cuts: cuts, branching: branching, backtracking: backtracking)
                    let s = try GLPKSolver(options: options).solve(m)
                    #expect(s.status == .optimal, "\(branching) \(backtracking)")
                    #expect(isApproximatelyEqual(s.objectiveValue ?? -1, best), "\(branching) \(backtracking) \(cuts)")
                }
            }
        }
    }

    /// A warm start changes nothing about the optimum: the same knapsacks against brute
    /// force, started from the greedy (feasible) fill, from an infeasible point (ignored)
    /// and from the optimum itself.
    @Test(arguments: 0..<8)
    func warmStartKeepsTheOptimum(seed: UInt64) throws {
        let n = 14
        let (m, best, weight, capacity) = Self.knapsack(seed: 900 + seed, items: n, weights: 1...30, values: 1...40, fill: 0.4)
        var greedy = [Double](repeating: 0, count: n), used = 0.0
        for k in 0..<n where used + weight[k] <= capacity { greedy[k] = 1; used += weight[k] }
        let optimum = try GLPKSolver().solve(m).values
        for start in [greedy, [Double](repeating: 1, count: n), optimum] {
            let s = try GLPKSolver(options: SolveOptions(cuts: .all)).solve(m, warmStart: start)
            #expect(s.status == .optimal)
            #expect(isApproximatelyEqual(s.objectiveValue!, best, absolute: 1e-9), "seed \(seed)")
            #expect((0..<n).reduce(0.0) { $0 + weight[$1] * s.values[$1] } <= capacity + 1e-9)
        }
        #expect(throws: LinearSolverError.self) { try GLPKSolver().solve(m, warmStart: [0, 1]) }
    }

    @Test func feasibilityCheckOfAPoint() {
        var m = Model()
        let x = m.addVariable(.integer, lowerBound: 0, upperBound: 5)
        let y = m.addVariable(lowerBound: 0, upperBound: 1)
        m.addConstraint(x + 2 * y <= 4)
        #expect(m.isFeasible([3, 0.5], tolerance: 1e-9))
        #expect(!m.isFeasible([3.5, 0], tolerance: 1e-9))   // not integral
        #expect(!m.isFeasible([4, 0.5], tolerance: 1e-9))   // row violated
        #expect(!m.isFeasible([6, 0], tolerance: 1e-9))     // bound violated
        #expect(!m.isFeasible([1], tolerance: 1e-9))        // wrong length
    }

    /// Uncapacitated facility location against enumeration of all open sets
    /// (for each open set, every customer uses its cheapest open facility).
    @Test(arguments: 0..<6)
    func facilityLocationMatchesEnumeration(seed: UInt64) throws {
        var rng = SeededGenerator(seed: 100 + seed)
        let facilities = 6, customers = 10
        let fixed = (0..<facilities).map { _ in Double(Int.random(in: 20...80, using: &rng)) }
        let cost = (0..<facilities).map { _ in (0..<customers).map { _ in Double(Int.random(in: 1...40, using: &rng)) } }
        var best = Double.infinity
        for mask in 1..<(1 << facilities) {
            var total = 0.0
            for i in 0..<facilities where mask & (1 << i) != 0 { total += fixed[i] }
            for j in 0..<customers {
                total += (0..<facilities).filter { mask & (1 << $0) != 0 }.map { cost[$0][j] }.min()!
            }
            best = min(best, total)
        }
        var m = Model(name: "ufl")
        let open = m.addVariables(count: facilities, .binary, name: { "open[\($0)]" })
        let serve = (0..<facilities).map { i in m.addVariables(count: customers, name: { "serve[\(i),\($0)]" }) }
        m.minimize(sum(0..<facilities) { fixed[$0] * open[$0] }
                   + sum(0..<facilities) { i in sum(0..<customers) { j in cost[i][j] * serve[i][j] } })
        for j in 0..<customers { m.addConstraint(sum(0..<facilities) { serve[$0][j] } == 1) }
        for i in 0..<facilities { for j in 0..<customers { m.addConstraint(serve[i][j] <= open[i]) } }
        let s = try GLPKSolver().solve(m)
        #expect(s.status == .optimal)
        #expect(isApproximatelyEqual(s.objectiveValue!, best))
        #expect(s.rowDuals.isEmpty) // MIPs carry no duals
    }

    /// Jeroslow's parity problem: 2·Σx + s = n with n odd needs s ≥ 1, but the LP
    /// bound stays 0 until about n/2 variables are fixed, so branch-and-bound needs
    /// exponentially many nodes. The optimum is 1 (any Σx = (n−1)/2), so after a
    /// one-second limit the solver must report a feasible point with objective ≥ 1
    /// and a valid bound ≤ 1.
    @Test func timeLimitGivesFeasibleWithValidBound() throws {
        let n = 61
        var m = Model(name: "jeroslow")
        let x = m.addVariables(count: n, .binary)
        let s = m.addVariable(name: "s")
        m.minimize(LinearExpression(s))
        m.addConstraint(2 * sum(x) + s == Double(n))
        let reports = ProgressLog()
        let options = SolveOptions(timeLimit: .seconds(1), presolve: false,
                                   progress: { reports.append($0); return true }, progressInterval: .milliseconds(200))
        let solution = try GLPKSolver(options: options).solve(m)
        #expect(solution.status == .feasible)
        let objective = try #require(solution.objectiveValue)
        let bound = try #require(solution.bestBound)
        #expect(objective >= 1 - 1e-9)
        #expect(bound <= 1 + 1e-9)
        #expect(bound <= objective)
        #expect(solution.relativeGap! > 0)
        #expect(solution.nodes > 1)
        #expect(!reports.items.isEmpty)
        #expect(reports.items.contains { $0.incumbent != nil })
    }

    @Test(arguments: [true, false])
    func infeasibleMIP(presolve: Bool) throws {
        // 2x = 3 has no integer solution; the LP relaxation (x = 1.5) is feasible.
        var m = Model()
        let x = m.addVariable(.integer, upperBound: 10)
        m.minimize(LinearExpression(x))
        m.addConstraint(2 * x == 3)
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve)).solve(m)
        #expect(s.status == .infeasible)
    }

    @Test(arguments: [true, false])
    func unboundedMIP(presolve: Bool) throws {
        var m = Model()
        let x = m.addVariable(.integer), y = m.addVariable()
        m.maximize(x + y)
        m.addConstraint(x - y <= 1)
        let s = try GLPKSolver(options: SolveOptions(presolve: presolve)).solve(m)
        #expect(s.status == .unbounded)
    }

    @Test func integerVariablesWithNegativeBounds() throws {
        // max x + y with x integer in [-5, 2.5], y integer in [-3, 3], x + 2y <= 4:
        // enumerate: best is x = 2, y = 1 (3) or x = 0, y = 2 (2) … by hand the max is 3.
        var m = Model()
        let x = m.addVariable(.integer, lowerBound: -5, upperBound: 2.5)
        let y = m.addVariable(.integer, lowerBound: -3, upperBound: 3)
        m.maximize(x + y)
        m.addConstraint(x + 2 * y <= 4)
        var best = -Double.infinity
        for a in -5...2 { for b in -3...3 where a + 2 * b <= 4 { best = max(best, Double(a + b)) } }
        let s = try GLPKSolver().solve(m)
        #expect(s.objectiveValue == best)
    }
}

/// Collects progress reports from the solving thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = DispatchQueue(label: "progress")
    private var stored: [MIPProgress] = []
    func append(_ p: MIPProgress) { lock.sync { stored.append(p) } }
    var items: [MIPProgress] { lock.sync { stored } }
}
