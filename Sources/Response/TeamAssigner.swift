import Foundation
import GLPKBackend
import LinearSolver

/// The answer of a team assignment, per requirement.
public struct TeamPlan: Sendable {
    /// One team sent to one requirement.
    public struct Assignment: Sendable, Hashable {
        /// Index into the problem's teams.
        public var team: Int
        /// Arrival, hours after the alarm (mobilisation + travel).
        public var arrivalHours: Double
        /// Whether it arrives within the requirement's target.
        public var onTime: Bool
    }

    /// What happened to one requirement.
    public struct Outcome: Sendable, Hashable {
        /// Index into the problem's requirements.
        public var requirement: Int
        /// The earliest any matching team could arrive (whether sent or not), if any can.
        public var earliestPossibleArrivalHours: Double?
        /// Teams sent, by arrival.
        public var assignments: [Assignment]
        /// People arriving within the target (capped at the need).
        public var headcountOnTime: Int
        /// People arriving at all (capped at the need).
        public var headcountTotal: Int
        /// Whether the full headcount arrives within the target.
        public var met: Bool
        /// People missing within the target.
        public var missingOnTime: Int
        /// Why it is not met, in a sentence; `nil` when met.
        public var explanation: String?
    }

    /// Status of the weakest level solved.
    public var status: SolutionStatus
    /// One outcome per requirement, in requirement order.
    public var outcomes: [Outcome]
    /// The latest arrival among assigned teams, hours.
    public var worstArrivalHours: Double?
    /// Size of the coverage MIP: with ``TeamAssigner/Method/decomposed`` summed over the
    /// independent parts (no worst-arrival column or rows), with
    /// ``TeamAssigner/Method/singleMIP`` the whole model.
    public var modelSize: GoodsPlan.ModelSize
    /// Wall time of each level (on time, in all, worst arrival, weighted arrival),
    /// summed over the independent parts; for ``TeamAssigner/Method/decomposed`` the
    /// worst-arrival time is the whole bisection. Empty when there was nothing to solve.
    /// Timings vary from run to run: no report that must be reproducible shows them.
    public var levelTimes: [Duration] = []
    /// Branch-and-bound nodes of each level, summed over parts and probes.
    public var levelNodes: [Int] = []
}

/// Assigns teams to risk areas (docs/formulation.md, "teams and the 2-hour target"):
/// as much headcount as possible within the arrival target, then in all, then the
/// earliest worst arrival, then the least headcount-weighted arrival.
///
/// By default (``Method/decomposed``) the problem is split into its independent parts
/// (teams and requirements linked by options), coverage is solved per part as a MIP
/// per level (in all from the on-time level's assignment, and not at all when that
/// assignment already covers every reachable requirement in full),
/// the worst arrival exactly by bisection over the sorted arrival times with a
/// feasibility MIP per probe, and the weighted arrival per part with every later
/// option removed, starting from the last feasible probe. ``Method/singleMIP`` solves
/// the whole model of docs/formulation.md through four lexicographic levels.
public struct TeamAssigner: Sendable {
    /// How the lexicographic levels are solved.
    public enum Method: Sendable, Hashable {
        /// Independent parts, bisection for the worst arrival, warm-started last level.
        case decomposed
        /// One MIP with a worst-arrival variable, four lexicographic levels.
        case singleMIP
    }

    /// Solver options (the time limit applies to the whole assignment).
    public var options: SolveOptions
    /// Time limit of each coverage level (on time, in all).
    public var primaryTimeLimit: Duration
    /// Relative gap of the weighted-arrival level (and of the worst-arrival level of
    /// ``Method/singleMIP``; the decomposed method finds the worst arrival exactly).
    public var secondaryGap: Double
    /// Time limit of each arrival-time level.
    public var secondaryTimeLimit: Duration
    /// How the levels are solved.
    public var method: Method
    /// Backtracking of the weighted-arrival MIP of ``Method/decomposed`` (the other
    /// levels use `options.backtracking`). Depth first by default: after cuts GLPK's
    /// root bound on Suzhou's flood is within 0.3 % of the optimum, so the level ends as
    /// soon as an incumbent within the 0.5 % gap turns up, and diving finds one sooner:
    /// 83 nodes against 789 with best local bound (103 best projection, 405 most
    /// fractional branching, 1,425 hybrid pseudocost; every other sample scenario
    /// needs 1–3 nodes with any of them).
    public var weightedArrivalBacktracking: MIPBacktracking

