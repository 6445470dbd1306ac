import ReserveModel
import RoadNetwork

/// A bundle's road network, built once and shared: the routable graph and every
/// place of the bundle snapped to it, with its access leg. It is an immutable
/// `Sendable` value; every scenario of the bundle routes on it through its own
/// disruption overlay (``overlay(for:)``).
///
/// Build it with ``LoadedBundle/validated(_:)`` (BundleIO), which validates the
/// bundle on the same graph and the same snaps, or with ``init(bundle:accessSpeedKmh:)``
/// for a bundle that was validated elsewhere.
public struct BundleNetwork: Sendable {
    /// The graph (kilometres, travel time from class speeds); node names are the
    /// bundle's road node ids.
    public let graph: RoadGraph
    /// Every depot, area centroid and team base snapped to ``graph``.
    public let snaps: PlaceSnaps
    /// Speed of the straight-line access leg from a depot, area centroid or team base
    /// to its nearest node, km/h.
    public let accessSpeedKmh: Double
    /// Snapping distance above which a place is reported as probably off the network, km.
    public let warnBeyondKm: Double
    /// The roads with a bridge, tunnel, ford or ferry, for scenarios that close them.
    public let crossings: CrossingRoads
    /// What the network was built from: every entry point that takes a network with
    /// a bundle checks it (``check(belongsTo:)``).
    public let bundleFingerprint: BundleFingerprint

    /// The default speed of access legs, km/h.
    public static let defaultAccessSpeedKmh = 20.0

    /// Builds the graph from the bundle's `nodes.csv`/`roads.csv` (or GeoJSON) rows
    /// and snaps every place.
    ///
    /// - Throws: ``BundleNetworkError`` when there are no nodes, an edge names an
    ///   unknown node or has an unusable number, or a node has invalid coordinates.
    public init(bundle: ReserveBundle, accessSpeedKmh: Double = BundleNetwork.defaultAccessSpeedKmh) throws(BundleNetworkError) {
        let built = bundle.roadGraph()
        var problems: [BundleNetworkError] = []
        if !built.skippedEdges.isEmpty { problems.append(.unusableRoads(rows: built.skippedEdges)) }
        if bundle.roadNodes.isEmpty { problems.append(.noRoadNodes) }
        let invalid = bundle.roadNodes.filter { !GeoPoint(lat: $0.lat, lon: $0.lon).isValid }.map(\.id)
        if !invalid.isEmpty { problems.append(.invalidNodeCoordinates(invalid)) }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
        self.init(graph: built.graph, bundle: bundle, accessSpeedKmh: accessSpeedKmh)
    }

    /// A network from a graph already built from `bundle` (by validation) whose
    /// nodes and roads are known to be usable.
    package init(graph: RoadGraph, bundle: ReserveBundle, accessSpeedKmh: Double = BundleNetwork.defaultAccessSpeedKmh,
                 snaps: PlaceSnaps? = nil) {
        self.graph = graph
        self.bundleFingerprint = BundleFingerprint(bundle)
        self.accessSpeedKmh = accessSpeedKmh
        self.warnBeyondKm = bundle.manifest.maxSnapKm
        self.crossings = CrossingRoads(bundle: bundle, graph: graph)
        self.snaps = snaps ?? (graph.coordinates == nil ? PlaceSnaps()
            : PlaceSnaps(bundle: bundle, graph: graph, accessSpeedKmh: accessSpeedKmh, warnBeyondKm: bundle.manifest.maxSnapKm))
    }

    /// A point that is not one of the bundle's places (a siting candidate, say)
    /// snapped to its nearest node, with the access leg.
    public func snap(_ point: GeoPoint) -> SnappedPoint? {
        guard point.isValid else { return nil }
        return try? graph.snap(GeoCoordinate(latitude: point.lat, longitude: point.lon),
                               accessSpeedKmh: accessSpeedKmh, warnBeyondKm: warnBeyondKm)
    }

    /// Throws unless this network was built from `bundle` (or from a bundle with the
    /// same roads, places and snapping distance: ``BundleFingerprint``).
    ///
    /// - Throws: ``BundleNetworkError/belongsToAnotherBundle(network:bundle:)``.
    public func check(belongsTo bundle: ReserveBundle) throws(BundleNetworkError) {
        let other = BundleFingerprint(bundle)
        if other != bundleFingerprint { throw .belongsToAnotherBundle(network: bundleFingerprint, bundle: other) }
    }

    /// The node of a bundle node id.
    public func node(_ id: RoadNodeID) -> NodeID? { graph.node(named: id.rawValue) }
}
