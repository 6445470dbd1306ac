/// A road node as the bundle stores it (`nodes.csv`): the routing module builds
/// its compact graph from these rows.
public struct RoadNodeRecord: Hashable, Codable, Sendable {
    /// Unique id, referenced by edges and disruptions.
    public var id: RoadNodeID
    /// Latitude in degrees.
    public var lat: Double
    /// Longitude in degrees.
    public var lon: Double

    /// Creates a node.
    public init(id: RoadNodeID, lat: Double, lon: Double) {
        self.id = id
        self.lat = lat
        self.lon = lon
    }

    /// The node's position.
    public var point: GeoPoint { GeoPoint(lat: lat, lon: lon) }
}

/// A road segment as the bundle stores it (`roads.csv`).
public struct RoadEdgeRecord: Hashable, Codable, Sendable {
    /// Start node.
    public var from: RoadNodeID
    /// End node.
    public var to: RoadNodeID
    /// Length in kilometres.
    public var lengthKm: Double
    /// Road class: `expressway`, `national`, `provincial`, `county`, `township`,
    /// `village`, `urban` or any other label (then `speed_kmh` is required).
    public var roadClass: String
    /// Free-flow speed in km/h; nil = the default for the class.
    public var speedKmh: Double?
    /// Whether it can only be driven from `from` to `to`.
    public var oneway: Bool
    /// What an importer (OpenStreetMap, shapefile) kept about the road; nil for roads
    /// written by hand or generated.
    public var attributes: RoadEdgeAttributes?

    /// Creates an edge.
    public init(from: RoadNodeID, to: RoadNodeID, lengthKm: Double, roadClass: String,
                speedKmh: Double? = nil, oneway: Bool = false, attributes: RoadEdgeAttributes? = nil) {
        self.from = from
        self.to = to
        self.lengthKm = lengthKm
        self.roadClass = roadClass
        self.speedKmh = speedKmh
        self.oneway = oneway
        self.attributes = attributes
    }

    /// Default speeds (km/h) by road class, used when a row gives no speed. The same
    /// values as RoadNetwork's `SpeedTable.standard` (JTG B01 design speeds reduced to
    /// typical truck speeds); kept here too because ReserveModel depends on nothing.
    public static let defaultSpeedKmh: [String: Double] = [
        "expressway": 90, "national": 70, "provincial": 60, "county": 45,
        "township": 35, "village": 25, "urban": 30,
    ]

    /// The speed to use: the row's, else the class default, else nil.
    public var effectiveSpeedKmh: Double? { speedKmh ?? Self.defaultSpeedKmh[roadClass] }
}

/// The optional `roads.csv` columns an import writes (docs/formats.md): the source
/// class and name, structures a flood can close, and the road's shape for maps.
public struct RoadEdgeAttributes: Hashable, Codable, Sendable {
    /// The source's class (OSM `highway` value, `ferry`, or the shapefile's class).
    public var highway: String?
    /// Street name.
    public var name: String?
    /// Runs over a bridge.
    public var bridge: Bool
    /// Runs through a tunnel.
    public var tunnel: Bool
    /// Fords water (a `ford` way, or a ford node on it).
    public var ford: Bool
    /// A ferry crossing.
    public var ferry: Bool
    /// The source features, e.g. OSM way ids separated by `;`.
    public var sourceIDs: String?
    /// The road's polyline from `from` to `to`; nil = a straight line.
    public var geometry: [GeoPoint]?

    /// Creates attributes.
    public init(highway: String? = nil, name: String? = nil, bridge: Bool = false, tunnel: Bool = false, ford: Bool = false,
                ferry: Bool = false, sourceIDs: String? = nil, geometry: [GeoPoint]? = nil) {
        self.highway = highway
        self.name = name
        self.bridge = bridge
        self.tunnel = tunnel
        self.ford = ford
        self.ferry = ferry
        self.sourceIDs = sourceIDs
        self.geometry = geometry
    }
}
