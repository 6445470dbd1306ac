import Foundation
import ReserveModel
import Testing

/// GCJ-02 / BD-09 against reference pairs published in well-known implementations'
/// own tests, and the exact inverse's round trip.
@Suite struct ChineseCoordinatesTests {
    /// googollee/eviltransform, python/test.py and go/transform_test.go (`TESTS`):
    /// (wgsLat, wgsLng, gcjLat, gcjLng) for Shanghai, Shenzhen, Beijing.
    static let eviltransform: [(Double, Double, Double, Double)] = [
        (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
        (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
        (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
    ]
    /// Metres between two points (haversine, R = 6371.0088 km).
    static func metres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let r = Double.pi / 180
        let s1 = sin((b.lat - a.lat) * r / 2), s2 = sin((b.lon - a.lon) * r / 2)
        let h = s1 * s1 + cos(a.lat * r) * cos(b.lat * r) * s2 * s2
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    @Test func wgs84ToGCJ02MatchesEviltransform() {
        for (wLat, wLon, gLat, gLon) in Self.eviltransform {
            let g = ChineseCoordinates.wgs84ToGCJ02(GeoPoint(lat: wLat, lon: wLon))
            #expect(abs(g.lat - gLat) < 1e-9 && abs(g.lon - gLon) < 1e-9, "\(g) vs \(gLat), \(gLon)")
        }
    }

    @Test func gcj02ToWGS84IsWithinHalfAMetre() {
        for (wLat, wLon, gLat, gLon) in Self.eviltransform {
            let w = ChineseCoordinates.gcj02ToWGS84(GeoPoint(lat: gLat, lon: gLon))
            // eviltransform's own bar for its exact inverse is 0.5 m; ours lands within 1 cm.
            #expect(Self.metres(w, GeoPoint(lat: wLat, lon: wLon)) < 0.01)
        }
    }

    /// BD-09 → WGS-84 → BD-09 at the Tiananmen reference point. The published BD-09
    /// pair of formulas is not an exact inverse (5.7 cm apart here), well inside 0.5 m.
    @Test func bd09RoundTripsWithinHalfAMetre() {
        let bd = GeoPoint(lat: 39.92133699351021, lon: 116.41036949371029)
        let back = CoordinateSystem.wgs84.convert(CoordinateSystem.bd09.toWGS84(bd), to: .bd09)
        #expect(Self.metres(back, bd) < 0.5)
    }

    /// wandergis/coordtransform, README.md (its usage example's printed results): the
    /// point (116.404, 39.915) through gcj02ToBd09, bd09ToGcj02 and wgs84ToGcj02.
    @Test func bd09AndGCJ02MatchCoordtransform() {
        let p = GeoPoint(lat: 39.915, lon: 116.404)
        let bd = ChineseCoordinates.gcj02ToBD09(p)
        #expect(abs(bd.lon - 116.41036949371029) < 1e-12 && abs(bd.lat - 39.92133699351021) < 1e-12)
        let gcj = ChineseCoordinates.bd09ToGCJ02(p)
        #expect(abs(gcj.lon - 116.39762729119315) < 1e-12 && abs(gcj.lat - 39.90865673957631) < 1e-12)
        let fromWGS = ChineseCoordinates.wgs84ToGCJ02(p)
        #expect(abs(fromWGS.lon - 116.41024449916938) < 1e-12 && abs(fromWGS.lat - 39.91640428150164) < 1e-12)
    }

    /// GCJ-02 → WGS-84 → GCJ-02 on a seeded grid over China: the inverse is exact to
    /// well within 0.5 m everywhere.
    @Test func inverseRoundTripsWithinHalfAMetre() {
        var worst = 0.0
        var state: UInt64 = 2024
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let lat = 18 + Double(state >> 40) / Double(1 << 24) * 35
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let lon = 75 + Double(state >> 40) / Double(1 << 24) * 60
            let gcj = GeoPoint(lat: lat, lon: lon)
            let back = ChineseCoordinates.wgs84ToGCJ02(ChineseCoordinates.gcj02ToWGS84(gcj))
            worst = max(worst, Self.metres(back, gcj))
        }
        #expect(worst < 0.5)
        #expect(worst < 0.01) // in fact centimetre-exact
    }

    @Test func outsideChinaAndCGCS2000AreUnchanged() {
        let helsinki = GeoPoint(lat: 60.17, lon: 24.94)
        #expect(CoordinateSystem.gcj02.toWGS84(helsinki) == helsinki)
        #expect(CoordinateSystem.cgcs2000.toWGS84(GeoPoint(lat: 39.9, lon: 116.4)) == GeoPoint(lat: 39.9, lon: 116.4))
    }

    @Test func bundlePlacesAreConvertedOnce() {
        var manifest = BundleManifest(name: "t")
        manifest.coordinates = .gcj02
        let gcj = GeoPoint(lat: 31.17530398364597, lon: 121.531541859215)
        let bundle = ReserveBundle(manifest: manifest, depots: [Depot(id: "D1", name: "d", level: .county, location: gcj)])
        let converted = bundle.convertingPlacesToWGS84()
        #expect(Self.metres(converted.depots[0].location, GeoPoint(lat: 31.1774276, lon: 121.5272106)) < 0.01)
        #expect(converted.manifest.coordinates == nil)
        #expect(converted.convertingPlacesToWGS84() == converted)
    }
}
