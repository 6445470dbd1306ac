import BundleGraph
import BundleIO
import Foundation
import ReserveModel
import Testing
import TestSupport
@testable import Response

/// `reserve coverage Data/helsinki` for the storm surge reports every township's
/// flood-team arrival within the 2 h target although the surge cuts the north shore
/// off. That is right, not a coverage that ignores the closures: the volunteer team
/// is based on the north shore. The reference (Tests/Fixtures/helsinki-coverage,
/// written by crosscheck_coverage.py with shapely and networkx over the exported
/// road tables with the closed rows removed and the flood street factor applied)
/// has, per township, the fastest arrival and each team's own.
@Suite struct HelsinkiCoverageTests {
    struct Reference: Decodable {
        var flood_arrival_hours: [String: Double?]
        var flood_arrival_hours_undisrupted: [String: Double?]
        var flood_arrival_hours_by_team: [String: [String: Double?]]
    }

    static func load() throws -> (ReserveBundle, Reference) {
        let bundle = try BundleReader.read(at: packageRoot.appendingPathComponent("Data/helsinki").path).bundle
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/helsinki-coverage/reference.json"))
        return (bundle, try JSONDecoder().decode(Reference.self, from: data))
    }

    @Test("Storm surge: every township's flood-team arrival is networkx's on the disrupted roads")
    func arrivalsOnTheOverlay() throws {
        let (bundle, reference) = try Self.load()
        let coverage = try CoverageAnalyzer().coverage(of: ScenarioID("hel-storm-surge"), in: bundle)
        #expect(coverage.areas.count == 7)
        for area in coverage.areas {
            let expected = try #require(reference.flood_arrival_hours[area.area] ?? nil, "\(area.area)")
            let ours = try #require(area.arrivalHours, "\(area.area) unreachable")
            #expect(abs(ours - expected) <= 1e-9, "\(area.area): \(ours) h against networkx's \(expected) h")
            #expect(area.arrivalMet)
        }
        #expect(coverage.populationShareWithinArrival == 1)
    }

    @Test("The north shore is cut off: only the north-shore team reaches Siltasaari and Hakaniemi west, ~0.45 h later than without the surge")
    func northShoreReachedOnlyFromItsOwnShore() throws {
        let (_, reference) = try Self.load()
        for area in ["HEL-SIL", "HEL-HAK"] {
            for team in ["HEL-F-CEN", "HEL-F-KRU", "HEL-W-RES"] {
                #expect(reference.flood_arrival_hours_by_team[team]?[area] == .some(nil), "\(team) → \(area)")
            }
            let north = try #require(reference.flood_arrival_hours_by_team["HEL-V-NOR"]?[area] ?? nil)
            #expect(reference.flood_arrival_hours[area] == .some(north))
            let calm = try #require(reference.flood_arrival_hours_undisrupted[area] ?? nil)
            #expect(north - calm > 0.4)
        }
        // Without the north-shore team nobody would reach them: the same check through
        // our router, on the scenario's overlay, from the three south-shore teams.
        let (bundle, _) = try Self.load()
        var south = bundle
        south.teams.removeAll { $0.id == TeamID("HEL-V-NOR") }
        let coverage = try CoverageAnalyzer().coverage(of: ScenarioID("hel-storm-surge"), in: south)
        for area in coverage.areas {
            let expected = ["HEL-F-CEN", "HEL-F-KRU", "HEL-W-RES"].compactMap { reference.flood_arrival_hours_by_team[$0]?[area.area] ?? nil }.min()
            switch (area.arrivalHours, expected) {
            case (nil, nil): break
            case let (ours?, theirs?): #expect(abs(ours - theirs) <= 1e-9, "\(area.area)")
            default: Issue.record("\(area.area): \(String(describing: area.arrivalHours)) against \(String(describing: expected))")
            }
        }
        #expect(coverage.areas.filter { $0.arrivalHours == nil }.map(\.area).sorted() == ["HEL-HAK", "HEL-SIL"])
    }
}
