import RoadNetwork
import Testing
import TestSupport
@testable import RoadImport

/// The cutting tests nodes against the boundary through `BoundaryTest`, which rejects a
/// point outside every polygon's box before any polygon test. Checked here against
/// shapes whose insides have a closed form: a square with a square hole, and an L made
/// of two rectangles (its box holds a corner outside it).
@Suite struct BoundaryTestTests {
    static func point(_ lon: Double, _ lat: Double) -> GeoCoordinate { GeoCoordinate(latitude: lat, longitude: lon) }

    /// Square 10–14° E × 50–54° N with the hole 11–12° E × 51–52° N; the L is
    /// 20–24° E × 50–51° N plus 20–21° E × 51–54° N.
    static let boundary = ImportBoundary(polygons: [
        GeoPolygon(outer: [point(10, 50), point(14, 50), point(14, 54), point(10, 54)],
                   holes: [[point(11, 51), point(12, 51), point(12, 52), point(11, 52)]]),
        GeoPolygon(outer: [point(20, 50), point(24, 50), point(24, 51), point(21, 51), point(21, 54), point(20, 54)]),
    ])

    /// Strictly inside or outside each shape (points on an edge are not drawn).
    static func expected(_ p: GeoCoordinate) -> Bool {
        let (x, y) = (p.longitude, p.latitude)
        let square = x > 10 && x < 14 && y > 50 && y < 54 && !(x > 11 && x < 12 && y > 51 && y < 52)
        let l = (x > 20 && x < 24 && y > 50 && y < 51) || (x > 20 && x < 21 && y > 50 && y < 54)
        return square || l
    }

    @Test func boxesRejectOnlyWhatThePolygonsReject() {
        let test = BoundaryTest(Self.boundary)
        var rng = SeededGenerator(seed: 23)
        var inside = 0, total = 0
        for _ in 0..<20_000 {
            // Coordinates on a 1/1024° lattice offset by half a step: never on an edge.
            let x = (Double(Int.random(in: 8 * 1024..<26 * 1024, using: &rng)) + 0.5) / 1024
            let y = (Double(Int.random(in: 48 * 1024..<56 * 1024, using: &rng)) + 0.5) / 1024
            let p = Self.point(x, y)
            #expect(test.contains(p) == Self.expected(p), "\(x), \(y)")
            #expect(test.contains(p) == Self.boundary.contains(p), "\(x), \(y)")
            if Self.expected(p) { inside += 1 }
            total += 1
        }
        // The shapes cover 15 + 7 = 22 of the 144 square degrees drawn from: about 15 %.
        #expect(inside > total / 10 && inside < total / 5)
        // The L's box holds its empty corner (21–24° E × 51–54° N), which the box alone
        // would take as inside.
        #expect(!test.contains(Self.point(23, 53)))
        #expect(test.boxes[1].contains(Self.point(23, 53)))
    }
}
