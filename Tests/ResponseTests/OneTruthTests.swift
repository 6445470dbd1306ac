import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Response
import Testing
import TestSupport

/// The rules dispatch and coverage share (docs/formats.md, "One truth across
/// commands") on a hand-checkable bundle.
///
/// Layout: township T (乙镇) with villages V1 and V2, every place on a road node, so
/// no access legs. Depot D and team F sit at node n1, one 60 km road at 60 km/h from
/// n2, where T, V1 and V2 are: 1 h. D holds 90 tents, loads at once (handling 0, lead
/// 0). F (flood, 10 people) mobilises in 30 min. The scenario's only incident starts
/// 2 h after the scenario and hits V2: 100 tents, 10 flood people. Targets 2 h / 10 h.
///
/// Worked by hand: a team can be at V2 at 2 + 0.5 + 1 = 3.5 h after the scenario
/// start (target 2 + 2 = 4 h: met). The tents leave at 2 h and arrive at 3 h, 90 of
/// 100: V2's basic-needs share is 0.9 and its relief is not met. Coverage at township
/// level must then judge T not met (its own nearest stock would reach it in 1 h), with
/// V2's team need at 3.5 h; V1, untouched, counts from the scenario start: team 1.5 h,
/// stock 1 h.
@Suite struct OneTruthTests {
    static func bundle() throws -> ReserveBundle {
        let dir = try HandCheckedBundles.oneTruth()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try BundleReader.read(at: dir.path)
        let report = loaded.validate()
        #expect(!report.hasErrors, "\(report.errors.map(\.description))")
        return loaded.bundle
    }

    @Test func dispatchAndCoverageShareArrivalBasicNeedsAndTheAggregateRule() throws {
        let bundle = try Self.bundle()
        let network = try BundleNetwork(bundle: bundle)
        let response = try ResponsePlanner().respond(to: "s", in: bundle, network: network)
        // Dispatch: the fastest arrival includes the incident's 2 h offset.
        let fastest = try #require(response.fastestTeamArrivalHours.first ?? nil)
        #expect(abs(fastest - 3.5) < 1e-9)
        #expect(response.teams.outcomes.first?.met == true)
        let v2 = try #require(response.compliance.first { $0.area == "V2" })
        #expect(abs(v2.shareByDeadline - 0.9) < 1e-9)
        #expect(!v2.reliefMet && v2.fullyServedAtHours == nil)

        let analyzer = CoverageAnalyzer()
        let villages = try analyzer.coverage(of: "s", in: bundle, level: .village, network: network)
        let need = try #require(villages.areas.first { $0.area == "V2" }?.teamNeeds.first)
        #expect(need.fastestArrivalHours == fastest && abs(need.targetHours - 4) < 1e-9 && need.met)
        let v1 = try #require(villages.areas.first { $0.area == "V1" })
        #expect(!v1.affected && v1.teamNeeds.isEmpty)
        #expect(abs((v1.arrivalHours ?? 0) - 1.5) < 1e-9 && v1.arrivalMet)
        #expect(abs((v1.reliefHours ?? 0) - 1) < 1e-9 && v1.reliefMet)

        let townships = try analyzer.coverage(of: "s", in: bundle, level: .township, network: network)
        let t = try #require(townships.areas.first { $0.area == "T" })
        #expect(t.affected)
        #expect(!t.reliefMet && t.reliefHours == nil)
        #expect(t.arrivalHours == fastest && t.arrivalMet)
        #expect(townships.populationShareWithinRelief == 0)
    }
}
