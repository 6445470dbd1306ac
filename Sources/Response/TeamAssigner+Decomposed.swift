import GLPKBackend
import LinearSolver

/// Which options a team assignment sends, the weakest status met on the way, and the
/// size of what was solved.
struct TeamSelection {
    /// Per option of the problem: whether that team goes to that requirement.
    var chosen: [Bool]
    var status: SolutionStatus
    var size: GoodsPlan.ModelSize
    /// Per level: wall time and branch-and-bound nodes (see ``TeamPlan/levelTimes``).
    var levelTimes: [Duration]
    var levelNodes: [Int]
}

extension TeamAssigner {
    /// Teams, requirements and options that share no team and no requirement with the
    /// rest: the levels' objectives are sums over parts (coverage, weighted arrival) or
    /// a maximum (worst arrival), so each part can be solved on its own.
    struct Part {
        var teams: [Int]
        var requirements: [Int]
        /// Option indices, increasing.
        var options: [Int]
    }

    /// One requirement's columns in a part model, and its options there (local indices).
    struct RequirementColumns {
        var requirement: Int
        var onTime: Variable
        var total: Variable
        var options: [Int]
        var inTime: [Int]
    }

    /// One part's model: [T1]–[T3] over the part's options that arrive by a given time,
    /// optionally with the coverage optima held as rows. There is no worst-arrival
    /// variable and no [T4] row: the worst arrival is bounded by leaving later options out.
    struct PartModel {
        var model: Model
        /// Option index of each `go` column.
        var options: [Int]
        var go: [Variable]
        /// Σ p_r g_r^on and Σ p_r g_r^all.
        var coverOnTime: LinearExpression
        var coverAll: LinearExpression
        /// Σ c_j A_jr g_jr.
        var weightedArrival: LinearExpression
        /// Per requirement of the part: its on-time and total columns, and its options here.
        var requirementColumns: [RequirementColumns]
    }

