import ReserveModel
import Testing
import TestSupport
@testable import Response

@Suite struct TeamAssignmentTests {
    typealias P = TeamProblem

    /// Hand case. Fire detachment (272 people, 0.5 h to mobilise) is 1 h from the mine
    /// and 3 h from the forest; forest team (200, 1 h) is 0.5 h from the forest;
    /// semi-pro team (60, 0.25 h) is 1 h from the forest. The forest needs 250 firefighters
    /// within 2 h: forest team (1.5 h) + semi-pro (1.25 h) = 260 ≥ 250, met. The mine needs
    /// 100 rescuers (only the detachment has that specialty) within 2 h: arrives at 1.5 h.
    @Test func handCase() throws {
        let p = P(teams: [P.Team(id: "fire", headcount: 272, mobilisationHours: 0.5),
                          P.Team(id: "forest", headcount: 200, mobilisationHours: 1),
                          P.Team(id: "semi", headcount: 60, mobilisationHours: 0.25)],
                  requirements: [P.Requirement(area: "forest", specialty: .forestFire, headcount: 250),
                                 P.Requirement(area: "mine", specialty: .mine, headcount: 100)],
                  options: [P.Option(team: 0, requirement: 0, travelHours: 3),
                            P.Option(team: 1, requirement: 0, travelHours: 0.5),
                            P.Option(team: 2, requirement: 0, travelHours: 1),
                            P.Option(team: 0, requirement: 1, travelHours: 1)])
        let plan = try TeamAssigner().assign(p)
        #expect(plan.status == .optimal)
        #expect(plan.outcomes[0].assignments.map(\.team) == [2, 1])
        #expect(plan.outcomes[0].met && plan.outcomes[1].met)
        #expect(plan.outcomes[1].assignments.map(\.team) == [0])
        #expect(plan.outcomes[1].assignments.first?.arrivalHours == 1.5)
        #expect(plan.worstArrivalHours == 1.5)
        #expect(plan.outcomes[0].earliestPossibleArrivalHours == 1.25)
        // One time and one node count per level, whichever method.
        #expect(plan.levelTimes.count == 4 && plan.levelNodes.count == 4)
        let single = try TeamAssigner(method: .singleMIP).assign(p)
        #expect(single.levelTimes.count == 4 && single.levelNodes.count == 4)
    }

    /// The greedy on-time cover that lets level 1 skip its MIP. A needs 40, B 30, teams
    /// of 30, 20 and 20, everyone on time. B is tighter (30 available for 30 against 70
    /// for 40): it gets the 30 (the smallest team covering it), A the two 20s — full
    /// cover, so no level-1 MIP (0 nodes). With B needing 20 from the 30 or the first 20
    /// only, A is tighter (1.75 against 2.5) and takes the 30 and the first 20, leaving
    /// B nothing: the greedy gives up and the MIP finds A = 20 + 20, B = 30.
    @Test func greedyOnTimeCover() throws {
        let teams = [P.Team(id: "t0", headcount: 30, mobilisationHours: 0), P.Team(id: "t1", headcount: 20, mobilisationHours: 0),
                     P.Team(id: "t2", headcount: 20, mobilisationHours: 0)]
        let full = P(teams: teams,
                     requirements: [P.Requirement(area: "A", specialty: .other, headcount: 40), P.Requirement(area: "B", specialty: .other, headcount: 30)],
                     options: [P.Option(team: 0, requirement: 0, travelHours: 1), P.Option(team: 1, requirement: 0, travelHours: 1),
                               P.Option(team: 2, requirement: 0, travelHours: 1), P.Option(team: 0, requirement: 1, travelHours: 1)])
        let arrival = full.options.map { full.teams[$0.team].mobilisationHours + $0.travelHours }
        let part = try #require(TeamAssigner.parts(of: full).first)
        #expect(TeamAssigner.greedyOnTimeCover(full, part, arrival: arrival) == [1, 2, 3])
        let plan = try TeamAssigner().assign(full)
        #expect(plan.status == .optimal && plan.levelNodes[0] == 0)
        #expect(plan.outcomes.map(\.headcountOnTime) == [40, 30])

        let tricky = P(teams: teams,
                       requirements: [P.Requirement(area: "A", specialty: .other, headcount: 40), P.Requirement(area: "B", specialty: .other, headcount: 20)],
                       options: [P.Option(team: 0, requirement: 0, travelHours: 1), P.Option(team: 1, requirement: 0, travelHours: 1),
                                 P.Option(team: 2, requirement: 0, travelHours: 1), P.Option(team: 0, requirement: 1, travelHours: 1),
                                 P.Option(team: 1, requirement: 1, travelHours: 1)])
        let trickyArrival = tricky.options.map { tricky.teams[$0.team].mobilisationHours + $0.travelHours }
        #expect(TeamAssigner.greedyOnTimeCover(tricky, try #require(TeamAssigner.parts(of: tricky).first), arrival: trickyArrival) == nil)
        let solved = try TeamAssigner().assign(tricky)
        #expect(solved.status == .optimal)
        #expect(solved.outcomes.map(\.headcountOnTime) == [40, 20])
    }

