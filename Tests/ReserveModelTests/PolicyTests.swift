import ReserveModel
import Testing

@Suite("Policies")
struct PolicyTests {
    let policy = Policy(id: "p", name: "p", arrivalHours: 2, reliefHours: 10, overrides: [
        PolicyOverride(hazard: .flood, reliefHours: 8),
        PolicyOverride(responseLevel: .I, arrivalHours: 1.5, reliefHours: 12),
        PolicyOverride(hazard: .flood, responseLevel: .I, reliefHours: 6),
    ])

    @Test("The most specific override wins, field by field")
    func specificity() {
        #expect(policy.targets(hazard: .flood, level: .I) == TargetHours(arrivalHours: 1.5, reliefHours: 6))
        #expect(policy.targets(hazard: .flood, level: .III) == TargetHours(arrivalHours: 2, reliefHours: 8))
        #expect(policy.targets(hazard: .blizzard, level: .I) == TargetHours(arrivalHours: 1.5, reliefHours: 12))
        #expect(policy.targets(hazard: .blizzard, level: .IV) == TargetHours(arrivalHours: 2, reliefHours: 10))
    }

    @Test("Missing targets fall back to the national 2 h / 10 h")
    func defaults() {
        let p = Policy(id: "r", name: "relief only", reliefHours: 8)
        #expect(p.targets(hazard: .mine, level: .II) == TargetHours(arrivalHours: 2, reliefHours: 8))
        #expect(p.hasAnyTarget)
        #expect(!Policy(id: "e", name: "empty", overrides: [PolicyOverride(hazard: .flood)]).hasAnyTarget)
    }

    @Test("A scenario uses its own policy, else the default, else the first")
    func choice() {
        let a = Policy(id: "a", name: "a", reliefHours: 10), b = Policy(id: "b", name: "b", reliefHours: 8)
        var m = BundleManifest(name: "m", policies: [a, b], defaultPolicy: "b")
        var s = Scenario(id: "s", name: "s", hazard: .flood, responseLevel: .III, start: "", season: .summer, incidents: [])
        #expect(m.policy(for: s)?.id == "b")
        s.policy = "a"
        #expect(m.policy(for: s)?.id == "a")
        s.policy = nil
        m.defaultPolicy = nil
        #expect(m.policy(for: s)?.id == "a")
    }
}
