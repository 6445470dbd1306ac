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

    /// Creates an edge.
    public init(from: RoadNodeID, to: RoadNodeID, lengthKm: Double, roadClass: String,
                speedKmh: Double? = nil, oneway: Bool = false) {
        self.from = from
        self.to = to
        self.lengthKm = lengthKm
        self.roadClass = roadClass
        self.speedKmh = speedKmh
        self.oneway = oneway
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