    /// An assigner with the given solver options; by default cuts are on.
    public init(options: SolveOptions = SolveOptions(cuts: .all), primaryTimeLimit: Duration = .seconds(10),
                secondaryGap: Double = 0.005, secondaryTimeLimit: Duration = .seconds(1), method: Method = .decomposed,
                weightedArrivalBacktracking: MIPBacktracking = .depthFirst) {
        self.weightedArrivalBacktracking = weightedArrivalBacktracking
        self.options = options
        self.primaryTimeLimit = primaryTimeLimit
        self.secondaryGap = secondaryGap
        self.secondaryTimeLimit = secondaryTimeLimit
        self.method = method
    }

    /// Solves the assignment.
    public func assign(_ problem: TeamProblem) throws(DispatchError) -> TeamPlan {
        let issues = problem.validate()
        if !issues.isEmpty { throw .invalidProblem(issues) }
        let p = problem
        let arrival = p.options.map { p.teams[$0.team].mobilisationHours + $0.travelHours }
        let solved: TeamSelection
        if p.options.isEmpty {
            // No pairs at all: nothing to solve, everything unmet.
            solved = TeamSelection(chosen: [], status: .optimal,
                                   size: GoodsPlan.ModelSize(rows: 0, columns: 0, nonZeros: 0, integerColumns: 0),
                                   levelTimes: [], levelNodes: [])
        } else {
            switch method {
            case .decomposed: solved = try decomposedSelection(p, arrival: arrival)
            case .singleMIP: solved = try singleMIPSelection(p, arrival: arrival)
            }
        }
        var optionsOfRequirement = [[Int]](repeating: [], count: p.requirements.count)
        for (k, option) in p.options.enumerated() { optionsOfRequirement[option.requirement].append(k) }
        var outcomes: [TeamPlan.Outcome] = []
        var worstArrival: Double? = nil
        for (r, req) in p.requirements.enumerated() {
            var assignments: [TeamPlan.Assignment] = []
            for k in optionsOfRequirement[r] where solved.chosen[k] {
                assignments.append(TeamPlan.Assignment(team: p.options[k].team, arrivalHours: arrival[k],
                                                       onTime: arrival[k] <= req.targetHours + 1e-9))
                worstArrival = max(worstArrival ?? 0, arrival[k])
            }
            assignments.sort { ($0.arrivalHours, $0.team) < ($1.arrivalHours, $1.team) }
            let inTime = assignments.filter(\.onTime).reduce(0) { $0 + p.teams[$1.team].headcount }
            let all = assignments.reduce(0) { $0 + p.teams[$1.team].headcount }
            let earliest = optionsOfRequirement[r].map { arrival[$0] }.min()
            let onTimeCount = min(inTime, req.headcount), totalCount = min(all, req.headcount)
            let met = onTimeCount >= req.headcount
            var explanation: String? = nil
            if !met {
                if optionsOfRequirement[r].isEmpty {
                    explanation = "no team with specialty \(req.specialty) can reach \(req.area)"
                } else if let earliest, earliest > req.targetHours + 1e-9 {
                    explanation = String(format: "the nearest %@ team needs %.1f h (target %.1f h)", req.specialty.rawValue, earliest, req.targetHours)
                } else {
                    explanation = "only \(onTimeCount) of \(req.headcount) \(req.specialty) people can arrive within \(formatHours(req.targetHours)) (the others are too far or sent elsewhere)"
                }
            }
            outcomes.append(TeamPlan.Outcome(requirement: r, earliestPossibleArrivalHours: earliest, assignments: assignments,
                                             headcountOnTime: onTimeCount, headcountTotal: totalCount, met: met,
                                             missingOnTime: req.headcount - onTimeCount, explanation: explanation))
        }
        return TeamPlan(status: solved.status, outcomes: outcomes, worstArrivalHours: worstArrival, modelSize: solved.size,
                        levelTimes: solved.levelTimes, levelNodes: solved.levelNodes)
    }

