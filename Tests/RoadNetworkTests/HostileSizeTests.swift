import Foundation
import RoadNetwork
import Testing

/// Headers that claim far more than the file holds (RELIABILITY.md, "Resource
/// bounds"): readers must not allocate what a header claims before the data is there.
@Suite struct HostileSizeTests {
    /// Regression: `p sp 1000000000 1000000000` made the reader reserve room for 10⁹
    /// arcs (16 GB) and trap when the allocation failed.
    @Test func dimacsClaimingBillionsIsAnErrorNotAnAllocation() {
        let gr = "p sp 1000000000 1000000000\na 1 2 5\na 2 1 5\n"
        #expect(throws: GraphReadError.self) { try DIMACSReader.read(graph: gr, file: "claims.gr") }
        do throws(GraphReadError) {
            _ = try DIMACSReader.read(graph: gr, file: "claims.gr")
        } catch {
            #expect(error.problems.map(\.description) == ["claims.gr:1: problem line declares 1000000000 nodes, far more than 2 arcs can touch"])
        }
    }

    /// Regression: with a `.co` file the 10⁹ declared nodes were allocated as
    /// coordinates (17 GB) before the problem above was reported.
    @Test func dimacsCoordinatesForAnImplausibleNodeCountAreNotAllocated() {
        let gr = "p sp 1000000000 2\na 1 2 5\na 2 1 5\n"
        let co = "p aux sp co 1000000000\nv 1 130000000 47000000\n"
        do throws(GraphReadError) {
            _ = try DIMACSReader.read(graph: gr, file: "claims.gr", coordinates: co, coordinatesFile: "claims.co")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.first?.description == "claims.gr:1: problem line declares 1000000000 nodes, far more than 2 arcs can touch")
        }
    }

    /// The largest arc count an Int holds, and more digits than one holds.
    @Test func dimacsArcCountsBeyondReasonAreErrors() {
        for header in ["p sp 2 9223372036854775807", "p sp 2 99999999999999999999999"] {
            #expect(throws: GraphReadError.self) { try DIMACSReader.read(graph: header + "\na 1 2 5\n", file: "g.gr") }
        }
    }
}
