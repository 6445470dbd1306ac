/// Finds how far a point is from the nearest road node, with a uniform grid of
/// buckets so that checking thousands of depots against 200k nodes stays linear.
///
/// A stand-in for RoadNetwork's snapping that needs only the bundle's node rows;
/// validation asks through ``RoadSnapper`` so either can answer.
public struct NearestNodeIndex: RoadSnapper {
    private let cellDegrees: Double
    private let buckets: [GridCell: [Int32]]
    private let points: [GeoPoint]

    private struct GridCell: Hashable, Sendable {
        var x: Int32
        var y: Int32
    }

    /// Builds an index over node positions (invalid positions are skipped).
    /// - Parameter cellDegrees: bucket size; 0.05° ≈ 5 km keeps buckets small.
    public init(points: [GeoPoint], cellDegrees: Double = 0.05) {
        self.cellDegrees = cellDegrees
        self.points = points
        var buckets: [GridCell: [Int32]] = [:]
        for (i, p) in points.enumerated() where p.isValid {
            buckets[Self.cell(p, cellDegrees), default: []].append(Int32(i))
        }
        self.buckets = buckets
    }

    private static func cell(_ p: GeoPoint, _ size: Double) -> GridCell {
        GridCell(x: Int32((p.lon / size).rounded(.down)), y: Int32((p.lat / size).rounded(.down)))
    }

    /// The nearest node's index and distance in km within `maxKm`, else nil.
    public func nearest(to p: GeoPoint, maxKm: Double) -> (index: Int, distanceKm: Double)? {
        guard p.isValid, maxKm.isFinite, maxKm >= 0 else { return nil }
        let center = Self.cell(p, cellDegrees)
        // Rings needed to cover maxKm: latitude degrees are ~111 km; longitude
        // degrees shrink with cos(lat), so widen the x range accordingly.
        let ringY = Int32(min(2000, (maxKm / (111 * cellDegrees)).rounded(.up) + 1))
        let cosLat = max(0.05, cos(p.lat * Double.pi / 180))
        let ringX = Int32(min(2000, (maxKm / (111 * cosLat * cellDegrees)).rounded(.up) + 1))
        var best: (Int, Double)?
        for dy in -ringY...ringY {
            for dx in -ringX...ringX {
                guard let bucket = buckets[GridCell(x: center.x &+ dx, y: center.y &+ dy)] else { continue }
                for i in bucket {
                    let d = p.distanceKm(to: points[Int(i)])
                    if d <= maxKm, best.map({ d < $0.1 }) ?? true { best = (Int(i), d) }
                }
            }
        }
        return best.map { (index: $0.0, distanceKm: $0.1) }
    }

    /// Distance to the nearest node if one lies within `maxKm`.
    public func snapDistanceKm(to p: GeoPoint, maxKm: Double) -> Double? {
        nearest(to: p, maxKm: maxKm)?.distanceKm
    }
}

/// Answers "how far is this point from the road network?" for validation.
public protocol RoadSnapper: Sendable {
    /// Distance in km from `p` to the nearest usable node within `maxKm`, or nil
    /// if there is none that close.
    func snapDistanceKm(to p: GeoPoint, maxKm: Double) -> Double?
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
