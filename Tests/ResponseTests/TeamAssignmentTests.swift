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
                  requirements: [P.Requirement(area: "forest", specialty: "forestFire", headcount: 250),
                                 P.Requirement(area: "mine", specialty: "mineRescue", headcount: 100)],
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
    }

    @Test func unmetRequirementsSayWhy() throws {
        let p = P(teams: [P.Team(id: "far", headcount: 50, mobilisationHours: 1)],
                  requirements: [P.Requirement(area: "village", specialty: "flood", headcount: 40),
                                 P.Requirement(area: "plant", specialty: "hazmat", headcount: 10)],
                  options: [P.Option(team: 0, requirement: 0, travelHours: 2.5)])
        let plan = try TeamAssigner().assign(p)
        #expect(plan.outcomes[0].met == false)
        #expect(plan.outcomes[0].headcountTotal == 40 && plan.outcomes[0].headcountOnTime == 0)
        #expect(plan.outcomes[0].explanation == "the nearest flood team needs 3.5 h (target 2.0 h)")
        #expect(plan.outcomes[1].explanation == "no team with specialty hazmat can reach plant")
        #expect(plan.outcomes[1].missingOnTime == 10)
    }

    /// Random small instances against enumeration of every assignment (each team to
    /// one of its options or none), compared level by level.
    @Test(arguments: 0..<25)
    func matchesEnumeration(seed: UInt64) throws {
        var rng = SeededGenerator(seed: 5000 + seed)
        let teamCount = 5, requirementCount = 3
        let teams = (0..<teamCount).map { P.Team(id: "t\($0)", headcount: Int.random(in: 10...60, using: &rng),
                                                 mobilisationHours: Double(Int.random(in: 0...4, using: &rng)) * 0.25) }
        let requirements = (0..<requirementCount).map { P.Requirement(area: "r\($0)", specialty: "s",
                                                                      headcount: Int.random(in: 20...90, using: &rng),
                                                                      priority: Double(Int.random(in: 1...4, using: &rng)), targetHours: 2) }
        var options: [P.Option] = []
        for j in 0..<teamCount { for r in 0..<requirementCount where Int.random(in: 0...3, using: &rng) > 0 {
            options.append(P.Option(team: j, requirement: r, travelHours: Double(Int.random(in: 1...12, using: &rng)) * 0.25))
        } }
        let p = P(teams: teams, requirements: requirements, options: options)
        let plan = try TeamAssigner().assign(p)

        var optionsOfTeam = [[Int]](repeating: [], count: teamCount)
        for (k, o) in options.enumerated() { optionsOfTeam[o.team].append(k) }
        // Lexicographic key: (on-time, total, −worst, −weighted), larger is better.
        func key(_ choice: [Int?]) -> (Double, Double, Double, Double) {
            var onTime = [Int](repeating: 0, count: requirementCount), all = onTime
            var worst = 0.0, weighted = 0.0
            for (j, k) in choice.enumerated() {
                guard let k else { continue }
                let a = teams[j].mobilisationHours + options[k].travelHours
                all[options[k].requirement] += teams[j].headcount
                if a <= 2 + 1e-9 { onTime[options[k].requirement] += teams[j].headcount }
                worst = max(worst, a); weighted += Double(teams[j].headcount) * a
            }
            let o = (0..<requirementCount).reduce(0.0) { $0 + requirements[$1].priority * Double(min(onTime[$1], requirements[$1].headcount)) }
            let t = (0..<requirementCount).reduce(0.0) { $0 + requirements[$1].priority * Double(min(all[$1], requirements[$1].headcount)) }
            return (o, t, -worst, -weighted)
        }
        var best: (Double, Double, Double, Double)? = nil
        func visit(_ j: Int, _ choice: [Int?]) {
            if j == teamCount {
                let k = key(choice)
                func better(_ a: (Double, Double, Double, Double), _ b: (Double, Double, Double, Double)) -> Bool {
                    let e = 1e-9
                    if abs(a.0 - b.0) > e { return a.0 > b.0 }
                    if abs(a.1 - b.1) > e { return a.1 > b.1 }
                    if abs(a.2 - b.2) > e { return a.2 > b.2 }
                    return a.3 > b.3 + e
                }
                if best == nil || better(k, best!) { best = k }
                return
            }
            visit(j + 1, choice + [nil])
            for k in optionsOfTeam[j] { visit(j + 1, choice + [k]) }
        }
        visit(0, [])
        var choice = [Int?](repeating: nil, count: teamCount)
        for outcome in plan.outcomes {
            for a in outcome.assignments {
                choice[a.team] = options.firstIndex { $0.team == a.team && $0.requirement == outcome.requirement }
            }
        }
        let got = key(choice)
        #expect(isApproximatelyEqual(got.0, best!.0) && isApproximatelyEqual(got.1, best!.1), "seed \(seed)")
        #expect(isApproximatelyEqual(got.2, best!.2) && isApproximatelyEqual(got.3, best!.3), "seed \(seed)")
    }
}
