import RoadNetwork

/// A road network read from OpenStreetMap or a shapefile: nodes at junctions and
/// dead ends, edges with their full geometry, and what was left out.
public struct ImportedRoadNetwork: Hashable, Sendable {
    /// A graph node.
    public struct Node: Hashable, Sendable {
        /// Bundle node id: `n<OSM id>`, `n<OSM id>b<k>` for the k-th side of a blocking
        /// barrier, `s<k>` for shapefile endpoints.
        public var name: String
        /// The OSM node id (0 for shapefile nodes).
        public var osmID: Int64
        /// Position (WGS-84).
        public var coordinate: GeoCoordinate
    }

    /// A road between two nodes (both directions unless `oneway`).
    public struct Edge: Hashable, Sendable {
        /// Index into ``ImportedRoadNetwork/nodes``.
        public var from: Int
        /// Index into ``ImportedRoadNetwork/nodes``.
        public var to: Int
        /// Exact length along the geometry in km (haversine per segment).
        public var lengthKm: Double
        /// OSM `highway` value (`ferry` for ferries), or the shapefile's class.
        public var highway: String
        /// Free-flow speed in km/h (maxspeed, ferry duration or class speed).
        public var speedKmh: Double
        /// Only drivable from → to.
        public var oneway: Bool
        /// Crosses a bridge / runs in a tunnel / fords water (a `ford` way or node).
        public var bridge: Bool, tunnel: Bool, ford: Bool
        /// A ferry crossing.
        public var ferry: Bool
        /// The bundle class (see ``OSMSpeeds``). Stored beside the flags: 8 bytes less per edge.
        public var roadClass: RoadClass
        // The builder's own coordinate buffer is shared when little of it is unused, so
        // a piece read backwards stays backwards there; declared here, in the padding
        // after the flags (96 bytes an edge, pinned by a test).
        let geometryReversed: Bool
        /// Street name (`name:zh`, else `name`), "" when none.
        public var name: String
        /// The OSM ways the edge was contracted from, in order.
        public var wayIDs: [Int64] { Array(shapes.wayIDs[Int(wayIDRange.lowerBound)..<Int(wayIDRange.upperBound)]) }
        /// The polyline from `from` to `to`, both included.
        public var geometry: [GeoCoordinate] { withGeometry { points, reversed in reversed ? Array(points.reversed()) : Array(points) } }

        // Polylines and way ids of all edges live in one storage they share: two
        // arrays per edge were millions of allocations on a province (docs/decisions.md).
        let shapes: EdgeShapes
        let geometryRange: Range<Int32>
        let wayIDRange: Range<Int32>

        init(from: Int, to: Int, lengthKm: Double, highway: String, roadClass: RoadClass, speedKmh: Double, oneway: Bool,
             bridge: Bool, tunnel: Bool, ford: Bool, ferry: Bool, name: String,
             shapes: EdgeShapes, geometryRange: Range<Int32>, geometryReversed: Bool = false, wayIDRange: Range<Int32>) {
            self.from = from
            self.to = to
            self.lengthKm = lengthKm
            self.highway = highway
            self.roadClass = roadClass
            self.speedKmh = speedKmh
            self.oneway = oneway
            self.bridge = bridge
            self.tunnel = tunnel
            self.ford = ford
            self.ferry = ferry
            self.name = name
            self.shapes = shapes
            self.geometryRange = geometryRange
            self.geometryReversed = geometryReversed
            self.wayIDRange = wayIDRange
        }

        /// Calls `body` with the stored polyline without copying it, and whether it is
        /// stored from `to` to `from` (read it backwards then).
        func withGeometry<R>(_ body: (_ points: ArraySlice<GeoCoordinate>, _ reversed: Bool) -> R) -> R {
            body(shapes.coordinates[Int(geometryRange.lowerBound)..<Int(geometryRange.upperBound)], geometryReversed)
        }

        /// Calls `body` with the way ids without copying them.
        func withWayIDs<R>(_ body: (ArraySlice<Int64>) -> R) -> R {
            body(shapes.wayIDs[Int(wayIDRange.lowerBound)..<Int(wayIDRange.upperBound)])
        }

        // Equal edges have equal values, wherever their shapes are stored.
        public static func == (a: Edge, b: Edge) -> Bool {
            a.from == b.from && a.to == b.to && a.lengthKm == b.lengthKm && a.highway == b.highway && a.roadClass == b.roadClass
                && a.speedKmh == b.speedKmh && a.oneway == b.oneway && a.bridge == b.bridge && a.tunnel == b.tunnel
                && a.ford == b.ford && a.ferry == b.ferry && a.name == b.name
                && a.geometry == b.geometry && a.withWayIDs { w in b.withWayIDs { w.elementsEqual($0) } }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(from)
            hasher.combine(to)
            hasher.combine(lengthKm)
            hasher.combine(highway)
            hasher.combine(name)
            for point in geometry { hasher.combine(point) }
            withWayIDs { for id in $0 { hasher.combine(id) } }
        }
    }

    /// Nodes in order of first appearance.
    public var nodes: [Node]
    /// Edges in order of their ways in the file.
    public var edges: [Edge]
    /// What was read, kept and dropped.
    public var report: ImportReport
}

/// The polylines and way ids of a network's edges, each edge a range of them.
final class EdgeShapes: Sendable {
    let coordinates: [GeoCoordinate]
    let wayIDs: [Int64]

    init(coordinates: [GeoCoordinate], wayIDs: [Int64]) {
        self.coordinates = coordinates
        self.wayIDs = wayIDs
    }
}

/// Counts of an import, for the user and for cross-checks against other tools.
public struct ImportReport: Hashable, Sendable, Codable {
    /// A strongly connected piece left out of the network.
    public struct DroppedComponent: Hashable, Sendable, Codable {
        /// Nodes in it.
        public var nodeCount: Int
        /// Its centre (mean of its nodes).
        public var latitude: Double, longitude: Double
    }

    /// Drivable ways kept, per `highway` value (before clipping and component filtering).
    public var waysByHighway: [String: Int] = [:]
    /// Their length in km per `highway` value (after clipping to the file and boundary).
    public var lengthKmByHighway: [String: Double] = [:]
    /// Node-to-node pieces of one-way ways (each a one-way arc before contraction).
    public var onewayPieces = 0
    /// Ways that referenced nodes missing from the file or outside the boundary, and were cut there.
    public var waysCut = 0
    /// Barrier nodes that block the vehicle.
    public var blockingBarriers = 0
    /// Ways read that were not drivable (any tag).
    public var waysSkipped = 0
    /// Shapefile features skipped, by their unknown class value.
    public var skippedClasses: [String: Int] = [:]
    /// Nodes and edges before the component filter and contraction.
    public var nodesBeforeFilter = 0, edgesBeforeFilter = 0
    /// Components left out (every one but the largest strongly connected component),
    /// largest first; at most 20 listed, ``droppedNodes`` counts all.
    public var droppedComponents: [DroppedComponent] = []
    /// Nodes in all dropped components.
    public var droppedNodes = 0
    /// Number of dropped components.
    public var droppedComponentCount = 0
    /// Nodes removed by contracting chains of degree-2 nodes.
    public var contractedNodes = 0
}
