import RoadNetwork

/// A road network read from OpenStreetMap or a shapefile: nodes at junctions and
/// dead ends, edges with their full geometry, and what was left out.
///
/// The nodes and edges are views: each ``Node`` and ``Edge`` is made when it is read,
/// from the flat records the import built, so a network of millions of roads holds no
/// per-road objects (docs/decisions.md, "OSM import speed, sixth round").
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

    /// The nodes, in order of first use by the edges.
    public struct Nodes: RandomAccessCollection, Sendable {
        let store: ImportedRoadStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.nodeVertex.count }
        public subscript(position: Int) -> Node { store.node(position) }
    }

    /// The edges, in order of their ways in the file.
    public struct Edges: RandomAccessCollection, Sendable {
        let store: ImportedRoadStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.pieces.count }
        public subscript(position: Int) -> Edge { store.edge(position) }

        /// The sum of the edges' lengths in km, in row order (summed once, by the import).
        public var totalLengthKm: Double { store.totalLengthKm }
    }

    /// Nodes in order of first appearance.
    public var nodes: Nodes { Nodes(store: store) }
    /// Edges in order of their ways in the file.
    public var edges: Edges { Edges(store: store) }
    /// What was read, kept and dropped.
    public var report: ImportReport
    let store: ImportedRoadStore

    init(store: ImportedRoadStore, report: ImportReport) {
        self.store = store
        self.report = report
    }

    // Equal networks have equal nodes, edges and reports, however they are stored.
    public static func == (a: ImportedRoadNetwork, b: ImportedRoadNetwork) -> Bool {
        a.report == b.report && a.nodes.elementsEqual(b.nodes) && a.edges.elementsEqual(b.edges)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(report)
        hasher.combine(nodes.count)
        for node in nodes { hasher.combine(node) }
        for edge in edges { hasher.combine(edge) }
    }
}

/// What an import keeps: the builder's vertices and pieces, flat, which the network's
/// ``ImportedRoadNetwork/Nodes`` and ``ImportedRoadNetwork/Edges`` read and
/// ``RoadTableWriter`` formats without making a `Node` or `Edge`.
///
/// A piece's polyline is a range of dense node indices: of `refs` (the ways' own
/// references, so an uncontracted road costs no geometry of its own) or, for a road
/// contraction joined from several pieces, of `mergedPoints`. A copy of every
/// polyline's coordinates and one `Edge` record per road were 0.45 GB of fresh memory
/// on the 1300² grid of scripts/bench_import.py (docs/decisions.md, sixth round).
final class ImportedRoadStore: Sendable {
    let nodePrefix: String
    /// Per builder vertex: OSM id, barrier copy number (0: none), and its dense node in
    /// `points` (its position: a copy of every vertex's was 27 MB more on the grid).
    let vertexOSMID: [Int64], vertexCopy: [Int32], vertexPoint: [Int32]
    /// Network node → its vertex, and vertex → its node (−1: left out).
    let nodeVertex: [Int32], vertexNode: [Int32]
    /// The edges' records, in row order.
    let pieces: [OSMNetworkBuilder.Piece]
    /// The kept ways (attributes and ids) and their bundle classes.
    let ways: [KeptWay], wayClass: [RoadClass]
    /// Per way, its pieces' speed in km/h (a merged piece's ways all have the same).
    let waySpeed: [Double]
    /// Way ids of pieces spanning several ways (`Piece.wayList`).
    let wayLists: [[Int64]]
    /// Polylines as dense node indices, and each dense node's position.
    let refs: [Int32], mergedPoints: [Int32], points: [KeptNode]
    /// Each vertex's position as the tables print it.
    let vertexText: NodeCoordinateText
    /// The pieces' lengths summed in row order.
    let totalLengthKm: Double

    init(nodePrefix: String, vertexOSMID: [Int64], vertexCopy: [Int32], vertexPoint: [Int32], nodeVertex: [Int32],
         vertexNode: [Int32], pieces: [OSMNetworkBuilder.Piece], ways: [KeptWay], wayClass: [RoadClass], waySpeed: [Double], wayLists: [[Int64]],
         refs: [Int32], mergedPoints: [Int32], points: [KeptNode], vertexText: NodeCoordinateText, totalLengthKm: Double) {
        self.nodePrefix = nodePrefix
        self.vertexOSMID = vertexOSMID
        self.vertexCopy = vertexCopy
        self.vertexPoint = vertexPoint
        self.nodeVertex = nodeVertex
        self.vertexNode = vertexNode
        self.pieces = pieces
        self.ways = ways
        self.wayClass = wayClass
        self.waySpeed = waySpeed
        self.wayLists = wayLists
        self.refs = refs
        self.mergedPoints = mergedPoints
        self.points = points
        self.vertexText = vertexText
        self.totalLengthKm = totalLengthKm
    }

    func node(_ i: Int) -> ImportedRoadNetwork.Node {
        let v = Int(nodeVertex[i])
        return .init(name: OSMNetworkBuilder.vertexName(prefix: nodePrefix, id: vertexOSMID[v], copy: vertexCopy[v]),
                     osmID: vertexOSMID[v], coordinate: points[Int(vertexPoint[v])].coordinate)
    }

    func edge(_ i: Int) -> ImportedRoadNetwork.Edge {
        let p = pieces[i]
        let at = ways[Int(p.way)].attributes
        return .init(from: Int(vertexNode[Int(p.a)]), to: Int(vertexNode[Int(p.b)]), lengthKm: p.lengthKm, highway: at.highway,
                     roadClass: wayClass[Int(p.way)], speedKmh: waySpeed[Int(p.way)], oneway: p.oneway, bridge: at.bridge, tunnel: at.tunnel,
                     ford: p.ford, ferry: at.highway == "ferry", name: at.name, wayIDs: p.wayIDs(ways: ways, wayLists: wayLists),
                     geometry: p.polyline(refs: refs, mergedPoints: mergedPoints).map { points[Int($0)].coordinate })
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
