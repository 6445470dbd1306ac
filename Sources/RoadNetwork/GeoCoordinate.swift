/// A WGS-84 position in decimal degrees.
public struct GeoCoordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Latitude in degrees, −90…90.
    public var latitude: Double
    /// Longitude in degrees, −180…180.
    public var longitude: Double

    /// A coordinate from latitude and longitude in degrees.
    @inlinable public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether both parts are finite and within their ranges.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    /// `(latitude, longitude)` in degrees.
    public var description: String { "(\(latitude), \(longitude))" }

    /// Mean Earth radius in km (IUGG), the usual choice for the haversine formula.
    public static let earthRadiusKm = 6371.0088

    /// Great-circle distance in km by the haversine formula.
    ///
    /// Accurate to about 0.5 % against the ellipsoid, which is far below the error of
    /// using straight lines for roads at all.
    @inlinable public func distanceKm(to other: GeoCoordinate) -> Double {
        distanceKm(to: other, cosLatitude: cosLatitude, otherCosLatitude: other.cosLatitude)
    }

    /// The cosine of the latitude as ``distanceKm(to:)`` computes it: an import measuring
    /// millions of segments computes it once per node instead of twice per segment
    /// (docs/decisions.md, "OSM import speed, sixth round").
    @inlinable package var cosLatitude: Double { _cos(latitude * (Double.pi / 180)) }

    /// ``distanceKm(to:)`` with both ends' ``cosLatitude`` given: the same bits.
    @inlinable package func distanceKm(to other: GeoCoordinate, cosLatitude: Double, otherCosLatitude: Double) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let s1 = _sin(dLat / 2), s2 = _sin(dLon / 2)
        let a = s1 * s1 + cosLatitude * otherCosLatitude * s2 * s2
        return 2 * GeoCoordinate.earthRadiusKm * _asin(min(1, a.squareRoot()))
    }
}
