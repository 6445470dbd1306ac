import BundleIO
import Foundation
import ReserveModel
import Testing

/// Inputs the fuzzer (Fuzz/, RELIABILITY.md) found, replayed through the public
/// reader exactly as the fuzz target ran them: each replaces one file of the tiny
/// bundle. Fixtures/fuzz/ holds the inputs byte for byte.
@Suite struct FuzzRegressionTests {
    func fuzzInput(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz/\(name)", withExtension: nil))
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// FuzzBundleDirectory timeout: a nodes.csv whose `lon` header is damaged puts
    /// every node on one meridian; snapping the depots 130° east then took 10⁹ steps
    /// each (RoadNetwork's SpatialGrid; DegenerateSpatialGridTests has the geometry).
    @Test func nodesWithoutLongitudeValidateWithoutWalkingTheWholeGrid() throws {
        let bundle = try FixtureCopy()
        defer { bundle.remove() }
        try bundle.write("nodes.csv", try fuzzInput("nodes-degenerate-grid.csv"))
        let report = try bundle.validate()
        #expect(report.hasErrors)
        #expect(report.problems.contains { $0.message == "Required column 'lon' is missing from the header." },
                "\(report.problems.map(\.description))")
    }
}
