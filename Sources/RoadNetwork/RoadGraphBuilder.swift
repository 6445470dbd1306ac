/// A mistake in data handed to ``RoadGraphBuilder`` or a query.
public enum RoadGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A node id outside `0..<nodeCount`.
    case unknownNode(Int)
    /// A node name that is not in the graph.
    case unknownNodeName(String)
    /// A length that is negative, infinite or NaN.
    case invalidLength(Double)
    /// A speed that is not positive and finite.
    case invalidSpeed(Double)
    /// A coordinate outside the WGS-84 ranges.
    case invalidCoordinate(GeoCoordinate)
    /// More nodes or edges than 32-bit ids can address.
    case tooLarge(String)
    /// A query that needs coordinates on a graph without them.
    case noCoordinates
    /// An edge id outside `0..<edgeCount`.
    case unknownEdge(Int)
    /// A travel-time factor that is not positive and finite.
    case invalidFactor(Double)
    /// An overlay made for a graph with a different edge count.
    case overlayMismatch(expectedEdges: Int, actualEdges: Int)
    /// A time limit that is negative or NaN.
    case invalidTimeLimit(Double)
    /// A snap restricted to nodes none of which qualifies.
    case noAllowedNode
    /// The caller's ``SearchStop`` asked the search to end (a deadline or a
    /// cancellation): no result.
    case stopped

    /// A plain sentence for the user.
    public var description: String {
        switch self {
        case let .unknownNode(i): "unknown node id \(i)"
        case let .unknownNodeName(name): "unknown node '\(name)'"
        case let .invalidLength(x): "invalid length \(x) (must be finite and ≥ 0)"
        case let .invalidSpeed(x): "invalid speed \(x) (must be finite and > 0)"
        case let .invalidCoordinate(c): "invalid coordinate \(c)"
        case let .tooLarge(what): "\(what) exceeds 32-bit ids"
        case .noCoordinates: "the graph has no node coordinates"
        case let .unknownEdge(i): "unknown edge id \(i)"
        case let .invalidFactor(x): "invalid travel-time factor \(x) (must be finite and > 0)"
        case let .overlayMismatch(expected, actual): "overlay made for \(actual) edges used on a graph with \(expected)"
        case let .invalidTimeLimit(x): "invalid time limit \(x) hours"
        case .noAllowedNode: "no node of the network qualifies for snapping"
        case .stopped: "the search was stopped by its caller"
        }
    }
}

/// Collects nodes and roads, then builds an immutable ``RoadGraph`` by counting sort.
///
/// ```swift
/// var builder = RoadGraphBuilder()
/// let a = builder.addNode(named: "A", at: GeoCoordinate(latitude: 47.3, longitude: 130.3))
/// let b = builder.addNode(named: "B", at: GeoCoordinate(latitude: 47.4, longitude: 130.2))
/// try builder.addRoad(from: a, to: b, lengthKm: 14.2, roadClass: .county)
/// let graph = builder.build()
/// ```
public struct RoadGraphBuilder: Sendable {
    private var tails: [Int32] = []
    private var heads: [Int32] = []
    private var lengths: [Double] = []
    private var speeds: [Double] = [] // NaN: the class default
    private var classes: [RoadClass] = []
    private var names: [String] = []
    private var nameIndex = NameIndex()
    private var coordinates: [GeoCoordinate?] = []
    /// Number of nodes added so far.
    public private(set) var nodeCount: Int
    /// What lengths measure in the graph being built.
    public var lengthUnit: RoadGraph.LengthUnit

    /// A builder with `nodeCount` anonymous nodes to start with.
    public init(nodeCount: Int = 0, lengthUnit: RoadGraph.LengthUnit = .kilometres) {
        self.nodeCount = max(0, nodeCount)
        self.lengthUnit = lengthUnit
        if nodeCount > 0 { coordinates = Array(repeating: nil, count: nodeCount) }
    }

    /// Number of directed edges added so far.
    public var edgeCount: Int { heads.count }

    /// Reserves room for `edges` directed edges.
    public mutating func reserveCapacity(edges: Int) {
        tails.reserveCapacity(edges); heads.reserveCapacity(edges); lengths.reserveCapacity(edges)
        speeds.reserveCapacity(edges); classes.reserveCapacity(edges)
    }

    /// Adds an anonymous node and returns its id.
    @discardableResult
    public mutating func addNode(at coordinate: GeoCoordinate? = nil) -> NodeID {
        let id = NodeID(nodeCount)
        nodeCount += 1
        coordinates.append(coordinate)
        if !names.isEmpty { names.append(String(id.rawValue)) }
        return id
    }

    /// Returns the node with this name, adding it (with the coordinate) if it is new.
    ///
    /// When a named node already exists and `coordinate` is given, the coordinate is
    /// set (the last one wins).
    @discardableResult
    public mutating func addNode(named name: String, at coordinate: GeoCoordinate? = nil) -> NodeID {
        // One hash per name: claim the slot with the next id, keep it if taken.
        let next = Int32(truncatingIfNeeded: nodeCount)
        let existing = nameIndex.claim(name, new: next, names: names)
        if existing != next {
            if let coordinate { coordinates[Int(existing)] = coordinate }
            return NodeID(existing)
        }
        if names.count < nodeCount { names = (0..<nodeCount).map { String($0) } }
        let id = NodeID(nodeCount)
        nodeCount += 1
        names.append(name)
        coordinates.append(coordinate)
        return id
    }

