import GLPKBackend
import LinearSolver
import Testing
import TestSupport
@testable import Planning

/// Small random instances: every siting objective against enumeration of all site subsets.
struct BruteForceTests {
    static func randomProblem(seed: UInt64, candidates m: Int, demands n: Int, unreachable: Bool = true,
                              capacities: Bool = false) -> SitingProblem {
        var g = SeededGenerator(seed: seed)
        var candidates: [SitingCandidate] = []
        for j in 0..<m {
            let roll = Int.random(in: 0..<10, using: &g)
            candidates.append(SitingCandidate(id: "c\(j)", fixedCost: Double(Int.random(in: 5...40, using: &g)),
                                              capacity: capacities ? Double(Int.random(in: 10...40, using: &g)) : nil,
                                              fixedOpen: roll == 0, excluded: roll == 1))
        }
        let demands = (0..<n).map { i in
            SitingDemandPoint(id: "d\(i)", weight: Double(Int.random(in: 0...9, using: &g)), demand: Double(Int.random(in: 1...12, using: &g)))
        }
        var hours: [Double] = []
        for _ in 0..<(n * m) {
            if unreachable && Int.random(in: 0..<8, using: &g) == 0 { hours.append(.infinity) } else {
                hours.append(Double(Int.random(in: 1...30, using: &g)) / 4)
            }
        }
        return SitingProblem(candidates: candidates, demandPoints: demands, hours: hours)
    }

    /// Every subset of `items` (as index arrays).
    static func subsets(_ items: [Int]) -> [[Int]] {
        (0..<(1 << items.count)).map { mask in items.indices.filter { mask & (1 << $0) != 0 }.map { items[$0] } }
    }

    @Test("p-median equals enumeration", arguments: 0..<25)
    func pMedian(_ seed: Int) throws {
        let problem = Self.randomProblem(seed: UInt64(seed), candidates: 7, demands: 11)
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        let active = (0..<problem.demandPoints.count).filter { i in
            problem.demandPoints[i].weight > 0 && allowed.contains { problem.hours(demand: i, candidate: $0).isFinite }
        }
        for p in max(1, fixed.count)...allowed.count {
            var best = Double.infinity
            for s in Self.subsets(allowed) where s.count == p && fixed.allSatisfy(s.contains) {
                var total = 0.0
                for i in active { total += s.map { problem.weightedHours(demand: i, candidate: $0) }.min()! }
                best = min(best, total)
            }
            // Few neighbours, so that pricing (and the MIP fallback) has work to do.
            let result = try SitingSolver(initialNeighbours: 1).pMedian(problem, count: p)
            let lpPath = try SitingSolver(initialNeighbours: 1, lagrangianPhase: false).pMedian(problem, count: p)
            #expect(lpPath.status == result.status)
            #expect(lpPath.objectiveValue == nil || isApproximatelyEqual(lpPath.objectiveValue!, best, absolute: 1e-7), "LP path seed \(seed) p \(p)")
            if best.isFinite {
                #expect(result.status == .optimal, "seed \(seed) p \(p)")
                #expect(isApproximatelyEqual(result.objectiveValue ?? .nan, best, absolute: 1e-7), "seed \(seed) p \(p): \(String(describing: result.objectiveValue)) vs \(best)")
                #expect(result.openSites.count == p)
                #expect(fixed.allSatisfy(result.openSites.contains))
            } else {
                #expect(result.status == .infeasible, "seed \(seed) p \(p)")
            }
        }
    }

    @Test("maximal covering equals enumeration", arguments: 0..<20)
    func maxCover(_ seed: Int) throws {
        let problem = Self.randomProblem(seed: UInt64(100 + seed), candidates: 8, demands: 12)
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        let free = allowed.filter { !fixed.contains($0) }
        let limit = 2.5
        for count in 0...3 {
            var best = -1.0
            for s in Self.subsets(free) where s.count <= count {
                let open = s + fixed
                let covered = (0..<problem.demandPoints.count).filter { i in open.contains { problem.hours(demand: i, candidate: $0) <= limit } }
                best = max(best, covered.reduce(0) { $0 + problem.demandPoints[$1].weight })
            }
            let result = try SitingSolver().maxCover(problem, newSites: count, withinHours: limit)
            #expect(result.status == .optimal)
            #expect(isApproximatelyEqual(result.objectiveValue ?? .nan, best, absolute: 1e-7), "seed \(seed) N \(count)")
            #expect(result.newSites.count <= count)
        }
    }

    @Test("set covering equals enumeration", arguments: 0..<20)
    func setCover(_ seed: Int) throws {
        let problem = Self.randomProblem(seed: UInt64(200 + seed), candidates: 8, demands: 12)
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        let free = allowed.filter { !fixed.contains($0) }
        let limit = 2.0
        let coverable = (0..<problem.demandPoints.count).filter { i in allowed.contains { problem.hours(demand: i, candidate: $0) <= limit } }
        var best = Int.max
        for s in Self.subsets(free) {
            let open = s + fixed
            if coverable.allSatisfy({ i in open.contains { problem.hours(demand: i, candidate: $0) <= limit } }) { best = min(best, s.count) }
        }
        let result = try SitingSolver().setCover(problem, withinHours: limit)
        #expect(result.status == .optimal)
        #expect(result.objectiveValue == Double(best), "seed \(seed)")
        let uncoverable = (0..<problem.demandPoints.count).filter { !coverable.contains($0) }
        #expect(result.unreachable == uncoverable)
    }

