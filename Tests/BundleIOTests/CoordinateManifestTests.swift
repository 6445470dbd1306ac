import BundleIO
import Foundation
import ReserveModel
import Testing

/// `"coordinates"` in bundle.json: places are converted to WGS-84 on load.
@Suite struct CoordinateManifestTests {
    @Test(arguments: [CoordinateSystem.gcj02, .bd09, .cgcs2000])
    func placesAreReadInWGS84(_ system: CoordinateSystem) throws {
        let plain = try FixtureCopy()
        defer { plain.remove() }
        let declared = try FixtureCopy()
        defer { declared.remove() }
        try declared.replace("bundle.json", "{", with: "{\"coordinates\": \"\(system.rawValue)\", ")
        let before = try BundleReader.read(at: plain.path).bundle
        let after = try BundleReader.read(at: declared.path).bundle
        #expect(after.manifest.coordinates == nil)
        for (a, b) in zip(before.depots, after.depots) { #expect(b.location == system.toWGS84(a.location)) }
        for (a, b) in zip(before.teams, after.teams) { #expect(b.location == system.toWGS84(a.location)) }
        for (a, b) in zip(before.areas, after.areas) { #expect(b.centroid == a.centroid.map(system.toWGS84)) }
        // Heilongjiang is inside China: GCJ-02 and BD-09 move places by hundreds of metres.
        if system != .cgcs2000 { #expect(before.depots[0].location != after.depots[0].location) }
    }

    @Test func unknownDatumIsAnError() throws {
        let copy = try FixtureCopy()
        defer { copy.remove() }
        try copy.replace("bundle.json", "{", with: "{\"coordinates\": \"gcj-02\", ")
        let problems = try BundleReader.read(at: copy.path).readProblems
        #expect(problems.contains { $0.severity == .error })
    }
}
