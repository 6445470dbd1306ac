import Foundation
import Testing
import TestSupport

/// The README walkthrough on Data/helsinki, with the built binary: importing the
/// fixture extract into a copy of the bundle gives exactly the committed road tables
/// (the sample is reproducible), and the copy validates, dispatches and renders HTML.
@Suite("Data/helsinki: import → validate → dispatch → HTML")
struct HelsinkiSampleTests {
    static let extract = "Tests/Fixtures/external/osm-helsinki/helsinki.osm.pbf"

    @Test func walkthrough() throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("er-helsinki-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: copy) }
        try fm.copyItem(at: packageRoot.appendingPathComponent("Data/helsinki"), to: copy)
        try fm.removeItem(at: copy.appendingPathComponent("roads.csv"))
        try fm.removeItem(at: copy.appendingPathComponent("nodes.csv"))

        let imported = try runReserve(["import", "osm", Self.extract, "--profile", "truck", "--out", copy.path])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        for table in ["nodes.csv", "roads.csv"] {
            let fresh = try Data(contentsOf: copy.appendingPathComponent(table))
            let committed = try Data(contentsOf: packageRoot.appendingPathComponent("Data/helsinki/\(table)"))
            #expect(fresh == committed, "\(table) differs from a fresh import")
        }

        // Re-importing into the bundle snaps every place again: 8 areas, 3 depots, 4 teams, none far.
        let into = try runReserve(["import", "osm", Self.extract, "--profile", "truck", "--into", copy.path, "--warn-metres", "200"])
        #expect(into.exitCode == 0, "\(into.stderr)")
        let placeLines = into.stdout.split(separator: "\n").filter { $0.hasPrefix("area ") || $0.hasPrefix("depot ") || $0.hasPrefix("team ") }
        #expect(placeLines.count == 15, "\(into.stdout)")
        #expect(!into.stdout.contains("farther than"), "\(into.stdout)")

        let validated = try runReserve(["validate", copy.path])
        #expect(validated.exitCode == 0)
        #expect(validated.stderr.contains("0 error(s), 0 warning(s)"), "\(validated.stderr)")

        // The storm surge closes Pitkäsilta: Siltasaari can only be reached from the
        // north shore's depot, which has no tents, so tents there are short for want of a road.
        let surge = try runReserve(["dispatch", copy.path, "--scenario", "hel-storm-surge", "--json"])
        #expect(surge.exitCode == 0, "\(surge.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(surge.stdout.utf8)) as? [String: Any])
        let shortfalls = try #require(report["shortfalls"] as? [[String: Any]])
        #expect(shortfalls.contains { $0["area"] as? String == "HEL-SIL" && $0["item"] as? String == "tent" })
        let fire = try runReserve(["dispatch", copy.path, "--scenario", "hel-kluuvi-fire"])
        #expect(fire.exitCode == 0 && fire.stdout.contains("ALL TARGETS MET"), "\(fire.stdout)")

        let html = try runReserve(["dispatch", copy.path, "--format", "html", "--out", copy.appendingPathComponent("out").path])
        #expect(html.exitCode == 0, "\(html.stderr)")
        let page = try String(contentsOf: copy.appendingPathComponent("out/hel-storm-surge.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("锡尔塔萨里社区"))
    }
}
