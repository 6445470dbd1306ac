/// A WGS-84 position in decimal degrees.
public struct GeoPoint: Hashable, Codable, Sendable {
    /// Latitude in degrees, −90…90.
    public var lat: Double
    /// Longitude in degrees, −180…180.
    public var lon: Double

    /// Creates a point from latitude and longitude in degrees.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Whether both coordinates are finite and inside their ranges.
    public var isValid: Bool {
        lat.isFinite && lon.isFinite && (-90...90).contains(lat) && (-180...180).contains(lon)
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km).
    ///
    /// Accurate to well under 1 % at city scale, which is all snapping needs.
    public func distanceKm(to other: GeoPoint) -> Double {
        let toRad = Double.pi / 180
        let dLat = (other.lat - lat) * toRad
        let dLon = (other.lon - lon) * toRad
        let s1 = sin(dLat / 2), s2 = sin(dLon / 2)
        let a = s1 * s1 + cos(lat * toRad) * cos(other.lat * toRad) * s2 * s2
        return 2 * 6371.0 * asin(min(1, a.squareRoot()))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