    @Test func unmetRequirementsSayWhy() throws {
        let p = P(teams: [P.Team(id: "far", headcount: 50, mobilisationHours: 1)],
                  requirements: [P.Requirement(area: "village", specialty: .flood, headcount: 40),
                                 P.Requirement(area: "plant", specialty: .chemical, headcount: 10)],
                  options: [P.Option(team: 0, requirement: 0, travelHours: 2.5)])
        let plan = try TeamAssigner().assign(p)
        #expect(plan.outcomes[0].met == false)
        #expect(plan.outcomes[0].headcountTotal == 40 && plan.outcomes[0].headcountOnTime == 0)
        #expect(plan.outcomes[0].explanation == "the nearest flood team needs 3.5 h (target 2.0 h)")
        #expect(plan.outcomes[1].explanation == "no team with specialty chemical can reach plant")
        #expect(plan.outcomes[1].missingOnTime == 10)
    }

    /// Requirement 0 (20 people, priority 2) and 1 (10, priority 1), both with on-time
    /// pairs: most cover 2·20 + 10 = 50. Floor 49.9 leaves requirement 0 at least
    /// (49.9 − 10)/2 = 19.95 → 20 (full) and requirement 1 at least 49.9 − 40 = 9.9 → 10
    /// (full); floor 45 leaves 17.5 → 18 and 5: neither full. Late pairs (team b) of
    /// fully forced requirements leave the model.
    @Test func forcedFullCoverDropsLatePairs() {
        let p = P(teams: [P.Team(id: "a", headcount: 25, mobilisationHours: 0),
                          P.Team(id: "b", headcount: 25, mobilisationHours: 0),
                          P.Team(id: "c", headcount: 10, mobilisationHours: 0)],
                  requirements: [P.Requirement(area: "x", specialty: .other, headcount: 20, priority: 2, targetHours: 2),
                                 P.Requirement(area: "y", specialty: .other, headcount: 10, priority: 1, targetHours: 2)],
                  options: [P.Option(team: 0, requirement: 0, travelHours: 1),
                            P.Option(team: 1, requirement: 0, travelHours: 3),
                            P.Option(team: 2, requirement: 1, travelHours: 1),
                            P.Option(team: 1, requirement: 1, travelHours: 2.5)])
        let part = TeamAssigner.parts(of: p)[0]
        let arrival = p.options.map { p.teams[$0.team].mobilisationHours + $0.travelHours }
        #expect(TeamAssigner.forcedFullOnTime(p, part, kept: part.options, arrival: arrival, floor: 49.9) == [0, 1])
        #expect(TeamAssigner.forcedFullOnTime(p, part, kept: part.options, arrival: arrival, floor: 45).isEmpty)
        let forced = TeamAssigner.partModel(p, part, arrival: arrival, latest: .infinity, floors: (49.9, 49.9))
        #expect(forced.options == [0, 2])
        let free = TeamAssigner.partModel(p, part, arrival: arrival, latest: .infinity, floors: (45, 45))
        #expect(free.options == [0, 1, 2, 3])
    }

    typealias Key = (onTime: Double, all: Double, worst: Double, weighted: Double)

    /// The four level values of an assignment (each team to one option or none).
    static func key(_ p: P, _ choice: [Int?]) -> Key {
        var onTime = [Int](repeating: 0, count: p.requirements.count), all = onTime
        var worst = 0.0, weighted = 0.0
        for (j, k) in choice.enumerated() {
            guard let k else { continue }
            let a = p.teams[j].mobilisationHours + p.options[k].travelHours
            let r = p.options[k].requirement
            all[r] += p.teams[j].headcount
            if a <= p.requirements[r].targetHours + 1e-9 { onTime[r] += p.teams[j].headcount }
            worst = max(worst, a); weighted += Double(p.teams[j].headcount) * a
        }
        let o = p.requirements.indices.reduce(0.0) { $0 + p.requirements[$1].priority * Double(min(onTime[$1], p.requirements[$1].headcount)) }
        let t = p.requirements.indices.reduce(0.0) { $0 + p.requirements[$1].priority * Double(min(all[$1], p.requirements[$1].headcount)) }
        return (o, t, worst, weighted)
    }

    /// The lexicographic optimum by enumerating every assignment.
    static func bruteForce(_ p: P) -> Key {
        var optionsOfTeam = [[Int]](repeating: [], count: p.teams.count)
        for (k, o) in p.options.enumerated() { optionsOfTeam[o.team].append(k) }
        func better(_ a: Key, _ b: Key) -> Bool {
            let e = 1e-9
            if abs(a.onTime - b.onTime) > e { return a.onTime > b.onTime }
            if abs(a.all - b.all) > e { return a.all > b.all }
            if abs(a.worst - b.worst) > e { return a.worst < b.worst }
            return a.weighted < b.weighted - e
        }
        var best: Key? = nil
        var choice = [Int?](repeating: nil, count: p.teams.count)
        func visit(_ j: Int) {
            if j == p.teams.count {
                let k = key(p, choice)
                if best == nil || better(k, best!) { best = k }
                return
            }
            choice[j] = nil
            visit(j + 1)
            for k in optionsOfTeam[j] { choice[j] = k; visit(j + 1) }
            choice[j] = nil
        }
        visit(0)
        return best!
    }

