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
        /// The bundle class (see ``OSMSpeeds``).
        public var roadClass: RoadClass
        /// Free-flow speed in km/h (maxspeed, ferry duration or class speed).
        public var speedKmh: Double
        /// Only drivable from → to.
        public var oneway: Bool
        /// Crosses a bridge / runs in a tunnel / fords water (a `ford` way or node).
        public var bridge: Bool, tunnel: Bool, ford: Bool
        /// A ferry crossing.
        public var ferry: Bool
        /// Street name (`name:zh`, else `name`), "" when none.
        public var name: String
        /// The OSM ways the edge was contracted from, in order.
        public var wayIDs: [Int64]
        /// The polyline from `from` to `to`, both included.
        public var geometry: [GeoCoordinate]
    }

    /// Nodes in order of first appearance.
    public var nodes: [Node]
    /// Edges in order of their ways in the file.
    public var edges: [Edge]
    /// What was read, kept and dropped.
    public var report: ImportReport
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
