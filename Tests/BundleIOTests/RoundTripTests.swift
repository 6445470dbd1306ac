import BundleIO
import Foundation
import ReserveModel
import Testing

@Suite("Round trips")
struct RoundTripTests {
    @Test("The tiny fixture reads with the values written in it")
    func readsFixture() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let loaded = try BundleReader.read(at: copy.path)
        #expect(loaded.readProblems.isEmpty)
        let b = loaded.bundle
        #expect(b.manifest.name == "测试小城")
        #expect(b.areas.map(\.id) == ["R", "A1", "A2"])
        #expect(b.areas[2].name == "新华镇, \"东片\"")
        #expect(b.areas[1].hazards == [HazardExposure(hazard: .flood, risk: .major), HazardExposure(hazard: .blizzard, risk: .high)])
        #expect(b.depots[0].owner == "东区应急管理局\r\n物资科")
        #expect(b.depots[2].mode == .agreement && b.depots[2].terms.leadHours == 2 && b.depots[2].terms.contractCapTonnes == 100)
        #expect(b.items[1].shelfLifeDays == nil && b.items[0].norms.perPersonDay == 7.5)
        #expect(b.stock[0].expiry == CalendarDate("2026-06-01"))
        #expect(b.teams[0].specialties == [.urbanFire, .flood])
        #expect(b.roadEdges[2].speedKmh == 45)
        #expect(b.scenarios.first?.incidents.first?.depotDamage == [DepotDamage(depot: "D2", fractionLost: 0.5)])
        #expect(b.manifest.policies[1].targets(hazard: .flood, level: .I).reliefHours == 6)
    }

    @Test("Directory: read → write → read is equal, and writing twice gives the same bytes")
    func directory() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let original = try BundleReader.read(at: copy.path).bundle
        let out1 = copy.root.appendingPathComponent("out1").path, out2 = copy.root.appendingPathComponent("out2").path
        try BundleWriter.write(original, toDirectory: out1)
        let again = try BundleReader.read(at: out1)
        #expect(again.readProblems.isEmpty)
        #expect(again.bundle == original)
        try BundleWriter.write(again.bundle, toDirectory: out2)
        for (name, _) in BundleWriter.directoryContents(of: original) {
            let a = try Data(contentsOf: URL(fileURLWithPath: out1).appendingPathComponent(name))
            let b = try Data(contentsOf: URL(fileURLWithPath: out2).appendingPathComponent(name))
            #expect(a == b, "\(name) differs")
        }
    }

    @Test("Single JSON: encode → decode is equal and re-encodes to the same bytes")
    func singleJSON() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        let original = try BundleReader.read(at: copy.path).bundle
        let data = try BundleJSON.encodeBundle(original)
        let file = copy.root.appendingPathComponent("bundle-single.json")
        try data.write(to: file)
        let loaded = try BundleReader.read(at: file.path)
        #expect(loaded.readProblems.isEmpty)
        #expect(loaded.bundle == original)
        #expect(try BundleJSON.encodeBundle(loaded.bundle) == data)
        #expect(!loaded.validate().hasErrors)
        // snake_case keys, the same names as the CSV columns.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"capacity_tonnes\"") && text.contains("\"road_edges\"") && text.contains("\"displaced_population\""))
    }

    @Test("GeoJSON roads: written and read back to the same rows")
    func geoJSON() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        var bundle = try BundleReader.read(at: copy.path).bundle
        bundle.manifest.files.roadsGeoJSON = "roads.geojson"
        let out = copy.root.appendingPathComponent("geo").path
        try BundleWriter.write(bundle, toDirectory: out)
        #expect(FileManager.default.fileExists(atPath: out + "/roads.geojson"))
        let back = try BundleReader.read(at: out)
        #expect(back.readProblems.isEmpty)
        #expect(back.bundle == bundle)
    }

    @Test("GeoJSON roads without node ids get nodes from their coordinates")
    func geoJSONWithoutIDs() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.replace("bundle.json", "\"headline_scenario\": \"s-flood\"", with: "\"headline_scenario\": \"s-flood\", \"files\": {\"roads_geojson\": \"r.geojson\", \"nodes\": \"none.csv\", \"scenarios\": []}")
        try copy.write("r.geojson", """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[130.30, 47.30], [130.321, 47.301], [130.34, 47.31]]},
               "properties": {"class": "county"}},
              {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[130.34, 47.31], [130.33, 47.302]]},
               "properties": {"class": "township", "length_km": 1.1, "oneway": true}}]}
            """)
        let loaded = try BundleReader.read(at: copy.path)
        #expect(loaded.readProblems.isEmpty)
        let b = loaded.bundle
        #expect(b.roadNodes.map(\.id) == ["g1", "g2", "g3"])
        #expect(b.roadEdges.map(\.from) == ["g1", "g2"] && b.roadEdges.map(\.to) == ["g2", "g3"])
        // 130.30,47.30 → 130.321,47.301 → 130.34,47.31 measured along the line: ≈ 1.59 + 1.76 km.
        #expect(abs(b.roadEdges[0].lengthKm - 3.35) < 0.05)
        #expect(b.roadEdges[1].lengthKm == 1.1 && b.roadEdges[1].oneway)
    }
}
