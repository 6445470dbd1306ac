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

/// Regression (FuzzBundleDirectory, a timeout): nodes.csv without its `lon` column
/// put every node on longitude 0, 43° of latitude apart, so the spatial grid was one
/// column of 32,001 cells; snapping a place 130° east then walked every ring and, in
/// each ring, every row of the (absent) side columns: 10⁹ steps per snap.
@Suite struct DegenerateSpatialGridTests {
    /// Nodes on one meridian from 4° to 47.31° N and places far to the east.
    static let nodes = [GeoCoordinate(latitude: 47.30, longitude: 0), GeoCoordinate(latitude: 4, longitude: 0),
                        GeoCoordinate(latitude: 47.31, longitude: 0), GeoCoordinate(latitude: 47.302, longitude: 0)]

    @Test func farPointSnapsToTheNearestNodeOfAOneColumnGrid() {
        let grid = SpatialGrid(coordinates: Self.nodes)
        // Projected distance: the longitude offset is the same for all four nodes, so
        // the nearest is the one closest in latitude to 47.3.
        #expect(grid.nearest(to: GeoCoordinate(latitude: 47.3, longitude: 130.3)) == NodeID(0))
        #expect(grid.nearest(to: GeoCoordinate(latitude: 5, longitude: 130.3)) == NodeID(1))
        #expect(grid.nearest(to: GeoCoordinate(latitude: 47.4, longitude: -120)) == NodeID(2))
    }

    /// The transposed case: one row of 32,001 cells along the equator, a query far north.
    @Test func farPointSnapsToTheNearestNodeOfAOneRowGrid() {
        let grid = SpatialGrid(coordinates: [GeoCoordinate(latitude: 0, longitude: 0), GeoCoordinate(latitude: 0, longitude: 100)])
        // (80° N, 99° E): 80.006 from the node at 100° E, 127.3 from the one at 0°.
        #expect(grid.nearest(to: GeoCoordinate(latitude: 80, longitude: 99)) == NodeID(1))
        #expect(grid.nearest(to: GeoCoordinate(latitude: -80, longitude: 1), where: { _ in false }) == nil)
    }

    @Test func noAllowedNodeInAOneColumnGridIsNil() {
        let grid = SpatialGrid(coordinates: Self.nodes)
        #expect(grid.nearest(to: GeoCoordinate(latitude: 47.3, longitude: 130.3), where: { _ in false }) == nil)
        #expect(grid.nearest(to: GeoCoordinate(latitude: 47.3, longitude: 130.3), where: { $0 == NodeID(3) }) == NodeID(3))
    }
}
