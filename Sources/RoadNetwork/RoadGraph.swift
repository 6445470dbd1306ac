/// An immutable road network in compressed sparse row (CSR) form, shareable across
/// threads.
///
/// The layout follows RoutingKit: a few flat arrays built once by a counting sort.
/// The out-edges of node `u` are the positions `firstOut[u] ..< firstOut[u + 1]`
/// of `head`, `lengths`, `baseHours` and `roadClasses`; the in-edges of `v` are the
/// positions `firstIn[v] ..< firstIn[v + 1]` of `inTail` (the edge's source) and
/// `inEdge` (the forward position, for its attributes).
///
/// Memory per directed edge, both directions' indexes included: **29 bytes** —
/// `head` 4, `lengths` 8, `baseHours` 8, `roadClasses` 1, `inTail` 4, `inEdge` 4
/// (see ``bytesPerDirectedEdge``). Per node: 8 bytes of offsets, plus 16 with
/// coordinates and 8 for the snapping grid. The speed is not stored: it is
/// `length / baseHours`, exact up to rounding.
///
/// A two-way road is two directed edges. Build one with ``RoadGraphBuilder`` or a
/// reader (``CSVEdgeListReader``, ``GeoJSONRoadReader``, ``DIMACSReader``,
/// ``CEdgeReader``); query it with the Dijkstra family in ``SearchWorkspace`` and the
/// convenience methods on this type. Disruptions never change a graph: pass a
/// ``DisruptionOverlay`` to the query instead.
public struct RoadGraph: Sendable {
    /// Bytes of edge storage per directed edge, forward and reverse indexes included.
    public static let bytesPerDirectedEdge = 29

    /// What the edge lengths measure.
    public enum LengthUnit: String, Sendable, Codable {
        /// Kilometres, with travel times from speeds in km/h.
        case kilometres
        /// The file's own unit (DIMACS, `.cedge`): travel "time" equals the length,
        /// as if every speed were one unit per hour.
        case fileUnit
    }

    /// Number of nodes; node ids are `0..<nodeCount`.
    public let nodeCount: Int
    /// What ``length(of:)`` measures.
    public let lengthUnit: LengthUnit

    /// CSR offsets of the forward adjacency (`nodeCount + 1` entries).
    public let firstOut: [Int32]
    /// Target node of each directed edge.
    public let head: [Int32]
    /// Length of each directed edge, in ``lengthUnit``.
    public let lengths: [Double]
    /// Undisrupted travel time of each directed edge in hours.
    public let baseHours: [Double]
    /// Road class of each directed edge.
    public let roadClasses: [RoadClass]
    /// CSR offsets of the reverse adjacency (`nodeCount + 1` entries).
    public let firstIn: [Int32]
    /// Source node of each reverse-adjacency entry.
    public let inTail: [Int32]
    /// Forward edge position of each reverse-adjacency entry.
    public let inEdge: [Int32]

    /// Node coordinates, when the source had them.
    public let coordinates: [GeoCoordinate]?
    /// External node names (the ids in the input file), when the source had them.
    public let nodeNames: [String]?
    let nameIndex: NameIndex
    /// The snapping index; present exactly when ``coordinates`` is.
    public let spatialIndex: SpatialGrid?

    @usableFromInline
    init(nodeCount: Int, lengthUnit: LengthUnit, firstOut: [Int32], head: [Int32], lengths: [Double],
         baseHours: [Double], roadClasses: [RoadClass], firstIn: [Int32], inTail: [Int32],
         inEdge: [Int32], coordinates: [GeoCoordinate]?, nodeNames: [String]?, nameIndex known: NameIndex? = nil) {
        self.nodeCount = nodeCount
        self.lengthUnit = lengthUnit
        self.firstOut = firstOut
        self.head = head
        self.lengths = lengths
        self.baseHours = baseHours
        self.roadClasses = roadClasses
        self.firstIn = firstIn
        self.inTail = inTail
        self.inEdge = inEdge
        self.coordinates = coordinates
        self.nodeNames = nodeNames
        // A builder that already indexed every name hands its index on: hashing
        // 200k names again is a tenth of reading a province bundle.
        var index = known ?? NameIndex()
        if let nodeNames, known == nil {
            index.reserveCapacity(nodeNames.count)
            // Backwards, so that a repeated name keeps its last node.
            for i in nodeNames.indices.reversed() { _ = index.claim(nodeNames[i], new: Int32(i), names: nodeNames) }
        }
        self.nameIndex = index
        self.spatialIndex = coordinates.map { SpatialGrid(coordinates: $0) }
    }

