/// An OpenStreetMap node: a point with an id and tags.
public struct OSMNode: Hashable, Sendable {
    /// OSM node id.
    public var id: Int64
    /// Latitude in degrees (WGS-84).
    public var latitude: Double
    /// Longitude in degrees (WGS-84).
    public var longitude: Double
    /// Tags; empty for most nodes.
    public var tags: [String: String]

    /// Creates a node.
    public init(id: Int64, latitude: Double, longitude: Double, tags: [String: String] = [:]) {
        self.id = id
        self.latitude = latitude
        self.longitude = longitude
        self.tags = tags
    }
}

/// An OpenStreetMap way: an ordered list of node references with tags.
public struct OSMWay: Hashable, Sendable {
    /// OSM way id.
    public var id: Int64
    /// The node ids in order.
    public var nodeRefs: [Int64]
    /// Tags.
    public var tags: [String: String]

    /// Creates a way.
    public init(id: Int64, nodeRefs: [Int64], tags: [String: String]) {
        self.id = id
        self.nodeRefs = nodeRefs
        self.tags = tags
    }
}

/// Everything an OSM file holds that road import uses (relations are skipped):
/// the result of reading a whole small file into memory.
public struct OSMData: Hashable, Sendable {
    /// Nodes in file order.
    public var nodes: [OSMNode]
    /// Ways in file order.
    public var ways: [OSMWay]

    /// Creates a data set.
    public init(nodes: [OSMNode] = [], ways: [OSMWay] = []) {
        self.nodes = nodes
        self.ways = ways
    }
}