    /// The level values of a plan.
    static func key(_ p: P, _ plan: TeamPlan) -> Key {
        var choice = [Int?](repeating: nil, count: p.teams.count)
        for outcome in plan.outcomes {
            for a in outcome.assignments {
                #expect(choice[a.team] == nil, "team \(a.team) sent twice")
                choice[a.team] = p.options.firstIndex { $0.team == a.team && $0.requirement == outcome.requirement }
            }
        }
        return key(p, choice)
    }

    static func expectEqual(_ got: Key, _ want: Key, _ label: String) {
        #expect(isApproximatelyEqual(got.onTime, want.onTime) && isApproximatelyEqual(got.all, want.all), "\(label): \(got) vs \(want)")
        #expect(isApproximatelyEqual(got.worst, want.worst) && isApproximatelyEqual(got.weighted, want.weighted), "\(label): \(got) vs \(want)")
    }

    /// Random small instances against enumeration of every assignment (each team to
    /// one of its options or none), compared level by level, for both methods.
    @Test(arguments: 0..<25)
    func matchesEnumeration(seed: UInt64) throws {
        var rng = SeededGenerator(seed: 5000 + seed)
        let teamCount = 5, requirementCount = 3
        let teams = (0..<teamCount).map { P.Team(id: TeamID("t\($0)"), headcount: Int.random(in: 10...60, using: &rng),
                                                 mobilisationHours: Double(Int.random(in: 0...4, using: &rng)) * 0.25) }
        let requirements = (0..<requirementCount).map { P.Requirement(area: AreaID("r\($0)"), specialty: .other,
                                                                      headcount: Int.random(in: 20...90, using: &rng),
                                                                      priority: Double(Int.random(in: 1...4, using: &rng)), targetHours: 2) }
        var options: [P.Option] = []
        for j in 0..<teamCount { for r in 0..<requirementCount where Int.random(in: 0...3, using: &rng) > 0 {
            options.append(P.Option(team: j, requirement: r, travelHours: Double(Int.random(in: 1...12, using: &rng)) * 0.25))
        } }
        let p = P(teams: teams, requirements: requirements, options: options)
        let want = Self.bruteForce(p)
        // The decomposed method exact; the single MIP with its default gap, and its
        // status is not checked: GLPK's level optima can exceed the best 0–1 point by
        // the integrality tolerance (226.000454 for 226 in seed 12), which leaves its
        // later levels infeasible and the earlier level's answer standing.
        for assigner in [TeamAssigner(secondaryGap: 0, secondaryTimeLimit: .seconds(600)), TeamAssigner(method: .singleMIP)] {
            let method = assigner.method
            let plan = try assigner.assign(p)
            if method == .decomposed { #expect(plan.status == .optimal, "seed \(seed)") }
            Self.expectEqual(Self.key(p, plan), want, "seed \(seed) \(method)")
        }
    }

    /// Several independent parts (two specialties, teams of one specialty each, and a
    /// requirement nobody can reach): the worst arrival is the latest part's, and the
    /// other parts' last level may use options up to it. Against enumeration.
    @Test(arguments: 0..<15)
    func independentPartsMatchEnumeration(seed: UInt64) throws {
        var rng = SeededGenerator(seed: 7100 + seed)
        let teamCount = 8
        let teams = (0..<teamCount).map { P.Team(id: TeamID("t\($0)"), headcount: Int.random(in: 5...50, using: &rng),
                                                 mobilisationHours: Double(Int.random(in: 0...3, using: &rng)) * 0.25) }
        let requirements = (0..<5).map { P.Requirement(area: AreaID("r\($0)"), specialty: $0 < 2 ? .flood : .forestFire,
                                                       headcount: Int.random(in: 10...80, using: &rng),
                                                       priority: Double(Int.random(in: 1...4, using: &rng)),
                                                       targetHours: Double(Int.random(in: 4...8, using: &rng)) * 0.25) }
        var options: [P.Option] = []
        for j in 0..<teamCount {
            // Teams 0–3 serve requirements 0–1, teams 4–7 requirements 2–3; nobody serves 4.
            let served = j < 4 ? [0, 1] : [2, 3]
            for r in served where Int.random(in: 0...4, using: &rng) > 0 {
                options.append(P.Option(team: j, requirement: r, travelHours: Double(Int.random(in: 1...16, using: &rng)) * 0.25))
            }
        }
        let p = P(teams: teams, requirements: requirements, options: options)
        let plan = try TeamAssigner(secondaryGap: 0, secondaryTimeLimit: .seconds(600)).assign(p)
        #expect(plan.status == .optimal)
        #expect(TeamAssigner.parts(of: p).count >= 2)
        Self.expectEqual(Self.key(p, plan), Self.bruteForce(p), "seed \(seed)")
        #expect(plan.outcomes[4].explanation == "no team with specialty forestFire can reach r4")
    }
}