    /// The single MIP of docs/formulation.md (T1–T4) through four lexicographic levels:
    /// the reference the decomposed method is tested against.
    func singleMIPSelection(_ p: TeamProblem, arrival: [Double]) throws(DispatchError) -> TeamSelection {
        let (m, go, levels) = singleMIP(p, arrival: arrival)
        let size = GoodsPlan.ModelSize(rows: m.constraintCount, columns: m.variableCount, nonZeros: m.nonZeroCount,
                                       integerColumns: go.count)
        let solutions: [Solution]
        do { solutions = try GLPKSolver(options: options).solve(m, lexicographic: levels) } catch { throw .solver(error) }
        // The status of the level that produced the selection; none: nothing to return.
        guard let final = solutions.last(where: { $0.status.hasSolution }) else {
            throw .noSolution(solutions.last?.status ?? .noSolutionFound)
        }
        let chosen = go.map { final.values[Int($0.index)] > 0.5 }
        let status = final.status
        return TeamSelection(chosen: chosen, status: status, size: size,
                             levelTimes: solutions.map(\.wallTime), levelNodes: solutions.map(\.nodes))
    }

    /// The single MIP [T1]–[T4] with its four levels, rows named by their labels.
    func singleMIP(_ p: TeamProblem, arrival: [Double]) -> (model: Model, go: [Variable], levels: [LexicographicObjective]) {
        var m = Model(name: "teams")
        let go = p.options.map { _ in m.addVariable(.binary) }
        let onTime = p.requirements.map { m.addVariable(upperBound: Double($0.headcount)) }
        let total = p.requirements.map { m.addVariable(upperBound: Double($0.headcount)) }
        let worst = m.addVariable()
        var optionsOfTeam = [[Int]](repeating: [], count: p.teams.count)
        var optionsOfRequirement = [[Int]](repeating: [], count: p.requirements.count)
        for (k, option) in p.options.enumerated() {
            optionsOfTeam[option.team].append(k)
            optionsOfRequirement[option.requirement].append(k)
        }
        // [T1] each team at most once
        for j in p.teams.indices where optionsOfTeam[j].count > 1 {
            m.addConstraint(sum(optionsOfTeam[j]) { go[$0] } <= 1, name: "T1[\(p.teams[j].id)]")
        }
        for r in p.requirements.indices {
            let target = p.requirements[r].targetHours
            let inTime = optionsOfRequirement[r].filter { arrival[$0] <= target + 1e-9 }
            // [T2] on-time cover, [T3] total cover
            m.addConstraint(onTime[r] <= sum(inTime) { Double(p.teams[p.options[$0].team].headcount) * go[$0] }, name: "T2[\(r)]")
            m.addConstraint(total[r] <= sum(optionsOfRequirement[r]) { Double(p.teams[p.options[$0].team].headcount) * go[$0] },
                            name: "T3[\(r)]")
        }
        // [T4] worst arrival, one row per team: a team goes to at most one area, so
        // Σ_r A_jr g_jr is its arrival (tighter than one row per pair).
        for j in p.teams.indices where !optionsOfTeam[j].isEmpty {
            m.addConstraint(sum(optionsOfTeam[j]) { arrival[$0] * go[$0] } - worst <= 0, name: "T4[\(p.teams[j].id)]")
        }

        let levels = [
            LexicographicObjective(.maximize, sum(p.requirements.indices) { p.requirements[$0].priority * onTime[$0] },
                                   name: "headcount on time", absoluteTolerance: 1e-6, timeLimit: primaryTimeLimit),
            LexicographicObjective(.maximize, sum(p.requirements.indices) { p.requirements[$0].priority * total[$0] },
                                   name: "headcount in all", absoluteTolerance: 1e-6, timeLimit: primaryTimeLimit),
            // Arrival times only break ties among equal coverage: a 0.5 % gap and a few
            // seconds are enough, and the report says when a level stopped early.
            LexicographicObjective(.minimize, LinearExpression(worst), name: "worst arrival", absoluteTolerance: 1e-6,
                                   mipGap: secondaryGap, timeLimit: secondaryTimeLimit),
            LexicographicObjective(.minimize, sum(p.options.indices) { Double(p.teams[p.options[$0].team].headcount) * arrival[$0] * go[$0] },
                                   name: "weighted arrival", absoluteTolerance: 1e-6, mipGap: secondaryGap, timeLimit: secondaryTimeLimit),
        ]
        return (m, go, levels)
    }

    private func formatHours(_ h: Double) -> String {
        h == h.rounded() ? "\(Int(h)) h" : String(format: "%.1f h", h)
    }
}
