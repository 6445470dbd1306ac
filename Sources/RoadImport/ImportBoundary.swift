import RoadNetwork

/// The part of the input to keep: a bounding box or polygons (`--bbox`,
/// `--boundary`). Nodes outside are treated like nodes missing from the file: the
/// ways through them are cut there.
public struct ImportBoundary: Hashable, Sendable {
    /// Polygons (any may contain a point); a box is one four-corner polygon.
    public var polygons: [GeoPolygon]

    /// A boundary of polygons (e.g. a county's outline).
    public init(polygons: [GeoPolygon]) { self.polygons = polygons }

    /// `W,S,E,N` in degrees.
    public init(west: Double, south: Double, east: Double, north: Double) throws(RoadImportError) {
        guard [west, south, east, north].allSatisfy(\.isFinite), west < east, south < north,
              (-180...180).contains(west), (-180...180).contains(east), (-90...90).contains(south), (-90...90).contains(north) else {
            throw .badBoundary(reason: .bboxOrder(west: west, south: south, east: east, north: north))
        }
        polygons = [GeoPolygon(outer: [GeoCoordinate(latitude: south, longitude: west), GeoCoordinate(latitude: south, longitude: east),
                                       GeoCoordinate(latitude: north, longitude: east), GeoCoordinate(latitude: north, longitude: west),
                                       GeoCoordinate(latitude: south, longitude: west)])]
    }

    /// Parses `W,S,E,N`.
    public init(bboxText: String) throws(RoadImportError) {
        let values = bboxText.split(separator: ",").map { Double($0.trimmingCharacters(in: " ")) }
        guard values.count == 4, let w = values[0], let s = values[1], let e = values[2], let n = values[3] else {
            throw .badBoundary(reason: .bboxSyntax(text: bboxText))
        }
        try self.init(west: w, south: s, east: e, north: n)
    }

    /// Whether a point is inside.
    public func contains(_ p: GeoCoordinate) -> Bool { polygons.contains { $0.contains(p) } }
}

/// An import boundary with each polygon's box: a point outside every box is outside
/// (most of a province's nodes when a county is imported from its extract) and is
/// rejected without the polygon tests, which give the same answer.
struct BoundaryTest {
    let polygons: [GeoPolygon]
    let boxes: [GeoBoundingBox]

    init(_ boundary: ImportBoundary) {
        polygons = boundary.polygons
        boxes = boundary.polygons.map(\.boundingBox)
    }

    @inline(__always) func contains(_ p: GeoCoordinate) -> Bool {
        for i in 0..<boxes.count where boxes[i].contains(p) && polygons[i].contains(p) { return true }
        return false
    }
}