    /// Number of directed edges.
    @inlinable public var edgeCount: Int { head.count }

    /// All node ids in order.
    public var nodes: some RandomAccessCollection<NodeID> { (0..<nodeCount).lazy.map { NodeID($0) } }

    /// Whether `node` is a node of this graph.
    @inlinable public func contains(_ node: NodeID) -> Bool { node.rawValue >= 0 && Int(node.rawValue) < nodeCount }

    /// The node with an external name, or `nil`.
    ///
    /// A graph without a name table (built from anonymous nodes, or read from `.cedge`)
    /// answers for the decimal spelling of the dense id instead.
    /// - Complexity: O(1) expected.
    public func node(named name: String) -> NodeID? {
        if let nodeNames { return nameIndex.find(name, names: nodeNames).map(NodeID.init) }
        guard let raw = Int32(name), raw >= 0, Int(raw) < nodeCount else { return nil }
        return NodeID(raw)
    }

    /// The external name of a node (its decimal id when the graph has no name table).
    public func name(of node: NodeID) -> String {
        if let nodeNames, contains(node) { return nodeNames[node.index] }
        return String(node.rawValue)
    }

    /// The coordinate of a node, if the graph has coordinates.
    @inlinable public func coordinate(of node: NodeID) -> GeoCoordinate? { coordinates?[node.index] }

    /// The out-edges of a node as a range of edge positions.
    @inlinable public func outEdges(of node: NodeID) -> Range<Int> {
        Int(firstOut[node.index]) ..< Int(firstOut[node.index + 1])
    }

    /// The in-edge entries of a node (positions in `inTail`/`inEdge`).
    @inlinable public func inEntries(of node: NodeID) -> Range<Int> {
        Int(firstIn[node.index]) ..< Int(firstIn[node.index + 1])
    }

    /// The target node of an edge.
    @inlinable public func target(of edge: EdgeID) -> NodeID { NodeID(head[edge.index]) }

    /// The source node of an edge, by binary search over the offsets.
    /// - Complexity: O(log n).
    public func source(of edge: EdgeID) -> NodeID {
        var lo = 0, hi = nodeCount // invariant: firstOut[lo] <= e < firstOut[hi]
        let e = edge.rawValue
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if firstOut[mid] <= e { lo = mid } else { hi = mid }
        }
        return NodeID(lo)
    }

    /// The length of an edge in ``lengthUnit``.
    @inlinable public func length(of edge: EdgeID) -> Double { lengths[edge.index] }
    /// The undisrupted travel time of an edge in hours.
    @inlinable public func hours(of edge: EdgeID) -> Double { baseHours[edge.index] }
    /// The road class of an edge.
    @inlinable public func roadClass(of edge: EdgeID) -> RoadClass { roadClasses[edge.index] }
    /// The speed of an edge in km/h (length per hour), or `nil` for a zero-length edge.
    public func speed(of edge: EdgeID) -> Double? {
        let h = baseHours[edge.index]
        return h > 0 ? lengths[edge.index] / h : nil
    }

    /// The edge from `a` to `b` with the smallest travel time, if any.
    /// - Complexity: O(out-degree of `a`).
    public func edge(from a: NodeID, to b: NodeID) -> EdgeID? {
        guard contains(a), contains(b) else { return nil }
        var best: Int?
        for e in outEdges(of: a) where head[e] == b.rawValue {
            if best.map({ baseHours[e] < baseHours[$0] }) ?? true { best = e }
        }
        return best.map(EdgeID.init)
    }

    /// Bytes held by the graph's arrays (edges, offsets, coordinates, grid); names excluded.
    public var memoryFootprint: Int {
        edgeCount * RoadGraph.bytesPerDirectedEdge + (firstOut.count + firstIn.count) * 4
            + (coordinates?.count ?? 0) * 16 + (spatialIndex?.memoryFootprint ?? 0)
    }

    /// Bytes of edge storage actually held, computed from the arrays' element sizes.
    public var edgeStorageBytes: Int {
        head.count * MemoryLayout<Int32>.stride + lengths.count * MemoryLayout<Double>.stride
            + baseHours.count * MemoryLayout<Double>.stride + roadClasses.count * MemoryLayout<RoadClass>.stride
            + inTail.count * MemoryLayout<Int32>.stride + inEdge.count * MemoryLayout<Int32>.stride
    }
}