    /// Splits the problem into independent parts (union–find over teams and
    /// requirements joined by options); parts in order of their first option.
    static func parts(of p: TeamProblem) -> [Part] {
        // Nodes: teams 0..<T, then requirements T..<T+R.
        var parent = Array(0..<(p.teams.count + p.requirements.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for option in p.options {
            let a = find(option.team), b = find(p.teams.count + option.requirement)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var partOfRoot: [Int: Int] = [:]
        var parts: [Part] = []
        for (k, option) in p.options.enumerated() {
            let root = find(option.team)
            let index: Int
            if let known = partOfRoot[root] {
                index = known
            } else {
                index = parts.count
                partOfRoot[root] = index
                parts.append(Part(teams: [], requirements: [], options: []))
            }
            parts[index].options.append(k)
        }
        for j in p.teams.indices { if let i = partOfRoot[find(j)] { parts[i].teams.append(j) } }
        for r in p.requirements.indices { if let i = partOfRoot[find(p.teams.count + r)] { parts[i].requirements.append(r) } }
        return parts
    }

    /// The model of `part` with only the options arriving by `latest`; with `floors`,
    /// rows Σ p_r g_r^on ≥ floors.onTime and Σ p_r g_r^all ≥ floors.all.
    ///
    /// Coverage coefficients are min(c_j, h_r) rather than c_j: since g_r ≤ h_r, a team
    /// larger than the need covers it alone either way, so the integer points and their
    /// objective values are the same, and the LP relaxation is tighter (a 45-person team
    /// can no longer cover a 20-person need by being sent 0.44 of the way).
    static func partModel(_ p: TeamProblem, _ part: Part, arrival: [Double], latest: Double,
                          floors: (onTime: Double, all: Double)?) -> PartModel {
        var m = Model(name: "teams")
        var kept = part.options.filter { arrival[$0] <= latest }
        if let floors {
            // A requirement the on-time floor forces to full cover gains nothing from a
            // late team: dropping one keeps every row satisfied (g_r^all stays h_r) and
            // only lowers the arrival objectives, so the optimum of each later level is
            // unchanged — and the model shrinks (Suzhou's flood: 317 pairs to 86).
            let full = Self.forcedFullOnTime(p, part, kept: kept, arrival: arrival, floor: floors.onTime)
            kept = kept.filter { k in
                let r = p.options[k].requirement
                return !full.contains(r) || arrival[k] <= p.requirements[r].targetHours + 1e-9
            }
        }
        let go = kept.map { _ in m.addVariable(.binary) }
        var local: [Int: Int] = [:]
        for (i, k) in kept.enumerated() { local[k] = i }
        var optionsOfTeam: [Int: [Int]] = [:]
        var optionsOfRequirement: [Int: [Int]] = [:]
        for (i, k) in kept.enumerated() {
            optionsOfTeam[p.options[k].team, default: []].append(i)
            optionsOfRequirement[p.options[k].requirement, default: []].append(i)
        }
        // [T1] each team at most once
        for j in part.teams {
            if let list = optionsOfTeam[j], list.count > 1 { m.addConstraint(sum(list) { go[$0] } <= 1, name: "T1[\(p.teams[j].id)]") }
        }
        var coverOnTime = LinearExpression(), coverAll = LinearExpression()
        var columns: [RequirementColumns] = []
        for r in part.requirements {
            let req = p.requirements[r]
            let list = optionsOfRequirement[r] ?? []
            let inTime = list.filter { arrival[kept[$0]] <= req.targetHours + 1e-9 }
            let onTime = m.addVariable(upperBound: Double(req.headcount))
            let total = m.addVariable(upperBound: Double(req.headcount))
            func cover(_ i: Int) -> Double { Double(min(p.teams[p.options[kept[i]].team].headcount, req.headcount)) }
            // [T2] on-time cover, [T3] total cover
            m.addConstraint(onTime <= sum(inTime) { cover($0) * go[$0] }, name: "T2[\(r)]")
            m.addConstraint(total <= sum(list) { cover($0) * go[$0] }, name: "T3[\(r)]")
            coverOnTime.add(req.priority, onTime)
            coverAll.add(req.priority, total)
            columns.append(RequirementColumns(requirement: r, onTime: onTime, total: total, options: list, inTime: inTime))
        }
        if let floors {
            m.addConstraint(coverOnTime >= floors.onTime)
            m.addConstraint(coverAll >= floors.all)
            // Implied per requirement: what the floor leaves for r when every other
            // requirement is covered in full. As a pure 0–1 covering row (its left side
            // is an integer, so the bound rounds up) it gives GLPK's cover and MIR cuts
            // something to work on; through g_r alone they see nothing.
            func addImplied(_ floor: Double, _ column: KeyPath<RequirementColumns, Variable>,
                            _ optionsOf: KeyPath<RequirementColumns, [Int]>) {
                let most = columns.map { c in c[keyPath: optionsOf].isEmpty ? 0 : Double(p.requirements[c.requirement].headcount) }
                let total = zip(columns, most).reduce(0.0) { $0 + p.requirements[$1.0.requirement].priority * $1.1 }
                for (i, c) in columns.enumerated() {
                    let priority = p.requirements[c.requirement].priority
                    guard priority > 0, !c[keyPath: optionsOf].isEmpty else { continue }
                    let least = (floor - (total - priority * most[i])) / priority
                    guard least > 1e-9 else { continue }
                    let need = p.requirements[c.requirement].headcount
                    let rounded = min(Double(need), (least - 1e-9).rounded(.up))
                    m.addConstraint(sum(c[keyPath: optionsOf]) { Double(min(p.teams[p.options[kept[$0]].team].headcount, need)) * go[$0] } >= rounded)
                }
            }
            addImplied(floors.onTime, \.onTime, \.inTime)
            addImplied(floors.all, \.total, \.options)
        }
        let weighted = sum(kept.indices) { Double(p.teams[p.options[kept[$0]].team].headcount) * arrival[kept[$0]] * go[$0] }
        return PartModel(model: m, options: kept, go: go, coverOnTime: coverOnTime, coverAll: coverAll,
                         weightedArrival: weighted, requirementColumns: columns)
    }

    /// Requirements whose on-time cover must be complete for Σ p_r g_r^on ≥ `floor`,
    /// even with every other requirement that has an on-time pair in `kept` covered in full.
    static func forcedFullOnTime(_ p: TeamProblem, _ part: Part, kept: [Int], arrival: [Double], floor: Double) -> Set<Int> {
        var hasInTime = Set<Int>()
        for k in kept where arrival[k] <= p.requirements[p.options[k].requirement].targetHours + 1e-9 {
            hasInTime.insert(p.options[k].requirement)
        }
        let most = part.requirements.map { hasInTime.contains($0) ? Double(p.requirements[$0].headcount) : 0 }
        let total = zip(part.requirements, most).reduce(0.0) { $0 + p.requirements[$1.0].priority * $1.1 }
        var full = Set<Int>()
        for (i, r) in part.requirements.enumerated() where hasInTime.contains(r) && p.requirements[r].priority > 0 {
            let priority = p.requirements[r].priority
            let least = (floor - (total - priority * most[i])) / priority
            if least > 1e-9, (least - 1e-9).rounded(.up) >= Double(p.requirements[r].headcount) { full.insert(r) }
        }
        return full
    }

    /// Σ p_r h_r over the part's requirements with an on-time pair (`onTime`) or with
    /// any pair: the most Σ p_r g_r^on (Σ p_r g_r^all) can reach.
    static func mostCoverage(_ p: TeamProblem, _ part: Part, arrival: [Double], onTime: Bool) -> Double {
        var reachable = Set<Int>()
        for k in part.options {
            let r = p.options[k].requirement
            if !onTime || arrival[k] <= p.requirements[r].targetHours + 1e-9 { reachable.insert(r) }
        }
        return reachable.reduce(0.0) { $0 + p.requirements[$1].priority * Double(p.requirements[$1].headcount) }
    }

    /// A greedy on-time cover of the part: requirements with on-time pairs, tightest
    /// first (least on-time headcount available per person needed), each filled with
    /// free on-time teams — the smallest team that covers what is left if one does,
    /// otherwise the largest. `nil` when some requirement cannot be covered in full this
    /// way (the MIP decides then). Deterministic: ties by arrival, then option index.
    static func greedyOnTimeCover(_ p: TeamProblem, _ part: Part, arrival: [Double]) -> Set<Int>? {
        var candidates: [Int: [Int]] = [:]
        for k in part.options where arrival[k] <= p.requirements[p.options[k].requirement].targetHours + 1e-9 {
            candidates[p.options[k].requirement, default: []].append(k)
        }
        func headcount(_ k: Int) -> Int { p.teams[p.options[k].team].headcount }
        func ratio(_ r: Int) -> Double {
            Double(candidates[r]!.reduce(0) { $0 + headcount($1) }) / Double(max(1, p.requirements[r].headcount))
        }
        let order = candidates.keys.sorted { (ratio($0), $0) < (ratio($1), $1) }
        var used = Set<Int>(), sent = Set<Int>()
        for r in order {
            var free = candidates[r]!.filter { !used.contains(p.options[$0].team) }
            var left = p.requirements[r].headcount
            while left > 0 {
                let covering = free.filter { headcount($0) >= left }
                let pick: Int?
                if !covering.isEmpty {
                    pick = covering.min { (headcount($0), arrival[$0], $0) < (headcount($1), arrival[$1], $1) }
                } else {
                    pick = free.min { (-headcount($0), arrival[$0], $0) < (-headcount($1), arrival[$1], $1) }
                }
                guard let k = pick else { return nil }
                sent.insert(k)
                used.insert(p.options[k].team)
                left -= headcount(k)
                free.removeAll { p.options[$0].team == p.options[k].team }
            }
        }
        return sent
    }

    /// Column values of `model` that send the options in `chosen` it holds (cover at the
    /// most the rows allow).
    static func values(sending chosen: Set<Int>, in model: PartModel, _ p: TeamProblem) -> [Double] {
        // Chosen options the model left out are late teams of fully covered
        // requirements: dropping them keeps the point feasible (the solver checks).
        var x = [Double](repeating: 0, count: model.model.variableCount)
        for (i, k) in model.options.enumerated() where chosen.contains(k) { x[Int(model.go[i].index)] = 1 }
        for c in model.requirementColumns {
            let need = p.requirements[c.requirement].headcount
            func covered(_ list: [Int]) -> Double {
                Double(min(need, list.reduce(0) { s, i in
                    chosen.contains(model.options[i]) ? s + min(p.teams[p.options[model.options[i]].team].headcount, need) : s
                }))
            }
            x[Int(c.onTime.index)] = covered(c.inTime)
            x[Int(c.total.index)] = covered(c.options)
        }
        return x
    }

    /// Σ p_r g_r^on and Σ p_r g_r^all when exactly the options in `sent` are chosen.
    static func coverage(of sent: Set<Int>, _ p: TeamProblem, arrival: [Double]) -> (onTime: Double, all: Double) {
        var onTime = [Int](repeating: 0, count: p.requirements.count), all = onTime
        for k in sent {
            let r = p.options[k].requirement
            let people = p.teams[p.options[k].team].headcount
            all[r] += people
            if arrival[k] <= p.requirements[r].targetHours + 1e-9 { onTime[r] += people }
        }
        var result = (onTime: 0.0, all: 0.0)
        for (r, req) in p.requirements.enumerated() {
            result.onTime += req.priority * Double(min(onTime[r], req.headcount))
            result.all += req.priority * Double(min(all[r], req.headcount))
        }
        return result
    }

    /// The decomposed method (see ``Method/decomposed``): the parts' coverage levels,
    /// then the worst arrival by bisection, then the weighted arrival.
    func decomposedSelection(_ p: TeamProblem, arrival: [Double]) throws(DispatchError) -> TeamSelection {
        var run = DecomposedTeamRun(assigner: self, p: p, arrival: arrival)
        try run.coverageLevels()
        let worst = try run.worstArrivalLevel()
        try run.weightedArrivalLevel(worst: worst)
        return run.selection()
    }
}

/// One solve of the decomposed method, cut along its levels (docs/formulation.md,
/// "How the levels are solved"). Per part it keeps the coverage floors and the best
/// assignment known, which each level improves.
struct DecomposedTeamRun {
    let assigner: TeamAssigner
    let p: TeamProblem
    let arrival: [Double]
    let parts: [TeamAssigner.Part]
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var size = GoodsPlan.ModelSize(rows: 0, columns: 0, nonZeros: 0, integerColumns: 0)
    var failure: SolutionStatus? = nil
    var proven = true
    /// Per part: coverage floors and the best assignment known (feasible for them).
    var floors: [(onTime: Double, all: Double)?]
    var best: [Set<Int>]
    var levelTimes = [Duration](repeating: .zero, count: 4)
    var levelNodes = [Int](repeating: 0, count: 4)

    init(assigner: TeamAssigner, p: TeamProblem, arrival: [Double]) {
        self.assigner = assigner
        self.p = p
        self.arrival = arrival
        parts = TeamAssigner.parts(of: p)
        start = clock.now
        floors = Array(repeating: nil, count: parts.count)
        best = Array(repeating: [], count: parts.count)
    }

    /// `own`, but never past the overall time limit.
    func limit(_ own: Duration?) -> Duration? {
        guard let overall = assigner.options.timeLimit else { return own }
        let left = max(.milliseconds(1), overall - start.duration(to: clock.now))
        return own.map { min($0, left) } ?? left
    }

    func solver(timeLimit: Duration?, gap: Double? = nil, level: Int) -> GLPKSolver {
        var o = assigner.options
        if level == 4 { o.backtracking = assigner.weightedArrivalBacktracking }
        o.timeLimit = limit(timeLimit)
        if let gap { o.relativeMIPGap = gap }
        return GLPKSolver(options: o)
    }

    func slack(_ v: Double) -> Double { abs(v) * 1e-6 + 1e-6 }

    /// Levels 1–2, coverage: a small MIP per part.
    mutating func coverageLevels() throws(DispatchError) {
        let p = self.p, arrival = self.arrival
        for (i, part) in parts.enumerated() {
            let full = TeamAssigner.partModel(p, part, arrival: arrival, latest: .infinity, floors: nil)
            size.rows += full.model.constraintCount
            size.columns += full.model.variableCount
            size.nonZeros += full.model.nonZeroCount
            size.integerColumns += full.go.count
            // Level 1, then level 2 from level 1's assignment (a warm start), with level
            // 1 held as a row from the rounded assignment (as the floors below). Neither
            // is solved as a MIP when a simple assignment already reaches the most any
            // can: level 1 when a greedy cover covers every requirement that has an
            // on-time pair in full on time (Suzhou's flood: a 25-node MIP saved), level 2
            // when level 1's assignment covers every requirement that has a pair in full
            // (a 51-node MIP).
            var solutions: [Solution] = []
            func chosen(_ solution: Solution, in model: TeamAssigner.PartModel) -> Set<Int> {
                Set(model.options.indices.filter { solution.values[Int(model.go[$0].index)] > 0.5 }.map { model.options[$0] })
            }
            var sent: Set<Int> = []
            let greedyStart = clock.now
            let mostOnTime = TeamAssigner.mostCoverage(p, part, arrival: arrival, onTime: true)
            if let greedy = TeamAssigner.greedyOnTimeCover(p, part, arrival: arrival),
               TeamAssigner.coverage(of: greedy, p, arrival: arrival).onTime >= mostOnTime - slack(mostOnTime) {
                // Every requirement with an on-time pair is covered in full on time: the
                // most any assignment can, so level 1 needs no MIP.
                sent = greedy
                solutions.append(Solution(status: .optimal, wallTime: greedyStart.duration(to: clock.now)))
            } else {
                var onTimeModel = full
                onTimeModel.model.maximize(full.coverOnTime)
                let first: Solution
                do { first = try solver(timeLimit: assigner.primaryTimeLimit, level: 1).solve(onTimeModel.model) } catch { throw .solver(error) }
                solutions.append(first)
                if first.status.hasSolution { sent = chosen(first, in: onTimeModel) }
            }
            levelTimes[0] += solutions[0].wallTime
            levelNodes[0] += solutions[0].nodes
            if solutions[0].status.hasSolution {
                let reached = TeamAssigner.coverage(of: sent, p, arrival: arrival)
                let most = TeamAssigner.mostCoverage(p, part, arrival: arrival, onTime: false)
                if reached.all >= most - slack(most) {
                    solutions.append(Solution(status: .optimal))
                } else {
                    var allModel = full
                    allModel.model.addConstraint(full.coverOnTime >= reached.onTime - slack(reached.onTime))
                    allModel.model.maximize(full.coverAll)
                    let second: Solution
                    do {
                        second = try solver(timeLimit: assigner.primaryTimeLimit, level: 2)
                            .solve(allModel.model, warmStart: TeamAssigner.values(sending: sent, in: allModel, p))
                    } catch { throw .solver(error) }
                    solutions.append(second)
                    levelTimes[1] += second.wallTime
                    levelNodes[1] += second.nodes
                    if second.status.hasSolution { sent = chosen(second, in: allModel) }
                }
            }
            best[i] = sent
            guard solutions.count == 2, solutions.allSatisfy({ $0.status == .optimal || $0.status == .feasible }) else {
                // Without both coverage optima this part keeps what it has.
                failure = failure ?? (solutions.last?.status ?? .noSolutionFound)
                continue
            }
            if solutions.contains(where: { $0.status != .optimal }) { proven = false }
            // The floors come from the rounded assignment, not from GLPK's objective
            // values: those may exceed what any 0–1 point reaches by the integrality
            // tolerance (226.000454 for 226), which would make every later level infeasible.
            let (onTime, all) = TeamAssigner.coverage(of: sent, p, arrival: arrival)
            floors[i] = (onTime - slack(onTime), all - slack(all))
        }
    }

    /// Level 3, the worst arrival, by bisection per part; returns it.
    mutating func worstArrivalLevel() throws(DispatchError) -> Double {
        let p = self.p, arrival = self.arrival
        // Level 3, worst arrival: per part the least arrival time by which an assignment
        // with both coverage optima exists, by bisection over the part's sorted arrival
        // times (each probe a feasibility MIP); the problem's worst arrival is the
        // largest of these, and exact unless a probe ran out of time.
        let bisectionStart = clock.now
        var worst = 0.0
        var probes = 0
        for (i, part) in parts.enumerated() {
            guard let floor = floors[i] else { continue }
            let upper = best[i].map { arrival[$0] }.max() ?? 0
            if best[i].isEmpty { continue }
            var times = Array(Set(part.options.map { arrival[$0] }.filter { $0 <= upper })).sorted()
            if times.last != upper { times.append(upper) }
            var lo = 0, hi = times.count - 1
            while lo < hi {
                let left = assigner.secondaryTimeLimit - bisectionStart.duration(to: clock.now)
                guard left > .zero else { proven = false; break }
                let mid = (lo + hi) / 2
                let probe = TeamAssigner.partModel(p, part, arrival: arrival, latest: times[mid], floors: floor)
                let solution: Solution
                do { solution = try solver(timeLimit: left, level: 3).solve(probe.model) } catch { throw .solver(error) }
                levelNodes[2] += solution.nodes
                probes += 1
                if solution.status.hasSolution {
                    let sent = Set(probe.options.indices.filter { solution.values[Int(probe.go[$0].index)] > 0.5 }.map { probe.options[$0] })
                    best[i] = sent
                    let reached = sent.map { arrival[$0] }.max() ?? 0
                    hi = times.firstIndex { $0 >= reached } ?? mid
                } else {
                    // Infeasible: the optimum is later. Undecided (time): later too, not proven.
                    if solution.status != .infeasible { proven = false }
                    lo = mid + 1
                }
            }
            worst = max(worst, best[i].map { arrival[$0] }.max() ?? 0)
        }
        levelTimes[2] = bisectionStart.duration(to: clock.now)
        assigner.options.logger.debug("team assignment: \(parts.count) parts, coverage \(start.duration(to: bisectionStart)) (\(levelNodes[0]) + \(levelNodes[1]) nodes); worst arrival \(worst) h, bisection \(levelTimes[2]) (\(probes) probes, \(levelNodes[2]) nodes)",
                                       metadata: ["code": "teamCoverage", "parts": "\(parts.count)", "coverageMs": "\(start.duration(to: bisectionStart).logMilliseconds)",
                                                  "nodes1": "\(levelNodes[0])", "nodes2": "\(levelNodes[1])", "worst": "\(worst)",
                                                  "bisectionMs": "\(levelTimes[2].logMilliseconds)", "probes": "\(probes)", "nodes3": "\(levelNodes[2])"])
        return worst
    }

    /// Level 4, the weighted arrival, per part.
    mutating func weightedArrivalLevel(worst: Double) throws(DispatchError) {
        let p = self.p, arrival = self.arrival
        // Level 4, weighted arrival: per part, options after the worst arrival left out,
        // starting from the part's last feasible probe.
        let weightedStart = clock.now
        for (i, part) in parts.enumerated() {
            guard let floor = floors[i], !best[i].isEmpty else { continue }
            let left = assigner.secondaryTimeLimit - weightedStart.duration(to: clock.now)
            guard left > .zero else { proven = false; continue }
            var model = TeamAssigner.partModel(p, part, arrival: arrival, latest: worst, floors: floor)
            model.model.minimize(model.weightedArrival)
            let solution: Solution
            do {
                let s = solver(timeLimit: left, gap: assigner.secondaryGap, level: 4)
                solution = try s.solve(model.model, warmStart: TeamAssigner.values(sending: best[i], in: model, p))
            } catch { throw .solver(error) }
            levelNodes[3] += solution.nodes
            if solution.status.hasSolution {
                best[i] = Set(model.options.indices.filter { solution.values[Int(model.go[$0].index)] > 0.5 }.map { model.options[$0] })
            }
            if solution.status != .optimal { proven = false }
        }

        levelTimes[3] = weightedStart.duration(to: clock.now)
        assigner.options.logger.debug("team assignment: weighted arrival \(levelTimes[3]) (\(levelNodes[3]) nodes)",
                                       metadata: ["code": "teamWeighted", "ms": "\(levelTimes[3].logMilliseconds)", "nodes": "\(levelNodes[3])"])
    }

    /// The chosen options of every part, and the status the levels earned.
    func selection() -> TeamSelection {
        var chosen = [Bool](repeating: false, count: p.options.count)
        for set in best { for k in set { chosen[k] = true } }
        let status: SolutionStatus = failure ?? (proven ? .optimal : .feasible)
        return TeamSelection(chosen: chosen, status: status, size: size, levelTimes: levelTimes, levelNodes: levelNodes)
    }
}
