import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Testing
import TestSupport
@testable import Response

/// The team assignment of every sample scenario (and one generated ladder bundle)
/// against the exact lexicographic optimum computed by HiGHS with a zero gap at every
/// level on the single MIP of docs/formulation.md: Tests/Reference/team_levels_highs.py,
/// fed by the problems this suite writes when `TEAM_REFERENCE_DUMP=<dir>` is set.
@Suite struct TeamReferenceTests {
    /// (bundle, scenario) → on time, in all, worst arrival, weighted arrival (HiGHS 1.16).
    static let reference: [String: TeamAssignmentTests.Key] = [
        "hegang/hg-blizzard-mine": (420.0, 720.0, 6.787248834154175, 1313.0479623290253),
        "hegang/hg-heilongjiang-flood": (480.0, 480.0, 1.911495238095238, 500.03308710847455),
        "hegang/hg-songhua-flood": (666.0, 1620.0, 4.101170105820106, 1634.5071114470986),
        "hegang/hg-spring-fire": (1320.0, 1320.0, 1.6858662131519275, 706.1507032879819),
        "huangshigang/hsg-rain-chemical": (1080.0, 1080.0, 2.245764757503799, 323.5932123326385),
        "huangshigang/hsg-urban-waterlogging": (3300.0, 3300.0, 0.7840713111895331, 946.376244999818),
        "huangshigang/hsg-yangtze-flood": (600.0, 600.0, 0.5072857142857143, 152.1857142857143),
        "ladder100x20/S1": (700.0, 880.0, 5.334540476190476, 2856.326703174603),
        "linjiang/lj-border-forest-fire": (200.0, 200.0, 0.8146100163652379, 63.518505743819034),
        "linjiang/lj-freezing-rain": (0, 0, 0, 0),
        "linjiang/lj-landslide-flashflood": (1200.0, 1200.0, 1.718152380952381, 664.8325254901825),
        "linjiang/lj-yalu-flood": (600.0, 600.0, 0.7164179039628233, 198.92930776774935),
        "manzhouli/mzl-blizzard-port-accident": (330.0, 360.0, 2.213047619047619, 258.8075873015873),
        "manzhouli/mzl-grassland-fire": (300.0, 300.0, 1.2685121693121693, 110.93845767195768),
        "manzhouli/mzl-mine-accident": (120.0, 120.0, 0.1848095238095238, 11.088571428571429),
        "suzhou/sz-coal-mine": (330.0, 330.0, 1.490780952380953, 133.26887619047622),
        "suzhou/sz-huaihong-flood": (480.0, 480.0, 0.9949325396825396, 153.28324073313723),
        "suzhou/sz-huangcangyu-fire": (360.0, 360.0, 0.6858997587943826, 99.37979354280274),
        "suzhou/sz-xinbian-flood-chemical": (1890.0, 1890.0, 4.171772292955123, 1062.029255961007),
    ]

    static func problems(of name: String) throws -> [(String, TeamProblem)] {
        let bundle: ReserveBundle
        if name == "ladder100x20" {
            // The benchmark ladder's 100 townships × 20 items (Benchmarks/DispatchBenchmarks).
            let preset = SyntheticPreset(name: "ladder", gridSide: 160, spacingDegrees: 0.01, provinces: 0, counties: 10,
                                         townshipsPerCounty: 10, items: 20, teams: 40, scenarios: 1)
            bundle = SyntheticBundleGenerator(preset: preset, seed: 7).generate()
        } else {
            bundle = try SampleScenarioTests.load(name)
        }
        let network = try BundleNetwork(bundle: bundle)
        return try bundle.scenarios.map { scenario in
            var inputs = try ScenarioInputs(bundle: bundle, scenario: scenario, network: network, options: ResponseOptions())
            inputs.prepare()
            try inputs.route()
            return ("\(name)/\(scenario.id.rawValue)", inputs.teamProblem())
        }
    }

    /// The decomposed method with a zero gap reaches HiGHS's optimum at every level;
    /// so does the single MIP on the small samples (it is slow on Suzhou's many teams).
    @Test(arguments: SampleScenarioTests.bundles + ["ladder100x20"])
    func matchesHiGHS(bundle name: String) throws {
        for (label, p) in try Self.problems(of: name) {
            if let dir = ProcessInfo.processInfo.environment["TEAM_REFERENCE_DUMP"] { try Self.dump(p, to: "\(dir)/\(label.replacingOccurrences(of: "/", with: "_")).json") }
            let want = try #require(Self.reference[label], "no reference for \(label)")
            let plan = try TeamAssigner(secondaryGap: 0, secondaryTimeLimit: .seconds(600)).assign(p)
            #expect(plan.status == .optimal, "\(label)")
            TeamAssignmentTests.expectEqual(TeamAssignmentTests.key(p, plan), want, label)
            // The defaults (as `reserve dispatch` runs them): levels 1–3 exact, the
            // weighted arrival within its 0.5 % gap.
            let quick = TeamAssignmentTests.key(p, try TeamAssigner(secondaryTimeLimit: .seconds(600)).assign(p))
            #expect(isApproximatelyEqual(quick.onTime, want.onTime) && isApproximatelyEqual(quick.all, want.all), "\(label) defaults")
            #expect(isApproximatelyEqual(quick.worst, want.worst), "\(label) defaults")
            #expect(quick.weighted >= want.weighted - 1e-6 && quick.weighted <= want.weighted / 0.995 + 1e-6, "\(label) defaults: \(quick.weighted) vs \(want.weighted)")
            if p.options.count <= 40 {
                let single = try TeamAssigner(secondaryGap: 0, secondaryTimeLimit: .seconds(600), method: .singleMIP).assign(p)
                TeamAssignmentTests.expectEqual(TeamAssignmentTests.key(p, single), want, "\(label) single MIP")
            }
        }
    }

    /// The problem as JSON for the reference script: teams [headcount, mobilisation h],
    /// requirements [headcount, priority, target h], options [team, requirement, travel h].
    static func dump(_ p: TeamProblem, to path: String) throws {
        var s = "{\"teams\":["
        s += p.teams.map { "[\($0.headcount),\($0.mobilisationHours)]" }.joined(separator: ",")
        s += "],\"requirements\":["
        s += p.requirements.map { "[\($0.headcount),\($0.priority),\($0.targetHours)]" }.joined(separator: ",")
        s += "],\"options\":["
        s += p.options.map { "[\($0.team),\($0.requirement),\($0.travelHours)]" }.joined(separator: ",")
        s += "]}\n"
        try s.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