    /// Reserves room for `nodes` more named nodes, so the name index is not
    /// rehashed as it grows.
    public mutating func reserveCapacity(nodes: Int) {
        nameIndex.reserveCapacity(nameIndex.count + nodes)
        names.reserveCapacity(names.count + nodes)
        coordinates.reserveCapacity(coordinates.count + nodes)
    }

    /// The node already added under a name.
    public func node(named name: String) -> NodeID? { nameIndex.find(name, names: names).map(NodeID.init) }

    /// Sets or replaces a node's coordinate.
    public mutating func setCoordinate(_ coordinate: GeoCoordinate, of node: NodeID) throws(RoadGraphError) {
        guard node.rawValue >= 0, node.index < nodeCount else { throw .unknownNode(node.index) }
        guard coordinate.isValid else { throw .invalidCoordinate(coordinate) }
        coordinates[node.index] = coordinate
    }

    /// Adds one directed edge.
    ///
    /// - Parameters:
    ///   - speedKmh: the edge's own speed, or `nil` for the class default of the
    ///     ``SpeedTable`` given to ``build(speeds:)``.
    public mutating func addEdge(from tail: NodeID, to head: NodeID, length: Double,
                                 roadClass: RoadClass = .county, speedKmh: Double? = nil) throws(RoadGraphError) {
        guard tail.rawValue >= 0, tail.index < nodeCount else { throw .unknownNode(tail.index) }
        guard head.rawValue >= 0, head.index < nodeCount else { throw .unknownNode(head.index) }
        guard length >= 0, length.isFinite else { throw .invalidLength(length) }
        if let speedKmh, !(speedKmh > 0 && speedKmh.isFinite) { throw .invalidSpeed(speedKmh) }
        guard heads.count < Int(Int32.max) else { throw .tooLarge("edge count") }
        tails.append(tail.rawValue)
        heads.append(head.rawValue)
        lengths.append(length)
        speeds.append(speedKmh ?? .nan)
        classes.append(roadClass)
    }

    /// Adds a road: one directed edge, or two when it is not one-way.
    public mutating func addRoad(from a: NodeID, to b: NodeID, lengthKm: Double, roadClass: RoadClass = .county,
                                 speedKmh: Double? = nil, oneWay: Bool = false) throws(RoadGraphError) {
        try addEdge(from: a, to: b, length: lengthKm, roadClass: roadClass, speedKmh: speedKmh)
        if !oneWay { try addEdge(from: b, to: a, length: lengthKm, roadClass: roadClass, speedKmh: speedKmh) }
    }

    /// Builds the graph. Travel time of each edge is `length / speed` hours, where speed
    /// is the edge's own or the class default from `speeds`; with
    /// ``RoadGraph/LengthUnit/fileUnit`` it is the length itself.
    ///
    /// Coordinates are kept only when every node has one. Edge order within a node is
    /// the insertion order (the sort is stable), so builds are deterministic.
    /// - Complexity: O(n + m).
    public func build(speeds table: SpeedTable = .standard) -> RoadGraph {
        let n = nodeCount, m = heads.count
        var firstOut = [Int32](repeating: 0, count: n + 1)
        var firstIn = [Int32](repeating: 0, count: n + 1)
        for i in 0..<m {
            firstOut[Int(tails[i]) + 1] += 1
            firstIn[Int(heads[i]) + 1] += 1
        }
        for u in 0..<n {
            firstOut[u + 1] += firstOut[u]
            firstIn[u + 1] += firstIn[u]
        }
        var head = [Int32](repeating: 0, count: m)
        var length = [Double](repeating: 0, count: m)
        var hours = [Double](repeating: 0, count: m)
        var classesOut = [RoadClass](repeating: .county, count: m)
        var inTail = [Int32](repeating: 0, count: m)
        var inEdge = [Int32](repeating: 0, count: m)
        var nextOut = firstOut
        for i in 0..<m {
            let u = Int(tails[i])
            let p = Int(nextOut[u])
            nextOut[u] += 1
            head[p] = heads[i]
            length[p] = lengths[i]
            classesOut[p] = classes[i]
            switch lengthUnit {
            case .fileUnit:
                hours[p] = speeds[i].isNaN ? lengths[i] : lengths[i] / speeds[i]
            case .kilometres:
                let speed = speeds[i].isNaN ? table[classes[i]] : speeds[i]
                hours[p] = lengths[i] / speed
            }
        }
        // Reverse adjacency sorted by head, then by forward position, so in-edges of a
        // node come in the order of their tails.
        var nextIn = firstIn
        for u in 0..<n {
            for p in Int(firstOut[u])..<Int(firstOut[u + 1]) {
                let v = Int(head[p])
                let q = Int(nextIn[v])
                nextIn[v] += 1
                inTail[q] = Int32(u)
                inEdge[q] = Int32(p)
            }
        }
        let coords: [GeoCoordinate]?
        let known = coordinates.compactMap { $0 }
        if n > 0, known.count == n {
            coords = known
        } else {
            coords = nil
        }
        let nodeNames: [String]? = names.isEmpty ? nil : names
        // The index covers every name only when all nodes were added by name.
        let index = nodeNames != nil && nameIndex.count == names.count ? nameIndex : nil
        return RoadGraph(nodeCount: n, lengthUnit: lengthUnit, firstOut: firstOut, head: head, lengths: length,
                         baseHours: hours, roadClasses: classesOut, firstIn: firstIn, inTail: inTail,
                         inEdge: inEdge, coordinates: coords, nodeNames: nodeNames, nameIndex: index)
    }
}