    @Test("capacitated fixed-charge equals enumeration with an LP per subset", arguments: 0..<15)
    func fixedCharge(_ seed: Int) throws {
        let problem = Self.randomProblem(seed: UInt64(300 + seed), candidates: 6, demands: 9, unreachable: seed % 2 == 0, capacities: true)
        let allowed = problem.allowedCandidates, fixed = problem.fixedOpenCandidates
        let n = problem.demandPoints.count
        let served = (0..<n).filter { i in allowed.contains { problem.serviceCost(demand: i, candidate: $0).isFinite } }
        var best = Double.infinity
        for s in Self.subsets(allowed) where fixed.allSatisfy(s.contains) {
            // Transportation LP over the open sites.
            var model = Model()
            var objective = LinearExpression()
            var capacity = [LinearExpression](repeating: LinearExpression(), count: problem.candidates.count)
            var feasible = true
            for i in served {
                var row = LinearExpression()
                for j in s where problem.serviceCost(demand: i, candidate: j).isFinite {
                    let x = model.addVariable(.continuous, lowerBound: 0, upperBound: 1)
                    objective.add(problem.serviceCost(demand: i, candidate: j), x)
                    row.add(1, x)
                    capacity[j].add(problem.demandPoints[i].demand, x)
                }
                if row.indices.isEmpty { feasible = false; break }
                model.addConstraint(row == 1)
            }
            guard feasible else { continue }
            for j in s { model.addConstraint(capacity[j] <= problem.candidates[j].capacity!) }
            if model.variableCount == 0 { _ = model.addVariable(.continuous, lowerBound: 0, upperBound: 0) }
            model.minimize(objective)
            let solution = try GLPKSolver().solve(model)
            guard solution.status == .optimal, let v = solution.objectiveValue else { continue }
            best = min(best, v + s.reduce(0) { $0 + problem.candidates[$1].fixedCost })
        }
        let result = try SitingSolver().fixedCharge(problem)
        if best.isFinite {
            #expect(result.status == .optimal, "seed \(seed)")
            #expect(isApproximatelyEqual(result.objectiveValue ?? .nan, best, absolute: 1e-6), "seed \(seed): \(String(describing: result.objectiveValue)) vs \(best)")
            // Shares sum to 1 and respect capacities.
            var load = [Double](repeating: 0, count: problem.candidates.count)
            for i in served {
                let total = result.shares[i].reduce(0) { $0 + $1.fraction }
                #expect(abs(total - 1) < 1e-6)
                for share in result.shares[i] {
                    #expect(result.openSites.contains(share.site))
                    load[share.site] += share.fraction * problem.demandPoints[i].demand
                }
            }
            for j in result.openSites { #expect(load[j] <= problem.candidates[j].capacity! + 1e-6) }
        } else {
            #expect(result.status == .infeasible, "seed \(seed)")
        }
    }

    @Test("bad input is reported, not crashed on")
    func badInput() {
        let problem = SitingProblem(candidates: [SitingCandidate(id: "a", fixedCost: -1)],
                                    demandPoints: [SitingDemandPoint(id: "d", weight: .nan)], hours: [1, 2])
        #expect(throws: SitingError.self) { try SitingSolver().pMedian(problem, count: 1) }
        let ok = SitingProblem(candidates: [SitingCandidate(id: "a")], demandPoints: [SitingDemandPoint(id: "d", weight: 1)], hours: [1])
        #expect(throws: SitingError.self) { try SitingSolver().pMedian(ok, count: 2) }
        #expect(throws: SitingError.self) { try SitingSolver().maxCover(ok, newSites: -1, withinHours: 1) }
        #expect(throws: SitingError.self) { try SitingSolver().setCover(ok, withinHours: .nan) }
    }

    @Test("OR-Library readers report the line of a malformed number")
    func malformed() {
        do {
            _ = try ORLibraryPMedian.parse("3 2 1\n1 2 5\n2 x 7\n", file: "bad.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("bad.txt:3:"))
        }
        do {
            _ = try ORLibraryCapacitated.parse("2 1\n10 5.\n10 6\n4\n1.5 abc\n", file: "cap.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 5)
        }
        // Later duplicate edges overwrite earlier ones.
        let p = try? ORLibraryPMedian.parse("3 3 1\n1 2 5\n2 3 1\n2 1 9\n", file: "dup.txt")
        #expect(p?.edges.count == 2)
        #expect(p?.edges.first?.2 == 9)
        #expect(p?.distances()[0 * 3 + 2] == 10)
    }
}
