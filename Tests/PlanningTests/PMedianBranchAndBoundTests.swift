import Foundation
import LinearSolver
import Testing
import TestSupport
@testable import Planning

/// The Lagrangian branch and bound on the sites against enumeration of every open set.
struct PMedianBranchAndBoundTests {
    /// The optimum by enumeration (`.infinity` when no p-set serves every active point).
    static func enumerate(_ problem: SitingProblem, p: Int) -> Double {
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        let active = (0..<problem.demandPoints.count).filter { i in
            problem.demandPoints[i].weight > 0 && allowed.contains { problem.hours(demand: i, candidate: $0).isFinite }
        }
        var best = Double.infinity
        for s in BruteForceTests.subsets(allowed) where s.count == p && fixed.allSatisfy(s.contains) {
            var total = 0.0
            for i in active { total += s.map { problem.weightedHours(demand: i, candidate: $0) }.min()! }
            best = min(best, total)
        }
        return best
    }

    /// The core of `problem` as `SitingSolver.pMedian` builds it.
    static func core(_ problem: SitingProblem, p: Int) -> PMedianCore {
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        var order: [[Int32]] = [], costs: [[Double]] = []
        for i in 0..<problem.demandPoints.count where problem.demandPoints[i].weight > 0 {
            var list: [(Double, Int32)] = []
            for j in allowed {
                let c = problem.weightedHours(demand: i, candidate: j)
                if c.isFinite { list.append((c, Int32(j))) }
            }
            if list.isEmpty { continue }
            list.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            order.append(list.map(\.1))
            costs.append(list.map(\.0))
        }
        return PMedianCore(m: problem.candidates.count, p: p, order: order, costs: costs, fixed: fixed,
                           free: allowed.filter { !fixed.contains($0) })
    }

    @Test("search from a poor start and a weak bound finds the enumerated optimum", arguments: 0..<30)
    func fromScratch(_ seed: Int) throws {
        let problem = BruteForceTests.randomProblem(seed: UInt64(500 + seed), candidates: 11, demands: 16)
        let fixed = problem.fixedOpenCandidates, allowed = problem.allowedCandidates
        for p in [max(1, fixed.count), max(2, fixed.count + 1), (allowed.count + fixed.count) / 2] where p <= allowed.count {
            let best = Self.enumerate(problem, p: p)
            guard best.isFinite else { continue }
            let core = Self.core(problem, p: p)
            // Start from the first p allowed sites (existing ones included), and from
            // multipliers at each point's cheapest cost, so the search does the work.
            let start = fixed + core.free.prefix(p - fixed.count)
            guard core.evaluate(start).isFinite else { continue }  // the search needs a feasible start
            let u = core.costs.map { $0[0] }
            let integral = core.costs.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
            var search = PMedianBranchAndBound(core: core, integral: integral, incumbent: start, value: core.evaluate(start))
            let left = search.run(u: u, rootBound: core.lagrangian(u).value, deadline: nil)
            #expect(left == nil)
            #expect(search.incumbentValue.isFinite)
            #expect(isApproximatelyEqual(search.incumbentValue, best, absolute: 1e-7), "seed \(seed) p \(p): \(search.incumbentValue) vs \(best)")
            #expect(isApproximatelyEqual(core.evaluate(search.incumbent), search.incumbentValue, absolute: 1e-9))
            #expect(search.incumbent.count == p && fixed.allSatisfy(search.incumbent.contains))
            // A start that is not optimal can only be improved by visiting nodes.
            if core.evaluate(start) > best + 1e-7 { #expect(search.nodes >= 1) }
        }
    }

    @Test("the solver's branch-and-bound path equals enumeration", arguments: 0..<20)
    func solverPath(_ seed: Int) throws {
        let problem = BruteForceTests.randomProblem(seed: UInt64(900 + seed), candidates: 12, demands: 18)
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        var solver = SitingSolver()
        solver.reducedMIPColumnsPerPoint = 0  // never GLPK: every unproven root goes to the search
        for p in max(1, fixed.count)...min(allowed.count, fixed.count + 4) {
            let best = Self.enumerate(problem, p: p)
            let result = try solver.pMedian(problem, count: p)
            if best.isFinite {
                #expect(result.status == .optimal, "seed \(seed) p \(p)")
                #expect(isApproximatelyEqual(result.objectiveValue ?? .nan, best, absolute: 1e-7), "seed \(seed) p \(p)")
                #expect(result.openSites.count == p && fixed.allSatisfy(result.openSites.contains))
            } else {
                #expect(result.status == .infeasible, "seed \(seed) p \(p)")
            }
        }
    }

    @Test("pmed6 (integrality gap) is proven optimal by the branch and bound")
    func pmed6() throws {
        let instance = try ORLibraryPMedian.parse(try ExternalData.text("orlib-pmed/pmed6.txt"), file: "pmed6.txt")
        var solver = SitingSolver()
        solver.reducedMIPColumnsPerPoint = 0
        let result = try solver.pMedian(instance.sitingProblem(), count: instance.p)
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == 7824)  // pmedopt.txt
        #expect(result.statistics.branchNodes > 0)
        #expect(result.statistics.solves == 0)
    }

    @Test("a passed deadline stops the search with an honest bound")
    func deadline() {
        let problem = BruteForceTests.randomProblem(seed: 77, candidates: 11, demands: 16, unreachable: false)
        let fixed = problem.fixedOpenCandidates
        let p = fixed.count + 2
        let core = Self.core(problem, p: p)
        let start = fixed + core.free.prefix(2)
        let u = core.costs.map { $0[0] }
        let root = core.lagrangian(u).value
        var search = PMedianBranchAndBound(core: core, integral: false, incumbent: start, value: core.evaluate(start))
        let left = search.run(u: u, rootBound: root, deadline: ContinuousClock.now - .seconds(1))
        // Not finished: the bound is the root's (nothing explored), never above the incumbent.
        #expect(left == min(root, core.evaluate(start)))
        #expect(search.nodes == 0)
        #expect(search.incumbent == start.sorted())
        #expect(Self.enumerate(problem, p: p) >= root - 1e-9)
    }
}
