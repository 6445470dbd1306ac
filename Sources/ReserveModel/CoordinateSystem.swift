import Foundation

/// The datum a bundle's places are given in (`"coordinates"` in bundle.json).
///
/// Chinese web maps do not publish WGS-84: Amap (高德) and Tencent use GCJ-02 (国测局
/// 坐标), an obfuscated offset of up to ~500 m, and Baidu uses BD-09, a further offset
/// of GCJ-02. CGCS2000, China's geodetic datum, differs from WGS-84 by centimetres
/// and is taken as equal.
public enum CoordinateSystem: String, CaseIterable, Hashable, Codable, Sendable {
    case wgs84, cgcs2000, gcj02, bd09

    /// Converts a point given in `self` to WGS-84.
    public func toWGS84(_ p: GeoPoint) -> GeoPoint {
        switch self {
        case .wgs84, .cgcs2000: p
        case .gcj02: ChineseCoordinates.gcj02ToWGS84(p)
        case .bd09: ChineseCoordinates.gcj02ToWGS84(ChineseCoordinates.bd09ToGCJ02(p))
        }
    }

    /// Converts a WGS-84 point to `self`.
    public func fromWGS84(_ p: GeoPoint) -> GeoPoint {
        switch self {
        case .wgs84, .cgcs2000: p
        case .gcj02: ChineseCoordinates.wgs84ToGCJ02(p)
        case .bd09: ChineseCoordinates.gcj02ToBD09(ChineseCoordinates.wgs84ToGCJ02(p))
        }
    }

    /// Converts a point from `self` to `target` (through WGS-84, or directly between
    /// GCJ-02 and BD-09).
    public func convert(_ p: GeoPoint, to target: CoordinateSystem) -> GeoPoint {
        switch (self, target) {
        case (.gcj02, .bd09): ChineseCoordinates.gcj02ToBD09(p)
        case (.bd09, .gcj02): ChineseCoordinates.bd09ToGCJ02(p)
        default: target.fromWGS84(toWGS84(p))
        }
    }
}

/// The published GCJ-02 and BD-09 transforms.
///
/// GCJ-02 (the "Mars" offset) as leaked in 2008 and used by every open
/// implementation (eviltransform, coordtransform): Krasovsky-ellipsoid constants
/// `a = 6378245 m`, `e² = 0.00669342162296594323`, and the two polynomial-plus-sine
/// offset functions below, applied only inside China's rough bounding box
/// (72.004–137.8347° E, 0.8293–55.8271° N); outside it the point is unchanged.
/// BD-09 rotates and shifts GCJ-02 (`x_pi = π × 3000 / 180`).
///
/// GCJ-02 → WGS-84 has no closed form; ``gcj02ToWGS84(_:)`` iterates the forward
/// transform to a fixed point (each step shrinks the error ~1,000-fold) until it moves
/// less than 1e-10° (~1 cm), so the round trip is exact to well under 0.5 m.
public enum ChineseCoordinates {
    static let a = 6_378_245.0
    static let ee = 0.006_693_421_622_965_943_23
    static let xPi = Double.pi * 3000.0 / 180.0

    /// Whether the GCJ-02 offset applies (China's rough bounding box).
    public static func isInChina(_ p: GeoPoint) -> Bool {
        p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271
    }

    /// WGS-84 → GCJ-02.
    public static func wgs84ToGCJ02(_ p: GeoPoint) -> GeoPoint {
        guard isInChina(p) else { return p }
        let (dLat, dLon) = offset(p)
        return GeoPoint(lat: p.lat + dLat, lon: p.lon + dLon)
    }

    /// GCJ-02 → WGS-84, by fixed-point iteration of the forward transform.
    public static func gcj02ToWGS84(_ p: GeoPoint) -> GeoPoint {
        guard isInChina(p) else { return p }
        var w = p
        for _ in 0..<30 {
            let g = wgs84ToGCJ02(w)
            let next = GeoPoint(lat: w.lat - (g.lat - p.lat), lon: w.lon - (g.lon - p.lon))
            let moved = max(abs(next.lat - w.lat), abs(next.lon - w.lon))
            w = next
            if moved < 1e-10 { break }
        }
        return w
    }

    /// GCJ-02 → BD-09.
    public static func gcj02ToBD09(_ p: GeoPoint) -> GeoPoint {
        let x = p.lon, y = p.lat
        let z = (x * x + y * y).squareRoot() + 0.000_02 * sin(y * xPi)
        let theta = atan2(y, x) + 0.000_003 * cos(x * xPi)
        return GeoPoint(lat: z * sin(theta) + 0.006, lon: z * cos(theta) + 0.0065)
    }

    /// BD-09 → GCJ-02.
    public static func bd09ToGCJ02(_ p: GeoPoint) -> GeoPoint {
        let x = p.lon - 0.0065, y = p.lat - 0.006
        let z = (x * x + y * y).squareRoot() - 0.000_02 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000_003 * cos(x * xPi)
        return GeoPoint(lat: z * sin(theta), lon: z * cos(theta))
    }

    /// The GCJ-02 offset in degrees at a WGS-84 point.
    static func offset(_ p: GeoPoint) -> (lat: Double, lon: Double) {
        let x = p.lon - 105.0, y = p.lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = p.lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cos(radLat) * .pi)
        return (dLat, dLon)
    }
}
