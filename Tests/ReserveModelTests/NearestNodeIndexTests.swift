import ReserveModel
import TestSupport
import Testing

@Suite("Nearest-node index")
struct NearestNodeIndexTests {
    @Test("Agrees with brute force on seeded random points", arguments: 0..<20)
    func bruteForce(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let nodes = (0..<300).map { _ in GeoPoint(lat: Double.random(in: 45...46, using: &rng), lon: Double.random(in: 130...131.5, using: &rng)) }
        let index = NearestNodeIndex(points: nodes)
        for _ in 0..<50 {
            let p = GeoPoint(lat: Double.random(in: 44.9...46.1, using: &rng), lon: Double.random(in: 129.9...131.6, using: &rng))
            let maxKm = Double.random(in: 0.5...20, using: &rng)
            let brute = nodes.map { p.distanceKm(to: $0) }.filter { $0 <= maxKm }.min()
            let found = index.snapDistanceKm(to: p, maxKm: maxKm)
            #expect(found == brute, "seed \(seed) point \(p) max \(maxKm)")
        }
    }

    @Test("Haversine matches a known distance")
    func haversine() {
        // Harbin → Hegang centres: 330.94 km by an independent Python haversine.
        let d = GeoPoint(lat: 45.75, lon: 126.65).distanceKm(to: GeoPoint(lat: 47.35, lon: 130.30))
        #expect(abs(d - 330.94) < 0.01)
    }
}
